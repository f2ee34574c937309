"""What the rewriter needs from a cache, and the key that identifies one rewrite."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Protocol

from summarizers.models import Article, Digest


class RewriteCache(Protocol):
    """Async key → JSON-ready mapping store (SQLite in `bot.store.llm_cache`)."""

    async def get(self, key: str) -> Mapping[str, Any] | None:
        """The stored entry, or None."""
        ...

    async def put(self, key: str, entry: Mapping[str, Any]) -> None:
        """Store (or replace) an entry."""
        ...


def cache_key(
    article: Article, digest: Digest, model: str, prompt_version: str, options: Mapping[str, Any]
) -> str:
    """sha256 over the article's content, the model, the prompt version and every option
    that shapes the answer (the extractive points and quotes the prompt shows included)."""
    material = {
        "article": {"headline": article.headline, "text": article.text},
        "model": model,
        "prompt": prompt_version,
        "options": dict(options),
        "points": list(digest.points),
        "quotes": [[q.text, q.speaker] for q in digest.quotes],
    }
    blob = json.dumps(material, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
