"""What the demo shows after shipping: purchase protection that is running out, and customers'
withdrawals waiting for their refund (core.protection, core.withdrawal).

Added once the orders are in, with the same raw cursor and in the same transaction: a few
statements, whatever the demo's size.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from core import clocks, notices, protection, withdrawal
from core.ledger.types import to_db

#: The demo supplier (by id) that promises delivery within 20 days: its shipped orders come
#: close to the end of their protection while the demo runs.
SHORT_PROMISE = {"2": 20}
#: Withdrawals received this many days before `now` (one near its refund deadline).
WITHDRAWN_DAYS_AGO = (13, 6, 1)


def add_aftercare(cursor: Any, now: datetime) -> None:
    now = now.astimezone(UTC)
    cursor.execute(
        "INSERT INTO setting (key, value) VALUES ('supplier_protection_days', ?)",
        (json.dumps(SHORT_PROMISE),),
    )
    _recorded_protection(cursor, now)
    _withdrawals(cursor, now)


def _recorded_protection(cursor: Any, now: datetime) -> None:
    """One order whose protection end was read off its AliExpress order page."""
    row = cursor.execute(
        "SELECT id FROM supplier_order WHERE order_status = 'WAIT_BUYER_ACCEPT_GOODS'"
        " AND shipped_at IS NOT NULL AND supplier_id != 2 ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return
    ends = now + timedelta(days=3, hours=5)
    payload = {"ends_at": ends.isoformat(), "source": "aliexpress_order_page"}
    _event(
        cursor,
        now - timedelta(hours=2),
        protection.EVENT_RECORDED,
        "supplier_order",
        row[0],
        payload,
    )


def _withdrawals(cursor: Any, now: datetime) -> None:
    """Customers who withdrew after delivery, not refunded yet."""
    rows = cursor.execute(
        "SELECT co.id, co.name, co.customer_name, co.email, co.total_minor, co.currency,"
        " so.shipped_at FROM customer_order AS co"
        " JOIN supplier_order AS so ON so.customer_order_id = co.id"
        " WHERE so.end_reason = 'buyer_accept_goods' AND co.refunded_minor = 0"
        " AND so.shipped_at IS NOT NULL ORDER BY co.id DESC LIMIT ?",
        (len(WITHDRAWN_DAYS_AGO),),
    ).fetchall()
    for (oid, name, customer, email, total, currency, _shipped), days in zip(
        rows, WITHDRAWN_DAYS_AGO, strict=False
    ):
        received = (now - timedelta(days=days)).replace(minute=17, second=0, microsecond=0)
        refund_by = withdrawal.refund_deadline(received, clocks.MERCHANT_TIME_ZONE)
        facts = notices.NoticeFacts(
            order_name=name,
            customer_name=customer,
            email=email,
            shop_name="Demo Shop",
            currency=currency,
            total_minor=total,
            received_at=received,
            refund_by=refund_by,
        )
        ack = notices.fill(notices.NoticeKind.WITHDRAWAL_ACKNOWLEDGED, "de", facts)
        payload = {
            "received_at": received.isoformat(),
            "refund_by": refund_by.isoformat(),
            "via": "email",
            "statement": "Hiermit widerrufe ich den Kaufvertrag.",
            "acknowledgement": {"language": "de", "subject": ack.subject, "body": ack.body},
        }
        _event(
            cursor,
            received + timedelta(minutes=20),
            withdrawal.EVENT_RECEIVED,
            withdrawal.ENTITY,
            oid,
            payload,
        )


def _event(
    cursor: Any, at: datetime, kind: str, entity: str, entity_id: int, payload: dict[str, Any]
) -> None:
    cursor.execute(
        "INSERT INTO event (at, kind, entity, entity_id, payload) VALUES (?, ?, ?, ?, ?)",
        (to_db(at), kind, entity, entity_id, json.dumps(payload, sort_keys=True)),
    )
