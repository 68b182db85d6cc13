"""Refunding on Shopify: preview with suggestedRefund, then refundCreate with an idempotency key.

The caller makes the key (`new_idempotency_key`), stores it before the first send, and passes
the same key on every retry, after a crash too: Shopify then answers with the refund it already
made instead of refunding twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from core.shopify import parse
from core.shopify.client import ShopifyClient
from core.shopify.errors import OrderNotFoundError, RefundRefusedError
from core.shopify.orders import order_gid
from core.shopify.results import (
    Money,
    Refund,
    RefundLineRequest,
    RefundTransactionRequest,
    SuggestedRefund,
)
from core.texts import Text

RESTOCK_TYPES = frozenset({"RETURN", "CANCEL", "LEGACY_RESTOCK", "NO_RESTOCK"})


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


def suggest_refund(
    client: ShopifyClient,
    order_id: str | int,
    lines: Sequence[RefundLineRequest] = (),
    *,
    refund_shipping: bool = False,
    full: bool = False,
) -> SuggestedRefund:
    """What Shopify would refund for these lines (or everything, `full`), and how."""
    gid = order_gid(order_id)
    data = client.run(
        "suggested_refund",
        {
            "id": gid,
            "refundLineItems": [_line_input(line) for line in lines] or None,
            "refundShipping": refund_shipping,
            "suggestFullRefund": full,
        },
    )
    order = data.get("order")
    if order is None:
        raise OrderNotFoundError(
            Text(
                "core.shopify.refunds",
                "Shopify ({client_shop}) has no order {number}.",
                client_shop=client.shop,
                number=_number(gid),
            )
        )
    return parse.suggested_refund(gid, parse.obj(order, "order").get("suggestedRefund"))


def create_refund(
    client: ShopifyClient,
    order_id: str | int,
    *,
    idempotency_key: str,
    lines: Sequence[RefundLineRequest] = (),
    transactions: Sequence[RefundTransactionRequest] = (),
    shipping: Money | None = None,
    note: str | None = None,
    notify: bool = False,
) -> Refund:
    """Create the refund once, whatever the number of retries with the same key."""
    if not idempotency_key or not idempotency_key.strip() or len(idempotency_key) > 255:
        raise ValueError("An idempotency key (1 to 255 characters, not blank) is required.")
    gid = order_gid(order_id)
    refund_input: dict[str, Any] = {
        "orderId": gid,
        "notify": notify,
        "refundLineItems": [_line_input(line) for line in lines],
        "transactions": [
            {
                "orderId": gid,
                "kind": "REFUND",
                "gateway": transaction.gateway,
                "amount": str(transaction.amount.amount),
                "parentId": transaction.parent_id,
            }
            for transaction in transactions
        ],
    }
    if shipping is not None and shipping.amount > 0:
        refund_input["shipping"] = {"amount": str(shipping.amount)}
    if note:
        refund_input["note"] = note
    data = client.run("refund_create", {"input": refund_input, "key": idempotency_key})
    payload = parse.obj(data.get("refundCreate"), "refundCreate")
    details = parse.user_errors(payload.get("userErrors"))
    if details:
        said = "; ".join(detail.message for detail in details)
        raise RefundRefusedError(
            Text(
                "core.shopify.refunds",
                "Shopify would not refund order {number}: {said}.",
                number=_number(gid),
                said=said,
            ),
            details,
        )
    return parse.refund(payload)


def create_refund_as_suggested(
    client: ShopifyClient,
    suggestion: SuggestedRefund,
    *,
    idempotency_key: str,
    note: str | None = None,
    notify: bool = False,
) -> Refund:
    """Create exactly the refund Shopify suggested (its lines, shipping and transactions)."""
    return create_refund(
        client,
        suggestion.order_gid,
        idempotency_key=idempotency_key,
        lines=[
            RefundLineRequest(line.line_item_gid, line.quantity, line.restock_type)
            for line in suggestion.lines
        ],
        transactions=[
            RefundTransactionRequest(item.amount, item.gateway or "", item.parent_id)
            for item in suggestion.transactions
            if item.amount.amount > 0
        ],
        shipping=suggestion.shipping,
        note=note,
        notify=notify,
    )


def _line_input(line: RefundLineRequest) -> dict[str, Any]:
    if line.restock_type not in RESTOCK_TYPES:
        raise ValueError(f"{line.restock_type!r} is not one of Shopify's restock types.")
    if line.quantity <= 0:
        raise ValueError("A refunded line needs a quantity of at least 1.")
    return {
        "lineItemId": line.line_item_gid,
        "quantity": line.quantity,
        "restockType": line.restock_type,
    }


def _number(gid: str) -> str:
    return gid.rsplit("/", 1)[-1]
