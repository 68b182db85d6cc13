"""The rows of a batch of demo orders: each order's story decides its state, and an order that
went wrong brings its cancellation, refunds, dispute and events."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

from core.clocks import ship_by
from core.demo.catalog import (
    CARRIERS,
    FIRST_NAMES,
    LAST_NAMES,
    PRODUCTS,
    SUPPLIERS,
    DemoSupplier,
)
from core.ledger.types import Fault, Reason, RefundDirection, RefundState, to_db

COLUMNS: dict[str, tuple[str, ...]] = {
    "customer_order": (
        "id",
        "shopify_gid",
        "legacy_id",
        "name",
        "customer_name",
        "email",
        "created_at",
        "processed_at",
        "updated_at",
        "currency",
        "total_minor",
        "refunded_minor",
        "financial_status",
        "fulfillment_status",
        "cancelled_at",
        "cancel_reason",
        "note",
        "tags",
        "source",
    ),
    "customer_order_line": (
        "order_id",
        "shopify_gid",
        "title",
        "sku",
        "quantity",
        "price_minor",
        "fulfillment_status",
    ),
    "supplier_order": (
        "id",
        "ae_order_id",
        "supplier_id",
        "customer_order_id",
        "paid_at",
        "ship_by",
        "order_status",
        "logistics_status",
        "tracking_number",
        "carrier",
        "cost_minor",
        "currency",
        "shipped_at",
        "end_reason",
        "updated_at",
    ),
    "cancellation": (
        "id",
        "supplier_order_id",
        "customer_order_id",
        "reason",
        "fault",
        "state",
        "path",
        "created_at",
        "updated_at",
        "next_deadline",
        "supplier_requested_at",
        "supplier_answer",
        "supplier_answered_at",
        "shop_done_at",
        "abandoned_reason",
    ),
    "refund": (
        "cancellation_id",
        "customer_order_id",
        "supplier_order_id",
        "direction",
        "amount_minor",
        "currency",
        "reason",
        "fault",
        "state",
        "issued_at",
        "expected_from",
        "expected_until",
        "completed_at",
        "shopify_refund_gid",
    ),
    "dispute": (
        "supplier_order_id",
        "cancellation_id",
        "opened_at",
        "escalate_after",
        "case_team_at",
        "state",
        "outcome",
        "amount_minor",
        "currency",
    ),
    "event": ("at", "kind", "entity", "entity_id", "payload"),
}

_AE_STATUS = {
    "awaiting": ("WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_SEND_GOODS", ""),
    "shipped": ("WAIT_BUYER_ACCEPT_GOODS", "SELLER_SEND_GOODS", ""),
    "delivered": ("FINISH", "BUYER_ACCEPT_GOODS", "buyer_accept_goods"),
    "cancelled": ("FINISH", "NO_LOGISTICS", "buyer_cancel_order"),
    "cancel_requested": ("IN_CANCEL", "WAIT_SELLER_SEND_GOODS", ""),
    "returned": ("FINISH", "BUYER_ACCEPT_GOODS", "buyer_accept_goods"),
    "dispute": ("WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_SEND_GOODS", ""),
    "dispute_late": ("WAIT_BUYER_ACCEPT_GOODS", "SELLER_SEND_GOODS", ""),
}
_SHIPPED = frozenset({"shipped", "delivered", "returned", "dispute_late"})
_FAULT = {
    Reason.CHANGED_MIND: Fault.CUSTOMER,
    Reason.WRONG_SIZE: Fault.CUSTOMER,
    Reason.DAMAGED: Fault.CARRIER,
    Reason.NOT_AS_DESCRIBED: Fault.MERCHANT,
}

Rows = dict[str, list[tuple[Any, ...]]]


def make_batch(job: tuple[int, int, int, int, datetime]) -> Rows:
    """Rows for each table for orders [start, stop); older orders get the smaller ids.

    Each batch has its own seeded generator, so batches can be made in parallel processes and
    the same seed still gives the same ledger.
    """
    start, stop, orders, seed, now = job
    rnd = random.Random(f"{seed}/{start}")
    horizon = timedelta(days=42)
    start_time = now - horizon
    batch: Rows = {table: [] for table in COLUMNS}
    for n in range(start, stop):
        oid = n + 1
        created = start_time + horizon * ((n + rnd.random()) / orders)
        paid = min(created + timedelta(minutes=rnd.uniform(2, 360)), now - (now - created) / 2)
        supplier_no = rnd.randrange(len(SUPPLIERS))
        supplier = SUPPLIERS[supplier_no]
        deadline = ship_by(paid, supplier.ship_window_days)
        state = _pick_state(rnd, now, paid, deadline, supplier.reliability)
        lines = [rnd.choice(PRODUCTS) for _ in range(rnd.choice((1, 1, 1, 2, 2, 3)))]
        total = sum(price for _, _, price in lines) + 499  # shipping
        cost = total * rnd.randint(35, 55) // 100
        customer = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
        ae_id = str(8_100_000_000_000_000 + oid * 9_973 + rnd.randrange(9_973))
        shipped_at: datetime | None = None
        if state == "dispute_late":
            shipped_at = deadline + timedelta(days=rnd.uniform(2, 6))
        elif state in _SHIPPED:
            shipped_at = paid + (deadline - paid) * rnd.uniform(0.15, 0.95)
        fulfilled = "fulfilled" if shipped_at else "unfulfilled"
        shop = {
            "refunded_minor": 0,
            "financial_status": "paid",
            "cancelled_at": None,
            "cancel_reason": None,
            "updated_at": to_db(shipped_at or created),
        }
        if state in ("cancelled", "cancel_requested", "returned", "dispute", "dispute_late"):
            shop.update(
                _aftermath(
                    batch,
                    rnd,
                    state,
                    oid,
                    paid,
                    deadline,
                    total,
                    cost,
                    supplier,
                    now,
                )
            )
        created_text = to_db(created)
        batch["customer_order"].append(
            (
                oid,
                f"gid://shopify/Order/{5_500_000_000_000 + oid}",
                5_500_000_000_000 + oid,
                f"#{1000 + oid}",
                customer,
                f"{customer.split()[0].lower()}.{oid}@example.com",
                created_text,
                created_text,
                shop["updated_at"],
                "EUR",
                total,
                shop["refunded_minor"],
                shop["financial_status"],
                fulfilled,
                shop["cancelled_at"],
                shop["cancel_reason"],
                f"AliExpress order {ae_id}",
                "dsers",
                "demo",
            )
        )
        for title, sku, price in lines:
            batch["customer_order_line"].append((oid, None, title, sku, 1, price, fulfilled))
        status, logistics, end_reason = _AE_STATUS[state]
        shipped_text = to_db(shipped_at)
        batch["supplier_order"].append(
            (
                oid,
                ae_id,
                supplier_no + 1,
                oid,
                to_db(paid),
                to_db(deadline),
                status,
                logistics,
                f"LP{oid:012d}CN" if shipped_at else "",
                rnd.choice(CARRIERS) if shipped_at else "",
                cost,
                "USD",
                shipped_text,
                end_reason,
                shipped_text or to_db(paid),
            )
        )
    return batch


def _pick_state(
    rnd: random.Random, now: datetime, paid: datetime, deadline: datetime, reliability: float
) -> str:
    roll = rnd.random()
    if roll < 0.025:
        return "cancelled"
    if roll < 0.035:
        return "returned" if now - paid > timedelta(days=14) else "cancelled"
    if roll < 0.042 and now > deadline:
        if now - deadline > timedelta(days=20):  # long closed by AliExpress' own timeout
            return "cancelled"
        return "dispute" if rnd.random() < 0.6 else "dispute_late"
    if roll < 0.05 and now < deadline:
        return "cancel_requested"
    elapsed = (now - paid) / (deadline - paid)
    if elapsed < 1:
        return "shipped" if rnd.random() < elapsed * 0.9 else "awaiting"
    if rnd.random() > reliability and now - deadline < timedelta(days=4):
        return "awaiting"  # overdue: the supplier missed the window
    return "delivered" if now - paid > timedelta(days=20) else "shipped"


def _row(table: str, values: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(values.get(column) for column in COLUMNS[table])


def _event(at: datetime, kind: str, entity: str, entity_id: int, **payload: Any) -> tuple[Any, ...]:
    return (to_db(at), kind, entity, entity_id, json.dumps(payload, sort_keys=True))


def _aftermath(
    batch: Rows,
    rnd: random.Random,
    state: str,
    oid: int,
    paid: datetime,
    deadline: datetime,
    total: int,
    cost: int,
    supplier: DemoSupplier,
    now: datetime,
) -> dict[str, Any]:
    """The cancellation, refunds, dispute and events of an order that went wrong; returns what
    changes on the shop's side of the order."""
    cancel_id = oid  # at most one cancellation per demo order
    requested = paid + timedelta(hours=rnd.uniform(1, 30))
    reason = rnd.choice(list(Reason))
    fault = _FAULT.get(reason, Fault.SUPPLIER)
    cancellation: dict[str, Any] = {
        "id": cancel_id,
        "supplier_order_id": oid,
        "customer_order_id": oid,
        "reason": reason.value,
        "fault": fault.value,
        "state": "done",
        "path": "cancel",
        "created_at": to_db(requested),
        "updated_at": to_db(requested),
        "supplier_requested_at": to_db(requested),
        "supplier_answer": "accepted",
        "abandoned_reason": "",
    }
    events = batch["event"]
    events.append(_event(requested, "cancel_requested", "supplier_order", oid, reason=reason.value))
    if state == "cancel_requested":
        cancellation.update(
            state="supplier_cancel_requested",
            supplier_answer="",
            next_deadline=to_db(requested + timedelta(hours=72)),
        )
        batch["cancellation"].append(_row("cancellation", cancellation))
        return {}
    answered = requested + timedelta(hours=rnd.uniform(2, 60))
    cancellation.update(
        supplier_answered_at=to_db(answered),
        shop_done_at=to_db(answered),
        updated_at=to_db(answered),
    )
    refunded = total if state != "returned" else total * rnd.choice((50, 100)) // 100
    shop: dict[str, Any] = {
        "refunded_minor": refunded,
        "financial_status": "refunded" if refunded == total else "partially_refunded",
        "updated_at": to_db(answered),
    }
    if state == "cancelled":
        shop.update(cancelled_at=to_db(answered), cancel_reason=reason.shopify_cancel_reason)
    elif state == "returned":
        cancellation.update(path="refund", supplier_answer="")
    batch["refund"].append(
        _row(
            "refund",
            {
                "cancellation_id": cancel_id,
                "customer_order_id": oid,
                "direction": RefundDirection.TO_CUSTOMER.value,
                "amount_minor": refunded,
                "currency": "EUR",
                "reason": reason.value,
                "fault": fault.value,
                "state": RefundState.ISSUED.value,
                "issued_at": to_db(answered),
                "completed_at": to_db(answered),
                "shopify_refund_gid": f"gid://shopify/Refund/{7_700_000_000 + cancel_id}",
            },
        )
    )
    events.append(
        _event(
            answered,
            "refunded_customer",
            "customer_order",
            oid,
            amount_minor=refunded,
            currency="EUR",
        )
    )
    recovered = state == "cancelled" or (state == "returned" and fault == Fault.SUPPLIER)
    disputed = state in ("dispute", "dispute_late")
    if disputed:
        opened = deadline + timedelta(days=rnd.uniform(5, 9))
        if opened < now:
            cancellation.update(state="dispute_open", supplier_answer="refused")
            batch["dispute"].append(
                _row(
                    "dispute",
                    {
                        "supplier_order_id": oid,
                        "cancellation_id": cancel_id,
                        "opened_at": to_db(opened),
                        "escalate_after": to_db(opened + timedelta(days=3)),
                        "case_team_at": to_db(opened + timedelta(days=15)),
                        "state": "open",
                        "outcome": "",
                        "amount_minor": cost,
                        "currency": "USD",
                    },
                )
            )
            events.append(_event(opened, "dispute_opened", "supplier_order", oid))
    if recovered or disputed:
        # Business days stretched to calendar days: close enough for a demo.
        expected_from = answered + timedelta(days=supplier.refund_days[0] * 7 // 5)
        expected_until = answered + timedelta(days=supplier.refund_days[1] * 7 // 5)
        received = recovered and expected_until < now and rnd.random() < 0.9
        batch["refund"].append(
            _row(
                "refund",
                {
                    "cancellation_id": cancel_id,
                    "supplier_order_id": oid,
                    "direction": RefundDirection.FROM_SUPPLIER.value,
                    "amount_minor": cost,
                    "currency": "USD",
                    "reason": reason.value,
                    "fault": fault.value,
                    "state": (RefundState.RECEIVED if received else RefundState.EXPECTED).value,
                    "issued_at": to_db(answered),
                    "expected_from": to_db(expected_from),
                    "expected_until": to_db(expected_until),
                    "completed_at": to_db(expected_from) if received else None,
                },
            )
        )
        if not received and cancellation["state"] == "done":
            cancellation.update(
                state="awaiting_supplier_refund", next_deadline=to_db(expected_until)
            )
    batch["cancellation"].append(_row("cancellation", cancellation))
    return shop
