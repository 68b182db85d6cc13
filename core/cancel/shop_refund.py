"""Step 4b: refund on Shopify (a fulfilled or shipped order), safely across crashes.

First a preview: Shopify's `suggestedRefund` for every unit still on the order, restocked as
RETURN when fulfilled and CANCEL when not. Sending is refundCreate with an idempotency key that
is generated and stored (its own transaction) before the first send; the intent records the
exact request, so every retry and every resume after a crash replays the same request with the
same key and Shopify answers with the one refund it made.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.cancel import money_trail
from core.cancel.chain import settle
from core.cancel.errors import (
    CancelError,
    ShopOutcomePendingError,
    ShopStepFailedError,
    StepUnavailableError,
)
from core.cancel.messages import not_sent, refused_by_shopify
from core.cancel.orders import orders_of
from core.cancel.ports import ShopPort
from core.cancel.record import load, move, note, require_state
from core.cancel.runtime import Runtime
from core.cancel.shop_cancel import require_shop
from core.cancel.shop_entry import enter, latest_payload
from core.cancel.states import FINAL, State
from core.ledger.models import CustomerOrder
from core.shopify import (
    Money,
    Order,
    Refund,
    RefundLineRequest,
    RefundRefusedError,
    RefundTransactionRequest,
    ShopifyError,
    ShopifyQueryError,
    ShopifyUnavailableError,
    new_idempotency_key,
)
from core.texts import Text

KEY_MISMATCH = "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"


@dataclass(frozen=True)
class RefundRequest:
    """Exactly what refundCreate is sent; stored with the intent and replayed as is."""

    order_gid: str
    lines: tuple[tuple[str, int, str], ...]  # line item gid, quantity, restock type
    transactions: tuple[tuple[str, str, str, str | None], ...]  # amount, currency, gateway, parent
    shipping: tuple[str, str] | None  # amount, currency

    def to_json(self) -> dict[str, Any]:
        return {
            "order_gid": self.order_gid,
            "lines": [list(line) for line in self.lines],
            "transactions": [list(item) for item in self.transactions],
            "shipping": list(self.shipping) if self.shipping else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RefundRequest:
        shipping = data.get("shipping")
        return cls(
            order_gid=str(data["order_gid"]),
            lines=tuple((str(g), int(q), str(r)) for g, q, r in data["lines"]),
            transactions=tuple(
                (str(a), str(c), str(g), None if p is None else str(p))
                for a, c, g, p in data["transactions"]
            ),
            shipping=(str(shipping[0]), str(shipping[1])) if shipping else None,
        )


@dataclass(frozen=True)
class PreviewLine:
    line_gid: str
    title: str
    quantity: int
    restock_type: str  # RETURN (fulfilled units) or CANCEL (unfulfilled units)
    subtotal_minor: int


@dataclass(frozen=True)
class RefundPreview:
    """What Shopify would refund, shown before anything is sent."""

    order_name: str
    currency: str
    lines: tuple[PreviewLine, ...]
    shipping_minor: int
    total_minor: int
    maximum_minor: int
    refunded_before_minor: int
    request: RefundRequest


def refund_lines(order: Order) -> list[RefundLineRequest]:
    """Every unit still on the order: RETURN for fulfilled ones, CANCEL for the rest."""
    wanted = []
    for line in order.lines:
        current = max(line.current_quantity, 0)
        unfulfilled = min(max(line.unfulfilled_quantity, 0), current)
        if current - unfulfilled:
            wanted.append(RefundLineRequest(line.gid, current - unfulfilled, "RETURN"))
        if unfulfilled:
            wanted.append(RefundLineRequest(line.gid, unfulfilled, "CANCEL"))
    return wanted


def preview_refund(
    rt: Runtime, cancellation_id: int, *, refund_shipping: bool = True
) -> RefundPreview:
    shop = require_shop(rt)
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        state = State(row.state)
        if state in FINAL or row.shop_done_at is not None:
            raise StepUnavailableError(
                Text(
                    "core.cancel.shop_refund",
                    "There is nothing left to refund in this cancellation.",
                )
            )
        ref = orders_of(session, row).shop_ref
    if ref is None:
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_refund",
                "The linked order has no Shopify id: refund it in the Shopify admin "
                "and confirm here.",
            ),
        )
    try:
        order = shop.get_order(ref)
        lines = refund_lines(order)
        suggestion = shop.suggest_refund(order.gid, lines, refund_shipping=refund_shipping)
    except ShopifyError as error:
        raise ShopStepFailedError(str(error)) from None
    titles = {line.gid: line.title for line in order.lines}
    request = RefundRequest(
        order_gid=order.gid,
        lines=tuple((s.line_item_gid, s.quantity, s.restock_type) for s in suggestion.lines),
        transactions=tuple(
            (str(t.amount.amount), t.amount.currency, t.gateway or "", t.parent_id)
            for t in suggestion.transactions
            if t.amount.amount > 0
        ),
        shipping=(
            (str(suggestion.shipping.amount), suggestion.shipping.currency)
            if suggestion.shipping.amount > 0
            else None
        ),
    )
    return RefundPreview(
        order_name=order.name,
        currency=suggestion.amount.currency,
        lines=tuple(
            PreviewLine(
                s.line_item_gid,
                titles.get(s.line_item_gid, ""),
                s.quantity,
                s.restock_type,
                s.subtotal.minor,
            )
            for s in suggestion.lines
        ),
        shipping_minor=suggestion.shipping.minor,
        total_minor=suggestion.amount.minor,
        maximum_minor=suggestion.maximum_refundable.minor,
        refunded_before_minor=order.refunded.minor,
        request=request,
    )


def refund_on_shop(
    rt: Runtime,
    cancellation_id: int,
    preview: RefundPreview,
    *,
    note_text: str | None = None,
    notify_customer: bool = False,
    acknowledge_out_of_pocket: bool = False,
) -> None:
    shop = require_shop(rt)
    if preview.total_minor <= 0:
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_refund",
                "Shopify suggests refunding nothing: there is nothing to send.",
            )
        )
    enter(
        rt,
        cancellation_id,
        "refund",
        acknowledge_out_of_pocket=acknowledge_out_of_pocket,
        action=Text("core.cancel.shop_refund", "refund on Shopify"),
    )
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row, {State.SHOP_REFUND_TODO}, Text("core.cancel.shop_refund", "refund on Shopify")
        )
        made = row.refund_idempotency_key is None
        if made:  # its own transaction, before anything is sent
            note(
                session,
                row,
                "shop_refund_key",
                rt.now(),
                {},
                refund_idempotency_key=new_idempotency_key(),
            )
    if made:
        rt.on_step("shop_refund:key_saved")
    intent = {
        "request": preview.request.to_json(),
        "note": note_text,
        "notify": notify_customer,
        "refunded_before_minor": preview.refunded_before_minor,
        "total_minor": preview.total_minor,
        "currency": preview.currency,
    }
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row, {State.SHOP_REFUND_TODO}, Text("core.cancel.shop_refund", "refund on Shopify")
        )
        move(session, row, State.SHOP_REFUND_SENT, rt.now(), intent)
    rt.on_step(f"state:{State.SHOP_REFUND_SENT.value}")
    _replay(rt, shop, cancellation_id)
    settle(rt, cancellation_id)


def resume_refund(rt: Runtime, cancellation_id: int) -> None:
    _replay(rt, require_shop(rt), cancellation_id)
    settle(rt, cancellation_id)


def _replay(rt: Runtime, shop: ShopPort, cancellation_id: int) -> None:
    """Send the stored request with the stored key (again); Shopify refunds at most once."""
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row,
            {State.SHOP_REFUND_SENT},
            Text("core.cancel.shop_refund", "send the refund to Shopify"),
        )
        event, intent = latest_payload(session, row, State.SHOP_REFUND_SENT)
        key = row.refund_idempotency_key
    if not key:
        raise CancelError(
            Text(
                "core.cancel.shop_refund",
                "The refund has no idempotency key; it cannot be sent safely.",
            )
        )
    request = RefundRequest.from_json(intent["request"])
    before = int(intent["refunded_before_minor"])
    if event.at is not None and rt.now() - event.at > rt.key_trust:
        # Shopify may have forgotten the key by now: believe the order's refunded total.
        try:
            order = shop.get_order(request.order_gid)
        except ShopifyError as error:
            raise ShopOutcomePendingError(
                Text(
                    "core.cancel.shop_refund",
                    "{error} The refund is sent again later.",
                    error=error.text,
                )
            ) from None
        if order.refunded.minor >= before + int(intent["total_minor"]):
            _finish(rt, cancellation_id, order.refunded.minor - before, order.currency, None, order)
            return
    try:
        refund = shop.create_refund(
            request.order_gid,
            idempotency_key=key,
            lines=[RefundLineRequest(g, q, r) for g, q, r in request.lines],
            transactions=[
                RefundTransactionRequest(Money(Decimal(a), c), g, p)
                for a, c, g, p in request.transactions
            ],
            shipping=Money(Decimal(request.shipping[0]), request.shipping[1])
            if request.shipping
            else None,
            note=intent.get("note"),
            notify=bool(intent.get("notify")),
        )
    except RefundRefusedError as error:
        # A definite no: nothing was refunded. A new attempt may differ, so it gets a new key.
        _revert(rt, cancellation_id, refused_by_shopify(error))
        raise ShopStepFailedError(str(error)) from None
    except ShopifyUnavailableError as error:
        raise ShopOutcomePendingError(
            Text(
                "core.cancel.shop_refund",
                "{error} Dropdesk sends the same refund again with the same key later; Shopify "
                "will not refund twice.",
                error=error.text,
            )
        ) from None
    except ShopifyQueryError as error:
        if error.code == KEY_MISMATCH:
            raise CancelError(
                Text(
                    "core.cancel.shop_refund",
                    "Shopify saw this refund's key with other amounts. Look at the order's "
                    "refunds in the Shopify admin before doing anything else.",
                )
            ) from None
        _revert(rt, cancellation_id, not_sent(error), keep_key=True)
        raise ShopStepFailedError(str(error)) from None
    except ShopifyError as error:  # refused before acting: auth, scope, throttling
        _revert(rt, cancellation_id, not_sent(error), keep_key=True)
        raise ShopStepFailedError(str(error)) from None
    rt.on_step("shop_refund:answered")
    _finish(rt, cancellation_id, refund.total.minor, refund.total.currency, refund, None)


def _finish(
    rt: Runtime,
    cancellation_id: int,
    amount_minor: int,
    currency: str,
    refund: Refund | None,
    order: Order | None,
) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row, {State.SHOP_REFUND_SENT}, Text("core.cancel.shop_refund", "record the refund")
        )
        now = rt.now()
        money_trail.record_to_customer(
            session,
            row,
            now,
            amount_minor,
            currency,
            shopify_refund_gid=refund.gid if refund else None,
        )
        customer = (
            session.get(CustomerOrder, row.customer_order_id) if row.customer_order_id else None
        )
        if customer is not None:
            refunded = (
                refund.order_refunded.minor if refund else order.refunded.minor if order else None
            )
            if refunded is not None:
                customer.refunded_minor = refunded
            status = (
                refund.order_financial_status if refund else order.financial_status if order else ""
            )
            if status:
                customer.financial_status = status.lower()
            session.add(customer)
        move(
            session,
            row,
            State.SHOP_REFUNDED,
            now,
            {
                "refunded_minor": amount_minor,
                "currency": currency,
                "shopify_refund_gid": refund.gid if refund else None,
            },
            shop_done_at=now,
        )
    rt.on_step(f"state:{State.SHOP_REFUNDED.value}")


def _revert(rt: Runtime, cancellation_id: int, why: Text, *, keep_key: bool = False) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        changes: dict[str, Any] = {} if keep_key else {"refund_idempotency_key": None}
        move(session, row, State.SHOP_REFUND_TODO, rt.now(), {"why": why.stored()}, **changes)
    rt.on_step(f"state:{State.SHOP_REFUND_TODO.value}")
