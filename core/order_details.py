"""Everything the details panel shows for one supplier order: its lines and its timeline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, or_, select

from core.ledger import Ledger
from core.ledger.models import CustomerOrder, CustomerOrderLine, Event, Supplier, SupplierOrder


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    entity: str
    details: dict[str, Any]


@dataclass(frozen=True)
class OrderDetails:
    supplier_order: SupplierOrder
    supplier: Supplier | None
    customer_order: CustomerOrder | None
    lines: list[CustomerOrderLine]
    timeline: list[TimelineEntry]


def load_details(ledger: Ledger, supplier_order_id: int) -> OrderDetails | None:
    with ledger.session() as session:
        order = session.get(SupplierOrder, supplier_order_id)
        if order is None:
            return None
        supplier = session.get(Supplier, order.supplier_id) if order.supplier_id else None
        customer = (
            session.get(CustomerOrder, order.customer_order_id) if order.customer_order_id else None
        )
        lines: list[CustomerOrderLine] = []
        mine = (Event.entity == "supplier_order") & (Event.entity_id == supplier_order_id)
        if customer is not None:
            lines = list(
                session.exec(
                    select(CustomerOrderLine)
                    .where(CustomerOrderLine.order_id == customer.id)
                    .order_by(col(CustomerOrderLine.id))
                )
            )
            theirs = (Event.entity == "customer_order") & (Event.entity_id == customer.id)
            events = session.exec(select(Event).where(or_(mine, theirs)))
        else:
            events = session.exec(select(Event).where(mine))
        journal = [
            TimelineEntry(e.at, e.kind, e.entity, json.loads(e.payload))
            for e in events
            if e.at is not None
        ]
        timeline = sorted([*_facts(order, customer), *journal], key=lambda entry: entry.at)
        return OrderDetails(order, supplier, customer, lines, timeline)


def _facts(order: SupplierOrder, customer: CustomerOrder | None) -> list[TimelineEntry]:
    """Milestones the order's own columns tell, so the timeline is complete without events."""
    facts = []
    if customer is not None and customer.created_at is not None:
        facts.append(TimelineEntry(customer.created_at, "ordered", "customer_order", {}))
    if order.paid_at is not None:
        facts.append(TimelineEntry(order.paid_at, "paid", "supplier_order", {}))
    if order.ship_by is not None:
        facts.append(TimelineEntry(order.ship_by, "ship_window_closes", "supplier_order", {}))
    if order.shipped_at is not None:
        details = {"tracking": order.tracking_number} if order.tracking_number else {}
        facts.append(TimelineEntry(order.shipped_at, "shipped", "supplier_order", details))
    if customer is not None and customer.cancelled_at is not None:
        facts.append(
            TimelineEntry(
                customer.cancelled_at,
                "cancelled_in_shop",
                "customer_order",
                {"reason": customer.cancel_reason or ""},
            )
        )
    return facts
