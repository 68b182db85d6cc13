"""Properties of the working-day clocks, checked against a day-by-day count with `holidays`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from core import clocks

CALENDARS = [
    ("CN", "Asia/Shanghai"),
    ("DE", "Europe/Berlin"),
    ("US", "America/New_York"),
    ("AU", "Australia/Sydney"),  # DST in the southern summer
]

instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)
windows = st.integers(min_value=0, max_value=40)
calendars = st.sampled_from(CALENDARS)


def oracle(paid_at: datetime, n: int, country: str, tz: str) -> datetime:
    """The rule spelled out naively: walk day by day, ask the package about each one."""
    calendar = holidays.country_holidays(country)
    day = paid_at.astimezone(ZoneInfo(tz)).date()
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), ZoneInfo(tz))


def last_day(deadline: datetime, tz: str) -> date:
    """The local day that ends at `deadline`."""
    return (deadline - timedelta(microseconds=1)).astimezone(ZoneInfo(tz)).date()


@settings(max_examples=300, deadline=None)
@given(paid_at=instants, n=windows, calendar=calendars)
def test_matches_a_day_by_day_count(paid_at: datetime, n: int, calendar: tuple[str, str]) -> None:
    country, tz = calendar
    assert clocks.ship_by(paid_at, n, country, tz) == oracle(paid_at, n, country, tz)


@settings(max_examples=200, deadline=None)
@given(paid_at=instants, n=windows, calendar=calendars)
def test_monotonic_in_n(paid_at: datetime, n: int, calendar: tuple[str, str]) -> None:
    country, tz = calendar
    shorter = clocks.ship_by(paid_at, n, country, tz)
    longer = clocks.ship_by(paid_at, n + 1, country, tz)
    assert shorter < longer
    assert longer - shorter >= timedelta(hours=23)  # at least one more local day


@settings(max_examples=200, deadline=None)
@given(paid_at=instants, n=st.integers(min_value=1, max_value=40), calendar=calendars)
def test_never_lands_on_a_non_working_day(
    paid_at: datetime, n: int, calendar: tuple[str, str]
) -> None:
    country, tz = calendar
    deadline = clocks.ship_by(paid_at, n, country, tz)
    assert holidays.country_holidays(country).is_working_day(last_day(deadline, tz))
    assert deadline.astimezone(ZoneInfo(tz)).time() == datetime.min.time()  # local midnight


@settings(max_examples=200, deadline=None)
@given(paid_at=instants, calendar=calendars)
def test_zero_days_is_the_end_of_the_payment_day(
    paid_at: datetime, calendar: tuple[str, str]
) -> None:
    country, tz = calendar
    deadline = clocks.ship_by(paid_at, 0, country, tz)
    assert last_day(deadline, tz) == paid_at.astimezone(ZoneInfo(tz)).date()
    assert timedelta(0) < deadline - paid_at <= timedelta(hours=25)  # 25: a DST autumn day


# Around the merchant zone's DST changes: every instant of a local day gives the same answer,
# and the answer is a local midnight, whether the day has 23, 24 or 25 hours.
DST_DAYS = [date(2026, 3, 29), date(2026, 10, 25), date(2026, 3, 28), date(2026, 10, 24)]


@settings(max_examples=200, deadline=None)
@given(
    day=st.sampled_from(DST_DAYS),
    seconds=st.integers(min_value=0, max_value=23 * 3600 - 1),
    n=windows,
)
def test_consistent_across_dst_in_the_merchant_zone(day: date, seconds: int, n: int) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    start = clocks.day_start(day, "Europe/Berlin")
    moment = start + timedelta(seconds=seconds)  # real elapsed time: always inside `day`
    assert moment.astimezone(berlin).date() == day
    at_start = clocks.ship_by(start, n, "DE", "Europe/Berlin")
    assert clocks.ship_by(moment, n, "DE", "Europe/Berlin") == at_start
    assert at_start.astimezone(berlin).time() == datetime.min.time()
    earliest, latest = clocks.refund_expected(moment, min(n, 3), max(n, 3), "DE", "Europe/Berlin")
    assert earliest <= latest
    assert latest.astimezone(berlin).time() == datetime.min.time()
    assert latest == oracle(moment, max(n, 3), "DE", "Europe/Berlin")


def test_dst_days_have_the_lengths_the_test_relies_on() -> None:
    def length(day: date) -> timedelta:
        return clocks.day_end(day, "Europe/Berlin") - clocks.day_start(day, "Europe/Berlin")

    assert length(date(2026, 3, 29)) == timedelta(hours=23)
    assert length(date(2026, 10, 25)) == timedelta(hours=25)
    assert length(date(2026, 3, 28)) == timedelta(hours=24)
