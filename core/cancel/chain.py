"""Moving on by itself: the states that need no decision lead straight to the next one.

supplier_cancelled, tracking_received, refund_path, dispute_closed, shop_cancelled and
shop_refunded are passed through, each hop its own transaction, so a crash between two hops
leaves a valid state that `settle` (called again by `resume`) continues from.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, select

from core.cancel.next_deadline import pending_supplier_refund
from core.cancel.orders import fulfilled_on_shop, orders_of
from core.cancel.record import ENTITY, load, move
from core.cancel.runtime import Runtime
from core.cancel.states import SUPPLIER_PENDING, TRANSIENT, Path, State
from core.ledger.models import Cancellation, Event
from core.texts import Text

#: Payload key of the transition into a Shopify step taken before the supplier agreed.
RETURN_TO = "return_to"

Hop = tuple[State, dict[str, Any]]


def settle(rt: Runtime, cancellation_id: int) -> State:
    """Take every automatic hop from the current state; returns the state it rests in."""
    while True:
        with rt.ledger.session() as session:
            row = load(session, cancellation_id)
            state = State(row.state)
            hop = _next_hop(session, row, state) if state in TRANSIENT else None
            if hop is None:
                return state
            target, payload = hop
            changes: dict[str, Any] = {}
            if target is State.REFUND_PATH or (
                target is State.SHOP_REFUND_TODO and row.path != Path.REFUND
            ):
                changes["path"] = Path.REFUND.value
            move(session, row, target, rt.now(), payload, **changes)
        rt.on_step(f"state:{target.value}")


def _next_hop(session: Session, row: Cancellation, state: State) -> Hop | None:
    assert row.id is not None
    orders = orders_of(session, row)
    if state is State.TRACKING_RECEIVED:
        why = Text(
            "core.cancel.chain",
            "The supplier shipped the parcel, so it cannot be cancelled at the "
            "supplier any more. Refund the customer on Shopify (and arrange the "
            "return), or abandon the cancellation and let the customer take "
            "delivery.",
        )
        return State.REFUND_PATH, {"why": why.stored()}
    if state in (State.SHOP_CANCELLED, State.SHOP_REFUNDED):
        return _after_shop(session, row)
    if row.shop_done_at is not None:  # the Shopify step was taken early; the supplier's done
        if pending_supplier_refund(session, row.id) is not None:
            return State.AWAITING_SUPPLIER_REFUND, {}
        return State.DONE, {}
    if orders.customer_order is None:  # nothing to do on Shopify
        if pending_supplier_refund(session, row.id) is not None:
            return State.AWAITING_SUPPLIER_REFUND, {"note": "no Shopify order is linked"}
        return State.DONE, {"note": "no Shopify order is linked"}
    if state is State.REFUND_PATH:
        return State.SHOP_REFUND_TODO, {}
    # supplier_cancelled, dispute_closed: the Shopify step fits the order's fulfillment
    if row.path == Path.REFUND or fulfilled_on_shop(orders.customer_order):
        return State.SHOP_REFUND_TODO, {}
    return State.SHOP_CANCEL_TODO, {}


def _after_shop(session: Session, row: Cancellation) -> Hop:
    assert row.id is not None
    if pending_supplier_refund(session, row.id) is not None:
        return State.AWAITING_SUPPLIER_REFUND, {}
    back = early_return_state(session, row.id)
    if back is not None and row.supplier_answer != "accepted":
        return back, {"note": "the Shopify step was done first; back to the supplier"}
    return State.DONE, {}


def early_return_state(session: Session, cancellation_id: int) -> State | None:
    """The supplier-side state a Shopify step taken early left from (None if not early)."""
    kinds = [f"{ENTITY}.{State.SHOP_CANCEL_TODO.value}", f"{ENTITY}.{State.SHOP_REFUND_TODO.value}"]
    query = (
        select(Event)
        .where(
            Event.entity == ENTITY,
            Event.entity_id == cancellation_id,
            col(Event.kind).in_(kinds),
        )
        .order_by(col(Event.id).desc())
    )
    for event in session.exec(query):
        value = json.loads(event.payload).get(RETURN_TO)
        if value:
            state = State(value)
            return state if state in SUPPLIER_PENDING else None
    return None
