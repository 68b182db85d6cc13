"""Step 2: cancel at the supplier on AliExpress (guided: there is no API for it).

The merchant opens the order page, presses Cancel, picks a reason, sends the message, and tells
Dropdesk "I have requested the cancellation": the supplier's answer clock starts. The answer
comes from the merchant (accepted / refused) or from the AliExpress status sync, which sees a
cancelled order (FINISH with a cancel end reason) or a shipped one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from core import clocks, supplier_platforms
from core.aliexpress import AliExpressError, SyncSummary, sync_order_statuses
from core.cancel import messages, money_trail
from core.cancel.chain import settle
from core.cancel.errors import CancellationNotFoundError, StepUnavailableError
from core.cancel.next_deadline import open_dispute
from core.cancel.orders import cancelled_at_supplier, orders_of, reason_of, shipped_at_supplier
from core.cancel.record import load, move, note, require_state
from core.cancel.runtime import Runtime
from core.cancel.states import FINAL, IN_FLIGHT, Path, State
from core.cancel.terms import terms_for
from core.ledger.models import Cancellation, SupplierOrder
from core.outgoing import Message
from core.texts import Text

#: Card payments pass a 24-hour check before AliExpress lets the buyer cancel.
PAYMENT_CHECK = timedelta(hours=24)


@dataclass(frozen=True)
class SupplierGuide:
    """Everything the AliExpress page of the wizard shows."""

    external_order_id: str
    order_url: str
    clicks: tuple[Text, ...]
    message: Message  # to the supplier, in its language (English unless switched)
    answer_hours: int  # the request resolves by itself after this long without an answer
    payment_check_until: datetime | None  # set while a card payment may still be in its check
    warnings: tuple[Text, ...]


def supplier_guide(rt: Runtime, cancellation_id: int) -> SupplierGuide:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        orders = orders_of(session, row)
        supplier_order = orders.supplier_order
        if supplier_order is None:
            raise StepUnavailableError(
                Text("core.cancel.supplier", "No AliExpress order is linked to this cancellation.")
            )
        terms = terms_for(session, supplier_order)
        url = supplier_platforms.platform_of(session, supplier_order).order_url(
            supplier_order.external_order_id
        )
    now = rt.now()
    warnings: list[Text] = []
    check_until = payment_check_until(supplier_order, now)
    if check_until is not None:
        warnings.append(
            Text(
                "core.cancel.supplier",
                "Paid less than 24 hours ago: if you paid by card, AliExpress lets you "
                "cancel only after its 24-hour payment check, from "
                "{check_until}. Until then the Cancel button may be "
                "missing.",
                check_until=check_until,
            )
        )
    if supplier_order.ship_by is not None and supplier_order.ship_by < now:
        warnings.append(
            Text(
                "core.cancel.supplier",
                "The supplier's ship window has closed: AliExpress may close the order "
                "and refund you in full by itself.",
            )
        )
    reason = reason_of(row)
    return SupplierGuide(
        external_order_id=supplier_order.external_order_id,
        order_url=url,
        clicks=messages.aliexpress_clicks(reason),
        message=messages.supplier_cancel_request(
            supplier_order.external_order_id,
            reason,
            messages.supplier_language(terms.supplier_country),
        ),
        answer_hours=terms.answer_hours,
        payment_check_until=check_until,
        warnings=tuple(warnings),
    )


def payment_check_until(supplier_order: SupplierOrder, now: datetime) -> datetime | None:
    if supplier_order.paid_at is None:
        return None
    until = supplier_order.paid_at + PAYMENT_CHECK
    return until if until > now else None


def mark_requested(rt: Runtime, cancellation_id: int) -> None:
    """The merchant submitted the cancel request on AliExpress: start the answer clock."""
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row,
            {State.SUPPLIER_CANCEL_TODO},
            Text("core.cancel.supplier", "record the cancel request"),
        )
        orders = orders_of(session, row)
        now = rt.now()
        terms = terms_for(session, orders.supplier_order)
        payload: dict[str, Any] = {
            "answer_due": clocks.cancel_answer_due(now, terms.answer_hours).isoformat()
        }
        if orders.supplier_order is not None:
            check_until = payment_check_until(orders.supplier_order, now)
            if check_until is not None:
                payload["payment_check_until"] = check_until.isoformat()
        move(session, row, State.SUPPLIER_CANCEL_REQUESTED, now, payload, supplier_requested_at=now)
    rt.on_step(f"state:{State.SUPPLIER_CANCEL_REQUESTED.value}")


def mark_answer(rt: Runtime, cancellation_id: int, *, accepted: bool) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row,
            {State.SUPPLIER_CANCEL_REQUESTED},
            Text("core.cancel.supplier", "record the supplier's answer"),
        )
        now = rt.now()
        if accepted:
            _accepted(session, row, now, by="merchant", completed=False)
            target = State.SUPPLIER_CANCELLED
        else:
            move(
                session,
                row,
                State.SUPPLIER_REFUSED,
                now,
                {"by": "merchant"},
                supplier_answer="refused",
                supplier_answered_at=now,
            )
            target = State.SUPPLIER_REFUSED
    rt.on_step(f"state:{target.value}")


def _accepted(
    session: Session, row: Cancellation, now: datetime, *, by: str, completed: bool
) -> None:
    money_trail.expect_from_supplier(session, row, now, completed_at_supplier=completed)
    move(
        session,
        row,
        State.SUPPLIER_CANCELLED,
        now,
        {"by": by},
        supplier_answer="accepted",
        supplier_answered_at=now,
    )


def refresh_supplier(rt: Runtime, cancellation_id: int) -> tuple[int, ...]:
    """Ask AliExpress about this run's order now and move on if it was cancelled or shipped."""
    if rt.supplier is None:
        raise StepUnavailableError(
            Text(
                "core.cancel.supplier",
                "AliExpress is not connected: look at the order page and record the "
                "answer by hand.",
            ),
        )
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        supplier_order_id = row.supplier_order_id
    if supplier_order_id is None:
        raise StepUnavailableError(
            Text("core.cancel.supplier", "No AliExpress order is linked to this cancellation.")
        )
    try:
        summary = sync_order_statuses(
            rt.ledger, rt.supplier, order_ids=[supplier_order_id], concurrency=1, now=rt.now
        )
    except AliExpressError as error:
        raise StepUnavailableError(
            Text("core.cancel.supplier", "AliExpress could not be asked: {error}", error=error.text)
        ) from None
    if summary.failed:
        raise StepUnavailableError(
            Text(
                "core.cancel.supplier",
                "AliExpress could not be asked: {error}",
                error=summary.failed[0].reason,
            )
        )
    return apply_status_sync(rt, [supplier_order_id])


