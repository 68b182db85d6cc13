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
    #: Why: a Text (plain English from the CSV reader, which words nothing itself). Read back
    #: as English.
    reason: str | Text
    said: Text | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.reason, Text):
            object.__setattr__(self, "said", self.reason)
            object.__setattr__(self, "reason", self.reason.english())

    @property
    def text(self) -> Text:
        """For the window."""
        if self.said is not None:
            return self.said
        return Text.verbatim(str(self.reason))

    def as_dict(self) -> dict[str, Any]:
        """English: the JSON of `dropdesk import` and the logs."""
        return {"line": self.line, "column": self.column, "reason": str(self.reason)}


_ORDER_WORDS = {
    "dmy": Text("core.imports.summary", "day-first"),
    "mdy": Text("core.imports.summary", "month-first"),
}
_ORDER_SOURCES = {
    "file": Text("core.imports.summary", "as the file shows"),
    "answer": Text("core.imports.summary", "as you said"),
    "locale": Text("core.imports.summary", "as your locale writes dates"),
    "suggested": Text("core.imports.summary", "to be confirmed"),
}
_CURRENCY_SOURCES = {
    "shop": Text("core.imports.summary", "the shop's currency in the ledger"),
    "answer": Text("core.imports.summary", "as you said"),
    "suggested": Text("core.imports.summary", "to be confirmed"),
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
            notes.append(Text("core.imports.summary", "Orders of shop {shop}.", shop=shop))
        if self.currency:
            notes.append(
                Text(
                    "core.imports.summary",
                    "No Currency column: amounts read in {currency} ({source}).",
                    currency=self.currency,
                    source=_CURRENCY_SOURCES.get(self.currency_from, ""),
                )
            )
        if self.date_order:
            how = _ORDER_SOURCES.get(self.date_order_from, "")
            line, _, cell = self.date_evidence.removeprefix("line ").partition(": ")
            if line.isdigit():  # 'line 5: "31/12/2023 22:36"', as the JSON has it
                seen = Text(
                    "core.imports.summary", "line {line}: {cell}", line=int(line), cell=cell
                )
                how = Text.join(", ", (how, seen))
            notes.append(
                Text(
                    "core.imports.summary",
                    "Dates read {order} ({how}).",
                    order=_ORDER_WORDS[self.date_order],
                    how=how,
                )
            )
        if self.time_zone:
            notes.append(
                Text(
                    "core.imports.summary",
                    "Times without a UTC offset read in {time_zone} (your time zone in the "
                    "settings; the ledger does not know the shop's).",
                    time_zone=self.time_zone,
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
