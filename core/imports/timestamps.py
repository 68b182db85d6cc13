"""Instants as the export writes them (`2026-04-10 11:11:26 +0530`) to aware datetimes.

The export always carries the shop's UTC offset. A spreadsheet that recognised the text as a
date may have rewritten it without one (`10.04.2026 11:11`, `31/12/2023 22:36`,
`12/31/2023 10:36 PM`); those are read in the zone the caller passes, since the offset is gone.
Dotted dates are always day-first. Slashed (or dashed) ones are day-first or month-first as
the caller says (`date_order`); without that, `AmbiguousDateError` says it is needed, and the
import settles the order for the whole file (core.imports.date_order).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Literal

from core.texts import Text

DateOrder = Literal["dmy", "mdy"]
DATE_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy")

_EXPORT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r" ?(?:(Z|UTC)|([+-])(\d{2}):?(\d{2}))"
)
_NAIVE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d",
    "%d.%m.%Y",
)
#: The export's own spelling, exactly: read by the C parser (4x faster than the regex path).
_CANONICAL = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}")
_OFFSETS: dict[str, timezone] = {}
#: What Excel and friends write when they re-save a date they recognised: day and month in
#: an order the file does not say (`/` or `-`), a 2- or 4-digit year, maybe a 12-hour clock.
_SLASHED = re.compile(
    r"([0-9]{1,2})([/-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})"
    r"(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?: ?([AaPp])\.?[Mm]\.?)?)?"
)


class TimestampError(ValueError):
    """Not a date and time; the message quotes the text (and `text` in German too)."""

    def __init__(self, message: Text | str, german: str = "") -> None:
        self.text = message if isinstance(message, Text) else Text.pair(message, german)
        super().__init__(self.text.english())


class AmbiguousDateError(TimestampError):
    """A slashed date read without a `date_order`: the caller has to settle the order."""


def slashed_day_month(text: str) -> tuple[int, int] | None:
    """The first two numbers of a slashed date (`31/12/2023 22:36` -> (31, 12)), else None.
    Cheap enough to run on every date cell of a file (the scan that settles the order)."""
    match = _SLASHED.fullmatch(text.strip())
    return (int(match.group(1)), int(match.group(3))) if match else None


def parse_export_time(
    text: str, local_zone: tzinfo, date_order: DateOrder | None = None
) -> datetime:
    """An aware datetime; `local_zone` applies only to text that lost its UTC offset, and
    `date_order` only to slashed dates (AmbiguousDateError when one is met without it)."""
    stripped = text.strip()
    if _CANONICAL.fullmatch(stripped):
        try:  # what fromisoformat refuses, the general path below refuses or reads the same
            return _storable(datetime.fromisoformat(stripped[:19] + stripped[20:]))
        except (ValueError, OverflowError):
            pass
    match = _EXPORT.fullmatch(stripped)
    if match:
        year, month, day, hour, minute, second, utc, sign, off_h, off_m = match.groups()
        try:
            zone = UTC if utc else _offset(sign, off_h, off_m)
            return _storable(
                datetime(
                    int(year),
                    int(month),
                    int(day),
                    int(hour),
                    int(minute),
                    int(second or 0),
                    tzinfo=zone,
                )
            )
        except (ValueError, OverflowError):
            raise TimestampError(
                Text("core.imports.timestamps", 'not a date: "{text}"', text=text)
            ) from None
    slashed = _SLASHED.fullmatch(stripped)
    if slashed:
        return _slashed(text, slashed, local_zone, date_order)
    for layout in _NAIVE_FORMATS:
        try:
            parsed = datetime.strptime(stripped, layout).replace(tzinfo=local_zone)
        except ValueError:
            continue
        try:
            return _storable(parsed)
        except (ValueError, OverflowError):
            break
    raise TimestampError(Text("core.imports.timestamps", 'not a date: "{text}"', text=text))


def _slashed(
    text: str, match: re.Match[str], zone: tzinfo, date_order: DateOrder | None
) -> datetime:
    first, _, second, year, hour, minute, second_of_minute, half = match.groups()
    if date_order is None:
        raise AmbiguousDateError(
            Text(
                "core.imports.timestamps",
                '"{text}": day and month cannot be told apart',
                text=text,
            ),
        )
    day, month = (first, second) if date_order == "dmy" else (second, first)
    hours = int(hour or 0)
    if half is not None:  # 12-hour clock: 12:05 AM is 00:05, 12:05 PM is 12:05
        if not 1 <= hours <= 12:
            raise TimestampError(Text("core.imports.timestamps", 'not a date: "{text}"', text=text))
        hours = hours % 12 + (12 if half in "Pp" else 0)
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return _storable(
            datetime(
                full_year,
                int(month),
                int(day),
                hours,
                int(minute or 0),
                int(second_of_minute or 0),
                tzinfo=zone,
            )
        )
    except (ValueError, OverflowError):
        if date_order == "dmy":
            raise TimestampError(
                Text(
                    "core.imports.timestamps", 'not a date when read day-first: "{text}"', text=text
                )
            ) from None
        raise TimestampError(
            Text("core.imports.timestamps", 'not a date when read month-first: "{text}"', text=text)
        ) from None


def _storable(moment: datetime) -> datetime:
    """`moment`, once it is known to have a UTC equivalent (the ledger stores UTC): year 1
    with an eastern offset, or year 9999 with a western one, has none (OverflowError)."""
    moment.astimezone(UTC)
    return moment


def _offset(sign: str, hours: str, minutes: str) -> timezone:
    key = f"{sign}{hours}{minutes}"
    zone = _OFFSETS.get(key)
    if zone is None:
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        if delta >= timedelta(hours=24):
            raise ValueError(f"UTC offset out of range: {key}")
        zone = _OFFSETS[key] = timezone(-delta if sign == "-" else delta)
    return zone
