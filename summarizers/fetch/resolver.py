"""Name resolution through the guard: resolve once, check every answer, hand aiohttp only
the checked addresses.

Why a resolver rather than connecting by IP with a Host header: aiohttp connects to exactly
the addresses its resolver returns while keeping the *name* for the Host header, TLS SNI and
certificate checks, so HTTPS keeps working unchanged and nothing resolves the name a second
time (no DNS-rebinding window). The guard's socket factory backs this up at the socket.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Sequence

from aiohttp.abc import AbstractResolver, ResolveResult

from summarizers.errors import FetchError
from summarizers.fetch.guard import Guard
from summarizers.fetch.hosts import IPAddress, canonical_host, parse_ip

Resolve = Callable[[str, int], Awaitable[Sequence[str]]]
DNS_MESSAGE = "That site's name could not be found."


async def system_resolve(host: str, port: int) -> list[str]:
    """The system resolver's addresses for `host`, in its order, without duplicates."""
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedResolver(AbstractResolver):
    """aiohttp resolver that returns only addresses the guard approved."""

    def __init__(self, guard: Guard, resolve: Resolve | None = None) -> None:
        self._guard = guard
        self._resolve = resolve or system_resolve

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Resolve `host` once; raise BlockedAddressError if any answer is refused."""
        try:
            name = canonical_host(host)
            answers = await self._resolve(name, port)
        except (OSError, ValueError, UnicodeError):
            raise FetchError(DNS_MESSAGE) from None
        addresses = _parse_answers(answers)
        self._guard.approve(name, addresses)
        return [
            ResolveResult(
                hostname=host,
                host=str(ip),
                port=port,
                family=socket.AF_INET6 if ip.version == 6 else socket.AF_INET,
                proto=socket.IPPROTO_TCP,
                flags=socket.AI_NUMERICHOST,
            )
            for ip in addresses
        ]

    async def close(self) -> None:
        """Nothing to release: the resolve function owns no connections."""


def _parse_answers(answers: Sequence[str]) -> list[IPAddress]:
    addresses = [parse_ip(answer) for answer in answers]
    if not addresses or any(ip is None for ip in addresses):
        raise FetchError(DNS_MESSAGE)  # an answer that is not an address is no answer
    return [ip for ip in addresses if ip is not None]
