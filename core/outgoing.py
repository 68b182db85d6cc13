"""Messages that leave Dropdesk (to a supplier, to a customer): templates per language,
chosen per recipient, never by the window's language.

The templates live in one catalogue file per language, `resources/outgoing/<code>.toml`: a
`[language]` table (its name, how it writes dates and money, the countries whose shops speak
it) and one key per message with named `{fields}`. `compose(key, language, **fields)` fills a
template; a language without the key, or a language Dropdesk has no file for, falls back to
English. Adding a language is adding one file. The window's words are a different thing
(`core.texts`, the Qt catalogue).

A `Message` keeps its key and fields, so the merchant can switch the language of one message
(`in_language`) and see the same message in another language. Field values that a language
writes its own way (a day, an amount, an instant, another template such as the reason for a
cancellation) are kept as values and written by the language that composes.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal

from core import clocks, money
from core.texts import Text
from resources import ROOT

#: Where the catalogue files are (one `<code>.toml` per language).
CATALOGUES = ROOT / "outgoing"
#: The language every message exists in, and the one a recipient gets when theirs is missing.
FALLBACK = "en"
#: Who a message goes to: a supplier is written in English unless the merchant says otherwise.
Recipient = Literal["supplier", "customer"]


class OutgoingError(ValueError):
    """A message that cannot be composed (no such template, or a field it needs is missing)."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


@dataclass(frozen=True)
class Amount:
    """An amount of money (minor units), written as the recipient's language writes money."""

    minor: int
    currency: str


@dataclass(frozen=True)
class Instant:
    """A moment, written in the language's words in the merchant's time zone."""

    at: datetime
    zone: str = clocks.MERCHANT_TIME_ZONE


@dataclass(frozen=True)
class Phrase:
    """Another template of the catalogue, filled in the same language (e.g. a reason)."""

    key: str
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Language:
    """One catalogue file: how the language writes things, and its templates."""

    code: str
    name: str  # in the language itself
    templates: Mapping[str, str]
    months: tuple[str, ...]
    date_pattern: str
    time_pattern: str
    money_pattern: str
    decimal_mark: str
    and_word: str
    last_and: str
    or_word: str
    countries: frozenset[str]

    def day(self, value: date) -> str:
        return self.date_pattern.format(
            day=value.day, month=self.months[value.month - 1], year=value.year
        )

    def instant(self, value: datetime, zone: str) -> str:
        local = clocks.as_zone(value, zone)
        return self.time_pattern.format(
            date=self.day(local.date()),
            hh=f"{local.hour:02d}",
            mm=f"{local.minute:02d}",
            zone=local.tzname() or zone,
        )

    def money(self, minor: int, currency: str) -> str:
        negative, whole, fraction = money.split(minor, currency)
        amount = f"{'-' if negative else ''}{whole}"
        if fraction:
            amount += self.decimal_mark + fraction
        return self.money_pattern.format(amount=amount, currency=currency.upper())

    def join(self, items: list[str] | tuple[str, ...], *, either: bool = False) -> str:
        """ "a, b and c" (or "a, b or c") as the language lists things."""
        if len(items) <= 1:
            return "".join(items)
        last = self.or_word if either else (self.last_and if len(items) > 2 else self.and_word)
        return ", ".join(items[:-1]) + last + items[-1]


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            found.update(_flatten(value, key + "."))
        elif isinstance(value, str):
            found[key] = value
    return found


def load(path: Path) -> Language:
    """One catalogue file (the language's code is the file's name)."""
    data = tomllib.loads(path.read_text("utf-8"))
    about = data.pop("language")
    return Language(
        code=path.stem,
        name=str(about["name"]),
        templates=_flatten(data),
        months=tuple(about["months"]),
        date_pattern=str(about["date"]),
        time_pattern=str(about["time"]),
        money_pattern=str(about["money"]),
        decimal_mark=str(about["decimal_mark"]),
        and_word=str(about["and"]),
        last_and=str(about["last_and"]),
        or_word=str(about["or"]),
        countries=frozenset(str(c).upper() for c in about.get("countries", ())),
    )


def _base(locale: str | None) -> str:
    """ "de-AT", "de_CH", "DE" -> "de"."""
    return (locale or "").strip().replace("_", "-").split("-")[0].lower()


