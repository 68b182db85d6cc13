"""The demo's Shopify Payments chargebacks: a few shipped orders disputed by the card holder,
three still waiting for evidence (so `due` and the Chargebacks view have something to show),
one under review and one won. Chosen from the shipped orders by id, so the same seed gives the
same chargebacks."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from core.ledger.types import from_db, to_db

#: (reason, status, evidence due from now, opened before now, share of the order's total)
CASES = (
    ("PRODUCT_NOT_RECEIVED", "NEEDS_RESPONSE", timedelta(hours=30), timedelta(days=6), 1.0),
    ("PRODUCT_UNACCEPTABLE", "NEEDS_RESPONSE", timedelta(days=9), timedelta(days=3), 1.0),
    ("FRAUDULENT", "NEEDS_RESPONSE", timedelta(hours=-5), timedelta(days=14), 1.0),
    ("CREDIT_NOT_PROCESSED", "UNDER_REVIEW", timedelta(days=4), timedelta(days=10), 0.5),
    ("GENERAL", "WON", timedelta(days=-20), timedelta(days=45), 1.0),
)
BASE_ID = 8_800_000_000


def insert_chargebacks(cursor: Any, now: datetime) -> int:
    """Add the demo's chargebacks (and their journal events); returns how many."""
    shipped = cursor.execute(
        "SELECT co.id, co.shopify_gid, co.name, co.total_minor, co.currency, so.id,"
        " so.shipped_at, so.tracking_number, so.carrier, so.logistics_status, so.order_status"
        " FROM customer_order AS co JOIN supplier_order AS so ON so.customer_order_id = co.id"
        " WHERE so.shipped_at IS NOT NULL AND so.tracking_number != ''"
        " AND co.cancelled_at IS NULL AND co.refunded_minor = 0"
        " ORDER BY co.id LIMIT ?",
        (len(CASES),),
    ).fetchall()
    for number, (case, order) in enumerate(zip(CASES, shipped, strict=False), start=1):
        reason, status, due_in, opened_before, share = case
        order_id, order_gid, name, total, currency = order[:5]
        opened = now - opened_before
        sent = opened + timedelta(days=2) if status != "NEEDS_RESPONSE" else None
        finalized = now - timedelta(days=5) if status == "WON" else None
        values = (
            number,
            f"gid://shopify/ShopifyPaymentsDispute/{BASE_ID + number}",
            order_id,
            order_gid,
            name,
            reason,
            int(total * share),
            currency,
            status,
            to_db(now + due_in),
            to_db(sent),
            to_db(opened),
            to_db(finalized),
            to_db(sent),
            to_db(finalized or sent or opened),
        )
        cursor.execute(
            "INSERT INTO chargeback (id, shop_id, shopify_gid, customer_order_id, order_gid,"
            " order_name, kind, reason, network_reason_code, amount_minor, currency, status,"
            " evidence_due_by, evidence_sent_on, initiated_at, finalized_on, evidence_saved_at,"
            " updated_at) VALUES (?, NULL, ?, ?, ?, ?, 'CHARGEBACK', ?, '', ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?)",
            values,
        )
        payload: dict[str, Any] = {
            "dispute": values[1],
            "reason": reason,
            "status": "NEEDS_RESPONSE",
        }
        events: list[tuple[datetime, str, dict[str, Any]]] = [
            (opened, "chargeback.opened", payload)
        ]
        if sent is not None:
            events.append((sent, "chargeback.evidence_submitted", {"submit": True}))
        if finalized is not None:
            change = {"status": {"from": "UNDER_REVIEW", "to": status}}
            events.append((finalized, "chargeback.changed", {"changes": change}))
        cursor.executemany(
            "INSERT INTO event (at, kind, entity, entity_id, payload) VALUES (?, ?, 'chargeback',"
            " ?, ?)",
            [
                (to_db(at), kind, number, json.dumps(body, sort_keys=True))
                for at, kind, body in events
            ],
        )
        _shipping_events(cursor, order[5:])
    return min(len(CASES), len(shipped))


def _shipping_events(cursor: Any, shipment: tuple[Any, ...]) -> None:
    """What the AliExpress sync journals for a shipped order: shipped, then its last status."""
    supplier_order_id, shipped_at, tracking, carrier, logistics, status = shipment
    shipped = from_db(shipped_at)
    assert shipped is not None  # the query chose shipped orders
    events = [
        (
            shipped,
            "supplier_order.aliexpress_shipped",
            {
                "tracking_number": {"from": "", "to": tracking},
                "carrier": {"from": "", "to": carrier},
                "shipped_at": {"from": None, "to": shipped_at},
            },
        ),
        (
            shipped + timedelta(days=2),
            "supplier_order.aliexpress_updated",
            {
                "logistics_status": {"from": "", "to": logistics},
                "order_status": {"from": "WAIT_SELLER_SEND_GOODS", "to": status},
            },
        ),
    ]
    cursor.executemany(
        "INSERT INTO event (at, kind, entity, entity_id, payload) VALUES (?, ?,"
        " 'supplier_order', ?, ?)",
        [
            (to_db(at), kind, supplier_order_id, json.dumps({"changes": changes}, sort_keys=True))
            for at, kind, changes in events
        ],
    )