def apply_status_sync(rt: Runtime, changed: SyncSummary | Iterable[int]) -> tuple[int, ...]:
    """Move open cancellations of these supplier orders on from what the ledger now says
    (after `sync_order_statuses`); returns the ids of the cancellations that changed."""
    if isinstance(changed, SyncSummary):
        ids = {*changed.cancelled, *changed.shipped, *changed.changed}
    else:
        ids = set(changed)
    if not ids:
        return ()
    with rt.ledger.session() as session:
        query = select(Cancellation.id).where(
            col(Cancellation.supplier_order_id).in_(sorted(ids)),
            col(Cancellation.state).not_in([s.value for s in FINAL]),
        )
        runs = [int(i) for i in session.exec(query) if i is not None]
    moved = []
    for cancellation_id in runs:
        target = _apply_one(rt, cancellation_id)
        if target is not None:
            moved.append(cancellation_id)
            rt.on_step(f"state:{target.value}")
            settle(rt, cancellation_id)
    return tuple(moved)


def _apply_one(rt: Runtime, cancellation_id: int) -> State | None:
    """One transaction: what the synced supplier order means for this run (None: nothing)."""
    with rt.ledger.session() as session:
        try:
            row = load(session, cancellation_id)
        except CancellationNotFoundError:
            return None
        state = State(row.state)
        supplier_order = orders_of(session, row).supplier_order
        if supplier_order is None or state in FINAL or state in IN_FLIGHT:
            return None
        now = rt.now()
        if cancelled_at_supplier(supplier_order):
            return _sync_cancelled(session, row, state, now)
        if shipped_at_supplier(supplier_order):
            return _sync_shipped(session, row, state, supplier_order, now)
    return None


