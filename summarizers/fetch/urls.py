"""Link parsing and normalisation: one spelling per article, for deduplication."""

from __future__ import annotations

import re

from yarl import URL

from summarizers.errors import FetchError
from summarizers.fetch.hosts import canonical_host

DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that only say where a click came from; they never change the page.
_TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
        "twclid", "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
        "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok", "li_fat_id", "vero_id",
        "wickedid", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid", "ncid", "ocid",
        "smid", "sr_share", "cmpid", "at_medium", "at_campaign", "at_custom1", "at_custom2",
        "at_custom3", "at_custom4", "pk_campaign", "pk_kwd", "pk_source", "pk_medium",
        "pk_content", "spm", "share_source", "xtor",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "mtm_")


def parse_link(link: str) -> URL:
    """A yarl URL for an http(s) link, or FetchError with a one-sentence reason."""
    text = link.strip()
    if re.search(r"[\x00-\x20\x7f]", text):
        raise FetchError("That link is not a valid web address.")
    try:
        url = URL(text)
    except ValueError:
        raise FetchError("That link is not a valid web address.") from None
    if url.scheme.lower() not in DEFAULT_PORTS:
        raise FetchError("That link is not a web address; digestbot fetches only http and https.")
    if not url.raw_host:
        raise FetchError("That link is not a valid web address.")
    return url


def is_tracking_param(name: str) -> bool:
    """True for click-tracking query parameters (utm_*, fbclid, gclid, ...)."""
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """The link's dedup key: tracking parameters, fragment, credentials and default port
    dropped, host lower-case (IDNA, canonical IP), remaining parameters sorted by name.

    Links that are not valid http(s) addresses come back stripped but otherwise unchanged.
    """
    try:
        parsed = parse_link(url)
        host = canonical_host(parsed.raw_host or "")
    except (FetchError, ValueError):
        return url.strip()
    scheme = parsed.scheme.lower()
    port = parsed.explicit_port
    query = sorted(
        ((k, v) for k, v in parsed.query.items() if not is_tracking_param(k)),
        key=lambda kv: kv[0],
    )
    normal = URL.build(
        scheme=scheme,
        host=host,
        port=None if port in (None, DEFAULT_PORTS[scheme]) else port,
        path=parsed.path or "/",
        query=query,
    )
    return str(normal)
