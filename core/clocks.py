"""Business-day calendars and every deadline of the ledger, as pure functions on aware datetimes.

A "working day" is whatever `holidays.country_holidays(country).is_working_day()` says, so public
holidays are skipped and weekend make-up working days (China's adjusted days around Chinese New
Year and Golden Week) count, unless the merchant's overrides (`use_overrides`, kept in the
ledger by core.calendar_days) say otherwise for that date.

Some countries (China among them) publish each year's arrangement of holidays and make-up
working days only in the preceding November or December; for later years the package falls
back to rules without make-up days. `is_estimated` tells such years apart, read from the
package's own table of special days, so a newer package makes them official by itself.

Day-based windows close at the end of a local calendar day in the calendar's time zone and are
returned as UTC instants.

Inputs no real order has are refused with a ValueError that says so, rather than an overflow
deep in `datetime`: instants and days outside the years 1900 to 2999, windows of more than
MAX_WORKING_DAYS, durations beyond what `timedelta` holds, unreadable zone names.

Speed matters: the ledger recomputes `ship_by` for up to a million orders at once, so each
country's working days are computed once per year (as sorted day ordinals) and every
per-date answer is cached; a call then costs a time-zone conversion and a few dict lookups.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    import holidays

__all__ = [
    "CalendarOverrides",
    "Countdown",
    "Urgency",
    "as_zone",
    "calendar_problem",
    "cancel_answer_due",
    "countdown",
    "day_end",
    "day_start",
    "deadline_estimated",
    "dispute_case_team",
    "dispute_escalation",
    "format_countdown",
    "is_estimated",
    "is_working_day",
    "last_official_year",
    "nth_working_day",
    "refund_expected",
    "remaining",
    "ship_by",
    "tracking_due",
    "urgency",
    "use_overrides",
]

SUPPLIER_COUNTRY = "CN"
SUPPLIER_TIME_ZONE = "Asia/Shanghai"
MERCHANT_COUNTRY = "DE"
MERCHANT_TIME_ZONE = "Europe/Berlin"

_lock = threading.Lock()  # holidays calendars populate years lazily and are not thread-safe

FIRST_YEAR, LAST_YEAR = 1900, 2999  # the years the clocks count in
MAX_WORKING_DAYS = 10_000  # about 40 years: no ship window or refund takes longer
_EARLIEST = datetime(FIRST_YEAR, 1, 2, tzinfo=UTC)  # a day inside the range in every zone
_LATEST = datetime(LAST_YEAR, 12, 31, tzinfo=UTC)
_OUT_OF_RANGE = f"outside the years Dropdesk's clocks count in ({FIRST_YEAR} to {LAST_YEAR})"


def _checked_instant(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("naive datetime: clocks take only aware instants")
    if not _EARLIEST <= moment < _LATEST:
        raise ValueError(f"{moment.isoformat()} is {_OUT_OF_RANGE}")
    return moment


def _checked_day(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{day.isoformat()} is {_OUT_OF_RANGE}")
    return day


def _checked_days(n: int) -> int:
    if n < 0:
        raise ValueError("a number of working days cannot be negative")
    if n > MAX_WORKING_DAYS:
        raise ValueError(f"{n} working days is more than Dropdesk counts ({MAX_WORKING_DAYS})")
    return n


# --- calendars ------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _holiday_calendar(country: str) -> holidays.HolidayBase:
    """One expanding calendar per country code; "DE-BY" selects a subdivision."""
    import holidays  # ~0.1 s of imports, paid when a deadline is first computed, not at start

    code, _, subdiv = country.partition("-")
    try:
        return holidays.country_holidays(code.upper(), subdiv=subdiv.upper() or None)
    except NotImplementedError:
        raise ValueError(f"no holiday calendar for country {country!r}") from None


CalendarOverrides = dict[str, dict[date, bool]]
"""Country code -> {date: is a working day}: the merchant's corrections of the package."""

_overrides: dict[str, dict[int, bool]] = {}
_override_years: frozenset[tuple[str, int]] = frozenset()
#: Part of every cache key below: an answer computed while the overrides changed (on another
#: thread) lands under the old generation, which nobody asks for again.
_generation = 0


def _base(country: str) -> str:
    return country.partition("-")[0].upper()


