"""A finished cancellation closes its supplier order with what really happened.

Without this a run taken to "Done" by hand left its AliExpress order "awaiting shipment" with
a running countdown (in the table, `dropdesk due` and the tray). When a run ends the supplier
order takes the status of its end: shipped (tracking came in), refunded (a dispute paid the
merchant back) or cancelled at the supplier. A run abandoned before the supplier agreed to
anything leaves the order as it is: the supplier still has to ship it. The status sync, when
connected, has the last word (it overwrites these with AliExpress' own).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from core.aliexpress.orders import OrderStatus
from core.cancel.orders import cancelled_at_supplier, shipped_at_supplier
from core.cancel.states import State
from core.ledger import journal
from core.ledger.models import Cancellation, Dispute, Event, SupplierOrder
from core.ledger.types import AWAITING_SHIPMENT_STATUSES

#: AliExpress' own end reasons for the two ways an order closes before it ships.
CANCELLED_END_REASON = "cancel_order_close_trade"
REFUNDED_END_REASON = "seller_accept_issue_no_goods_return"
_NOT_SHIPPED = frozenset({*AWAITING_SHIPMENT_STATUSES, OrderStatus.IN_CANCEL.value, ""})


class Ending(StrEnum):
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    SHIPPED = "shipped"
    UNCHANGED = "unchanged"


def close_supplier_order(session: Session, row: Cancellation, at: datetime) -> Ending:
    """Set the run's supplier order to how the run ended (in the caller's transaction)."""
    order = session.get(SupplierOrder, row.supplier_order_id) if row.supplier_order_id else None
    if order is None or row.id is None:
        return Ending.UNCHANGED
    ending = _ending(session, row, order)
    before = (order.order_status, order.end_reason, order.shipped_at)
    if ending is Ending.SHIPPED:
        if order.order_status in _NOT_SHIPPED:
            order.order_status = OrderStatus.WAIT_BUYER_ACCEPT_GOODS.value
        if order.shipped_at is None:
            order.shipped_at = at
    elif ending in (Ending.CANCELLED, Ending.REFUNDED):
        order.order_status = OrderStatus.FINISH.value
        order.end_reason = (
            CANCELLED_END_REASON if ending is Ending.CANCELLED else REFUNDED_END_REASON
        )
    if (order.order_status, order.end_reason, order.shipped_at) == before:
        return ending
    order.updated_at = at
    session.add(order)
    assert order.id is not None
    journal.record(
        session,
        "supplier_order.closed_by_cancellation",
        "supplier_order",
        order.id,
        {
            "cancellation_id": row.id,
            "ending": ending.value,
            "from": before[0],
            "to": order.order_status,
            "end_reason": order.end_reason,
        },
        at=at,
    )
    return ending


def _ending(session: Session, row: Cancellation, order: SupplierOrder) -> Ending:
    assert row.id is not None
    if cancelled_at_supplier(order):
        return Ending.CANCELLED
    if shipped_at_supplier(order):
        return Ending.SHIPPED
    if row.supplier_answer == "accepted" or _passed(session, row.id, State.SUPPLIER_CANCELLED):
        return Ending.CANCELLED
    if _dispute_refunded(session, row.id):
        return Ending.REFUNDED
    if row.state == State.DONE.value:
        # Done with neither a shipment nor a refund on record: every step agreed the order
        # is cancelled, so it no longer waits for the supplier.
        return Ending.CANCELLED
    return Ending.UNCHANGED


def _passed(session: Session, cancellation_id: int, state: State) -> bool:
    query = select(Event.id).where(
        Event.entity == "cancellation",
        Event.entity_id == cancellation_id,
        Event.kind == f"cancellation.{state.value}",
    )
    return session.exec(query).first() is not None


def _dispute_refunded(session: Session, cancellation_id: int) -> bool:
    query = select(Dispute).where(
        Dispute.cancellation_id == cancellation_id, col(Dispute.state) == "closed"
    )
    return any(
        dispute.amount_minor > 0 or dispute.outcome == "refunded" for dispute in session.exec(query)
    )
