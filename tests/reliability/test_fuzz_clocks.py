"""Any input to the clock functions gives an answer or one of the clocks' own ValueErrors.

The instants, days, windows, calendars, zones and thresholds come from everywhere: AliExpress
answers, CSV files, settings a merchant typed. Fuzzed with the extremes of `datetime` (year 1
and 9999, any offset), naive instants, negative and absurd windows, NaN and infinite hours,
unknown countries and zone names that are not names at all. An answer must be an aware UTC
instant; a refusal must say what was wrong in the clocks' own words, never an overflow deep in
`datetime` or a hang counting a million years of holidays.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import clocks
from tests.reliability.fuzzing import DEEP, QUICK, fuzz

OWN_WORDS = (
    "naive datetime",
    "outside the years",
    "working days",
    "cannot be negative",
    "no holiday calendar",
    "unknown time zone",
    "refund days need",
    "not one Dropdesk can count",
)

zones_of_instants = st.one_of(
    st.none(),
    st.just(UTC),
    st.builds(lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-1439, 1439)),
)
moments = st.one_of(
    st.datetimes(timezones=zones_of_instants),  # year 1 to 9999
    st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2032, 1, 1), timezones=st.just(UTC)
    ),
)
days = st.one_of(st.dates(), st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 1, 1)))
counts = st.one_of(
    st.integers(-3, 40), st.integers(-(10**6), 10**6), st.sampled_from([10**9, 10**18])
)
hours = st.one_of(
    st.integers(-10, 10**4),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([10**12, 10**20]),
)
countries = st.one_of(
    st.sampled_from(["CN", "DE", "US", "DE-BY", "de-by", "", "-", "XX", "US-ZZ", "CN-", "\x00"]),
    st.text(max_size=6),
)
zone_names = st.one_of(
    st.sampled_from(
        [
            "Asia/Shanghai",
            "Europe/Berlin",
            "UTC",
            "",
            "Nowhere/Land",
            "../../etc/passwd",
            "/etc/localtime",
            "Europe/Berlin\x00",
            "a" * 300,
            "Europe/../Europe/Berlin",
        ]
    ),
    st.text(max_size=12),
)
spans = st.timedeltas()


def answers_or_refuses(call: Callable[[], Any]) -> Any:
    try:
        result = call()
    except ValueError as error:
        assert any(words in str(error) for words in OWN_WORDS), repr(error)
        return None
    for value in result if isinstance(result, tuple) else (result,):
        if isinstance(value, datetime):
            assert value.utcoffset() is not None
    return result


@fuzz(QUICK * 2)
@given(moment=moments, n=counts, m=counts, country=countries, zone=zone_names)
def test_deadlines(moment: datetime, n: int, m: int, country: str, zone: str) -> None:
    every_deadline(moment, n, m, country, zone)


@pytest.mark.slow
@fuzz(DEEP)
@given(moment=moments, n=counts, m=counts, country=countries, zone=zone_names)
def test_deep_deadlines(moment: datetime, n: int, m: int, country: str, zone: str) -> None:
    every_deadline(moment, n, m, country, zone)


def every_deadline(moment: datetime, n: int, m: int, country: str, zone: str) -> None:
    for call in (
        lambda: clocks.ship_by(moment, n, country, zone),
        lambda: clocks.tracking_due(moment, n, country, zone),
        lambda: clocks.refund_expected(moment, n, m, country, zone),
        lambda: clocks.cancel_answer_due(moment, n),
        lambda: clocks.dispute_escalation(moment, n),
        lambda: clocks.dispute_case_team(moment, m),
    ):
        answers_or_refuses(call)


@fuzz(QUICK)
@given(day=days, n=counts, country=countries, zone=zone_names)
def test_days_and_calendars(day: date, n: int, country: str, zone: str) -> None:
    answers_or_refuses(lambda: clocks.is_working_day(day, country))
    answers_or_refuses(lambda: clocks.nth_working_day(day, n, country))
    answers_or_refuses(lambda: clocks.day_start(day, zone))
    answers_or_refuses(lambda: clocks.day_end(day, zone))
    problem = clocks.calendar_problem(country, zone)
    assert problem is None or any(words in problem for words in OWN_WORDS)


@fuzz(QUICK)
@given(moment=moments, other=moments, zone=zone_names, left=spans, soon=hours, urgent=hours)
def test_countdowns(
    moment: datetime, other: datetime, zone: str, left: timedelta, soon: float, urgent: float
) -> None:
    answers_or_refuses(lambda: clocks.remaining(moment, other))
    answers_or_refuses(lambda: clocks.as_zone(moment, zone))
    assert clocks.format_countdown(left)
    assert clocks.urgency(left, soon, urgent) in set(clocks.Urgency)


def test_an_absurd_window_is_refused_at_once() -> None:
    """A window of a billion working days would take hours to count (and then overflow)."""
    paid = datetime(2026, 3, 2, tzinfo=UTC)
    started = datetime.now(UTC)
    answers_or_refuses(lambda: clocks.ship_by(paid, 10**9))
    assert datetime.now(UTC) - started < timedelta(seconds=1)
    assert clocks.ship_by(paid, clocks.MAX_WORKING_DAYS) > paid
