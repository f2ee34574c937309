from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError
from tests.conftest import REPO


def test_defaults_without_environment() -> None:
    settings = Settings.load({}, dotenv_path=None)
    assert settings == Settings()
    assert settings.allow_hosts == ()
    assert not settings.llm_enabled


def test_environment_wins_over_dotenv(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("DIGESTBOT_DB=from-file.sqlite3\nDIGESTBOT_QUOTES=1\n")
    settings = Settings.load({"DIGESTBOT_QUOTES": "5"}, dotenv_path=env_file)
    assert settings.db_path == "from-file.sqlite3"
    assert settings.default_quotes == 5


def test_types_are_converted() -> None:
    settings = Settings.load(
        {
            "DIGESTBOT_ALLOW_HOSTS": " 127.0.0.1, localhost ,",
            "DIGESTBOT_SYNC_COMMANDS": "off",
            "DIGESTBOT_LLM_TIMEOUT": "2.5",
            "OPENAI_API_KEY": "k",
            "DIGESTBOT_LLM_MODEL": "m",
        },
        dotenv_path=None,
    )
    assert settings.allow_hosts == ("127.0.0.1", "localhost")
    assert settings.sync_commands is False
    assert settings.llm_timeout == 2.5
    assert settings.llm_enabled


def test_bad_value_is_one_sentence() -> None:
    with pytest.raises(SettingsError, match="DIGESTBOT_QUOTES"):
        Settings.load({"DIGESTBOT_QUOTES": "three"}, dotenv_path=None)


def test_env_example_lists_every_setting_with_a_comment_and_its_default() -> None:
    lines = (REPO / ".env.example").read_text().splitlines()
    documented = {}
    for i, line in enumerate(lines):
        match = re.match(r"^([A-Z_]+)=(.*)$", line)
        if match:
            assert lines[i - 1].startswith("# "), f"{match.group(1)} has no comment"
            documented[match.group(1)] = match.group(2)
    names = {f.metadata["env"] for f in fields(Settings)}
    assert set(documented) == names
    # The example's values are the defaults: loading it changes nothing.
    assert Settings.load(documented, dotenv_path=None) == Settings()
