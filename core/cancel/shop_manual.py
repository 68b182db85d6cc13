"""Step 4 without credentials (or by choice): do it in the Shopify admin, then confirm here.

The admin link is `https://admin.shopify.com/store/<store>/orders/<legacy id>`; the merchant
cancels or refunds there and enters what the customer got back, which becomes the customer's
refund row.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.cancel import messages, money_trail
from core.cancel.chain import settle
from core.cancel.errors import CancelError, StepUnavailableError
from core.cancel.orders import RunOrders, fulfilled_on_shop, orders_of
from core.cancel.record import load, move, require_state
from core.cancel.runtime import Runtime
from core.cancel.shop_entry import enter
from core.cancel.states import IN_FLIGHT, Path, State
from core.display_text import display_text
from core.ledger import journal
from core.texts import Text

ADMIN_ORDER_URL = "https://admin.shopify.com/store/{store}/orders/{legacy_id}"


@dataclass(frozen=True)
class ShopManualGuide:
    refund: bool  # refund line items (fulfilled or shipped) rather than cancel the order
    admin_url: str | None  # None when the ledger lacks the shop or the order's number
    order_name: str
    clicks: tuple[Text, ...]
    suggested_amount_minor: int  # what is still refundable as far as the ledger knows
    currency: str
    warnings: tuple[Text, ...]


def admin_url(shop_domain: str, legacy_id: int | None) -> str | None:
    """The order's page in the Shopify admin, from `name.myshopify.com` and its number."""
    store = shop_domain.strip().lower().removesuffix(".myshopify.com")
    if not store or "." in store or "/" in store or not legacy_id:
        return None
    return ADMIN_ORDER_URL.format(store=store, legacy_id=legacy_id)


def _wants_refund(orders: RunOrders, path: str, state: State) -> bool:
    if state in (State.SHOP_REFUND_TODO, State.SHOP_REFUND_SENT):
        return True
    if state in (State.SHOP_CANCEL_TODO, State.SHOP_CANCEL_SENT):
        return False
    return path == Path.REFUND or fulfilled_on_shop(orders.customer_order)


def manual_guide(rt: Runtime, cancellation_id: int) -> ShopManualGuide:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        orders = orders_of(session, row)
        state = State(row.state)
    order = orders.customer_order
    if order is None:
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_manual",
                "No Shopify order is linked to this cancellation.",
            )
        )
    refund = _wants_refund(orders, row.path, state)
    warnings: list[Text] = []
    if state in IN_FLIGHT:
        warnings.append(
            Text(
                "core.cancel.shop_manual",
                "Dropdesk already sent this step to Shopify and did not get the "
                "answer: look at the order in the admin first, and do it there only if "
                "it did not happen.",
            )
        )
    url = admin_url(orders.shop.domain, order.legacy_id) if orders.shop else None
    return ShopManualGuide(
        refund=refund,
        admin_url=url,
        order_name=order.name,
        clicks=messages.shopify_clicks(
            refund=refund, unlinked_name=display_text(order.name) if url is None else None
        ),
        suggested_amount_minor=max(order.total_minor - order.refunded_minor, 0),
        currency=order.currency,
        warnings=tuple(warnings),
    )


def confirm_manual(
    rt: Runtime,
    cancellation_id: int,
    refunded_minor: int | None,
    *,
    currency: str | None = None,
    acknowledge_out_of_pocket: bool = False,
) -> None:
    """The merchant did the Shopify step by hand; `refunded_minor` is what the customer got
    (None: what was still refundable, as a cancel in the admin refunds it: the one-click
    "Shopify done" of "Needs me")."""
    if refunded_minor is not None and refunded_minor < 0:
        raise CancelError(Text("core.cancel.shop_manual", "A refund amount cannot be negative."))
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        state = State(row.state)
    if state not in IN_FLIGHT:
        enter(
            rt,
            cancellation_id,
            None,
            acknowledge_out_of_pocket=acknowledge_out_of_pocket,
            action=Text("core.cancel.shop_manual", "confirm the Shopify step"),
        )
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        state = require_state(
            row,
            {State.SHOP_CANCEL_TODO, State.SHOP_REFUND_TODO, *IN_FLIGHT},
            Text("core.cancel.shop_manual", "confirm the Shopify step"),
        )
        orders = orders_of(session, row)
        now = rt.now()
        cancelled = state in (State.SHOP_CANCEL_TODO, State.SHOP_CANCEL_SENT)
        paid_in = currency or (orders.customer_order.currency if orders.customer_order else "EUR")
        if refunded_minor is None:
            order = orders.customer_order
            refunded_minor = max(order.total_minor - order.refunded_minor, 0) if order else 0
        money_trail.record_to_customer(session, row, now, refunded_minor, paid_in)
        customer = orders.customer_order
        if customer is not None and customer.id is not None:
            customer.refunded_minor += refunded_minor
            if cancelled and customer.cancelled_at is None:
                customer.cancelled_at = now
            session.add(customer)
            journal.record(
                session,
                "customer_order.shop_step_confirmed",
                "customer_order",
                customer.id,
                {"cancelled": cancelled, "refunded_minor": refunded_minor, "by": "merchant"},
                at=now,
            )
        target = State.SHOP_CANCELLED if cancelled else State.SHOP_REFUNDED
        move(
            session,
            row,
            target,
            now,
            {"manual": True, "refunded_minor": refunded_minor, "currency": paid_in},
            shop_done_at=now,
        )
    rt.on_step(f"state:{target.value}")
    settle(rt, cancellation_id)
