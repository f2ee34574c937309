"""The one settings object, read from the environment and an optional `.env` file.

Every field here has a line in `.env.example`; nothing else in the program reads the
environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from dotenv import dotenv_values

from summarizers.errors import InputError

if TYPE_CHECKING:
    from summarizers.fetch import FetchOptions
    from summarizers.rewrite.options import LLMOptions


class SettingsError(InputError):
    """A setting has a value digestbot cannot use."""


def _split_list(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def _as_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected true or false, got {raw!r}")


@dataclass(frozen=True)
class Settings:
    """All runtime configuration. Field metadata `env` names the variable it comes from."""

    # Discord
    discord_token: str = field(default="", metadata={"env": "DISCORD_TOKEN"})
    discord_api_base: str = field(default="", metadata={"env": "DIGESTBOT_DISCORD_API_BASE"})
    discord_gateway_url: str = field(default="", metadata={"env": "DIGESTBOT_DISCORD_GATEWAY_URL"})
    sync_commands: bool = field(default=True, metadata={"env": "DIGESTBOT_SYNC_COMMANDS"})
    discord_message_content: bool = field(
        default=False, metadata={"env": "DIGESTBOT_MESSAGE_CONTENT"}
    )
    summarize_cooldown: float = field(
        default=10.0, metadata={"env": "DIGESTBOT_SUMMARIZE_COOLDOWN"}
    )
    max_links_per_message: int = field(
        default=5, metadata={"env": "DIGESTBOT_MAX_LINKS_PER_MESSAGE"}
    )
    digest_concurrency: int = field(default=4, metadata={"env": "DIGESTBOT_DIGEST_CONCURRENCY"})
    summarize_backlog: int = field(default=500, metadata={"env": "DIGESTBOT_SUMMARIZE_BACKLOG"})
    # Feeds
    feed_interval: float = field(default=900.0, metadata={"env": "DIGESTBOT_FEED_INTERVAL"})
    feed_concurrency: int = field(default=10, metadata={"env": "DIGESTBOT_FEED_CONCURRENCY"})
    # Storage and logging
    db_path: str = field(default="digestbot.sqlite3", metadata={"env": "DIGESTBOT_DB"})
    log_level: str = field(default="INFO", metadata={"env": "DIGESTBOT_LOG_LEVEL"})
    # Fetching
    allow_hosts: tuple[str, ...] = field(default=(), metadata={"env": "DIGESTBOT_ALLOW_HOSTS"})
    connect_timeout: float = field(default=5.0, metadata={"env": "DIGESTBOT_CONNECT_TIMEOUT"})
    fetch_timeout: float = field(default=20.0, metadata={"env": "DIGESTBOT_FETCH_TIMEOUT"})
    max_page_bytes: int = field(default=5_000_000, metadata={"env": "DIGESTBOT_MAX_PAGE_BYTES"})
    # Summaries
    default_quotes: int = field(default=3, metadata={"env": "DIGESTBOT_QUOTES"})
    # LLM rewriter (off unless both a key and a model are set)
    openai_api_key: str = field(default="", metadata={"env": "OPENAI_API_KEY"})
    openai_base_url: str = field(default="", metadata={"env": "OPENAI_BASE_URL"})
    llm_model: str = field(default="", metadata={"env": "DIGESTBOT_LLM_MODEL"})
    llm_timeout: float = field(default=30.0, metadata={"env": "DIGESTBOT_LLM_TIMEOUT"})
    llm_attempts: int = field(default=4, metadata={"env": "DIGESTBOT_LLM_ATTEMPTS"})
    llm_max_wait: float = field(default=90.0, metadata={"env": "DIGESTBOT_LLM_MAX_WAIT"})
    llm_concurrency: int = field(default=4, metadata={"env": "DIGESTBOT_LLM_CONCURRENCY"})
    llm_breaker_failures: int = field(default=5, metadata={"env": "DIGESTBOT_LLM_BREAKER_FAILURES"})
    llm_breaker_cooldown: float = field(
        default=300.0, metadata={"env": "DIGESTBOT_LLM_BREAKER_COOLDOWN"}
    )
    # Optional judge of `digestbot verify` (off unless DIGESTBOT_JUDGE_MODEL is set)
    judge_model: str = field(default="", metadata={"env": "DIGESTBOT_JUDGE_MODEL"})
    judge_base_url: str = field(default="", metadata={"env": "DIGESTBOT_JUDGE_BASE_URL"})
    judge_api_key: str = field(default="", metadata={"env": "DIGESTBOT_JUDGE_API_KEY"})

    @property
    def llm_enabled(self) -> bool:
        """The rewriter runs only with both a key and a model."""
        return bool(self.openai_api_key and self.llm_model)

    def fetch_options(self) -> FetchOptions:
        """The fetcher's options; raises SettingsError for a bad DIGESTBOT_ALLOW_HOSTS entry."""
        from summarizers.fetch import AddressPolicy, FetchOptions

        try:
            AddressPolicy.from_allow_hosts(self.allow_hosts)
        except ValueError as exc:
            raise SettingsError(f"Setting DIGESTBOT_ALLOW_HOSTS has a bad value: {exc}.") from None
        return FetchOptions(
            allow_hosts=self.allow_hosts,
            connect_timeout=self.connect_timeout,
            total_timeout=self.fetch_timeout,
            max_bytes=self.max_page_bytes,
        )

    def llm_options(self) -> LLMOptions:
        """The LLM rewriter's options (imported here: the SDK is only loaded when used)."""
        from summarizers.rewrite.options import LLMOptions

        return LLMOptions(
            api_key=self.openai_api_key,
            base_url=self.openai_base_url,
            model=self.llm_model,
            timeout=self.llm_timeout,
            attempts=self.llm_attempts,
            max_wait=self.llm_max_wait,
            concurrency=self.llm_concurrency,
            breaker_failures=self.llm_breaker_failures,
            breaker_cooldown=self.llm_breaker_cooldown,
        )

    def judge_options(self) -> LLMOptions | None:
        """The judge's options (its own server and key when set, else the rewriter's), or
        None when no judge model is set; retries and breaker as for the rewriter."""
        if not self.judge_model:
            return None
        import dataclasses

        return dataclasses.replace(
            self.llm_options(),
            api_key=self.judge_api_key or self.openai_api_key or "none",
            base_url=self.judge_base_url or self.openai_base_url,
            model=self.judge_model,
            temperature=0.0,
        )

    @classmethod
    def load(
        cls, environ: Mapping[str, str] | None = None, dotenv_path: str | Path | None = ".env"
    ) -> Settings:
        """Read settings: the process environment wins over the `.env` file."""
        values: dict[str, str] = {}
        if dotenv_path is not None and Path(dotenv_path).is_file():
            values.update({k: v for k, v in dotenv_values(dotenv_path).items() if v is not None})
        values.update(os.environ if environ is None else environ)
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            name = f.metadata["env"]
            if name not in values:
                continue
            raw = values[name]
            try:
                kwargs[f.name] = _convert(type(f.default), raw)
            except ValueError as exc:
                raise SettingsError(f"Setting {name} has a bad value: {exc}.") from None
        return cls(**kwargs)  # type: ignore[arg-type]


def _convert(kind: type, raw: str) -> object:
    if kind is bool:
        return _as_bool(raw)
    if kind is int:
        return int(raw.strip())
    if kind is float:
        return float(raw.strip())
    if kind is tuple:
        return _split_list(raw)
    return raw.strip()