def use_overrides(overrides: CalendarOverrides) -> bool:
    """Make every clock count with these overrides (replacing the previous ones).

    An override of "CN" also applies to a subdivision such as "CN-XX". Returns whether anything
    changed; the cached working days are dropped only then.
    """
    global _overrides, _override_years, _generation
    wanted = {
        _base(country): {day.toordinal(): working for day, working in days.items()}
        for country, days in overrides.items()
        if days
    }
    if wanted == _overrides:
        return False
    with _lock:
        _overrides = wanted
        _override_years = frozenset(
            (country, date.fromordinal(day).year)
            for country, days in wanted.items()
            for day in days
        )
        _generation += 1
        _working_days_cached.cache_clear()
        _working_day_set_cached.cache_clear()
        _nth_working_cached.cache_clear()
    return True


def _working_days_of_year(country: str, year: int) -> tuple[int, ...]:
    """The ordinals of the year's working days, ascending (computed once per country and year)."""
    return _working_days_cached(country, year, _generation)


@lru_cache(maxsize=1024)
def _working_days_cached(country: str, year: int, _generation: int) -> tuple[int, ...]:
    calendar = _holiday_calendar(country)
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    with _lock:
        mine = _overrides.get(_base(country), {})
        return tuple(
            day
            for day in range(first, last + 1)
            if mine.get(day, None) is True
            or (mine.get(day, None) is None and calendar.is_working_day(date.fromordinal(day)))
        )


#: A country "arranges its year" when its package table has make-up working days in at least
#: this many of the last five years it covers (China, Russia, Vietnam, ...).
_ARRANGED_YEARS = 3


@lru_cache(maxsize=256)
def last_official_year(country: str) -> int | None:
    """The last year whose official arrangement the installed `holidays` package holds, for a
    country that publishes one per year; None for countries whose rules are the arrangement.

    Read from the package's tables of special days: entries that move a working day onto a
    weekend (make-up working days) mark the years it was published for.
    """
    calendar = _holiday_calendar(country)
    arranged: set[int] = set()
    for name in dir(calendar):
        if not name.startswith("special_") or "holidays" not in name:
            continue
        table = getattr(calendar, name, None)
        if not isinstance(table, dict):
            continue
        for year, entries in table.items():
            if isinstance(year, int) and any(
                isinstance(entry, tuple) and len(entry) >= 4 for entry in _entries(entries)
            ):
                arranged.add(year)
    if not arranged:
        return None
    last = max(arranged)
    recent = sum(1 for year in range(last - 4, last + 1) if year in arranged)
    return last if recent >= _ARRANGED_YEARS else None


def _entries(entries: object) -> tuple[object, ...]:
    """A table's value for one year: one entry tuple, or a tuple of them."""
    if isinstance(entries, tuple) and entries and isinstance(entries[0], tuple):
        return entries
    return (entries,)


def is_estimated(country: str, year: int) -> bool:
    """Whether `year`'s working days in `country` are the package's guess, not the official
    arrangement: later than the package's last official year, and not set by the merchant
    (an override for that country and year counts as the merchant's own arrangement)."""
    last = last_official_year(country)
    if last is None or year <= last:
        return False
    return (_base(country), year) not in _override_years


def deadline_estimated(start: datetime, deadline: datetime, country: str, tz: str) -> bool:
    """Whether any year counted between `start` and `deadline` (local days in `tz`) is estimated."""
    first = as_zone(start, tz).year
    last = as_zone(deadline, tz).year
    return any(is_estimated(country, year) for year in range(first, last + 1))


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
        raise ValueError(f"unknown time zone {name!r}") from None


def calendar_problem(country: str, tz: str) -> str | None:
    """Why (country, tz) cannot drive a clock, or None when both are usable (for settings forms)."""
    try:
        _holiday_calendar(country)
        _zone(tz)
    except ValueError as error:
        return str(error)
    return None


def is_working_day(day: date, country: str = SUPPLIER_COUNTRY) -> bool:
    """Whether `day` is a working day in `country` (the same answer the deadlines use)."""
    _checked_day(day)
    return day.toordinal() in _working_day_set_cached(country, day.year, _generation)


@lru_cache(maxsize=1024)
def _working_day_set_cached(country: str, year: int, _generation: int) -> frozenset[int]:
    return frozenset(_working_days_of_year(country, year))


def _nth_working_ordinal(country: str, start: int, n: int) -> int:
    """The ordinal of the n-th working day after day `start` (start itself does not count)."""
    return _nth_working_cached(country, start, n, _generation)


