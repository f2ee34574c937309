"""The SQLite LLM cache (bot.store.llm_cache) and the key it is addressed by."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.store.llm_cache import open_llm_cache
from summarizers.rewrite import cache_key
from tests.rewrite_story import extractive, story


async def test_entries_round_trip_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    async with open_llm_cache(path) as cache:
        assert cache is not None
        assert await cache.get("k") is None
        await cache.put("k", {"points": ["A."], "usage": {"total_tokens": 3}})
        await cache.put("k", {"points": ["B."]})
    async with open_llm_cache(path) as cache:
        assert cache is not None
        assert await cache.get("k") == {"points": ["B."]}


async def test_unopenable_file_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    async with open_llm_cache(blocker / "cache.sqlite3") as cache:
        assert cache is None


def test_key_covers_content_model_prompt_and_options() -> None:
    article, digest = story(), extractive(story())
    base = cache_key(article, digest, "m", "v1", {"temperature": 0.2})
    assert base == cache_key(story(), extractive(story()), "m", "v1", {"temperature": 0.2})
    edited = dataclasses.replace(article, paragraphs=[*article.paragraphs[:-1], "Changed."])
    others = [
        cache_key(edited, digest, "m", "v1", {"temperature": 0.2}),
        cache_key(article, digest, "other", "v1", {"temperature": 0.2}),
        cache_key(article, digest, "m", "v2", {"temperature": 0.2}),
        cache_key(article, digest, "m", "v1", {"temperature": 0.7}),
        cache_key(article, dataclasses.replace(digest, quotes=[]), "m", "v1", {"temperature": 0.2}),
    ]
    assert len({base, *others}) == 6
