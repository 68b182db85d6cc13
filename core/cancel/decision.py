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
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from core import settings
from core.cancel.errors import CancelError
from core.cancel.record import ENTITY, load
from core.cancel.states import FINAL, State
from core.ledger import journal
from core.ledger.models import Cancellation, Event, Refund
from core.ledger.types import Fault, Reason
from core.texts import Text

if TYPE_CHECKING:
    from core.ledger import Ledger

SETTING = "cancel_decisions"
KIND = f"{ENTITY}.decision"
#: A decision changed after the start (the latest decision event of either kind counts).
CHANGED = f"{ENTITY}.decision_changed"


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
                Text("core.cancel.decision", "The stored cancellation decision is unreadable.")
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
                Text("core.cancel.decision", "The stored cancellation decision is unreadable.")
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
        .where(
            Event.entity == ENTITY,
            Event.entity_id == cancellation_id,
            col(Event.kind).in_([KIND, CHANGED]),
        )
        .order_by(col(Event.id).desc())
    )
    event = session.exec(query).first()
    return None if event is None else Decision.from_json(json.loads(event.payload))


#: Each part of a decision in the merchant's words (what a refusal or the journal names).
PARTS: dict[str, Text] = {
    "reason": Text("core.cancel.decision", "the reason"),
    "fault": Text("core.cancel.decision", "whose fault it was"),
    "shop_action": Text("core.cancel.decision", "cancel or refund on Shopify"),
    "refund_method": Text("core.cancel.decision", "how the money goes back"),
    "restock": Text("core.cancel.decision", "putting the items back in stock"),
    "notify_customer": Text("core.cancel.decision", "the email to the customer"),
    "shop_before_supplier": Text(
        "core.cancel.decision",
        "Shopify before the supplier's answer",
    ),
}
_SHOP_PARTS = ("shop_action", "refund_method", "restock", "notify_customer", "shop_before_supplier")
#: From these states on the Shopify step was sent (its intent recorded) or done.
_SHOP_SENT = frozenset(
    {
        State.SHOP_CANCEL_SENT,
        State.SHOP_CANCELLED,
        State.SHOP_REFUND_SENT,
        State.SHOP_REFUNDED,
    }
)
_SHOP_DONE = Text(
    "core.cancel.decision",
    "the Shopify step was already sent with it",
)
_SUPPLIER_TOLD = Text(
    "core.cancel.decision",
    "the supplier was already asked to cancel for this reason",
)
_REFUND_RECORDED = Text(
    "core.cancel.decision",
    "a refund was already recorded with it",
)


def fixed_parts(session: Session, row: Cancellation) -> dict[str, Text]:
    """The parts of the run's decision that can no longer change, each with why: what has
    already happened was done on them (the Shopify step's intent, the request to the
    supplier, a recorded refund). Everything else can still change."""
    fixed: dict[str, Text] = {}
    shop_sent = (
        State(row.state) in _SHOP_SENT
        or row.shop_cancel_sent_at is not None
        or row.refund_idempotency_key is not None
        or row.shop_done_at is not None
    )
    if shop_sent:
        fixed.update(dict.fromkeys(_SHOP_PARTS, _SHOP_DONE))
    if row.supplier_requested_at is not None:
        fixed["reason"] = _SUPPLIER_TOLD
    refunded = session.exec(select(Refund.id).where(Refund.cancellation_id == row.id)).first()
    if refunded is not None:
        fixed["fault"] = _REFUND_RECORDED
    return fixed


def remembered_decision(ledger: Ledger, reason: Reason) -> Decision:
    """The decision last taken for this reason (the wizard's first screen starts from it)."""
    with ledger.session() as session:
        return default_for(session, reason)


def run_decision(ledger: Ledger, cancellation_id: int) -> Decision | None:
    """decision_of in its own transaction (for screens, which hold no session)."""
    with ledger.session() as session:
        return decision_of(session, cancellation_id)


@dataclass(frozen=True)
class DecisionChoices:
    """What "Change decision" opens with: the run's decision (or the one its reason and fault
    imply), whether the run is closed, and the parts that can no longer change, with why."""

    current: Decision
    closed: bool
    fixed: dict[str, Text]


def decision_choices(ledger: Ledger, cancellation_id: int) -> DecisionChoices:
    """The run's decision and what of it can still change, read in one transaction."""
    with ledger.session() as session:
        row = load(session, cancellation_id)
        current = decision_of(session, cancellation_id) or Decision(
            Reason(row.reason), Fault(row.fault)
        )
        return DecisionChoices(current, State(row.state) in FINAL, fixed_parts(session, row))


def change(session: Session, row: Cancellation, decided: Decision, at: datetime) -> list[str]:
    """Replace the run's decision (in the caller's transaction) and journal the change;
    returns the parts that changed. Refused, with the merchant's words, for a closed run or
    for a part that something already happened on (`fixed_parts`): nothing is changed then."""
    assert row.id is not None
    if State(row.state) in FINAL:
        raise CancelError(
            Text(
                "core.cancel.decision",
                "This cancellation is closed; its decision cannot change.",
            ),
        )
    before = decision_of(session, row.id) or Decision(Reason(row.reason), Fault(row.fault))
    old, new = before.to_json(), decided.to_json()
    changed = [part for part in PARTS if old.get(part) != new.get(part)]
    if not changed:
        return []
    fixed = fixed_parts(session, row)
    refused = [part for part in changed if part in fixed]
    if refused:
        parts = Text.join("; ", (Text.join(": ", (PARTS[p], fixed[p])) for p in refused))
        raise CancelError(
            Text("core.cancel.decision", "Cannot change {parts}. Nothing was changed.", parts=parts)
        )
    row.reason, row.fault = decided.reason.value, decided.fault.value
    session.add(row)
    why = Text(
        "core.cancel.decision",
        "Changed: {parts}",
        parts=Text.join(", ", (PARTS[p] for p in changed)),
    )
    payload = {**new, "changed": changed, "why": why.stored()}
    journal.record(session, CHANGED, ENTITY, row.id, payload, at=at)
    return changed


def _default_fault(reason: Reason) -> Fault:
    return {
        Reason.CHANGED_MIND: Fault.CUSTOMER,
        Reason.WRONG_SIZE: Fault.CUSTOMER,
        Reason.OUT_OF_STOCK: Fault.SUPPLIER,
        Reason.NOT_AS_DESCRIBED: Fault.SUPPLIER,
        Reason.DAMAGED: Fault.CARRIER,
    }.get(reason, Fault.UNKNOWN)
