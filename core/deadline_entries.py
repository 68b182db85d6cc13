"""One deadline of one order, in the one shape every list of deadlines takes: `dropdesk due`,
the tray, the "Needs me" view. Each clock (ship windows, cancellation runs, orders to buy,
purchase protection, withdrawals, chargebacks) yields these, so the lists merge them by kind
and time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from core import clocks
from core.texts import Text


class Kind(StrEnum):
    """What a deadline is about (the `kind` of `dropdesk due --json`)."""

    BUY = "buy"  # a paid Shopify order with no supplier order yet
    SHIP_WINDOW = "ship_window"
    SUPPLIER_ANSWER = "supplier_answer"  # a cancel request at the supplier
    TRACKING_REQUEST = "tracking_request"  # the supplier refused; tracking was asked for
    DISPUTE = "dispute"  # escalation, then AliExpress' case team
    SUPPLIER_REFUND = "supplier_refund"  # the money the supplier owes back
    PROTECTION = "protection"  # AliExpress purchase protection: the dispute window closes
    WITHDRAWAL_REFUND = "withdrawal_refund"  # an EU withdrawal's legal refund deadline
    CHARGEBACK = "chargeback"  # Shopify Payments: the evidence is due at the bank
    #: A cancellation waits for the merchant, not the supplier (core.cancel.next_deadline):
    SUPPLIER_STEP = "supplier_step"  # request the cancellation on AliExpress, by the ship-by
    SHOP_STEP = "shop_step"  # cancel the order on Shopify: due at once
    SHOP_REFUND_STEP = "shop_refund_step"  # refund the customer on Shopify: due at once
    CANCEL_STEP = "cancel_step"  # another step of the run (check, after a refusal): at once


WHAT: dict[Kind, Text] = {
    Kind.BUY: Text("core.deadline_entries", "Order it from the supplier"),
    Kind.SHIP_WINDOW: Text("core.deadline_entries", "The supplier's ship window closes"),
    Kind.SUPPLIER_ANSWER: Text(
        "core.deadline_entries",
        "The supplier's answer to the cancel request is due",
    ),
    Kind.TRACKING_REQUEST: Text(
        "core.deadline_entries",
        "The supplier's tracking number is due",
    ),
    Kind.DISPUTE: Text(
        "core.deadline_entries",
        "The dispute's next step is due (escalate it)",
    ),
    Kind.SUPPLIER_REFUND: Text(
        "core.deadline_entries",
        "The supplier's refund should have arrived",
    ),
    Kind.PROTECTION: Text(
        "core.deadline_entries",
        "AliExpress' purchase protection ends: open a dispute before",
    ),
    Kind.WITHDRAWAL_REFUND: Text("core.deadline_entries", "Refund the customer's withdrawal"),
    Kind.CHARGEBACK: Text("core.deadline_entries", "Send the chargeback evidence"),
    Kind.SUPPLIER_STEP: Text(
        "core.deadline_entries",
        "Request the cancellation on AliExpress before the order ships",
    ),
    Kind.SHOP_STEP: Text(
        "core.deadline_entries",
        "Cancel the order on Shopify: the customer waits for the refund",
    ),
    Kind.CANCEL_STEP: Text(
        "core.deadline_entries",
        "Continue the cancellation: your next step is due",
    ),
    Kind.SHOP_REFUND_STEP: Text(
        "core.deadline_entries",
        "Refund the customer on Shopify: the customer waits for the money",
    ),
}
#: A ship window counted from the Shopify payment time, or in a year whose official holiday
#: arrangement is not published yet.
_ESTIMATED = Text("core.deadline_entries", " (estimated)")


@dataclass(frozen=True)
class Deadline:
    """One clock of one order, as of `now` of the query."""

    kind: Kind
    deadline: datetime
    remaining: timedelta  # negative when overdue
    order_name: str  # the customer order's name ("#1001"), "" when none is linked
    supplier_order_id: int | None = None
    customer_order_id: int | None = None
    cancellation_id: int | None = None
    chargeback_id: int | None = None
    external_order_id: str = ""
    supplier_name: str = ""
    estimated: bool = False
    text: Text | None = None  # says more than WHAT[kind] (the supplier, the rule)

    @classmethod
    def at(
        cls, kind: Kind, deadline: datetime, now: datetime, order_name: str, **rest: Any
    ) -> Deadline:
        """The deadline as of `now`: its `remaining` follows from the two."""
        return cls(kind, deadline, deadline - now, order_name, **rest)

    @property
    def overdue(self) -> bool:
        return self.remaining <= timedelta(0)

    @property
    def what(self) -> Text:
        text = self.text or WHAT[self.kind]
        if self.estimated:
            return Text.join("", (text, _ESTIMATED))
        return text

    @property
    def key(self) -> tuple[str, int]:
        """Stable across ticks: a tray notifies each key once."""
        for ident in (
            self.chargeback_id,
            self.cancellation_id,
            self.supplier_order_id,
            self.customer_order_id,
        ):
            if ident is not None:
                return self.kind.value, ident
        return self.kind.value, 0

    def to_json(self, now: datetime) -> dict[str, Any]:
        """The entry of `dropdesk due --json` (English: machine output); the ship-window fields
        of earlier versions kept."""
        deadline = self.deadline.astimezone(UTC)
        return {
            "kind": self.kind.value,
            "order_name": self.order_name or None,
            "deadline": deadline.isoformat(),
            "remaining_seconds": int((self.deadline - now).total_seconds()),
            "remaining": clocks.format_countdown(self.deadline - now),
            "overdue": self.deadline <= now,
            "what": str(self.what),
            "estimated": self.estimated,
            "id": self.supplier_order_id,
            "customer_order_id": self.customer_order_id,
            "cancellation_id": self.cancellation_id,
            "external_order_id": self.external_order_id or None,
            "ae_order_id": self.external_order_id or None,  # its name until issue 19, for scripts
            "supplier": self.supplier_name or None,
            "ship_by": deadline.isoformat() if self.kind is Kind.SHIP_WINDOW else None,
        }
