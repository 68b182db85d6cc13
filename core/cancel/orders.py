"""The ledger records a cancellation is about: its supplier order, customer order and shop."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from core.aliexpress.orders import (
    SHIPPED_LOGISTICS_STATUSES,
    SHIPPED_ORDER_STATUSES,
    EndKind,
    end_kind,
)
from core.ledger import journal
from core.ledger.models import Cancellation, CustomerOrder, Shop, SupplierOrder
from core.ledger.types import Reason
from core.shopify import Order

#: Shopify fulfillment statuses (lower case, as the ledger stores them) under which nothing has
#: been fulfilled or is being fulfilled, so orderCancel is still possible.
CANCELLABLE_FULFILLMENT = frozenset(
    {"", "unfulfilled", "scheduled", "on_hold", "open", "request_declined"}
)


@dataclass(frozen=True)
class RunOrders:
    supplier_order: SupplierOrder | None
    customer_order: CustomerOrder | None
    shop: Shop | None

    @property
    def shop_ref(self) -> str | None:
        """The Shopify order id to call the API with (gid, or the legacy number)."""
        order = self.customer_order
        if order is None:
            return None
        if order.shopify_gid:
            return order.shopify_gid
        if order.legacy_id:
            return str(order.legacy_id)
        return None

    @property
    def external_order_id(self) -> str:
        return self.supplier_order.external_order_id if self.supplier_order else ""


def orders_of(session: Session, row: Cancellation) -> RunOrders:
    supplier_order = (
        session.get(SupplierOrder, row.supplier_order_id) if row.supplier_order_id else None
    )
    customer_order = (
        session.get(CustomerOrder, row.customer_order_id) if row.customer_order_id else None
    )
    shop = (
        session.get(Shop, customer_order.shop_id)
        if customer_order is not None and customer_order.shop_id
        else None
    )
    return RunOrders(supplier_order, customer_order, shop)


def reason_of(row: Cancellation) -> Reason:
    """The run's reason (OTHER for a value this version does not know)."""
    try:
        return Reason(row.reason)
    except ValueError:
        return Reason.OTHER


def cancelled_at_supplier(order: SupplierOrder) -> bool:
    return order.order_status == "FINISH" and end_kind(order.end_reason) is EndKind.CANCELLED


def shipped_at_supplier(order: SupplierOrder) -> bool:
    if cancelled_at_supplier(order):
        return False
    return (
        order.shipped_at is not None
        or bool(order.tracking_number)
        or order.order_status in SHIPPED_ORDER_STATUSES
        or order.logistics_status in SHIPPED_LOGISTICS_STATUSES
        or (order.order_status == "FINISH" and end_kind(order.end_reason) is EndKind.DELIVERED)
    )


def fulfilled_on_shop(order: CustomerOrder | None) -> bool:
    return order is not None and not cancellable_status(order.fulfillment_status)


def cancellable_status(fulfillment_status: str) -> bool:
    """Whether Shopify can still cancel an order with this fulfillment status (any spelling)."""
    return fulfillment_status.strip().lower() in CANCELLABLE_FULFILLMENT


_SPELLING = {"PARTIALLY_FULFILLED": "partial"}


def store_shop_order(
    session: Session,
    customer_order_id: int | None,
    order: Order,
    at: datetime,
    kind: str = "customer_order.shopify_read",
) -> None:
    """Keep the ledger's customer order as Shopify just reported it."""
    stored = session.get(CustomerOrder, customer_order_id) if customer_order_id else None
    if stored is None:
        return
    values = {
        "fulfillment_status": _SPELLING.get(
            order.fulfillment_status, order.fulfillment_status.lower()
        ),
        "financial_status": _SPELLING.get(order.financial_status, order.financial_status.lower()),
        "cancelled_at": order.cancelled_at,
        "cancel_reason": order.cancel_reason,
        "refunded_minor": order.refunded.minor,
        "total_minor": order.total.minor,
    }
    changes = {k: v for k, v in values.items() if getattr(stored, k) != v}
    if not changes:
        return
    for name, value in changes.items():
        setattr(stored, name, value)
    session.add(stored)
    assert stored.id is not None
    journal.record(
        session,
        kind,
        "customer_order",
        stored.id,
        {"changes": {k: str(v) for k, v in changes.items()}},
        at=at,
    )