def _sync_cancelled(
    session: Session, row: Cancellation, state: State, now: datetime
) -> State | None:
    assert row.id is not None
    if state in (
        State.SUPPLIER_CANCEL_TODO,
        State.SUPPLIER_CANCEL_REQUESTED,
        State.SUPPLIER_REFUSED,
        State.TRACKING_REQUESTED,
    ):
        _accepted(session, row, now, by="aliexpress_status", completed=True)
        return State.SUPPLIER_CANCELLED
    if state is State.DISPUTE_OPEN:
        dispute = open_dispute(session, row.id)
        if dispute is not None:
            dispute.state = "closed"
            dispute.outcome = "cancelled_at_aliexpress"
            session.add(dispute)
        money_trail.expect_from_supplier(session, row, now, completed_at_supplier=True)
        move(session, row, State.DISPUTE_CLOSED, now, {"by": "aliexpress_status"})
        return State.DISPUTE_CLOSED
    if state is State.CHECKING:
        return None
    # Later states: the supplier's refund is now completed at AliExpress (re-date the window).
    refunds = money_trail.supplier_refunds(session, row.id)
    if any(r.state in ("issued", "received") for r in refunds):
        return None
    money_trail.expect_from_supplier(session, row, now, completed_at_supplier=True)
    note(
        session,
        row,
        "supplier_refund_completed",
        now,
        {"by": "aliexpress_status"},
        supplier_answer="accepted",
        supplier_answered_at=row.supplier_answered_at or now,
    )
    return state


def _sync_shipped(
    session: Session,
    row: Cancellation,
    state: State,
    supplier_order: SupplierOrder,
    now: datetime,
) -> State | None:
    assert row.id is not None
    tracking = supplier_order.tracking_number
    payload = {"by": "aliexpress_status", "tracking_number": tracking}
    if state is State.SUPPLIER_CANCEL_TODO:
        why = Text(
            "core.cancel.supplier",
            "AliExpress shows the parcel shipped before the cancellation was "
            "requested: too late to cancel at the supplier.",
        )
        told = {**payload, "why": why.stored()}
        move(session, row, State.REFUND_PATH, now, told, path=Path.REFUND.value)
        return State.REFUND_PATH
    if state is State.SUPPLIER_CANCEL_REQUESTED:
        move(
            session,
            row,
            State.SUPPLIER_REFUSED,
            now,
            payload,
            supplier_answer="shipped",
            supplier_answered_at=now,
        )
        state = State.SUPPLIER_REFUSED
        if not tracking:
            return state
    if state in (State.SUPPLIER_REFUSED, State.TRACKING_REQUESTED) and tracking:
        move(session, row, State.TRACKING_RECEIVED, now, payload)
        return State.TRACKING_RECEIVED
    if state is State.DISPUTE_OPEN:
        dispute = open_dispute(session, row.id)
        if dispute is not None and dispute.first_tracking_at is None and supplier_order.shipped_at:
            dispute.first_tracking_at = supplier_order.shipped_at
            session.add(dispute)
            note(
                session,
                row,
                "dispute_tracking",
                now,
                {**payload, "first_tracking_at": supplier_order.shipped_at.isoformat()},
            )
            return state
    return None
