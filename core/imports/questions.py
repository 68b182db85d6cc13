"""What an export leaves open and only the merchant can answer: its currency, its date order,
the shop it is for.

Older exports have no Currency column; a spreadsheet may have rewritten `2023-12-31 22:36 +0100`
as `31/12/2023 22:36` or `12/31/2023 10:36 PM`; an export never names its shop. The import
settles what the ledger and the file settle (the shop's currency, a day over 12 in a date
column) and asks the rest: `Answers` carries what the merchant said, `Question` what is still
open. A real import with a question open raises `AnswersNeeded` (nothing is written); a
provisional dry run (the window's preview) reads with the suggested answers and lists the
questions, so the merchant sees the result and confirms or changes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from core.imports.errors import ImportFileError
from core.imports.timestamps import DateOrder
from core.texts import Text

QuestionKind = Literal["currency", "date_order", "shop"]
_ISO_4217 = re.compile(r"[A-Z]{3}")

#: Currencies offered first in a choice (others can be typed).
COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "PLN", "SEK", "DKK", "NOK", "CZK")

#: Territories whose people write the month first (12/31/2023): the US and places that follow it.
_MONTH_FIRST_TERRITORIES = frozenset({"US", "PH", "AS", "GU", "MP", "PR", "UM", "VI", "FM", "MH"})
#: Territories where both orders are common: the locale does not settle it.
_MIXED_TERRITORIES = frozenset({"CA"})
#: Languages whose convention is day-first, when the locale names no territory.
_DAY_FIRST_LANGUAGES = frozenset(
    "de fr es it nl pt pl cs sk da nb nn no sv fi ru uk tr el ro hu bg hr sl sr et lv lt".split()
)
#: Languages that write the year first (2023/12/31): their locale does not settle D/M vs M/D.
_YEAR_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "mn"})
_TERRITORY_CURRENCY = {
    **dict.fromkeys("DE AT FR ES IT NL BE LU IE PT FI GR SK SI EE LV LT MT CY HR".split(), "EUR"),
    "US": "USD",
    "GB": "GBP",
    "CH": "CHF",
    "LI": "CHF",
    "CA": "CAD",
    "AU": "AUD",
    "NZ": "NZD",
    "PL": "PLN",
    "SE": "SEK",
    "DK": "DKK",
    "NO": "NOK",
    "CZ": "CZK",
    "JP": "JPY",
}


def is_iso_currency(code: str) -> bool:
    """Three capital letters, as ISO 4217 writes a currency (`EUR`, `USD`)."""
    return bool(_ISO_4217.fullmatch(code))


def _split_locale(locale: str | None) -> tuple[str, str]:
    """("de", "DE") from "de_DE.UTF-8", "de-DE" or "de"; ("", "") for "C"/"POSIX"/None."""
    if not locale:
        return "", ""
    name = locale.split(".")[0].split("@")[0].replace("-", "_")
    language, _, territory = name.partition("_")
    language = language.lower()
    if language in ("c", "posix"):
        return "", ""
    return language, territory.upper()


def locale_date_order(locale: str | None) -> DateOrder | None:
    """The date order the merchant's locale writes, when it settles it: de -> dmy,
    en_US -> mdy; None for en_CA, year-first languages, bare "en" or no locale."""
    language, territory = _split_locale(locale)
    if not language or language in _YEAR_FIRST_LANGUAGES or territory in _MIXED_TERRITORIES:
        return None
    if territory in _MONTH_FIRST_TERRITORIES:
        return "mdy"
    if territory or language in _DAY_FIRST_LANGUAGES:
        return "dmy"  # en_GB, de_DE, fr_CA is mixed above; a bare "en" stays open
    return None


def locale_currency(locale: str | None) -> str | None:
    """The currency of the merchant's locale's territory, when we know it."""
    return _TERRITORY_CURRENCY.get(_split_locale(locale)[1])


@dataclass(frozen=True)
class Answers:
    """What the merchant said about a file (None: not said)."""

    currency: str | None = None  # ISO 4217, for a file without a Currency column
    date_order: DateOrder | None = None  # for slashed dates the file does not settle
    shop: str | None = None  # the domain of the shop the export is from


@dataclass(frozen=True)
class Question:
    """One thing the merchant must answer; `suggested` is what a provisional preview used."""

    kind: QuestionKind
    text: Text
    choices: tuple[str, ...]  # the currency's are common codes; others may be typed
    suggested: str
    example: str = ""  # a value of the file the question is about


class AnswersNeeded(ImportFileError):
    """The file leaves something open that only the merchant can answer (see `questions`).
    Raised before anything is written (or rolled back)."""

    def __init__(self, path: Path, questions: list[Question]) -> None:
        asked = Text.join(" ", (question.text for question in questions))
        super().__init__(path, Text.join(": ", (path.name, asked)))
        self.questions = questions


def currency_question(locale: str | None) -> Question:
    suggested = locale_currency(locale) or "EUR"
    choices = tuple(dict.fromkeys((suggested, *COMMON_CURRENCIES)))
    return Question(
        "currency",
        Text(
            "core.imports.questions",
            "The file has no Currency column (an older export) and the ledger has "
            "no shop to take the currency from: which currency are its amounts in?",
        ),
        choices,
        suggested,
    )


def date_order_question(example: str, suggested: DateOrder | None) -> Question:
    return Question(
        "date_order",
        Text(
            "core.imports.questions",
            'Dates like "{example}" (re-saved by a spreadsheet) can be read '
            "day-first or month-first, and no date in the file settles it: which "
            "is it?",
            example=example,
        ),
        ("dmy", "mdy"),
        suggested or "dmy",
        example,
    )


def shop_question(domains: list[str]) -> Question:
    return Question(
        "shop",
        Text(
            "core.imports.questions",
            "The ledger holds {len} shops ({join}) and an export does not say "
            "which one it is from: which shop is it?",
            len=len(domains),
            join=", ".join(domains),
        ),
        tuple(domains),
        domains[0],
    )
