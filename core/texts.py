"""Texts the merchant reads, in both of Dropdesk's languages: core never imports Qt, so what it
says in words it says in English and German, and the window shows the one it speaks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "de"]


@dataclass(frozen=True)
class Text:
    """One text in both languages."""

    en: str
    de: str

    def get(self, lang: Lang | str = "en") -> str:
        return self.de if lang == "de" else self.en

    def __bool__(self) -> bool:
        return bool(self.en)

    def stored(self) -> dict[str, str]:
        """As a journal payload keeps it (read back with from_stored)."""
        return {"en": self.en, "de": self.de}

    @classmethod
    def from_stored(cls, value: object) -> Text:
        """A payload's text: both languages, or plain English from an older Dropdesk."""
        if isinstance(value, Mapping):
            english = str(value.get("en") or "")
            return cls(english, str(value.get("de") or english))
        english = "" if value is None else str(value)
        return cls(english, english)
