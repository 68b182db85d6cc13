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
from core.status_words import status_words
from core.texts import Text

ALTERNATIVES_WHEN_SHIPPED = (
    Text(
        "core.cancel.check",
        "Let the customer take delivery; nothing is refunded.",
    ),
    Text(
        "core.cancel.check",
        "Refund the customer on Shopify now and ask them to return the parcel "
        "(or to keep it); ask the supplier whether they refund a return.",
    ),
    Text(
        "core.cancel.check",
        "If the goods arrive damaged or not as described, open a dispute on "
        "AliExpress after delivery.",
    ),
)


@dataclass(frozen=True)
class Decision:
    target: State
    path: Path
    why: Text
    alternatives: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = ()


@dataclass
class _Fresh:
    """What the online reads found (or why they could not be made)."""

    shop_order: Order | None = None
    notes: list[Text] = field(default_factory=list)
    supplier_fresh: bool = False


def run_check(rt: Runtime, cancellation_id: int) -> Decision:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(row, {State.CHECKING}, Text("core.cancel.check", "check the order"))
        orders = orders_of(session, row)
    fresh = _read_fresh(rt, orders)
    rt.on_step("check:read")
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(row, {State.CHECKING}, Text("core.cancel.check", "check the order"))
        if fresh.shop_order is not None:
            store_shop_order(session, row.customer_order_id, fresh.shop_order, rt.now())
        orders = orders_of(session, row)
        decision = decide(
            orders, fresh.shop_order, fresh.notes, supplier_fresh=fresh.supplier_fresh
        )
        now = rt.now()
        payload: dict[str, Any] = {
            "why": decision.why.stored(),
            "alternatives": [text.stored() for text in decision.alternatives],
            "notes": [text.stored() for text in decision.notes],
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
            Text(
                "core.cancel.check",
                "AliExpress is not connected: its status is taken from the ledger. "
                "Look at the order page before going on.",
            )
        )
    elif supplier_order is not None and supplier_order.id is not None:
        try:
            summary = sync_order_statuses(
                rt.ledger, rt.supplier, order_ids=[supplier_order.id], concurrency=1, now=rt.now
            )
        except AliExpressError as error:
            fresh.notes.append(_not_asked("AliExpress", str(error)))
        else:
            if summary.failed:
                fresh.notes.append(_not_asked("AliExpress", summary.failed[0].reason))
            else:
                fresh.supplier_fresh = True
    ref = orders.shop_ref
    if rt.shop is None:
        fresh.notes.append(
            Text(
                "core.cancel.check",
                "Shopify is not connected: the order's fulfillment is taken from the "
                "ledger and the Shopify steps are done by hand in the admin.",
            )
        )
    elif ref is not None:
        try:
            fresh.shop_order = rt.shop.get_order(ref)
        except ShopifyError as error:
            fresh.notes.append(_not_asked("Shopify", str(error)))
    return fresh


def _not_asked(service: str, error: str) -> Text:
    return Text(
        "core.cancel.check",
        "{service} could not be asked ({error}); using the ledger.",
        service=service,
        error=error,
    )


def decide(
    orders: RunOrders,
    shop_order: Order | None,
    notes: list[Text],
    *,
    supplier_fresh: bool,
) -> Decision:
    """The path for these facts, with the reason in words (pure: no I/O)."""
    notes = list(notes)
    supplier_order = orders.supplier_order
    customer_order = orders.customer_order
    if customer_order is None:
        notes.append(
            Text(
                "core.cancel.check",
                "No Shopify order is linked to this supplier order: only the supplier side.",
            )
        )
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
        notes.append(
            Text(
                "core.cancel.check",
                "The order is already cancelled on Shopify.",
            )
        )
    if shop_order is not None and not shop_order.refundable and not shop_cancelled:
        notes.append(
            Text(
                "core.cancel.check",
                "Shopify reports nothing left to refund on this order.",
            )
        )
    if supplier_order is None:
        return Decision(
            State.REFUND_PATH,
            Path.REFUND,
            Text(
                "core.cancel.check",
                "No supplier order is linked, so there is nothing to cancel at the supplier.",
            ),
            notes=tuple(notes),
        )
    source = (
        Text("core.cancel.check", "AliExpress shows")
        if supplier_fresh
        else Text("core.cancel.check", "The ledger says (last known)")
    )
    status = supplier_order.order_status or "unknown"
    if cancelled_at_supplier(supplier_order):
        ended = status_words(status, supplier_order.end_reason)
        return Decision(
            State.SUPPLIER_CANCELLED,
            Path.REFUND if fulfilled else Path.CANCEL,
            Text(
                "core.cancel.check",
                "{source_} the order already cancelled at the supplier ({ended}); the "
                "supplier's refund is on its way.",
                source_=source,
                ended=ended,
            ),
            notes=tuple(notes),
        )
    if shipped_at_supplier(supplier_order):
        when = _day(supplier_order.shipped_at)
        number = supplier_order.tracking_number
        return Decision(
            State.REFUND_PATH,
            Path.REFUND,
            Text(
                "core.cancel.check",
                "Too late to cancel at the supplier: {source} the parcel shipped{on}{tracking}. "
                "A shipped AliExpress order cannot be cancelled.",
                source=Text("core.cancel.check", "AliExpress shows")
                if supplier_fresh
                else Text("core.cancel.check", "the ledger says (last known)"),
                on=Text("core.cancel.check", " on {day}", day=when) if when else "",
                tracking=Text("core.cancel.check", ", tracking number {number}", number=number)
                if number
                else "",
            ),
            ALTERNATIVES_WHEN_SHIPPED,
            tuple(notes),
        )
    if status not in AWAITING_SHIPMENT_STATUSES and status != "IN_CANCEL":
        notes.append(
            Text(
                "core.cancel.check",
                "AliExpress reports a status Dropdesk does not know: check the order page.",
            )
        )
    if status == "IN_CANCEL":
        notes.append(
            Text(
                "core.cancel.check",
                "A cancellation request is already open at AliExpress: record it as requested.",
            )
        )
    words = status_words(status)
    if fulfilled:
        why = Text(
            "core.cancel.check",
            "{source_} the order not shipped yet ({words}), so ask the supplier to "
            "cancel first. Shopify shows the order fulfilled: there it can only be "
            "refunded.",
            source_=source,
            words=words,
        )
        return Decision(State.SUPPLIER_CANCEL_TODO, Path.REFUND, why, notes=tuple(notes))
    why = Text(
        "core.cancel.check",
        "{source_} the order not shipped yet ({words}): ask the supplier to "
        "cancel first, then cancel the order on Shopify.",
        source_=source,
        words=words,
    )
    return Decision(State.SUPPLIER_CANCEL_TODO, Path.CANCEL, why, notes=tuple(notes))


def _day(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d}" if moment else ""
