"""The SSRF guard: which links and which addresses digestbot may contact.

Design: the guard decides on *resolved addresses*, and the connector connects only to
addresses the guard approved in this fetch.

* `AddressPolicy` is pure: public-address rules, or the explicit allow-list.
* `Guard` is one fetch's gatekeeper. `check_url` vets every link (the first one and each
  redirect): scheme, credentials, host spelling, and IP literals. The guarded resolver
  (`summarizers.fetch.resolver`) calls `approve` with each host name's answers, so a name
  is resolved once per request and every answer is checked. `socket_factory` runs for
  every socket aiohttp opens and refuses any address the guard did not approve, before
  the socket exists, so no packet can reach an address that was not checked, whatever
  the resolver or a DNS-rebinding server does between check and connect.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from yarl import URL

from summarizers.errors import BlockedAddressError, FetchError
from summarizers.fetch.hosts import IPAddress, canonical_host, parse_ip
from summarizers.fetch.urls import parse_link

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
OnConnect = Callable[[str, int], None]
AddrInfo = tuple[int, int, int, str, tuple[object, ...]]

PRIVATE_MESSAGE = "That link points to a private network address, which digestbot does not fetch."
OUTSIDE_LIST_MESSAGE = (
    "That link points to an address outside DIGESTBOT_ALLOW_HOSTS, which digestbot does not fetch."
)
CREDENTIALS_MESSAGE = "That link contains a user name or password, which digestbot does not send."

_BLOCKED_V4 = tuple(
    ipaddress.IPv4Network(n)
    for n in (
        "0.0.0.0/8",  # "this network", unspecified
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, including cloud metadata 169.254.169.254
        "172.16.0.0/12",
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, including broadcast
    )
)
_BLOCKED_V6 = tuple(
    ipaddress.IPv6Network(n)
    for n in (
        "::/96",  # unspecified, loopback, deprecated IPv4-compatible
        "::ffff:0:0/96",  # IPv4-mapped: never a real destination on the wire
        "::ffff:0:0:0/96",  # IPv4-translated
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard
        "2001::/23",  # IETF protocol assignments, including Teredo 2001::/32
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # deprecated site-local
        "ff00::/8",  # multicast
    )
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")


def is_public_address(ip: IPAddress) -> bool:
    """True only for globally routable unicast addresses.

    IPv6 forms that embed an IPv4 address (NAT64 64:ff9b::/96, 6to4 2002::/16) are public
    only when the embedded address is.
    """
    if isinstance(ip, ipaddress.IPv4Address):
        return ip.is_global and not any(ip in net for net in _BLOCKED_V4)
    if any(ip in net for net in _BLOCKED_V6):
        return False
    if ip in _NAT64:
        return is_public_address(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip in _SIX_TO_FOUR:
        return ip.sixtofour is not None and is_public_address(ip.sixtofour)
    return ip.is_global


def _unmapped(ip: IPAddress) -> IPAddress:
    """::ffff:a.b.c.d as a.b.c.d, for allow-list matching."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be contacted.

    With an empty allow-list, every public address and no other. With entries
    (`DIGESTBOT_ALLOW_HOSTS`: host names, addresses, CIDR networks), *only* the listed hosts
    and networks, public or not: the list is the whole reachable world, which keeps test
    runs from ever leaving the machine, and a redirect anywhere else is refused.
    """

    names: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_allow_hosts(cls, entries: Iterable[str]) -> AddressPolicy:
        """Parse allow-list entries; raises ValueError naming a bad entry."""
        names: set[str] = set()
        networks: list[IPNetwork] = []
        for raw in entries:
            entry = raw.strip().strip("[]")
            if not entry:
                continue
            if "/" in entry:
                try:
                    networks.append(ipaddress.ip_network(entry, strict=False))
                except ValueError:
                    raise ValueError(f"{raw!r} is not a valid network") from None
                continue
            ip = parse_ip(entry)
            if ip is not None:
                networks.append(ipaddress.ip_network(_unmapped(ip)))
                continue
            try:
                names.add(canonical_host(entry))
            except ValueError:
                raise ValueError(f"{raw!r} is not a host name, address or network") from None
        return cls(frozenset(names), tuple(networks))

    @property
    def restricted(self) -> bool:
        """True when an allow-list is in force."""
        return bool(self.names or self.networks)

    def trusts_name(self, host: str) -> bool:
        """A host name listed by the operator: its addresses are not checked."""
        return host in self.names

    def refusal(self, ip: IPAddress) -> str | None:
        """Why `ip` may not be contacted (the user-facing sentence), or None if it may."""
        if self.restricted:
            target = _unmapped(ip)
            if any(target.version == net.version and target in net for net in self.networks):
                return None
            return PRIVATE_MESSAGE if not is_public_address(ip) else OUTSIDE_LIST_MESSAGE
        return None if is_public_address(ip) else PRIVATE_MESSAGE


@dataclass
class Guard:
    """One fetch's gatekeeper: vets links, approves resolved addresses, gates sockets."""

    policy: AddressPolicy
    on_connect: OnConnect | None = None
    approved: set[IPAddress] = field(default_factory=set)
    refused: list[str] = field(default_factory=list)

    def check_url(self, link: str | URL) -> URL:
        """The URL to request for `link`, with its host in canonical form.

        Raises FetchError for links that are not http(s) and BlockedAddressError for
        refused IP literals and for links carrying credentials.
        """
        url = parse_link(str(link))
        try:
            host = canonical_host(url.raw_host or "")
        except ValueError:
            raise FetchError("That link is not a valid web address.") from None
        ip = parse_ip(host)
        if ip is not None:
            self.approve(host, [ip])  # a host name is checked when it is resolved
        if url.raw_user is not None or url.raw_password is not None:
            raise BlockedAddressError(CREDENTIALS_MESSAGE)
        return url.with_host(host).with_fragment(None)

    def approve(self, host: str, addresses: Iterable[IPAddress]) -> None:
        """Approve every address `host` resolved to, or raise BlockedAddressError if any
        is refused (a name that also points inside a private network is not trusted)."""
        answers = list(addresses)
        if not self.policy.trusts_name(host):
            for ip in answers:
                reason = self.policy.refusal(ip)
                if reason is not None:
                    self.refused.append(str(ip))
                    raise BlockedAddressError(reason)
        self.approved.update(answers)

    def blocked_error(self) -> BlockedAddressError:
        """The error for the last refused address."""
        ip = parse_ip(self.refused[-1]) if self.refused else None
        reason = self.policy.refusal(ip) if ip is not None else None
        return BlockedAddressError(reason or PRIVATE_MESSAGE)

    def socket_factory(self, addr_info: AddrInfo) -> socket.socket:
        """aiohttp's socket factory: report the attempt, then refuse unapproved addresses."""
        family, type_, proto, _, sockaddr = addr_info
        host, port = str(sockaddr[0]), int(str(sockaddr[1]))
        if self.on_connect is not None:
            self.on_connect(host, port)
        ip = parse_ip(host)
        if ip is None or ip not in self.approved:
            self.refused.append(host)
            # OSError so aiohappyeyeballs treats it as a failed attempt; the fetcher turns
            # it into BlockedAddressError because `refused` is not empty.
            raise OSError(f"digestbot refuses to connect to unapproved address {host}")
        return socket.socket(family=family, type=type_, proto=proto)
