"""What an import did: counts of orders and the rows it refused, in a stable JSON shape."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

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

    def as_dict(self) -> dict[str, Any]:
        """The documented shape: {"added", "updated", "unchanged", "refused": [...]}."""
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused": [refusal.as_dict() for refusal in self.refused],
        }

    def to_json(self) -> str:
        """One JSON object on one line, keys in the documented order."""
        return json.dumps(self.as_dict(), ensure_ascii=False)