def fields_of(text: str) -> frozenset[str]:
    """The named fields a template fills."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


@dataclass(frozen=True)
class Catalogue:
    """Every language with a catalogue file in one folder, English first."""

    languages: Mapping[str, Language]

    @classmethod
    def load(cls, folder: Path) -> Catalogue:
        found = {path.stem: load(path) for path in sorted(folder.glob("*.toml"))}
        return cls({FALLBACK: found[FALLBACK], **found})

    def code_of(self, language: str | None) -> str:
        """The catalogue for `language` ("de", "de-AT", "de_CH"): its code, else English."""
        code = _base(language)
        return code if code in self.languages else FALLBACK

    def language(self, code: str | None) -> Language:
        return self.languages[self.code_of(code)]

    def template(self, key: str, code: str | None) -> str:
        """The template of `key` in the language of `code`, else in English."""
        found = self.language(code).templates.get(key)
        if found is None:
            found = self.languages[FALLBACK].templates.get(key)
        if found is None:
            raise OutgoingError(Text("core.outgoing", "No message template {key!r}.", key=key))
        return found

    def compose(self, key: str, language_code: str | None, **fields: Any) -> str:
        """The message `key` in the language of `language_code` (English when there is no
        such template), its fields filled; fields it does not name are ignored."""
        lang = self.language(language_code)
        text = self.template(key, lang.code)
        needed = fields_of(text)
        missing = sorted(needed - fields.keys())
        if missing:
            raise OutgoingError(
                Text(
                    "core.outgoing",
                    "The message {key!r} needs {join}.",
                    key=key,
                    join=", ".join(missing),
                )
            )
        return text.format(**{name: self._written(fields[name], lang) for name in needed})

    def _written(self, value: Any, lang: Language) -> str:
        if isinstance(value, Phrase):
            return self.compose(value.key, lang.code, **value.fields)
        if isinstance(value, Amount):
            return lang.money(value.minor, value.currency)
        if isinstance(value, Instant):
            return lang.instant(value.at, value.zone)
        if isinstance(value, datetime):
            return lang.instant(value, clocks.MERCHANT_TIME_ZONE)
        if isinstance(value, date):
            return lang.day(value)
        return str(value)


@cache
def catalogue() -> Catalogue:
    """Dropdesk's own catalogue files (resources/outgoing/), read once."""
    return Catalogue.load(CATALOGUES)


def languages() -> Mapping[str, Language]:
    """Every language Dropdesk writes messages in, English first."""
    return catalogue().languages


def code_of(language: str | None) -> str:
    return catalogue().code_of(language)


def has_language(locale: str | None) -> bool:
    """Whether Dropdesk has a catalogue for `locale` ("de-AT" -> de)."""
    return _base(locale) in languages()


def language(code: str | None) -> Language:
    return catalogue().language(code)


def language_of_country(country: str | None) -> str | None:
    """The language a shop in `country` ("DE", "DE-BY") writes in by default, if Dropdesk has it."""
    code = (country or "").split("-")[0].upper()
    for lang in languages().values():
        if code in lang.countries:
            return lang.code
    return None


def compose(key: str, language_code: str | None, **fields: Any) -> str:
    """The message `key` in the language of `language_code` (English when Dropdesk has no such
    template), its fields filled."""
    return catalogue().compose(key, language_code, **fields)


@dataclass(frozen=True)
class Message:
    """A message to send: which template, for whom, in which language, with what facts."""

    key: str
    recipient: Recipient
    language: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return compose(self.key, self.language, **self.fields)

    def same_as(self, other: Message) -> bool:
        """The same message (template and facts), whatever its language."""
        return (self.key, self.recipient, self.fields) == (other.key, other.recipient, other.fields)

    def in_language(self, code: str) -> Message:
        """The same message in another language (the merchant's choice for this message)."""
        return Message(self.key, self.recipient, code_of(code), self.fields)


def message(
    key: str, recipient: Recipient, language_code: str | None = None, **fields: Any
) -> Message:
    """A message in the recipient's language: a supplier's default is English."""
    return Message(key, recipient, code_of(language_code), fields)
