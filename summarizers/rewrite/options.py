"""The rewriter's configuration, built from `Settings.llm_options()` or directly in tests."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LLMOptions:
    """How to reach the LLM and how hard to try before falling back to the extractive digest.

    `attempts` bounds the tries of each request; `max_wait` bounds the seconds one whole
    rewrite (its repair request included) may take; `timeout` bounds one HTTP exchange.
    `backoff_initial` and `backoff_max` shape the exponential backoff, and `backoff_max` also
    caps a server's `Retry-After`.
    """

    api_key: str = field(default="", repr=False)
    base_url: str = ""
    model: str = ""
    timeout: float = 30.0
    attempts: int = 4
    max_wait: float = 90.0
    concurrency: int = 4
    breaker_failures: int = 5
    breaker_cooldown: float = 300.0
    backoff_initial: float = 0.5
    backoff_max: float = 20.0
    temperature: float = 0.2

    @property
    def enabled(self) -> bool:
        """The rewriter runs only with both a key and a model."""
        return bool(self.api_key and self.model)
