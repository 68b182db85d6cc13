"""The one deadline a cancellation waits on next, stored in `cancellation.next_deadline` so the
"Cancellations" view can sort open runs by it in SQL.

Recomputed by every transition: the supplier's answer while a request is open, the tracking
number while one is asked for, the dispute's escalation (then the case team), and otherwise
the latest day the supplier's refund should arrive. A run that waits for the merchant's own
step has that step as its deadline, so it is never invisible behind a supplier's clock weeks
away: the cancel request on AliExpress by the order's ship-by (once shipped, the supplier can
no longer cancel), the Shopify step and any other step of theirs at once (from the moment the
run reached it: overdue, so it sorts first).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from core import clocks
from core.cancel.states import FINAL, State
from core.cancel.terms import terms_for
from core.ledger.models import Cancellation, Dispute, Refund, SupplierOrder
from core.ledger.types import DisputeState, RefundDirection, RefundState

if TYPE_CHECKING:
    from core.ledger import Ledger


class DeadlineKind(StrEnum):
    SUPPLIER_ANSWER = "supplier_answer"
    TRACKING = "tracking"
    DISPUTE_ESCALATION = "dispute_escalation"
    DISPUTE_CASE_TEAM = "dispute_case_team"
    SUPPLIER_REFUND = "supplier_refund"
    SUPPLIER_STEP = "supplier_step"  # the merchant requests the cancellation on AliExpress
    SHOP_STEP = "shop_step"  # the merchant cancels on Shopify (or lets Dropdesk)
    SHOP_REFUND_STEP = "shop_refund_step"  # the merchant refunds on Shopify (or lets Dropdesk)
    CANCEL_STEP = "cancel_step"  # another step of the merchant's (check, after a refusal)


#: The states that wait for the merchant's own step, and the kind of that step's deadline.
MERCHANT_STEPS: dict[State, DeadlineKind] = {
    State.SUPPLIER_CANCEL_TODO: DeadlineKind.SUPPLIER_STEP,
    State.SHOP_CANCEL_TODO: DeadlineKind.SHOP_STEP,
    State.SHOP_REFUND_TODO: DeadlineKind.SHOP_REFUND_STEP,
    State.CHECKING: DeadlineKind.CANCEL_STEP,
    State.SUPPLIER_REFUSED: DeadlineKind.CANCEL_STEP,
}

LABELS = {
    DeadlineKind.SUPPLIER_ANSWER: "The cancel request resolves by itself",
    DeadlineKind.TRACKING: "The supplier's tracking number is due",
    DeadlineKind.DISPUTE_ESCALATION: "The dispute can be escalated",
    DeadlineKind.DISPUTE_CASE_TEAM: "The dispute goes to AliExpress' case team",
    DeadlineKind.SUPPLIER_REFUND: "The supplier's refund should have arrived",
    DeadlineKind.SUPPLIER_STEP: "Request the cancellation on AliExpress before it ships",
    DeadlineKind.SHOP_STEP: "Cancel on Shopify: due now",
    DeadlineKind.SHOP_REFUND_STEP: "Refund on Shopify: due now",
    DeadlineKind.CANCEL_STEP: "Your next step is due now",
}


def open_dispute(session: Session, cancellation_id: int) -> Dispute | None:
    query = (
        select(Dispute)
        .where(Dispute.cancellation_id == cancellation_id)
        .order_by(col(Dispute.id).desc())
    )
    return session.exec(query).first()


def pending_supplier_refund(session: Session, cancellation_id: int) -> Refund | None:
    query = (
        select(Refund)
        .where(
            Refund.cancellation_id == cancellation_id,
            Refund.direction == RefundDirection.FROM_SUPPLIER.value,
            col(Refund.state).in_([RefundState.EXPECTED.value, RefundState.ISSUED.value]),
        )
        .order_by(col(Refund.id).desc())
    )
    return session.exec(query).first()


def next_deadline(
    session: Session, row: Cancellation
) -> tuple[datetime | None, DeadlineKind | None]:
    state = State(row.state)
    if state in FINAL or row.id is None:
        return None, None
    supplier_order = (
        session.get(SupplierOrder, row.supplier_order_id) if row.supplier_order_id else None
    )
    step = MERCHANT_STEPS.get(state)
    if step is DeadlineKind.SUPPLIER_STEP and supplier_order and supplier_order.ship_by:
        return supplier_order.ship_by, step
    if step is not None:
        return _reached(row), step
    terms = terms_for(session, supplier_order)
    if state is State.SUPPLIER_CANCEL_REQUESTED and row.supplier_requested_at is not None:
        due = clocks.cancel_answer_due(row.supplier_requested_at, terms.answer_hours)
        return due, DeadlineKind.SUPPLIER_ANSWER
    if state is State.TRACKING_REQUESTED and row.tracking_requested_at is not None:
        due = clocks.tracking_due(
            row.tracking_requested_at,
            terms.tracking_days,
            terms.supplier_country,
            terms.supplier_tz,
        )
        return due, DeadlineKind.TRACKING
    if state is State.DISPUTE_OPEN:
        dispute = open_dispute(session, row.id)
        if dispute is not None:
            if dispute.state == DisputeState.OPEN.value:
                return dispute.escalate_after, DeadlineKind.DISPUTE_ESCALATION
            return dispute.case_team_at, DeadlineKind.DISPUTE_CASE_TEAM
    refund = pending_supplier_refund(session, row.id)
    if refund is not None and refund.expected_until is not None:
        return refund.expected_until, DeadlineKind.SUPPLIER_REFUND
    return None, None


def date_merchant_steps(ledger: Ledger) -> int:
    """Give the runs waiting for the merchant their step's deadline where the stored one is
    another (a run left there by a version that dated only the supplier's clocks); at
    start-up, in one transaction. Such runs are few: one query, one write each. Returns how
    many moved."""
    waiting = [state.value for state in MERCHANT_STEPS]
    moved = 0
    with ledger.session() as session:
        for row in session.exec(select(Cancellation).where(col(Cancellation.state).in_(waiting))):
            due = next_deadline(session, row)[0]
            if due != row.next_deadline:
                row.next_deadline = due
                session.add(row)
                moved += 1
    return moved


def _reached(row: Cancellation) -> datetime | None:
    """When the run came to the merchant's step: the supplier's "accepted" for the Shopify step
    after it, else the run's last change (a note on the run, such as a stored job id, restarts
    it: due at once all the same)."""
    shop_step = State(row.state) in (State.SHOP_CANCEL_TODO, State.SHOP_REFUND_TODO)
    if shop_step and row.supplier_answer == "accepted" and row.supplier_answered_at is not None:
        return row.supplier_answered_at
    return row.updated_at or row.created_at
