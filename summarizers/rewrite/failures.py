"""An `openai` error → a few words for the digest's `method` and one sentence for the user."""

from __future__ import annotations

import openai

from summarizers.rewrite.options import LLMOptions


def describe(exc: BaseException, options: LLMOptions) -> tuple[str, str]:
    """(short reason, one plain sentence) for a request that failed for good."""
    if isinstance(exc, openai.APIStatusError):
        return _status(exc.status_code, options)
    if isinstance(exc, openai.APITimeoutError | TimeoutError):
        return "timed out", f"The LLM server did not answer within {options.timeout:g} s."
    if isinstance(exc, openai.APIConnectionError):
        return "cannot connect", "Cannot connect to the LLM server; check OPENAI_BASE_URL."
    return "failed", f"The LLM request failed ({type(exc).__name__})."


def _status(code: int, options: LLMOptions) -> tuple[str, str]:
    if code == 401:
        return (
            "API key refused",
            "The LLM server refused the API key (HTTP 401); check OPENAI_API_KEY.",
        )
    if code == 403:
        return "access denied", "The LLM server denied access to the model (HTTP 403)."
    if code == 404:
        return "model not found", (
            f"The LLM server has no model {options.model!r} or no such endpoint (HTTP 404); "
            "check DIGESTBOT_LLM_MODEL and OPENAI_BASE_URL."
        )
    if code == 429:
        return "rate limited", "The LLM server kept refusing requests as too many (HTTP 429)."
    if code >= 500 or code in {408, 409}:
        return "service unavailable", f"The LLM service is unavailable (HTTP {code})."
    return "request rejected", f"The LLM server rejected the request (HTTP {code})."
