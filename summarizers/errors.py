"""Errors that carry a one-sentence, user-facing explanation.

Every failure a user can cause or meet (a bad link, a paywall, an empty file) is raised as a
`DigestbotError`; `str(error)` is the sentence shown to the user, in the CLI and in Discord.
"""

from __future__ import annotations


class DigestbotError(Exception):
    """Base class: `str(self)` is one plain sentence for the user."""


class InputError(DigestbotError):
    """The input cannot be read or has no text worth summarising."""


class FetchError(DigestbotError):
    """The page could not be fetched (network, status, size, type)."""


class BlockedAddressError(FetchError):
    """The link points to an address digestbot refuses to contact (SSRF guard)."""


class NotAnArticleError(DigestbotError):
    """The page was fetched but is not an article (paywall, consent wall, too little text...)."""


class FetchTimeoutError(FetchError):
    """The site did not answer within the connect or total time limit."""


class HttpStatusError(FetchError):
    """The site answered with an error status; `status` is the HTTP code."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class UnsupportedContentError(FetchError):
    """The link is not a web page: a PDF, an image, an archive, a feed..."""


class PageTooLargeError(FetchError):
    """The page is larger than the byte cap, before or after decompression."""
