"""Turn Admin API JSON into the dataclasses of `core.shopify.results`.

Shopify's shapes are trusted only as far as the documents ask for them: a missing or odd value
becomes a ShopifyQueryError naming the field, never a KeyError deep inside the GUI. So do values
no real shop has and the ledger cannot store: ids beyond SQLite's 64-bit integers, amounts of a
trillion or more, instants at the very ends of the calendar.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from core.shopify.errors import ShopifyQueryError, UserErrorDetail
from core.shopify.results import (
    Money,
    Order,
    OrderLine,
    Refund,
    ShopInfo,
    ShopPolicy,
    SuggestedRefund,
    SuggestedRefundLine,
    SuggestedTransaction,
)

MAX_INTEGER = 2**63 - 1  # SQLite's INTEGER
MAX_AMOUNT = Decimal(10) ** 12


def _bad(what: str) -> ShopifyQueryError:
    return ShopifyQueryError(f"Shopify's answer has an unexpected {what}.")


def obj(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _bad(what)
    return value


def text(node: Mapping[str, Any], key: str, *, default: str | None = None) -> str:
    value = node.get(key)
    if value is None and default is not None:
        return default
    if not isinstance(value, str):
        raise _bad(key)
    return value


def integer(node: Mapping[str, Any], key: str) -> int:
    value = node.get(key)
    if isinstance(value, bool):
        raise _bad(key)
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 20:
        value = int(value)  # UnsignedInt64 comes as text
    if isinstance(value, int) and abs(value) <= MAX_INTEGER:
        return value
    raise _bad(key)


def instant(node: Mapping[str, Any], key: str) -> datetime:
    value = text(node, key)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _bad(key) from None
    if moment.tzinfo is None:
        raise _bad(key)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:00:00-05:00
        raise _bad(key) from None


def optional_instant(node: Mapping[str, Any], key: str) -> datetime | None:
    return None if node.get(key) is None else instant(node, key)


def money(bag: Any, what: str) -> Money:
    """A MoneyBag's shop-currency amount."""
    shop_money = obj(obj(bag, what).get("shopMoney"), what)
    try:
        amount = Decimal(text(shop_money, "amount"))
    except InvalidOperation:
        raise _bad(what) from None
    if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
        raise _bad(what)
    return Money(amount, text(shop_money, "currencyCode"))


def shop_info(data: Mapping[str, Any]) -> ShopInfo:
    shop = obj(data.get("shop"), "shop")
    return ShopInfo(
        name=text(shop, "name"),
        currency=text(shop, "currencyCode"),
        myshopify_domain=text(shop, "myshopifyDomain"),
    )


def line(node: Any) -> OrderLine:
    node = obj(node, "line item")
    return OrderLine(
        gid=text(node, "id"),
        title=text(node, "title", default=""),
        sku=text(node, "sku", default=""),
        quantity=integer(node, "quantity"),
        current_quantity=integer(node, "currentQuantity"),
        unfulfilled_quantity=integer(node, "unfulfilledQuantity"),
        unit_price=money(node.get("originalUnitPriceSet"), "line item price"),
    )


def line_page(connection: Any) -> tuple[tuple[OrderLine, ...], str | None]:
    """The lines of a lineItems connection and the cursor to the next page (None: no more)."""
    connection = obj(connection, "lineItems")
    nodes = connection.get("nodes")
    if not isinstance(nodes, list):
        raise _bad("lineItems")
    info = obj(connection.get("pageInfo"), "pageInfo")
    after = info.get("endCursor") if info.get("hasNextPage") is True else None
    if after is not None and not isinstance(after, str):
        raise _bad("pageInfo")
    return tuple(line(node) for node in nodes), after


