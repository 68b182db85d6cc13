"""One deadline after the sale, in the shape the deadline list (`dropdesk due`) takes.

Purchase protection (core.protection) and withdrawals (core.withdrawal) each yield these, so
the list can merge them with the ship windows and the cancellation clocks by `kind` and time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from core import clocks
from core.texts import Text


@dataclass(frozen=True)
class DeadlineEntry:
    """What must happen by when, for which order. `due_at` is a UTC instant."""

    kind: str  # "protection" | "withdrawal_refund"
    order_name: str  # the shop's order name ("#1001"), "" when not linked
    due_at: datetime
    what: Text
    supplier_order_id: int | None = None
    customer_order_id: int | None = None

    def remaining(self, now: datetime) -> timedelta:
        return clocks.remaining(self.due_at, now)

    def to_json(self, now: datetime) -> dict[str, Any]:
        """The entry as `dropdesk due --json` lists it (English: machine output)."""
        return {
            "kind": self.kind,
            "order_name": self.order_name or None,
            "due_at": self.due_at.isoformat(),
            "remaining_seconds": int(self.remaining(now).total_seconds()),
            "overdue": self.due_at <= now,
            "what": self.what.en,
            "supplier_order_id": self.supplier_order_id,
            "customer_order_id": self.customer_order_id,
        }
