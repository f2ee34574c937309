"""Optional LLM rewrite of a digest: retried, validated against the article, cached, and never
worse than the extractive digest it starts from."""

from summarizers.rewrite.batch import rewrite_with_settings
from summarizers.rewrite.cache import RewriteCache, cache_key
from summarizers.rewrite.options import LLMOptions
from summarizers.rewrite.service import PROMPT_VERSION, RewriteOutcome, Rewriter

__all__ = [
    "PROMPT_VERSION",
    "LLMOptions",
    "RewriteCache",
    "RewriteOutcome",
    "Rewriter",
    "cache_key",
    "rewrite_with_settings",
]
