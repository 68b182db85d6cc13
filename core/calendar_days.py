"""The merchant's corrections of the working-day calendars, kept in the ledger.

The `holidays` package knows a country's official arrangement only for the years it was
released with (China publishes each year's holidays and make-up working days in the preceding
November or December). The merchant fills the gap, or corrects a day, per country and date:
"holiday" makes a date a day off, "working_day" makes it a working day (a make-up Saturday).
Core's calendar is the package plus these overrides (core.clocks.use_overrides).

The file format for export and import is CSV, UTF-8, with the header line
`country,date,kind,name`: country as a supplier's calendar ("CN", "DE-BY"), date as YYYY-MM-DD,
kind `holiday` or `working_day`, name free text (may be empty). Importing a file replaces, for
each country and year it contains, that year's overrides with the file's; other years stay.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from core import clocks, settings
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

    from core.ledger import Ledger

HOLIDAY = "holiday"
WORKING_DAY = "working_day"
KINDS = (HOLIDAY, WORKING_DAY)
HEADER = ("country", "date", "kind", "name")
MAX_FILE_BYTES = 1_000_000
MAX_ROWS = 10_000
MAX_NAME = 200
_PROBLEMS_SHOWN = 10
FINGERPRINT_SETTING = "calendar_fingerprint"


@dataclass(frozen=True, order=True)
class CalendarDay:
    """One corrected date: `kind` is HOLIDAY (a day off) or WORKING_DAY."""

    country: str
    day: date
    kind: str
    name: str = ""


class CalendarFileError(ValueError):
    """A calendar file that cannot be imported; `text` says why, in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.english())
        self.text = text


# --- reading and writing the ledger ---------------------------------------------------------


def load(db: Session | Connection) -> list[CalendarDay]:
    """Every override of the ledger, by country and date."""
    rows = _connection(db).exec_driver_sql(
        "SELECT country, day, kind, name FROM calendar_day ORDER BY country, day"
    )
    return [
        CalendarDay(country, date.fromisoformat(str(day)), kind, name)
        for country, day, kind, name in rows
    ]


def as_overrides(days: Iterable[CalendarDay]) -> clocks.CalendarOverrides:
    found: clocks.CalendarOverrides = {}
    for entry in days:
        found.setdefault(entry.country, {})[entry.day] = entry.kind == WORKING_DAY
    return found


def apply(db: Session | Connection) -> list[CalendarDay]:
    """Make the clocks count with this ledger's overrides (cheap when nothing changed)."""
    days = load(db)
    clocks.use_overrides(as_overrides(days))
    return days


def fingerprint(days: Sequence[CalendarDay]) -> str:
    """What the stored deadlines were computed from: the package's version and the overrides."""
    import holidays

    data = [holidays.__version__, *(f"{d.country},{d.day},{d.kind}" for d in sorted(days))]
    return hashlib.sha256("\n".join(data).encode()).hexdigest()


def stored_fingerprint(session: Session) -> str | None:
    value = settings.get(session, FINGERPRINT_SETTING)
    return None if value is None else str(value)


def store_fingerprint(session: Session, value: str) -> None:
    settings.put(session, FINGERPRINT_SETTING, value)


def saved_countries(ledger: Ledger) -> list[str]:
    """The countries the merchant has saved calendar days for, sorted."""
    with ledger.session() as session:
        return sorted({d.country for d in load(session)})


def year_days(ledger: Ledger, country: str, year: int) -> list[CalendarDay]:
    """The overrides of one country and year (what the editor shows)."""
    country = normalize_country(country)
    with ledger.session() as session:
        return [d for d in load(session) if d.country == country and d.day.year == year]


def replace_year(
    ledger: Ledger,
    country: str,
    year: int,
    days: Iterable[CalendarDay],
    now: datetime | None = None,
) -> bool:
    """Make `days` the overrides of `country` in `year`; journals the change. Returns whether
    anything changed (the caller then recomputes the open orders' deadlines)."""
    country = normalize_country(country)
    wanted = sorted(set(days))
    problems = [_entry_problem(d) for d in wanted]
    problems += [
        Text(
            "core.calendar_days",
            "{d_day} is not in {year}.",
            d_day=d.day,
            year=year,
        )
        for d in wanted
        if d.day.year != year
    ]
    problems += [
        Text(
            "core.calendar_days",
            "{d_country} is not {country}.",
            d_country=d.country,
            country=country,
        )
        for d in wanted
        if d.country != country
    ]
    if found := [p for p in problems if p is not None]:
        raise CalendarFileError(_joined(found))
    return _replace(ledger, {(country, year): wanted}, "calendar_edited", now)


