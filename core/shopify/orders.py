"""Reading orders: one by id, one by name, and every order changed since a moment."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Generator
from datetime import UTC, datetime
from typing import Any

from core.shopify import parse
from core.shopify.client import ShopifyClient
from core.shopify.errors import OrderNotFoundError, ShopifyQueryError
from core.shopify.results import Order, OrderLine, OrderPage
from core.texts import Text

#: Line items fetched with each order; orders with more get the rest in follow-up calls.
LINES_PER_ORDER = 5
#: Orders per page of a sync. Shopify caps a query's requested cost at 1000 points and nested
#: connections multiply: 2 + 40 orders x (9 + 3 x 5 lines) = 962. (A test checks this figure
#: against the fake's cost model; 250 orders per page would only fit without line items.)
ORDERS_PER_PAGE = 40
MORE_LINES_PER_PAGE = 100

# Fields an order is complete without: Shopify may withhold them (protected customer data, or
# a scope the app lacks, read_customers); they come back null and the client notes it.
_OPTIONAL = ("customer", "email")
_GID_PREFIX = "gid://shopify/Order/"
_PLAIN_TERM = re.compile(r"[A-Za-z0-9#_.-]+", re.ASCII)


def order_gid(order_id: str | int) -> str:
    """`gid://shopify/Order/<id>` from a gid or a legacy numeric id."""
    if isinstance(order_id, int) and not isinstance(order_id, bool) and order_id > 0:
        return f"{_GID_PREFIX}{order_id}"
    if isinstance(order_id, str):
        if order_id.isdigit():
            return f"{_GID_PREFIX}{int(order_id)}"
        if order_id.startswith(_GID_PREFIX) and order_id[len(_GID_PREFIX) :].isdigit():
            return order_id
    raise ValueError(f"{order_id!r} is not a Shopify order id.")


def get_order(client: ShopifyClient, order_id: str | int) -> Order:
    """The order with every line item; OrderNotFoundError when the shop has no such order."""
    gid = order_gid(order_id)
    data = client.run(
        "order_by_id", {"id": gid, "lines": LINES_PER_ORDER}, tolerate_denied=_OPTIONAL
    )
    if data.get("order") is None:
        raise OrderNotFoundError(
            Text(
                "core.shopify.orders",
                "Shopify ({client_shop}) has no order {value}. It may have been "
                "deleted, or it belongs to another shop.",
                client_shop=client.shop,
                value=gid.rsplit("/", 1)[-1],
            )
        )
    return _complete(client, *parse.order(data["order"]))


def find_order_by_name(client: ShopifyClient, name: str) -> Order:
    """The order named exactly `name` (e.g. "#1001"; "1001" means "#1001")."""
    wanted = name.strip()
    if wanted.isdigit():
        wanted = f"#{wanted}"
    if not wanted:
        raise ValueError("An order name such as #1001 is needed.")
    data = client.run(
        "orders_by_name",
        {"query": f"name:{_search_value(wanted)}", "lines": LINES_PER_ORDER},
        tolerate_denied=_OPTIONAL,
    )
    nodes = parse.obj(data.get("orders"), "orders").get("nodes")
    if not isinstance(nodes, list):
        raise ShopifyQueryError(
            Text(
                "core.shopify.orders",
                "Shopify's answer has an unexpected orders list.",
            )
        )
    for node in nodes:  # Shopify's search is loose (#1001 also finds #10010): keep exact only
        found, more_lines = parse.order(node)
        if found.name == wanted:
            return _complete(client, found, more_lines)
    raise OrderNotFoundError(
        Text(
            "core.shopify.orders",
            "Shopify ({client_shop}) has no order named {wanted}.",
            client_shop=client.shop,
            wanted=wanted,
        )
    )


def updated_since_query(since: datetime | None) -> str:
    """The search for orders changed at or after `since` (all orders when None).

    At-or-after, not after: a sync resumes from the last change time it stored, and orders
    sharing that second must not be skipped (reading one twice is harmless: upserts).
    """
    if since is None:
        return ""
    if since.tzinfo is None:
        raise ValueError("naive datetime: pass an aware instant")
    stamp = since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"updated_at:>='{stamp}'"


def count_orders_updated_since(client: ShopifyClient, since: datetime | None) -> int | None:
    """How many orders a sync from `since` will read; None when Shopify only gives a minimum."""
    data = client.run("orders_count", {"query": updated_since_query(since), "limit": None})
    count = data.get("ordersCount")
    if not isinstance(count, dict) or count.get("precision") != "EXACT":
        return None
    return parse.integer(count, "count")


def iter_order_pages(
    client: ShopifyClient,
    since: datetime | None,
    *,
    page_size: int = ORDERS_PER_PAGE,
    after: str | None = None,
) -> Generator[OrderPage, None, None]:
    """Pages of orders changed since `since`, oldest change first, each with all its lines."""
    variables: dict[str, Any] = {
        "first": page_size,
        "query": updated_since_query(since),
        "lines": LINES_PER_ORDER,
        "after": after,
    }
    while True:
        data = client.run("orders_updated_since", variables, tolerate_denied=_OPTIONAL)
        connection = parse.obj(data.get("orders"), "orders")
        nodes = connection.get("nodes")
        info = parse.obj(connection.get("pageInfo"), "pageInfo")
        if not isinstance(nodes, list):
            raise ShopifyQueryError(
                Text(
                    "core.shopify.orders",
                    "Shopify's answer has an unexpected orders list.",
                )
            )
        orders = tuple(_complete(client, *parse.order(node)) for node in nodes)
        cursor = info.get("endCursor") if isinstance(info.get("endCursor"), str) else None
        has_next = info.get("hasNextPage") is True and cursor is not None
        yield OrderPage(orders, cursor, has_next)
        if not has_next:
            return
        variables["after"] = cursor


def _complete(client: ShopifyClient, order: Order, after: str | None) -> Order:
    """The order with the line items beyond the first page fetched too."""
    if after is None:
        return order
    lines: list[OrderLine] = list(order.lines)
    while after is not None:
        data = client.run(
            "order_lines", {"id": order.gid, "first": MORE_LINES_PER_PAGE, "after": after}
        )
        node = data.get("order")
        if node is None:
            raise OrderNotFoundError(
                Text(
                    "core.shopify.orders",
                    "Order {order_name} disappeared from Shopify while reading it.",
                    order_name=order.name,
                )
            )
        more, after = parse.line_page(parse.obj(node, "order").get("lineItems"))
        lines.extend(more)
    return dataclasses.replace(order, lines=tuple(lines))


def _search_value(value: str) -> str:
    if _PLAIN_TERM.fullmatch(value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
