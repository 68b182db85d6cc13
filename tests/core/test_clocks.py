"""Business-day clocks pinned to real 2026 calendars, and countdown formatting.

Expected dates were worked out by hand from the official schedules, not from the package:
- China, State Council notice for 2026: Spring Festival off Sun 15 Feb to Mon 23 Feb, make-up
  working Saturdays 14 Feb and 28 Feb; National Day off 1 to 7 Oct, make-up working days
  Sun 20 Sep and Sat 10 Oct.
- Germany (nationwide): Good Friday 3 Apr 2026, Easter Monday 6 Apr 2026; CEST from 29 Mar.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core import clocks
from core.clocks import Urgency

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")


def local(
    tz: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=tz)


# --- the calendar the package gives us --------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 2, 14), True),  # Saturday, make-up working day before Spring Festival
        (date(2026, 2, 28), True),  # Saturday, make-up working day after it
        (date(2026, 2, 16), False),  # Monday, Chinese New Year's Eve
        (date(2026, 2, 23), False),  # Monday, last day off
        (date(2026, 2, 21), False),  # ordinary Saturday inside the break
        (date(2026, 9, 20), True),  # Sunday, make-up working day for National Day
        (date(2026, 10, 7), False),  # Wednesday, Golden Week
        (date(2026, 10, 10), True),  # Saturday, make-up working day
        (date(2026, 10, 11), False),  # ordinary Sunday
    ],
)
def test_china_make_up_days_come_from_the_package(day: date, working: bool) -> None:
    assert clocks.is_working_day(day, "CN") is working


# --- ship_by ----------------------------------------------------------------------------------


def test_ship_by_over_chinese_new_year_2026() -> None:
    # Paid Thu 12 Feb. Working days after it: Fri 13, Sat 14 (make-up), [15..23 off],
    # Tue 24, Wed 25, Thu 26, Fri 27, Sat 28 (make-up) = the 7th. Ends 1 Mar 00:00 Shanghai.
    paid = local(SHANGHAI, 2026, 2, 12, 15, 30)
    due = clocks.ship_by(paid, 7)
    assert due == local(SHANGHAI, 2026, 3, 1)
    assert due == datetime(2026, 2, 28, 16, 0, tzinfo=UTC)
    assert due.tzinfo is UTC


def test_the_payment_day_is_the_suppliers_day_not_utcs() -> None:
    # 20:00 UTC on Wed 11 Feb is already Thu 12 Feb in Shanghai: same window as above.
    assert clocks.ship_by(datetime(2026, 2, 11, 20, 0, tzinfo=UTC), 7) == datetime(
        2026, 2, 28, 16, 0, tzinfo=UTC
    )
    # 15:59 UTC on Wed 11 Feb is still Wed in Shanghai: one working day earlier (Fri 27).
    assert clocks.ship_by(datetime(2026, 2, 11, 15, 59, tzinfo=UTC), 7) == local(
        SHANGHAI, 2026, 2, 28
    )


def test_ship_by_over_golden_week_2026() -> None:
    # Paid Tue 29 Sep: Wed 30 Sep (1), [1..7 Oct off], Thu 8 (2), Fri 9 (3), Sat 10 make-up (4),
    # Mon 12 (5), Tue 13 (6), Wed 14 (7).
    assert clocks.ship_by(local(SHANGHAI, 2026, 9, 29, 9), 7) == local(SHANGHAI, 2026, 10, 15)
    # Paid Fri 18 Sep: Sat 19 is off, Sun 20 is a make-up working day, so one day ends there.
    assert clocks.ship_by(local(SHANGHAI, 2026, 9, 18, 9), 1) == local(SHANGHAI, 2026, 9, 21)


def test_zero_days_is_the_end_of_the_payment_day_even_on_a_holiday() -> None:
    paid = local(SHANGHAI, 2026, 10, 3, 23, 59)  # a holiday
    assert clocks.ship_by(paid, 0) == local(SHANGHAI, 2026, 10, 4)


def test_windows_cross_the_year_end() -> None:
    # Wed 30 Dec 2026: Thu 31 (1), Fri 1 Jan 2027 is New Year's Day, then Jan 2027 working days.
    due = clocks.ship_by(local(SHANGHAI, 2026, 12, 30, 12), 2)
    day = due.astimezone(SHANGHAI).date() - timedelta(days=1)
    assert day.year == 2027
    assert clocks.is_working_day(day, "CN")
    assert clocks.is_working_day(date(2026, 12, 31), "CN")


def test_refuses_naive_instants_negative_days_and_unknown_calendars() -> None:
    with pytest.raises(ValueError, match="naive"):
        clocks.ship_by(datetime(2026, 2, 12, 10), 7)
    with pytest.raises(ValueError, match="negative"):
        clocks.ship_by(local(SHANGHAI, 2026, 2, 12), -1)
    with pytest.raises(ValueError, match="country"):
        clocks.ship_by(local(SHANGHAI, 2026, 2, 12), 7, country="XX")
    with pytest.raises(ValueError, match="time zone"):
        clocks.ship_by(local(SHANGHAI, 2026, 2, 12), 7, tz="Mars/Olympus")
    assert clocks.calendar_problem("CN", "Asia/Shanghai") is None
    assert "XX" in (clocks.calendar_problem("XX", "Asia/Shanghai") or "")


def test_subdivision_calendars() -> None:
    # 6 Jan (Epiphany) is a holiday in Bavaria but not nationwide.
    assert clocks.is_working_day(date(2026, 1, 6), "DE")
    assert not clocks.is_working_day(date(2026, 1, 6), "DE-BY")


# --- the other clocks -------------------------------------------------------------------------


def test_refund_expected_over_easter_in_germany() -> None:
    # Issued Thu 2 Apr 2026, Berlin. Good Friday 3 Apr and Easter Monday 6 Apr are holidays:
    # Tue 7 (1), Wed 8 (2), Thu 9 (3) ... Fri 24 Apr (14), Mon 27 Apr (15).
    earliest, latest = clocks.refund_expected(local(BERLIN, 2026, 4, 2, 11), 3, 15, "DE")
    assert earliest == local(BERLIN, 2026, 4, 9)  # the 3rd working day begins
    assert latest == local(BERLIN, 2026, 4, 28)  # the 15th working day ends
    assert earliest == datetime(2026, 4, 8, 22, 0, tzinfo=UTC)  # CEST, UTC+2
    # Without the holidays the same count would land two working days earlier.
    assert clocks.nth_working_day(date(2026, 4, 2), 3, "US") == date(2026, 4, 7)


def test_refund_expected_never_starts_before_the_issue() -> None:
    issued = local(BERLIN, 2026, 4, 2, 11)
    earliest, latest = clocks.refund_expected(issued, 0, 0, "DE")
    assert earliest == issued
    assert latest == local(BERLIN, 2026, 4, 3)
    with pytest.raises(ValueError):
        clocks.refund_expected(issued, 5, 3)


def test_tracking_due_counts_supplier_working_days() -> None:
    # Requested Thu 12 Feb 2026: Fri 13, Sat 14 (make-up), then Tue 24, Wed 25, Thu 26 = 5th.
    assert clocks.tracking_due(local(SHANGHAI, 2026, 2, 12, 10)) == local(SHANGHAI, 2026, 2, 27)


def test_plain_duration_clocks() -> None:
    asked = local(BERLIN, 2026, 3, 27, 12)  # Friday before the switch to CEST on Sunday
    due = clocks.cancel_answer_due(asked)
    assert due == asked.astimezone(UTC) + timedelta(hours=72)
    assert due != asked + timedelta(hours=72)  # wall-clock arithmetic would lose the DST hour
    assert clocks.cancel_answer_due(asked).astimezone(BERLIN).hour == 13  # 72 real hours
    assert clocks.cancel_answer_due(asked, 48) == datetime(2026, 3, 29, 11, 0, tzinfo=UTC)
    opened = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    assert clocks.dispute_escalation(opened) == datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    assert clocks.dispute_case_team(opened) == datetime(2026, 5, 16, 8, 0, tzinfo=UTC)
    assert clocks.dispute_escalation(opened, days=5) == datetime(2026, 5, 6, 8, 0, tzinfo=UTC)


# --- countdowns -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(days=2, hours=5, minutes=59), "2 d 05 h"),
        (timedelta(days=1), "1 d 00 h"),
        (timedelta(hours=3, minutes=12, seconds=59), "3 h 12 min"),
        (timedelta(hours=3, minutes=5), "3 h 05 min"),
        (timedelta(minutes=12, seconds=30), "12 min"),
        (timedelta(seconds=59), "< 1 min"),
        (timedelta(0), "overdue < 1 min"),
        (timedelta(minutes=-42), "overdue 42 min"),
        (timedelta(hours=-6, minutes=-40), "overdue 6 h"),
        (timedelta(days=-2, hours=-5), "overdue 2 d 05 h"),
    ],
)
def test_format_countdown(delta: timedelta, text: str) -> None:
    assert clocks.format_countdown(delta) == text


def test_countdown_follows_the_clock() -> None:
    deadline = datetime(2026, 2, 28, 16, 0, tzinfo=UTC)
    now = deadline - timedelta(days=2, hours=5, minutes=1)
    assert clocks.format_countdown(clocks.remaining(deadline, now)) == "2 d 05 h"
    now += timedelta(days=2, hours=1)
    assert clocks.format_countdown(clocks.remaining(deadline, now)) == "4 h 01 min"
    now += timedelta(hours=10, minutes=1)
    assert clocks.format_countdown(clocks.remaining(deadline, now)) == "overdue 6 h"
    with pytest.raises(ValueError):
        clocks.remaining(deadline, datetime(2026, 2, 28))


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (100.0, Urgency.CALM),
        (48.01, Urgency.CALM),
        (48.0, Urgency.SOON),
        (12.5, Urgency.SOON),
        (12.0, Urgency.URGENT),
        (0.01, Urgency.URGENT),
        (0.0, Urgency.OVERDUE),
        (-3.0, Urgency.OVERDUE),
    ],
)
def test_urgency_thresholds(hours: float, expected: Urgency) -> None:
    assert clocks.urgency(timedelta(hours=hours), soon_hours=48, urgent_hours=12) is expected


def test_as_zone_shows_an_instant_in_a_zone() -> None:
    moment = datetime(2026, 2, 28, 16, 0, tzinfo=UTC)
    assert clocks.as_zone(moment, "Asia/Shanghai").hour == 0
    assert clocks.as_zone(moment, BERLIN).hour == 17
