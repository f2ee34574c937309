"""Versioned LLM prompt templates, shipped as package data.

A template is `prompts/<name>_<version>.txt`: an optional `[system]` section and a `[user]`
section, with `$field` placeholders (`string.Template`, so the JSON braces in the text need no
escaping). Changing a prompt means adding a new version file, never editing an old one: the
version is part of the LLM cache key and of every rewritten digest's `method`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template

_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Prompt:
    """One template: its name, version and message texts (a follow-up has no system text)."""

    name: str
    version: str
    system: str | None
    user: str

    def render(self, **values: object) -> list[dict[str, str]]:
        """Chat messages with every `$field` filled; a missing field raises KeyError."""
        fields = {key: str(value) for key, value in values.items()}
        messages = []
        if self.system is not None:
            messages.append({"role": "system", "content": Template(self.system).substitute(fields)})
        messages.append({"role": "user", "content": Template(self.user).substitute(fields)})
        return messages


@cache
def load_prompt(name: str, version: str) -> Prompt:
    """Read `prompts/<name>_<version>.txt`; raise FileNotFoundError or ValueError if unusable."""
    text = resources.files(__name__).joinpath(f"{name}_{version}.txt").read_text(encoding="utf-8")
    parts = _SECTION.split(text)
    # parts: [preamble, "system", body, "user", body]
    sections = dict(zip(parts[1::2], (body.strip() for body in parts[2::2]), strict=True))
    if "user" not in sections or len(sections) != len(parts) // 2:
        raise ValueError(f"prompt {name}_{version} needs one [user] and at most one [system]")
    return Prompt(name, version, sections.get("system"), sections["user"])
