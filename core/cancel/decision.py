"""The one decision up front: what "cancel everywhere" may do for this order, taken once.

The merchant chooses the reason, whose fault it is and what should happen on Shopify (cancel
or refund, how the money goes back, restock, tell the customer) in the first screen. The
decision is journalled with the run (`cancellation.decision`) in the transaction that opens
it: it is the authorisation the autopilot (`core.cancel.autopilot`) acts on, and without one
the autopilot sends nothing to Shopify. Defaults are remembered per reason in the ledger
settings, so the next order cancelled for the same reason starts from the last choice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col, select

from core import settings
from core.cancel.errors import CancelError
from core.cancel.record import ENTITY
from core.ledger import journal
from core.ledger.models import Cancellation, Event
from core.ledger.types import Fault, Reason
from core.texts import Text

SETTING = "cancel_decisions"
KIND = f"{ENTITY}.decision"


class ShopAction(StrEnum):
    """What happens on Shopify. CANCEL cancels the order (refunding the original payment);
    when Shopify can only refund (the order is fulfilled) the cancel becomes a full refund,
    which is the same money going back. REFUND refunds without cancelling the order."""

    CANCEL = "cancel"
    REFUND = "refund"


class RefundMethod(StrEnum):
    """How the customer's money goes back. Only the original payment method goes through the
    API today (store credit is done in the Shopify admin)."""

    ORIGINAL = "original_payment"


@dataclass(frozen=True)
class Decision:
    """The merchant's authorisation for one run (or one bulk start)."""

    reason: Reason
    fault: Fault = Fault.UNKNOWN
    shop_action: ShopAction = ShopAction.CANCEL
    refund_method: RefundMethod = RefundMethod.ORIGINAL
    restock: bool = True
    notify_customer: bool = True
    #: Cancel or refund on Shopify before the supplier agreed (the money may come out of the
    #: merchant's pocket if the supplier ships anyway). Never assumed: only chosen explicitly.
    shop_before_supplier: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason.value,
            "fault": self.fault.value,
            "shop_action": self.shop_action.value,
            "refund_method": self.refund_method.value,
            "restock": self.restock,
            "notify_customer": self.notify_customer,
            "shop_before_supplier": self.shop_before_supplier,
        }

    @classmethod
    def from_json(cls, data: Any) -> Decision:
        """A stored decision; anything malformed is a CancelError with a clear message."""
        if not isinstance(data, dict):
            raise CancelError(
                Text(
                    "core.cancel.decision",
                    "The stored cancellation decision is unreadable.",
                )
            )
        try:
            return cls(
                reason=Reason(data["reason"]),
                fault=Fault(data.get("fault", Fault.UNKNOWN.value)),
                shop_action=ShopAction(data.get("shop_action", ShopAction.CANCEL.value)),
                refund_method=RefundMethod(data.get("refund_method", RefundMethod.ORIGINAL.value)),
                restock=bool(data.get("restock", True)),
                notify_customer=bool(data.get("notify_customer", True)),
                shop_before_supplier=data.get("shop_before_supplier") is True,
            )
        except (KeyError, ValueError):
            raise CancelError(
                Text(
                    "core.cancel.decision",
                    "The stored cancellation decision is unreadable.",
                )
            ) from None


def default_for(session: Session, reason: Reason | str) -> Decision:
    """The last decision taken for this reason (the built-in defaults the first time).
    `shop_before_supplier` is never remembered: it is chosen each time or not at all."""
    reason = Reason(reason)
    base = Decision(reason, _default_fault(reason))
    stored = (settings.get(session, SETTING) or {}).get(reason.value)
    if not isinstance(stored, dict):
        return base
    try:
        remembered = Decision.from_json({**stored, "reason": reason.value})
    except CancelError:
        return base
    return replace(remembered, shop_before_supplier=False)


def remember(session: Session, decision: Decision) -> None:
    """Keep this decision as the default for its reason (no commit)."""
    stored = dict(settings.get(session, SETTING) or {})
    data = decision.to_json()
    data.pop("reason")
    data.pop("shop_before_supplier")
    stored[decision.reason.value] = data
    settings.put(session, SETTING, stored)


def record(session: Session, row: Cancellation, decision: Decision, at: datetime) -> None:
    """Journal the decision with the run (in the caller's transaction)."""
    assert row.id is not None
    journal.record(session, KIND, ENTITY, row.id, decision.to_json(), at=at)


def decision_of(session: Session, cancellation_id: int) -> Decision | None:
    """The run's decision (the latest, if it was changed); None for a run started without."""
    query = (
        select(Event)
        .where(Event.entity == ENTITY, Event.entity_id == cancellation_id, Event.kind == KIND)
        .order_by(col(Event.id).desc())
    )
    event = session.exec(query).first()
    return None if event is None else Decision.from_json(json.loads(event.payload))


def _default_fault(reason: Reason) -> Fault:
    return {
        Reason.CHANGED_MIND: Fault.CUSTOMER,
        Reason.WRONG_SIZE: Fault.CUSTOMER,
        Reason.OUT_OF_STOCK: Fault.SUPPLIER,
        Reason.NOT_AS_DESCRIBED: Fault.SUPPLIER,
        Reason.DAMAGED: Fault.CARRIER,
    }.get(reason, Fault.UNKNOWN)
