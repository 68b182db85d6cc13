"""Clocks for supplier orders known only by their number (an import, a sync of order notes).

DSers and the AliExpress website write the AliExpress order number into the Shopify order's
note; the import links it but learns nothing else: no payment time, so no ship window, and no
status, so the order was in no view and no reminder. What is known is when the customer paid
Shopify, and the merchant buys soon after: that time, under the order's supplier (or the
default supplier of the settings: country, time zone and window days), gives an estimated
ship window. The supplier order keeps `paid_estimated` until the merchant saves its payment
time in the edit dialog (a status sync that records AliExpress' payment time should clear it
too): the table, "Needs me" and `dropdesk due` say "estimated" meanwhile. An order the
customer paid and the shop has not fulfilled is awaiting shipment at the supplier, so an
unknown status becomes "awaiting shipment" (also estimated).
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlmodel import Session

from core import deadlines
from core.due import PAID_STATUSES
from core.ledger import journal
from core.ledger.types import OPEN_SHOP_ORDER

#: Shopify orders the customer paid, partly refunded ones and refunded ones included.
_PAID = (*PAID_STATUSES, "refunded")
_UNKNOWN_STATUS = ""  # core.linking.UNKNOWN_STATUS (not imported: linking calls this module)
_AWAITING = "WAIT_SELLER_SEND_GOODS"
_OPEN = " AND ".join("co." + term for term in OPEN_SHOP_ORDER.split(" AND "))


def estimate_missing(session: Session) -> int:
    """Estimate the payment time (and so the ship window) of every supplier order that has
    none and whose Shopify order was paid; returns how many (one Event for them all)."""
    connection: Connection = session.connection()
    session.flush()
    rows = connection.exec_driver_sql(
        f"""
        SELECT so.id, coalesce(co.processed_at, co.created_at), so.order_status,
               ({_OPEN}) AND co.financial_status IN ({", ".join("?" * len(PAID_STATUSES))})
        FROM supplier_order AS so
        JOIN customer_order AS co ON co.id = so.customer_order_id
        WHERE so.paid_at IS NULL
          AND coalesce(co.processed_at, co.created_at) IS NOT NULL
          AND co.financial_status IN ({", ".join("?" * len(_PAID))})
        """,
        (*PAID_STATUSES, *_PAID),
    ).all()
    if not rows:
        return 0
    connection.exec_driver_sql(
        "UPDATE supplier_order SET paid_at = ?, paid_estimated = ?,"  # a bool: either engine
        " order_status = CASE WHEN order_status = ? AND ? THEN ? ELSE order_status END"
        " WHERE id = ?",
        [
            (paid, True, _UNKNOWN_STATUS, bool(awaiting), _AWAITING, so_id)
            for so_id, paid, _, awaiting in rows
        ],
    )
    ids = [int(row[0]) for row in rows]
    deadlines.recompute_ship_by(session, order_ids=ids)
    for instance in list(session.identity_map.values()):
        if getattr(instance, "__tablename__", "") == "supplier_order":
            session.expire(instance)  # raw SQL bypassed the ORM
    journal.record(
        session,
        "supplier_orders_estimated",
        "ledger",
        0,
        {"count": len(ids), "supplier_order_ids": ids, "from": "shopify payment time"},
    )
    return len(ids)
