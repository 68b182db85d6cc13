"""Step 1: where does the order stand, and which way does the run go?

Online, the supplier order is refreshed through the AliExpress status sync (so the ledger
learns what we learn) and the Shopify order is read fresh; offline, or when a service does not
answer, the ledger's last known state is used and the reason says so. The decision:

- cancelled at AliExpress already -> supplier_cancelled (only the Shopify side and the money
  are left);
- shipped at the supplier -> refund_path: too late to cancel there, with the alternatives;
- otherwise -> supplier_cancel_todo, on the cancel path, or on the refund path when Shopify
  shows the order fulfilled (Shopify can then only refund, but the supplier can still cancel).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.aliexpress import AliExpressError, sync_order_statuses
from core.cancel import money_trail
from core.cancel.orders import (
    RunOrders,
    cancellable_status,
    cancelled_at_supplier,
    fulfilled_on_shop,
    orders_of,
    shipped_at_supplier,
    store_shop_order,
)
from core.cancel.record import load, move, require_state
from core.cancel.runtime import Runtime
from core.cancel.states import Path, State
from core.ledger.types import AWAITING_SHIPMENT_STATUSES
from core.shopify import Order, ShopifyError

ALTERNATIVES_WHEN_SHIPPED = (
    "Let the customer take delivery; nothing is refunded.",
    "Refund the customer on Shopify now and ask them to return the parcel (or to keep it); "
    "ask the supplier whether they refund a return.",
    "If the goods arrive damaged or not as described, open a dispute on AliExpress after delivery.",
)


@dataclass(frozen=True)
class Decision:
    target: State
    path: Path
    why: str
    alternatives: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass
class _Fresh:
    """What the online reads found (or why they could not be made)."""

    shop_order: Order | None = None
    notes: list[str] = field(default_factory=list)
    supplier_fresh: bool = False


def run_check(rt: Runtime, cancellation_id: int) -> Decision:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(row, {State.CHECKING}, "check the order")
        orders = orders_of(session, row)
    fresh = _read_fresh(rt, orders)
    rt.on_step("check:read")
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(row, {State.CHECKING}, "check the order")
        if fresh.shop_order is not None:
            store_shop_order(session, row.customer_order_id, fresh.shop_order, rt.now())
        orders = orders_of(session, row)
        decision = decide(
            orders, fresh.shop_order, fresh.notes, supplier_fresh=fresh.supplier_fresh
        )
        now = rt.now()
        payload: dict[str, Any] = {
            "why": decision.why,
            "alternatives": list(decision.alternatives),
            "notes": list(decision.notes),
            "online": {"aliexpress": fresh.supplier_fresh, "shopify": fresh.shop_order is not None},
        }
        changes: dict[str, Any] = {"path": decision.path.value}
        if decision.target is State.SUPPLIER_CANCELLED:
            changes["supplier_answer"] = "accepted"
            changes["supplier_answered_at"] = now
            money_trail.expect_from_supplier(session, row, now, completed_at_supplier=True)
        move(session, row, decision.target, now, payload, **changes)
    rt.on_step(f"state:{decision.target.value}")
    return decision


def _read_fresh(rt: Runtime, orders: RunOrders) -> _Fresh:
    fresh = _Fresh()
    supplier_order = orders.supplier_order
    if rt.supplier is None:
        fresh.notes.append(
            "AliExpress is not connected: its status is taken from the ledger. Look at the "
            "order page before going on."
        )
    elif supplier_order is not None and supplier_order.id is not None:
        try:
            summary = sync_order_statuses(
                rt.ledger, rt.supplier, order_ids=[supplier_order.id], concurrency=1, now=rt.now
            )
        except AliExpressError as error:
            fresh.notes.append(f"AliExpress could not be asked ({error}); using the ledger.")
        else:
            if summary.failed:
                fresh.notes.append(
                    f"AliExpress could not be asked ({summary.failed[0].reason}); using the ledger."
                )
            else:
                fresh.supplier_fresh = True
    ref = orders.shop_ref
    if rt.shop is None:
        fresh.notes.append(
            "Shopify is not connected: the order's fulfillment is taken from the ledger and "
            "the Shopify steps are done by hand in the admin."
        )
    elif ref is not None:
        try:
            fresh.shop_order = rt.shop.get_order(ref)
        except ShopifyError as error:
            fresh.notes.append(f"Shopify could not be asked ({error}); using the ledger.")
    return fresh


def decide(
    orders: RunOrders,
    shop_order: Order | None,
    notes: list[str],
    *,
    supplier_fresh: bool,
) -> Decision:
    """The path for these facts, with the reason in words (pure: no I/O)."""
    notes = list(notes)
    supplier_order = orders.supplier_order
    customer_order = orders.customer_order
    if customer_order is None:
        notes.append("No Shopify order is linked to this supplier order: only the supplier side.")
    fulfilled = (
        not cancellable_status(shop_order.fulfillment_status)
        if shop_order is not None
        else fulfilled_on_shop(customer_order)
    )
    shop_cancelled = (
        shop_order.cancelled
        if shop_order is not None
        else customer_order is not None and customer_order.cancelled_at is not None
    )
    if shop_cancelled:
        notes.append("The order is already cancelled on Shopify.")
    if shop_order is not None and not shop_order.refundable and not shop_cancelled:
        notes.append("Shopify reports nothing left to refund on this order.")
    if supplier_order is None:
        return Decision(
            State.REFUND_PATH,
            Path.REFUND,
            "No supplier order is linked, so there is nothing to cancel at the supplier.",
            notes=tuple(notes),
        )
    source = "AliExpress shows" if supplier_fresh else "The ledger says (last known)"
    status = supplier_order.order_status or "unknown"
    if cancelled_at_supplier(supplier_order):
        return Decision(
            State.SUPPLIER_CANCELLED,
            Path.REFUND if fulfilled else Path.CANCEL,
            f"{source} the order already cancelled at the supplier "
            f"({supplier_order.end_reason or status}); the supplier's refund is on its way.",
            notes=tuple(notes),
        )
    if shipped_at_supplier(supplier_order):
        when = _day(supplier_order.shipped_at)
        tracking = (
            f", tracking number {supplier_order.tracking_number}"
            if supplier_order.tracking_number
            else ""
        )
        return Decision(
            State.REFUND_PATH,
            Path.REFUND,
            f"Too late to cancel at the supplier: {source.lower()} the parcel shipped"
            f"{' on ' + when if when else ''}{tracking}. A shipped AliExpress order cannot "
            "be cancelled.",
            ALTERNATIVES_WHEN_SHIPPED,
            tuple(notes),
        )
    if status not in AWAITING_SHIPMENT_STATUSES and status != "IN_CANCEL":
        notes.append(
            f"AliExpress reports the status {status!r}, which Dropdesk does not know: check "
            "the order page."
        )
    if status == "IN_CANCEL":
        notes.append(
            "A cancellation request is already open at AliExpress: record it as requested."
        )
    if fulfilled:
        why = (
            f"{source} the order not shipped yet ({status}), so ask the supplier to cancel "
            "first. Shopify shows the order fulfilled: there it can only be refunded."
        )
        return Decision(State.SUPPLIER_CANCEL_TODO, Path.REFUND, why, notes=tuple(notes))
    why = (
        f"{source} the order not shipped yet ({status}): ask the supplier to cancel first, "
        "then cancel the order on Shopify."
    )
    return Decision(State.SUPPLIER_CANCEL_TODO, Path.CANCEL, why, notes=tuple(notes))


def _day(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d}" if moment else ""
