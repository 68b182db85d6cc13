"""What an import did: counts of orders and the rows it refused, in a stable JSON shape."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from core.imports.questions import Question
from core.texts import Text


@dataclass(frozen=True)
class Refusal:
    """A row that could not be read.

    `line` is the physical line of the file where the row starts (1-based, the header is line
    1); `column` the header name the problem is in ("" when the whole row is unreadable).
    A refused row keeps its whole order out of the import: an order with a line missing would
    carry wrong totals.
    """

    line: int
    column: str
    reason: str  # English: the JSON of `dropdesk import` and the logs
    reason_de: str = field(default="", compare=False)  # the same in German, for the window

    @property
    def text(self) -> Text:
        return Text(self.reason, self.reason_de or self.reason)

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "reason": self.reason}


_ORDER_WORDS = {"dmy": ("day-first", "Tag zuerst"), "mdy": ("month-first", "Monat zuerst")}
_ORDER_SOURCES = {
    "file": ("as the file shows", "wie die Datei zeigt"),
    "answer": ("as you said", "wie angegeben"),
    "locale": ("as your locale writes dates", "wie Ihr Gebietsschema Daten schreibt"),
    "suggested": ("to be confirmed", "noch zu bestätigen"),
}
_CURRENCY_SOURCES = {
    "shop": ("the shop's currency in the ledger", "die Währung des Shops im Auftragsbuch"),
    "answer": ("as you said", "wie angegeben"),
    "suggested": ("to be confirmed", "noch zu bestätigen"),
}


@dataclass(frozen=True)
class Reading:
    """How the import read what the file leaves open (each None when the file said it all):
    the currency of a file without a Currency column, the day/month order of rewritten dates,
    the zone of times without a UTC offset, and the shop the import is for."""

    currency: str | None = None
    currency_from: str = ""  # shop | answer | suggested
    date_order: str | None = None  # dmy | mdy
    date_order_from: str = ""  # file | answer | locale | suggested
    date_evidence: str = ""  # the cell that settled it, e.g. 'line 5: "31/12/2023 22:36"'
    time_zone: str | None = None  # IANA name
    time_zone_from: str = ""  # merchant (the ledger does not know the shop's zone)
    shop: str | None = None  # the target shop's domain

    def as_dict(self) -> dict[str, Any]:
        """The fields that are set (machine words: `dmy`, `shop`, ...)."""
        return {key: value for key, value in self.__dict__.items() if value}

    def notes(self) -> list[Text]:
        """One sentence per decision, for the preview and the CLI's text summary."""
        notes = []
        if self.shop:
            shop = self.shop
            notes.append(Text(f"Orders of shop {shop}.", f"Bestellungen des Shops {shop}."))
        if self.currency:
            en, de = _CURRENCY_SOURCES.get(self.currency_from, ("", ""))
            notes.append(
                Text(
                    f"No Currency column: amounts read in {self.currency} ({en}).",
                    f"Keine Spalte Currency: Beträge in {self.currency} gelesen ({de}).",
                )
            )
        if self.date_order:
            order_en, order_de = _ORDER_WORDS[self.date_order]
            how_en, how_de = _ORDER_SOURCES.get(self.date_order_from, ("", ""))
            seen = f", {self.date_evidence}" if self.date_evidence else ""
            seen_de = seen.replace("line", "Zeile")
            notes.append(
                Text(
                    f"Dates read {order_en} ({how_en}{seen}).",
                    f"Daten mit {order_de} gelesen ({how_de}{seen_de}).",
                )
            )
        if self.time_zone:
            notes.append(
                Text(
                    f"Times without a UTC offset read in {self.time_zone} (your time zone in the "
                    "settings; the ledger does not know the shop's).",
                    f"Zeiten ohne UTC-Versatz in {self.time_zone} gelesen (Ihre Zeitzone aus den "
                    "Einstellungen; die des Shops kennt das Auftragsbuch nicht).",
                )
            )
        return notes


@dataclass(frozen=True)
class ImportSummary:
    """Counts are orders. After a refused import (mode "nothing") they are zero; after a dry
    run they say what a real run with mode "rest" would do. `linked` (supplier orders created
    or linked from AliExpress numbers found in the orders) is not part of the JSON contract.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list[Refusal] = field(default_factory=list)
    linked: int = 0
    reading: Reading = field(default_factory=Reading)
    #: Open questions a provisional preview read with their suggestions (never after a real run).
    questions: list[Question] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The documented shape: {"added", "updated", "unchanged", "refused": [...]}, and
        "reading" (see Reading.as_dict) when the import decided something the file left open."""
        result: dict[str, Any] = {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused": [refusal.as_dict() for refusal in self.refused],
        }
        reading = self.reading.as_dict()
        if reading:
            result["reading"] = reading
        return result

    def to_json(self) -> str:
        """One JSON object on one line, keys in the documented order."""
        return json.dumps(self.as_dict(), ensure_ascii=False)