@lru_cache(maxsize=262_144)
def _nth_working_cached(country: str, start: int, n: int, _generation: int) -> int:
    if n == 0:
        return start
    year = date.fromordinal(start).year
    days = _working_days_of_year(country, year)
    index = bisect_right(days, start) + n - 1
    while index >= len(days):
        index -= len(days)
        year += 1
        days = _working_days_of_year(country, year)
    return days[index]


def nth_working_day(day: date, n: int, country: str = SUPPLIER_COUNTRY) -> date:
    """The n-th working day after `day` (which does not count); n = 0 gives `day` itself."""
    _checked_day(day)
    _checked_days(n)
    return date.fromordinal(_nth_working_ordinal(country, day.toordinal(), n))


@lru_cache(maxsize=65_536)
def _day_start_utc(tz: str, ordinal: int) -> datetime:
    """The UTC instant at which local day `ordinal` begins in `tz`.

    fold=0 is right for both DST oddities at midnight: a skipped midnight resolves to the
    transition instant, a repeated one to its first occurrence.
    """
    local = datetime.combine(date.fromordinal(ordinal), time(0), tzinfo=_zone(tz))
    return local.astimezone(UTC)


def day_start(day: date, tz: str) -> datetime:
    """The UTC instant at which `day` begins in `tz`."""
    return _day_start_utc(tz, _checked_day(day).toordinal())


def day_end(day: date, tz: str) -> datetime:
    """The UTC instant at which `day` ends in `tz` (00:00 of the next local day)."""
    return _day_start_utc(tz, _checked_day(day).toordinal() + 1)


def _local_ordinal(moment: datetime, tz: str) -> int:
    return _checked_instant(moment).astimezone(_zone(tz)).toordinal()


def _working_day_deadline(start: datetime, n: int, country: str, tz: str) -> datetime:
    _checked_days(n)
    target = _nth_working_ordinal(country, _local_ordinal(start, tz), n)
    return _day_start_utc(tz, target + 1)


# --- the deadlines --------------------------------------------------------------------------


def ship_by(
    paid_at: datetime,
    business_days: int,
    country: str = SUPPLIER_COUNTRY,
    tz: str = SUPPLIER_TIME_ZONE,
) -> datetime:
    """When the supplier's ship window closes: the end of the N-th working day after payment.

    Counted in the supplier's zone and calendar; the payment day itself does not count, and
    N = 0 means the end of the payment day. Returns a UTC instant.
    """
    return _working_day_deadline(paid_at, business_days, country, tz)


def tracking_due(
    requested_at: datetime,
    business_days: int = 5,
    country: str = SUPPLIER_COUNTRY,
    tz: str = SUPPLIER_TIME_ZONE,
) -> datetime:
    """When a supplier who refused to cancel must have sent a tracking number (supplier calendar).

    Same rule as ship_by: the end of the N-th working day after the day of the request.
    """
    return _working_day_deadline(requested_at, business_days, country, tz)


def cancel_answer_due(requested_at: datetime, hours: int = 72) -> datetime:
    """When an unanswered cancel request resolves by itself: a plain duration, not working days."""
    return _absolute(requested_at, hours=hours)


def refund_expected(
    issued_at: datetime,
    min_days: int = 3,
    max_days: int = 15,
    country: str = MERCHANT_COUNTRY,
    tz: str = MERCHANT_TIME_ZONE,
) -> tuple[datetime, datetime]:
    """When a refund should arrive, in the merchant's calendar: (earliest, latest) UTC instants.

    The earliest is the start of the min-th working day after the day it was issued (it may
    arrive during that day, never before the issue itself); the latest is the end of the
    max-th working day, after which the refund is overdue.
    """
    if not 0 <= min_days <= max_days:
        raise ValueError("refund days need 0 <= min_days <= max_days")
    _checked_days(max_days)
    issued_day = _local_ordinal(issued_at, tz)
    first = _nth_working_ordinal(country, issued_day, min_days)
    earliest = max(_day_start_utc(tz, first), issued_at.astimezone(UTC))
    return earliest, _working_day_deadline(issued_at, max_days, country, tz)


def dispute_escalation(opened_at: datetime, days: int = 3) -> datetime:
    """When a dispute may be escalated: AliExpress runs its dispute timers in plain days."""
    return _absolute(opened_at, days=days)


def dispute_case_team(opened_at: datetime, days: int = 15) -> datetime:
    """When an unresolved dispute goes to AliExpress' case team (plain days, like the timer)."""
    return _absolute(opened_at, days=days)


