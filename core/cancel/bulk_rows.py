"""The rows of a bulk cancel ("Cancel everywhere" for several orders), read once in one query:
what the merchant is about to cancel (Shopify name, customer, total, AliExpress number) and
where each order stands. After that the dialog changes one row per step from its `Progress`,
so a confirmation costs the same for 3 orders as for 100."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, SupplierOrder
from core.status_words import status_words
from core.texts import Text


@dataclass(frozen=True)
class BulkRow:
    """One selected supplier order as the bulk list shows it."""

    supplier_order_id: int
    order_name: str  # the Shopify order ("#2142"), "" when not linked
    customer_name: str
    total_minor: int | None  # the customer order's total; None when not linked
    currency: str
    external_order_id: str  # the AliExpress order number
    run_state: State | None  # its latest cancellation run, if any
    supplier_status: Text  # the supplier order's status in words (no run yet)


def bulk_rows(ledger: Ledger, supplier_order_ids: Iterable[int]) -> list[BulkRow]:
    """The rows for these supplier orders, in the given order (unknown ids left out)."""
    ids = list(dict.fromkeys(supplier_order_ids))
    if not ids:
        return []
    latest = (
        select(
            Cancellation.supplier_order_id,
            func.max(Cancellation.id).label("run"),
        )
        .where(col(Cancellation.supplier_order_id).in_(ids))
        .group_by(col(Cancellation.supplier_order_id))
        .subquery()
    )
    query = (
        select(SupplierOrder, CustomerOrder, Cancellation.state)
        .join(CustomerOrder, col(CustomerOrder.id) == SupplierOrder.customer_order_id, isouter=True)
        .join(latest, latest.c.supplier_order_id == SupplierOrder.id, isouter=True)
        .join(Cancellation, col(Cancellation.id) == latest.c.run, isouter=True)
        .where(col(SupplierOrder.id).in_(ids))
    )
    found: dict[int, BulkRow] = {}
    with ledger.session() as session:
        for order, customer, state in session.exec(query):
            assert order.id is not None
            found[order.id] = BulkRow(
                supplier_order_id=order.id,
                order_name=customer.name if customer is not None else "",
                customer_name=customer.customer_name if customer is not None else "",
                total_minor=customer.total_minor if customer is not None else None,
                currency=customer.currency if customer is not None else order.currency,
                external_order_id=order.external_order_id,
                run_state=State(state) if state is not None else None,
                supplier_status=status_words(order.order_status, order.end_reason),
            )
    return [found[i] for i in ids if i in found]
