"""Reading orders: by id (all lines), by exact name, and page by page since a moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from core.shopify import (
    OrderNotFoundError,
    find_order_by_name,
    get_order,
    iter_order_pages,
    order_gid,
)
from core.shopify.orders import updated_since_query
from tests.core.shopify.conftest import MakeClient
from tests.fakes.shopify_server import FakeShopify


def test_order_by_id_has_every_line_and_exact_money(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    lines = [(f"Lamp {i}", f"L-{i}", 1 + i % 2, Decimal("12.50") + i) for i in range(7)]
    fake = fake_shopify.state.add_order(lines=lines, fulfilled=True, note="AE 8100000000000001")
    order = get_order(make_client(), fake.legacy_id)  # a legacy id works as well as a gid
    assert order.gid == fake.gid and order.legacy_id == fake.legacy_id
    assert [line.title for line in order.lines] == [f"Lamp {i}" for i in range(7)]
    assert order.lines[3].unit_price.amount == Decimal("15.50")
    assert order.lines[3].unit_price.minor == 1550
    assert order.total.amount == fake.total and order.total.currency == "EUR"
    assert order.total.minor == int(fake.total * 100)
    assert order.fulfillment_status == "FULFILLED"
    assert {line.fulfillment_status for line in order.lines} == {"fulfilled"}
    assert order.created_at.tzinfo is not None and order.note == "AE 8100000000000001"
    operations = [e.operation for e in fake_shopify.graphql_log()]
    assert operations == ["OrderById", "OrderLines"]  # 5 lines first, then the other 2


def test_order_by_name_keeps_only_the_exact_match(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake_shopify.state.add_order(name="#10010")
    wanted = fake_shopify.state.add_order(name="#1001")
    fake_shopify.state.add_order(name="#10011")
    client = make_client()
    assert find_order_by_name(client, "#1001").gid == wanted.gid
    assert find_order_by_name(client, " 1001 ").gid == wanted.gid
    assert fake_shopify.graphql_log()[0].variables["query"] == "name:#1001"
    with pytest.raises(OrderNotFoundError, match="#100"):
        find_order_by_name(client, "#100")  # loose search finds three, none is #100


def test_unknown_order_is_not_found(make_client: MakeClient) -> None:
    with pytest.raises(OrderNotFoundError, match="no order 999"):
        get_order(make_client(), "gid://shopify/Order/999")


def test_order_gid_accepts_ids_and_refuses_junk() -> None:
    assert order_gid(1001) == order_gid("1001") == "gid://shopify/Order/1001"
    assert order_gid("gid://shopify/Order/7") == "gid://shopify/Order/7"
    for junk in ("gid://shopify/Product/7", "", "#1001", -1, True):
        with pytest.raises(ValueError):
            order_gid(junk)


def test_pages_cover_every_changed_order_once(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    made = fake_shopify.state.add_orders(95, start=start, same_second=4)
    since = start + timedelta(seconds=10)  # orders 40.. changed at or after this second
    pages = list(iter_order_pages(make_client(), since, page_size=20))
    gids = [order.gid for page in pages for order in page.orders]
    assert gids == [order.gid for order in made[40:]]
    assert [len(page.orders) for page in pages] == [20, 20, 15]
    assert [page.has_next_page for page in pages] == [True, True, False]
    queries = {
        e.variables["query"]
        for e in fake_shopify.graphql_log()
        if e.operation == "OrdersUpdatedSince"
    }
    assert queries == {"updated_at:>='2026-03-01T09:00:10Z'"}


def test_since_query_is_at_or_after_in_utc() -> None:
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 3, 1, 10, 0, 5, tzinfo=ZoneInfo("Europe/Berlin"))
    assert updated_since_query(moment) == "updated_at:>='2026-03-01T09:00:05Z'"
    assert updated_since_query(None) == ""
    with pytest.raises(ValueError, match="naive"):
        updated_since_query(datetime(2026, 3, 1))
