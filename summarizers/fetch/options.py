"""How one fetch behaves: limits, allow-list, identity, and hooks for tests."""

from __future__ import annotations

import ssl
from dataclasses import dataclass

from summarizers.fetch.guard import OnConnect
from summarizers.fetch.resolver import Resolve

# Browser-shaped so sites serve their normal page, but it names digestbot honestly.
USER_AGENT = "Mozilla/5.0 (compatible; digestbot/0.1; news link summariser)"


@dataclass(frozen=True)
class FetchOptions:
    """Limits and policy for `fetch_page` / `fetch_article`.

    `allow_hosts`: host names, addresses or CIDR networks; when non-empty, only these may be
    contacted (see `AddressPolicy`). `resolver(host, port)` returns address strings and
    replaces the system resolver (tests use it for DNS-rebinding cases). `on_connect(ip,
    port)` is called for every socket about to connect, before the guard's last check.
    `ssl_context` replaces the system's trusted certificates (a private CA, or a test's).
    """

    allow_hosts: tuple[str, ...] = ()
    connect_timeout: float = 5.0
    total_timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    resolver: Resolve | None = None
    on_connect: OnConnect | None = None
    ssl_context: ssl.SSLContext | None = None