def _absolute(start: datetime, *, hours: float = 0, days: float = 0) -> datetime:
    _checked_instant(start)
    try:
        duration = timedelta(hours=hours, days=days)
    except (OverflowError, ValueError):  # beyond timedelta's range, or NaN
        raise ValueError(
            f"a duration of {days or hours} {'days' if days else 'hours'} "
            "is not one Dropdesk can count"
        ) from None
    if duration < timedelta(0):
        raise ValueError("a duration cannot be negative")
    try:
        end = start.astimezone(UTC) + duration
    except OverflowError:  # past year 9999
        raise ValueError(f"{start.isoformat()} plus {duration} is {_OUT_OF_RANGE}") from None
    return _checked_instant(end)


# --- countdowns -----------------------------------------------------------------------------


class Urgency(StrEnum):
    """How close a deadline is; the GUI maps each to a colour."""

    CALM = "calm"
    SOON = "soon"
    URGENT = "urgent"
    OVERDUE = "overdue"


def remaining(deadline: datetime, now: datetime) -> timedelta:
    """Time left until `deadline` (negative once it has passed)."""
    if deadline.tzinfo is None or now.tzinfo is None:
        raise ValueError("naive datetime: clocks take only aware instants")
    return deadline - now


_MINUTE = 60
_HOUR = 3600
_DAY = 86_400


class Countdown(NamedTuple):
    """Time left as numbers, each window speaks in its own words ("2 d 05 h", "2 T 05 h").
    `minutes` is None when the span is shown without it (days, or hours when overdue);
    all zero means less than a minute."""

    overdue: bool
    days: int
    hours: int
    minutes: int | None


def countdown(delta: timedelta) -> Countdown:
    """Time left, truncated (a window with 59 s left is "< 1 min", never "1 min" too late);
    zero or less is overdue, shown coarser (no minutes beside hours)."""
    seconds = int(delta.total_seconds())  # truncates toward zero
    overdue = delta <= timedelta(0)
    days, rest = divmod(abs(seconds), _DAY)
    hours, rest = divmod(rest, _HOUR)
    minutes = rest // _MINUTE
    if days or (hours and overdue):
        return Countdown(overdue, days, hours, None)
    return Countdown(overdue, 0, hours, minutes)


def format_countdown(delta: timedelta) -> str:
    """A compact countdown in English (the command line, logs): "2 d 05 h", "3 h 12 min",
    "12 min", "< 1 min", "overdue 6 h", "overdue 2 d 05 h". The window words
    `countdown()` itself (gui.formatting.countdown_text)."""
    left = countdown(delta)
    if left.days:
        span = f"{left.days} d {left.hours:02d} h"
    elif left.hours:
        minutes = "" if left.minutes is None else f" {left.minutes:02d} min"
        span = f"{left.hours} h{minutes}"
    elif left.minutes:
        span = f"{left.minutes} min"
    else:
        span = "< 1 min"
    return f"overdue {span}" if left.overdue else span


def local_moment(moment: datetime, zone: tzinfo | None = None) -> tuple[str, str]:
    """An instant in `zone` (default: this machine's) with the zone's abbreviation, in English
    and German ("2026-12-11 13:04 CET", "11.12.2026 13:04 CET"), for a sentence that names a
    deadline; each instant gets its own offset (summer time), not the offset of now."""
    local = moment.astimezone(zone)
    name = local.strftime("%Z").strip()
    return (
        f"{local.strftime('%Y-%m-%d %H:%M')} {name}".strip(),
        f"{local.strftime('%d.%m.%Y %H:%M')} {name}".strip(),
    )


def urgency(delta: timedelta, soon_hours: float, urgent_hours: float) -> Urgency:
    """Classify time left: overdue at or below zero, urgent within urgent_hours, soon within
    soon_hours (the warning lead time), calm beyond. Compared in seconds, so thresholds from
    a damaged setting (NaN, infinite, huge) classify instead of overflowing a timedelta."""
    left = delta.total_seconds()
    if left <= 0:
        return Urgency.OVERDUE
    if left <= urgent_hours * _HOUR:
        return Urgency.URGENT
    if left <= soon_hours * _HOUR:
        return Urgency.SOON
    return Urgency.CALM


def as_zone(moment: datetime, tz: str | tzinfo) -> datetime:
    """`moment` shown in `tz` (a zone name or tzinfo), for tooltips and reports."""
    zone = _zone(tz) if isinstance(tz, str) else tz
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):  # a moment at the very end (or start) of the calendar
        raise ValueError(f"{moment.isoformat()} is {_OUT_OF_RANGE}") from None
