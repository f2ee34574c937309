"""When the daily digest runs: pure functions over `zoneinfo`, correct across DST changes.

A digest is set for a local wall-clock time in a named time zone ("08:00 Europe/Berlin").
Instants are handled as aware UTC datetimes; the local time is resolved per day, so the
digest keeps its local hour when the offset changes. Two edge cases, decided once here:

* a time that does not exist that day (skipped by a spring-forward change, e.g. 02:30 in
  Berlin on the last Sunday of March) runs at the same distance past the change (03:30);
* a time that occurs twice (autumn fall-back) runs once, at its first occurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from summarizers.errors import InputError

_TIME = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")


def parse_time(text: str) -> dt.time:
    """'08:00', '8:30' or '21.15' → a time of day; anything else is a one-sentence InputError."""
    match = _TIME.match(text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError(f"“{text[:40]}” is not a time of day; use 24-hour HH:MM, like 08:00.")
    return dt.time(int(match[1]), int(match[2]))


def parse_timezone(name: str) -> ZoneInfo:
    """An IANA zone name ('Europe/Berlin', 'UTC') → ZoneInfo; unknown names are an InputError."""
    try:
        return ZoneInfo(name.strip())
    # ZoneInfo raises ValueError for malformed keys and OSError for directories like "Europe".
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InputError(
            f"“{name[:40]}” is not a time zone I know; use a name like Europe/Berlin."
        ) from None


def local_instant(day: dt.date, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant when the clock in `zone` shows `at` on `day` (see the module notes)."""
    # fold=0 picks the first of a repeated time; for a skipped time zoneinfo applies the
    # pre-change offset, which lands the same distance past the change.
    local = dt.datetime.combine(day, at, tzinfo=zone).replace(fold=0)
    return local.astimezone(dt.UTC)


def next_run(after: dt.datetime, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The first instant strictly after `after` (aware) when the digest at `at` in `zone` is due."""
    if after.tzinfo is None:
        raise ValueError("next_run needs an aware datetime")
    today = after.astimezone(zone).date()
    candidate = local_instant(today, at, zone)
    if candidate <= after:
        candidate = local_instant(today + dt.timedelta(days=1), at, zone)
    return candidate
