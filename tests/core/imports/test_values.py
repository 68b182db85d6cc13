"""Reading amounts and times as exports and spreadsheets write them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.imports.amounts import AmountError, format_amount, parse_amount
from core.imports.timestamps import TimestampError, parse_export_time

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "currency", "mark", "minor"),
    [
        ("12.50", "EUR", ".", 1250),
        ("12,50", "EUR", ",", 1250),
        ("12.5", "EUR", ".", 1250),
        ("-3.10", "EUR", ".", -310),
        ("1,234.56", "EUR", ".", 123456),
        ("1.234,56", "EUR", ",", 123456),
        ("1.234,56", "EUR", ".", 123456),  # unambiguous in any file
        ("12.50", "EUR", ",", 1250),  # dot decimals that survived in a ';' file
        ("1.500", "EUR", ",", 150000),  # German thousands
        ("1.500", "EUR", ".", 150),
        ("1.234.567", "EUR", ",", 123456700),
        (" 7 ", "EUR", ".", 700),
        ("12.500", "EUR", ".", 1250),  # trailing zeros beyond the cents are fine
        ("4980", "JPY", ".", 4980),
        ("1.250", "KWD", ".", 1250),
        (".5", "EUR", ".", 50),
    ],
)
def test_amounts(text: str, currency: str, mark: str, minor: int) -> None:
    assert parse_amount(text, currency, decimal_mark=mark) == minor


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12,3,4", 'not an amount: "12,3,4"'),
        ("1.2.3", 'not an amount: "1.2.3"'),
        ("1,23.4,5", 'not an amount: "1,23.4,5"'),
        ("12 €", 'not an amount: "12 €"'),
        ("1e3", 'not an amount: "1e3"'),
        ("5.", 'not an amount: "5."'),
        ("--5", 'not an amount: "--5"'),
        ("12.345", '"12.345" has more decimals than EUR has'),
        ("12.5", '"12.5" has more decimals than JPY has'),
    ],
)
def test_garbage_amounts_are_refused(text: str, reason: str) -> None:
    currency = "JPY" if reason.endswith("JPY has") else "EUR"
    with pytest.raises(AmountError) as raised:
        parse_amount(text, currency)
    assert str(raised.value) == reason


@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from(["EUR", "JPY", "KWD", "USD"]),
    st.sampled_from([".", ","]),
)
def test_formatted_amounts_read_back(minor: int, currency: str, mark: str) -> None:
    assert (
        parse_amount(format_amount(minor, currency, decimal_mark=mark), currency, decimal_mark=mark)
        == minor
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04-10 11:11:26 +0530", datetime(2026, 4, 10, 5, 41, 26, tzinfo=UTC)),
        ("2026-04-10 11:11:26 -0400", datetime(2026, 4, 10, 15, 11, 26, tzinfo=UTC)),
        ("2026-04-10T11:11:26+05:30", datetime(2026, 4, 10, 5, 41, 26, tzinfo=UTC)),
        ("2026-04-10T05:41:26Z", datetime(2026, 4, 10, 5, 41, 26, tzinfo=UTC)),
        ("2026-04-10 05:41 UTC", datetime(2026, 4, 10, 5, 41, tzinfo=UTC)),
        # a spreadsheet dropped the offset: read in the merchant's zone (CEST, +2)
        ("10.04.2026 11:11", datetime(2026, 4, 10, 9, 11, tzinfo=UTC)),
        ("2026-04-10 11:11:26", datetime(2026, 4, 10, 9, 11, 26, tzinfo=UTC)),
    ],
)
def test_times(text: str, expected: datetime) -> None:
    parsed = parse_export_time(text, BERLIN)
    assert parsed == expected and parsed.utcoffset() is not None


@pytest.mark.parametrize(
    "text",
    [
        "2026-13-45 25:00:00 +0530",
        "2026/04/10 11:11",
        "yesterday",
        "2026-04-10 1:1 +0530",
        "2026-04-10 11:11:26 +2500",
    ],
)
def test_unreadable_times_are_refused(text: str) -> None:
    with pytest.raises(TimestampError) as raised:
        parse_export_time(text, BERLIN)
    assert str(raised.value) == f'not a date: "{text}"'


def test_offsets_keep_their_zone() -> None:
    parsed = parse_export_time("2026-04-10 11:11:26 +0530", BERLIN)
    assert parsed.utcoffset() == timedelta(hours=5, minutes=30)
    assert parsed.tzinfo == timezone(timedelta(hours=5, minutes=30))


@given(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
    st.sampled_from([" ", ""]),
)
def test_the_exports_spelling_reads_like_any_other(
    moment: datetime, offset_minutes: int, space: str
) -> None:
    """`2026-04-10 11:11:26 +0530` takes a fast path; `2026-04-10 11:11:26+05:30` the general
    one: both must give the same instant in the same offset."""
    sign = "-" if offset_minutes < 0 else "+"
    hours, minutes = divmod(abs(offset_minutes), 60)
    local = moment.strftime("%Y-%m-%d %H:%M:%S").rjust(19, "0")
    exported = f"{local}{space}{sign}{hours:02d}{minutes:02d}"
    general = f"{local}{sign}{hours:02d}:{minutes:02d}"
    try:
        expected = parse_export_time(general, BERLIN)
    except TimestampError:  # no UTC equivalent (year 1 east of Greenwich, 9999 west)
        with pytest.raises(TimestampError):
            parse_export_time(exported, BERLIN)
        return
    parsed = parse_export_time(exported, BERLIN)
    assert parsed == expected and parsed.utcoffset() == expected.utcoffset()
