"""What follows a demo order that went wrong: its cancellation, refunds, dispute and events."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from core.demo.catalog import DemoSupplier
from core.demo.instants import DAY, Stamp
from core.demo.tables import COLUMNS, Rows
from core.ledger.types import Fault, Reason, RefundDirection, RefundState

HOUR = 3_600
_REASONS = tuple(Reason)
_FAULT = {
    Reason.CHANGED_MIND: Fault.CUSTOMER,
    Reason.WRONG_SIZE: Fault.CUSTOMER,
    Reason.DAMAGED: Fault.CARRIER,
    Reason.NOT_AS_DESCRIBED: Fault.MERCHANT,
}
_ABSENT = {table: dict.fromkeys(columns, "") for table, columns in COLUMNS.items()}
#: (refunded_minor, financial_status, updated_at, cancelled_at, cancel_reason) of the shop's
#: order, '' where the aftermath leaves it as it was.
ShopSide = tuple[int, str, str, str, str]


class Aftermath:
    """Adds an order's aftermath to a batch's rows; called with the order, returns what changes
    on the shop's side of it."""

    def __init__(self, batch: Rows, draw: Callable[[], float], stamp: Stamp, now: int) -> None:
        self.batch, self.draw, self.stamp, self.now = batch, draw, stamp, now

    def _add(self, table: str, values: dict[str, Any]) -> None:
        """A row of `values`; what is absent travels as '' (stored as NULL)."""
        self.batch[table].append(tuple({**_ABSENT[table], **values}.values()))

    def _event(self, at: int, kind: str, entity: str, entity_id: int, **payload: Any) -> None:
        row = (self.stamp(at), kind, entity, entity_id, json.dumps(payload, sort_keys=True))
        self.batch["event"].append(row)

    def __call__(
        self,
        state: str,
        oid: int,
        paid: int,
        deadline: int,
        total: int,
        cost: int,
        supplier: DemoSupplier,
    ) -> ShopSide:
        draw, stamp, now = self.draw, self.stamp, self.now
        cancel_id = oid  # at most one cancellation per demo order
        requested = paid + HOUR + int(draw() * 29 * HOUR)
        reason = _REASONS[int(draw() * len(_REASONS))]
        fault = _FAULT.get(reason, Fault.SUPPLIER)
        cancellation: dict[str, Any] = {
            "id": cancel_id,
            "supplier_order_id": oid,
            "customer_order_id": oid,
            "reason": reason.value,
            "fault": fault.value,
            "state": "done",
            "path": "cancel",
            "created_at": stamp(requested),
            "updated_at": stamp(requested),
            "supplier_requested_at": stamp(requested),
            "supplier_answer": "accepted",
            "abandoned_reason": "",
        }
        self._event(requested, "cancel_requested", "supplier_order", oid, reason=reason.value)
        if state == "cancel_requested":
            cancellation.update(
                state="supplier_cancel_requested",
                supplier_answer="",
                next_deadline=stamp(requested + 72 * HOUR),
            )
            self._add("cancellation", cancellation)
            return 0, "paid", "", "", ""
        answered = requested + 2 * HOUR + int(draw() * 58 * HOUR)
        answered_text = stamp(answered)
        cancellation.update(
            supplier_answered_at=answered_text, shop_done_at=answered_text, updated_at=answered_text
        )
        refunded = total if state != "returned" else total * (50, 100)[int(draw() * 2)] // 100
        financial = "refunded" if refunded == total else "partially_refunded"
        cancelled_at = cancel_reason = ""
        if state == "cancelled":
            cancelled_at, cancel_reason = answered_text, reason.shopify_cancel_reason
        elif state == "returned":
            cancellation.update(path="refund", supplier_answer="")
        self._add(
            "refund",
            {
                "cancellation_id": cancel_id,
                "customer_order_id": oid,
                "direction": RefundDirection.TO_CUSTOMER.value,
                "amount_minor": refunded,
                "currency": "EUR",
                "reason": reason.value,
                "fault": fault.value,
                "state": RefundState.ISSUED.value,
                "issued_at": answered_text,
                "completed_at": answered_text,
                "shopify_refund_gid": f"gid://shopify/Refund/{7_700_000_000 + cancel_id}",
            },
        )
        self._event(
            answered,
            "refunded_customer",
            "customer_order",
            oid,
            amount_minor=refunded,
            currency="EUR",
        )
        recovered = state == "cancelled" or (state == "returned" and fault == Fault.SUPPLIER)
        disputed = state in ("dispute", "dispute_late")
        if disputed:
            opened = deadline + 5 * DAY + int(draw() * 4 * DAY)
            if opened < now:
                cancellation.update(state="dispute_open", supplier_answer="refused")
                self._add(
                    "dispute",
                    {
                        "supplier_order_id": oid,
                        "cancellation_id": cancel_id,
                        "opened_at": stamp(opened),
                        "escalate_after": stamp(opened + 3 * DAY),
                        "case_team_at": stamp(opened + 15 * DAY),
                        "state": "open",
                        "outcome": "",
                        "amount_minor": cost,
                        "currency": "USD",
                    },
                )
                self._event(opened, "dispute_opened", "supplier_order", oid)
        if recovered or disputed:
            # Business days stretched to calendar days: close enough for a demo.
            expected_from = answered + supplier.refund_days[0] * 7 // 5 * DAY
            expected_until = answered + supplier.refund_days[1] * 7 // 5 * DAY
            received = recovered and expected_until < now and draw() < 0.9
            self._add(
                "refund",
                {
                    "cancellation_id": cancel_id,
                    "supplier_order_id": oid,
                    "direction": RefundDirection.FROM_SUPPLIER.value,
                    "amount_minor": cost,
                    "currency": "USD",
                    "reason": reason.value,
                    "fault": fault.value,
                    "state": (RefundState.RECEIVED if received else RefundState.EXPECTED).value,
                    "issued_at": answered_text,
                    "expected_from": stamp(expected_from),
                    "expected_until": stamp(expected_until),
                    "completed_at": stamp(expected_from) if received else "",
                },
            )
            if not received and cancellation["state"] == "done":
                cancellation.update(
                    state="awaiting_supplier_refund", next_deadline=stamp(expected_until)
                )
        self._add("cancellation", cancellation)
        return refunded, financial, answered_text, cancelled_at, cancel_reason
