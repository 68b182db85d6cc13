"""Texts the merchant reads. Core never imports Qt and holds no translations: it marks each
message once, where it is defined, in English with a context and named fields,

    Text("core.cancel.check", "The supplier has {days} days left", days=3)

and `packaging/build_translations.py --update` finds these markers by reading the sources (no
import) and files them into the catalogue translators work in (resources/translations/*.ts).
The window turns a Text into words in one place (`gui.i18n.say`: the catalogue's translation
of (context, source), then the fields, each a Text in turn if it is one). Outside the window
(command line, logs, `--json`) a Text is its English source formatted: `str(text)`.

A field is a fact (a number, a name, a path) or another Text. The context and the source must
be literal strings, or the scanner cannot see them.

Two kinds of Text carry their words instead of a catalogue entry: `Text.pair(en, de)` for a
message whose words are chosen per recipient rather than by the window (what goes to a
supplier or a customer), and what a journal written by an older Dropdesk kept
(`Text.from_stored`). `Text.verbatim` is words that are not translated at all (the platform's
own wording); `Text.join` puts texts one after another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, Literal

Lang = Literal["en", "de"]
#: (context, source) -> the translation, or the source when there is none.
Translate = Callable[[str, str], str]
Shown = Callable[[object], object]


def plain(value: object) -> object:
    """A fact as text outside the window (command line, logs): instants in this computer's
    zone with its abbreviation, days in ISO; the window shows them in the merchant's zone and
    language (gui.formatting.field_text)."""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M %Z")
    if isinstance(value, date):
        return value.isoformat()
    return value


#: The language of every source text.
SOURCE_LANGUAGE = "en"


def _untranslated(_context: str, source: str) -> str:
    return source


class Text:
    """One message: where it belongs (context), its English source, and its named fields."""

    __slots__ = ("context", "fields", "given", "source")

    context: str
    source: str
    fields: Mapping[str, object]
    #: Words given with the text by language (a pair, an old journal entry): no catalogue.
    given: Mapping[str, str]

    def __init__(self, context: str, source: str, /, **fields: object) -> None:
        object.__setattr__(self, "context", context)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "given", {})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Text does not change")

    # --- other kinds ----------------------------------------------------------------------

    @classmethod
    def verbatim(cls, words: str) -> Text:
        """Words shown as they are, in every language (never in the catalogue)."""
        return cls._with_words({SOURCE_LANGUAGE: words})

    @classmethod
    def pair(cls, en: str, de: str) -> Text:
        """A message that carries its own words per language: for texts that leave the app and
        follow the recipient's language, not the window's (and old journal entries)."""
        return cls._with_words({"en": en, "de": de or en})

    @classmethod
    def join(cls, separator: str, texts: Iterable[Text | str]) -> Text:
        """Texts one after another, each in the window's language, `separator` between."""
        parts = list(texts)
        escaped = separator.replace("{", "{{").replace("}", "}}")
        source = escaped.join(f"{{t{i}}}" for i in range(len(parts)))
        return cls("", source, **{f"t{i}": part for i, part in enumerate(parts)})

    @classmethod
    def _with_words(cls, words: Mapping[str, str]) -> Text:
        text = cls("", words.get(SOURCE_LANGUAGE, ""))
        object.__setattr__(text, "given", dict(words))
        return text

    def map_fields(self, change: Callable[[str], str]) -> Text:
        """The same text with `change` applied to its words that are not ours (every string
        field, in nested texts too, and given words): e.g. redaction of a platform's wording."""
        if self.given:
            return Text._with_words({k: change(v) for k, v in self.given.items()})
        fields = {name: _changed(value, change) for name, value in self.fields.items()}
        return Text(self.context, self.source, **fields)

    # --- words ----------------------------------------------------------------------------

    def render(
        self,
        translate: Translate = _untranslated,
        language: str = SOURCE_LANGUAGE,
        shown: Shown = plain,
    ) -> str:
        """The words: `translate(context, source)` with the fields put in, each as `shown`
        gives it (a field that is a Text is rendered the same way). Without a translator: the
        English."""
        if self.given:
            return self.given.get(language) or self.given.get(SOURCE_LANGUAGE, self.source)
        template = translate(self.context, self.source) if self.context else self.source
        if not self.fields:
            return template
        nested = {
            name: value.render(translate, language, shown)
            for name, value in self.fields.items()
            if isinstance(value, Text)
        }
        worded = {name: shown(value) for name, value in self.fields.items()} | nested
        raw = dict(self.fields) | nested
        # A field the template formats itself ("{seconds:.0f}") takes the raw value; the
        # source if a translation lost a field.
        for words in (template, self.source):
            for values in (worded, raw):
                try:
                    return words.format(**values)
                except (KeyError, IndexError, ValueError, TypeError):
                    continue
        return self.source

    def english(self) -> str:
        """The English source formatted: what the command line, logs and `--json` show."""
        return self.render()

    def get(self, language: str = SOURCE_LANGUAGE) -> str:
        """The words a pair gives for `language`; any other text in English (the window
        translates through gui.i18n.say instead)."""
        return self.render(language=language)

    def __str__(self) -> str:
        return self.english()

    def __bool__(self) -> bool:
        return bool(self.source or any(self.given.values()))

    def __repr__(self) -> str:
        if self.given:
            return f"Text.pair({self.given!r})"
        fields = "".join(f", {name}={value!r}" for name, value in self.fields.items())
        return f"Text({self.context!r}, {self.source!r}{fields})"

    def _key(self) -> tuple[Any, ...]:
        return (
            self.context,
            self.source,
            tuple(sorted((k, repr(v)) for k, v in self.fields.items())),
            tuple(sorted(self.given.items())),
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    # --- in a journal ---------------------------------------------------------------------

    def stored(self) -> dict[str, Any]:
        """As a journal payload keeps it: the marker, not the words, so the journal reads in
        whatever language the window speaks later (read back with from_stored)."""
        if self.given:
            return dict(self.given)
        return {
            "context": self.context,
            "source": self.source,
            "fields": {name: _stored_field(value) for name, value in self.fields.items()},
        }

    @classmethod
    def from_stored(cls, value: object) -> Text:
        """A payload's text: a marker, or what an older Dropdesk stored (both languages'
        words, or plain English)."""
        if isinstance(value, Mapping):
            if "source" in value:
                fields = value.get("fields") or {}
                return cls(
                    str(value.get("context") or ""),
                    str(value["source"]),
                    **{str(k): _field_from_stored(v) for k, v in dict(fields).items()},
                )
            english = str(value.get("en") or "")
            return cls.pair(english, str(value.get("de") or english))
        return cls.verbatim("" if value is None else str(value))


def _changed(value: object, change: Callable[[str], str]) -> object:
    """A field with `change` applied: a Text's fields, or the words of anything not a number
    (an exception, a path: whatever its str() says)."""
    if isinstance(value, Text):
        return value.map_fields(change)
    if value is None or isinstance(value, bool | int | float):
        return value
    return change(str(value))


def _stored_field(value: object) -> object:
    if isinstance(value, Text):
        return {"text": value.stored()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _field_from_stored(value: object) -> object:
    if isinstance(value, Mapping) and "text" in value:
        return Text.from_stored(value["text"])
    return value