def export_csv(ledger: Ledger) -> str:
    """Every override as CSV text in the documented format."""
    with ledger.session() as session:
        days = load(session)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for d in days:
        writer.writerow((d.country, d.day.isoformat(), d.kind, d.name))
    return out.getvalue()


def import_csv(ledger: Ledger, data: bytes, now: datetime | None = None) -> int:
    """Import a calendar file; returns how many dates it held. Raises CalendarFileError listing
    what is wrong, and then changes nothing."""
    days = parse_csv(data)
    by_year: dict[tuple[str, int], list[CalendarDay]] = {}
    for d in days:
        by_year.setdefault((d.country, d.day.year), []).append(d)
    _replace(ledger, by_year, "calendar_imported", now)
    return len(days)


# --- the file -------------------------------------------------------------------------------


def parse_csv(data: bytes) -> list[CalendarDay]:
    """The dates of a calendar file, or CalendarFileError naming every bad line (up to ten)."""
    if len(data) > MAX_FILE_BYTES:
        raise CalendarFileError(
            Text(
                "core.calendar_days",
                "The calendar file is larger than {value} kB; it cannot be a list of holidays.",
                value=MAX_FILE_BYTES // 1000,
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CalendarFileError(
            Text("core.calendar_days", "The calendar file is not UTF-8 text.")
        ) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise CalendarFileError(
            Text(
                "core.calendar_days",
                "The calendar file is not valid CSV: {error}.",
                error=error,
            )
        ) from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    header = tuple(cell.strip().lower() for cell in rows[0]) if rows else ()
    if header[:3] != HEADER[:3]:
        raise CalendarFileError(
            Text(
                "core.calendar_days",
                "The first line of a calendar file must be: country,date,kind,name",
            )
        )
    if len(rows) - 1 > MAX_ROWS:
        raise CalendarFileError(
            Text(
                "core.calendar_days",
                "The calendar file has more than {max_rows} dates.",
                max_rows=MAX_ROWS,
            )
        )
    days: list[CalendarDay] = []
    problems: list[Text] = []
    seen: dict[tuple[str, date], int] = {}
    for number, row in enumerate(rows[1:], start=2):
        entry, problem = _parse_row(row)
        if problem is not None:
            problems.append(
                Text(
                    "core.calendar_days",
                    "Line {number}: {problem}",
                    number=number,
                    problem=problem,
                )
            )
            continue
        assert entry is not None
        key = (entry.country, entry.day)
        if key in seen:
            problems.append(
                Text(
                    "core.calendar_days",
                    "Line {number}: {entry_day} in {entry_country} is already on line {value}.",
                    number=number,
                    entry_day=entry.day,
                    entry_country=entry.country,
                    value=seen[key],
                )
            )
            continue
        seen[key] = number
        days.append(entry)
    if problems:
        raise CalendarFileError(_joined(problems))
    return days


def _parse_row(row: list[str]) -> tuple[CalendarDay | None, Text | None]:
    cells = [cell.strip() for cell in row] + [""] * (4 - len(row))
    if len(row) > 4:
        return None, Text(
            "core.calendar_days",
            "more than four columns (put commas inside a name in quotes).",
        )
    country, day_text, kind, name = cells[:4]
    try:
        day = date.fromisoformat(day_text)
        if len(day_text) != 10:
            raise ValueError(day_text)
    except ValueError:
        return None, Text(
            "core.calendar_days",
            "{day_text!r} is not a date like 2027-02-06.",
            day_text=day_text,
        )
    kind = kind.lower().replace(" ", "_").replace("-", "_")
    entry = CalendarDay(normalize_country(country), day, kind, name)
    return (None, problem) if (problem := _entry_problem(entry)) else (entry, None)


def _entry_problem(entry: CalendarDay) -> Text | None:
    if not entry.country or clocks.calendar_problem(entry.country, "UTC") is not None:
        return Text(
            "core.calendar_days",
            "{entry_country!r} is not a country calendar Dropdesk knows (like CN or DE-BY).",
            entry_country=entry.country,
        )
    if entry.kind not in KINDS:
        return Text(
            "core.calendar_days",
            "{entry_kind!r} is not a kind; use holiday or working_day.",
            entry_kind=entry.kind,
        )
    if not clocks.FIRST_YEAR <= entry.day.year <= clocks.LAST_YEAR:
        return Text(
            "core.calendar_days",
            "{entry_day} is outside the years Dropdesk counts in.",
            entry_day=entry.day,
        )
    if len(entry.name) > MAX_NAME:
        return Text(
            "core.calendar_days",
            "the name is longer than {max_name} characters.",
            max_name=MAX_NAME,
        )
    return None


def normalize_country(country: str) -> str:
    return country.strip().upper()


def package_days(country: str, year: int, language: str = "en") -> list[CalendarDay]:
    """What the `holidays` package itself counts for `country` in `year`, before the merchant's
    corrections: its holidays (days off) and make-up working days, named in `language` when the
    package speaks it for that country (else in English, if it has that). The editor
    shows them so the merchant does not enter a date that is already counted. An unknown
    country has none (raises ValueError, as core.clocks does)."""
    return list(_package_days(normalize_country(country), year, language))


@lru_cache(maxsize=32)
def _package_days(country: str, year: int, language: str) -> tuple[CalendarDay, ...]:
    import holidays

    code, _, subdiv = country.partition("-")
    try:
        calendar = holidays.country_holidays(code, subdiv=subdiv or None, years=year)
    except NotImplementedError:
        raise ValueError(f"no holiday calendar for country {country!r}") from None
    spoken = _spoken(calendar.supported_languages, language)
    if spoken:
        calendar = holidays.country_holidays(
            code, subdiv=subdiv or None, years=year, language=spoken
        )
    days = [CalendarDay(country, day, HOLIDAY, name) for day, name in calendar.items()]
    days += [
        CalendarDay(country, day, WORKING_DAY, "")
        for day in getattr(calendar, "weekend_workdays", ())
        if day.year == year
    ]
    return tuple(sorted(days))


def package_language(country: str, language: str) -> str:
    """The language ("de", "en", …) package_days names `country`'s holidays in when asked for
    `language`: the editor notes when it is not the window's. Raises ValueError as
    package_days does."""
    import holidays

    code, _, subdiv = normalize_country(country).partition("-")
    try:
        calendar = holidays.country_holidays(code, subdiv=subdiv or None)
    except NotImplementedError:
        raise ValueError(f"no holiday calendar for country {country!r}") from None
    spoken = _spoken(calendar.supported_languages, language)
    return (spoken or calendar.default_language or "en").split("_")[0]


def _spoken(supported: Iterable[str], language: str) -> str | None:
    """The package's variant of `language`, else of English (rather than the country's own
    script), else None (the package's default)."""
    for wanted in (language, "en"):
        for lang in sorted(supported):
            if lang.split("_")[0] == wanted:
                return lang
    return None


def _joined(problems: list[Text]) -> Text:
    shown = problems[:_PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    if more:
        shown = [*shown, Text("core.calendar_days", "… and {more} more.", more=more)]
    return Text.join("\n", shown)


# --- plumbing -------------------------------------------------------------------------------


def _replace(
    ledger: Ledger,
    by_year: dict[tuple[str, int], list[CalendarDay]],
    kind: str,
    now: datetime | None,
) -> bool:
    from core.ledger import journal

    changed: list[dict[str, Any]] = []
    with ledger.session() as session:
        connection = session.connection()
        for (country, year), days in sorted(by_year.items()):
            bounds = (country, date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat())
            before = sorted(
                CalendarDay(c, date.fromisoformat(str(d)), k, n)
                for c, d, k, n in connection.exec_driver_sql(
                    "SELECT country, day, kind, name FROM calendar_day "
                    "WHERE country = ? AND day BETWEEN ? AND ?",
                    bounds,
                )
            )
            wanted = sorted(days)
            if before == wanted:
                continue
            connection.exec_driver_sql(
                "DELETE FROM calendar_day WHERE country = ? AND day BETWEEN ? AND ?", bounds
            )
            if wanted:
                connection.exec_driver_sql(
                    "INSERT INTO calendar_day (country, day, kind, name) VALUES (?, ?, ?, ?)",
                    [(d.country, d.day.isoformat(), d.kind, d.name) for d in wanted],
                )
            changed.append(
                {
                    "country": country,
                    "year": year,
                    "before": [_payload(d) for d in before],
                    "after": [_payload(d) for d in wanted],
                }
            )
        if changed:
            journal.record(
                session, kind, "ledger", 0, {"years": changed}, at=now or datetime.now(UTC)
            )
    return bool(changed)


def _payload(day: CalendarDay) -> dict[str, str]:
    return {"date": day.day.isoformat(), "kind": day.kind, "name": day.name}


def _connection(db: Session | Connection) -> Connection:
    from sqlalchemy import Connection

    return db if isinstance(db, Connection) else db.connection()
