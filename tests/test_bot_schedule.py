"""Next-run computation for the daily digest, including Europe/Berlin DST changes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.schedule import next_run, parse_time, parse_timezone
from summarizers.errors import InputError

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC


def utc(year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_winter_and_summer_offsets() -> None:
    # 08:00 Berlin is 07:00 UTC in winter (CET) and 06:00 UTC in summer (CEST).
    assert next_run(utc(2026, 1, 10, 12, 0), dt.time(8, 0), BERLIN) == utc(2026, 1, 11, 7, 0)
    assert next_run(utc(2026, 7, 10, 5, 0), dt.time(8, 0), BERLIN) == utc(2026, 7, 10, 6, 0)


def test_strictly_after() -> None:
    due = utc(2026, 7, 10, 6, 0)
    assert next_run(due, dt.time(8, 0), BERLIN) == utc(2026, 7, 11, 6, 0)
    assert next_run(due - dt.timedelta(seconds=1), dt.time(8, 0), BERLIN) == due


@pytest.mark.parametrize(
    ("before", "saturday", "sunday", "hours"),
    [
        # Clocks go 02:00 CET → 03:00 CEST on Sunday 29 March 2026: a 23-hour day.
        (utc(2026, 3, 27, 12, 0), utc(2026, 3, 28, 7, 0), utc(2026, 3, 29, 6, 0), 23),
        # Clocks go 03:00 CEST → 02:00 CET on Sunday 25 October 2026: a 25-hour day.
        (utc(2026, 10, 23, 12, 0), utc(2026, 10, 24, 6, 0), utc(2026, 10, 25, 7, 0), 25),
    ],
)
def test_dst_change_keeps_local_hour(
    before: dt.datetime, saturday: dt.datetime, sunday: dt.datetime, hours: int
) -> None:
    first = next_run(before, dt.time(8, 0), BERLIN)
    second = next_run(first, dt.time(8, 0), BERLIN)
    assert (first, second) == (saturday, sunday)
    assert second - first == dt.timedelta(hours=hours)
    assert first.astimezone(BERLIN).hour == second.astimezone(BERLIN).hour == 8


def test_spring_forward_skipped_time_runs_once_after_the_gap() -> None:
    # 02:30 does not exist on 29 March 2026 in Berlin: the digest runs at 03:30 CEST.
    run = next_run(utc(2026, 3, 28, 12, 0), dt.time(2, 30), BERLIN)
    assert run == utc(2026, 3, 29, 1, 30)
    assert run.astimezone(BERLIN).time() == dt.time(3, 30)
    assert next_run(run, dt.time(2, 30), BERLIN) == utc(2026, 3, 30, 0, 30)


def test_autumn_repeated_time_runs_only_at_first_occurrence() -> None:
    # 02:30 happens twice on 25 October 2026 (00:30 and 01:30 UTC): run at the first only.
    first = next_run(utc(2026, 10, 24, 12, 0), dt.time(2, 30), BERLIN)
    assert first == utc(2026, 10, 25, 0, 30)
    following = next_run(first, dt.time(2, 30), BERLIN)
    assert following == utc(2026, 10, 26, 1, 30)


def test_after_is_read_in_the_zone_not_in_utc() -> None:
    # 23:30 UTC on 9 July is already 01:30 on 10 July in Berlin: 08:00 on 10 July is next.
    assert next_run(utc(2026, 7, 9, 23, 30), dt.time(8, 0), BERLIN) == utc(2026, 7, 10, 6, 0)


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError):
        next_run(dt.datetime(2026, 1, 1, 12, 0), dt.time(8, 0), BERLIN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("08:00", dt.time(8, 0)), ("8:05", dt.time(8, 5)), ("21.15", dt.time(21, 15))],
)
def test_parse_time(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "8", "08:60", "noon", ""])
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(InputError, match="not a time of day"):
        parse_time(text)


def test_parse_timezone() -> None:
    assert parse_timezone(" Europe/Berlin ") == BERLIN
    for bad in ["Europe", "Mars/Olympus", "../etc/passwd", ""]:
        with pytest.raises(InputError, match="not a time zone"):
            parse_timezone(bad)
