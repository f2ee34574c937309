"""Host names and IP addresses in the one spelling everything else compares.

Browsers and the C library read `2130706433`, `0x7f.1`, `017700000001` and `127.1` as
127.0.0.1 (the WHATWG URL standard and `inet_aton` agree on these "numeric" IPv4 forms), so
a guard that only recognises dotted quads can be walked around. `canonical_host` turns every
such spelling into the dotted quad before any policy looks at it.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Full stops that IDNA maps to "." (ideographic, full-width, half-width).
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_-]{1,63})*$")
_DIGITS = {10: re.compile(r"^[0-9]+$"), 8: re.compile(r"^[0-7]+$"), 16: re.compile(r"^[0-9a-f]+$")}


def parse_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address a numeric IPv4 spelling stands for, or None when `host` is not one.

    Follows the WHATWG "IPv4 parser": one to four dot-separated numbers, each decimal,
    octal (leading 0) or hex (0x), the last one filling the remaining bytes.
    """
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()  # one trailing dot is allowed
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_ipv4_number(part) for part in parts]
    if any(n is None for n in numbers):
        return None
    values = [n for n in numbers if n is not None]
    if any(n > 255 for n in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        return None
    total = values[-1]
    for i, n in enumerate(values[:-1]):
        total += n * 256 ** (3 - i)
    return ipaddress.IPv4Address(total)


def _ipv4_number(part: str) -> int | None:
    base, digits = 10, part
    if part[:2] in ("0x", "0X"):
        base, digits = 16, part[2:]
        if digits == "":
            return 0  # "0x" alone is zero for the WHATWG parser
    elif len(part) > 1 and part[0] == "0":
        base, digits = 8, part[1:]
    if not _DIGITS[base].match(digits.lower()):
        return None
    return int(digits, base)


def parse_ip(host: str) -> IPAddress | None:
    """An IP address from a URL host or resolver answer (any IPv4 spelling, IPv6 with or
    without brackets and zone), or None for a host name."""
    text = host.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if ":" in text:
        try:
            return ipaddress.IPv6Address(text.split("%", 1)[0])
        except ValueError:
            return None
    return parse_ipv4(text)


def canonical_host(host: str) -> str:
    """Lower-case host with IP addresses in canonical form; raises ValueError if invalid.

    Non-ASCII names must already be IDNA-encoded (yarl's `URL.raw_host` is).
    """
    text = unicodedata.normalize("NFKC", host).translate(_DOTS).strip().lower()
    ip = parse_ip(text)
    if ip is not None:
        return str(ip)
    text = text.removesuffix(".")
    if not _NAME.match(text):
        raise ValueError(f"not a host name: {host!r}")
    return text