def order(node: Any) -> tuple[Order, str | None]:
    """The order and, when it has more line items than were fetched, the cursor to the rest."""
    node = obj(node, "order")
    lines, more_lines = line_page(node.get("lineItems"))
    customer = node.get("customer")
    customer_name = ""
    if isinstance(customer, Mapping) and isinstance(customer.get("displayName"), str):
        customer_name = customer["displayName"]
    tags = node.get("tags") or []
    attributes = node.get("customAttributes") or []
    if not isinstance(tags, list) or not isinstance(attributes, list):
        raise _bad("tags")
    parsed = Order(
        gid=text(node, "id"),
        legacy_id=integer(node, "legacyResourceId"),
        name=text(node, "name"),
        created_at=instant(node, "createdAt"),
        processed_at=instant(node, "processedAt"),
        updated_at=instant(node, "updatedAt"),
        cancelled_at=optional_instant(node, "cancelledAt"),
        cancel_reason=node.get("cancelReason")
        if isinstance(node.get("cancelReason"), str)
        else None,
        currency=text(node, "currencyCode"),
        total=money(node.get("totalPriceSet"), "order total"),
        refunded=money(node.get("totalRefundedSet"), "refunded total"),
        financial_status=text(node, "displayFinancialStatus", default=""),
        fulfillment_status=text(node, "displayFulfillmentStatus", default=""),
        refundable=node.get("refundable") is True,
        customer_name=customer_name,
        email=text(node, "email", default=""),
        customer_locale=text(node, "customerLocale", default=""),
        note=text(node, "note", default=""),
        tags=tuple(str(tag) for tag in tags),
        custom_attributes=tuple(
            (text(obj(item, "attribute"), "key"), text(item, "value", default=""))
            for item in attributes
        ),
        lines=lines,
    )
    return parsed, more_lines


def suggested_refund(order_gid: str, node: Any) -> SuggestedRefund:
    node = obj(node, "suggestedRefund")
    shipping = obj(node.get("shipping"), "refund shipping")
    lines = node.get("refundLineItems") or []
    transactions = node.get("suggestedTransactions") or []
    if not isinstance(lines, list) or not isinstance(transactions, list):
        raise _bad("suggestedRefund")
    return SuggestedRefund(
        order_gid=order_gid,
        amount=money(node.get("amountSet"), "refund amount"),
        maximum_refundable=money(node.get("maximumRefundableSet"), "refundable amount"),
        subtotal=money(node.get("subtotalSet"), "refund subtotal"),
        shipping=money(shipping.get("amountSet"), "refund shipping"),
        shipping_maximum=money(shipping.get("maximumRefundableSet"), "refundable shipping"),
        lines=tuple(
            SuggestedRefundLine(
                line_item_gid=text(obj(obj(item, "refund line").get("lineItem"), "line"), "id"),
                quantity=integer(item, "quantity"),
                restock_type=text(item, "restockType"),
                price=money(item.get("priceSet"), "refund line price"),
                subtotal=money(item.get("subtotalSet"), "refund line subtotal"),
            )
            for item in lines
        ),
        transactions=tuple(_suggested_transaction(item) for item in transactions),
    )


def _suggested_transaction(node: Any) -> SuggestedTransaction:
    node = obj(node, "suggested transaction")
    parent = node.get("parentTransaction")
    maximum = node.get("maximumRefundableSet")
    return SuggestedTransaction(
        amount=money(node.get("amountSet"), "transaction amount"),
        maximum_refundable=None if maximum is None else money(maximum, "transaction maximum"),
        gateway=node.get("gateway") if isinstance(node.get("gateway"), str) else None,
        kind=text(node, "kind"),
        parent_id=text(parent, "id") if isinstance(parent, Mapping) else None,
    )


def refund(payload: Mapping[str, Any]) -> Refund:
    node = obj(payload.get("refund"), "refund")
    order_node = obj(payload.get("order"), "refund order")
    return Refund(
        gid=text(node, "id"),
        legacy_id=integer(node, "legacyResourceId"),
        created_at=optional_instant(node, "createdAt"),
        total=money(node.get("totalRefundedSet"), "refund total"),
        note=text(node, "note", default=""),
        order_financial_status=text(order_node, "displayFinancialStatus", default=""),
        order_refunded=money(order_node.get("totalRefundedSet"), "refunded total"),
    )


def shop_policy(node: Any) -> ShopPolicy:
    node = obj(node, "shop policy")
    return ShopPolicy(
        gid=text(node, "id"),
        kind=text(node, "type"),
        title=text(node, "title"),
        body=text(node, "body"),
        url=text(node, "url"),
        updated_at=instant(node, "updatedAt"),
    )


def user_errors(value: Any) -> tuple[UserErrorDetail, ...]:
    """A payload's userErrors as details (empty when there are none)."""
    if not isinstance(value, list):
        return ()
    details = []
    for item in value:
        if not isinstance(item, Mapping):
            continue
        field = item.get("field")
        code = item.get("code")
        details.append(
            UserErrorDetail(
                message=str(item.get("message", "")),
                field=tuple(str(part) for part in field) if isinstance(field, list) else (),
                code=code if isinstance(code, str) else None,
            )
        )
    return tuple(details)
