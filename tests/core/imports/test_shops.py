"""Orders belong to a shop: an export imported for one shop never changes another shop's orders
(the rule is in core.imports.shop_target). The shops' orders come from the real sync against
two fake Shopify shops over loopback."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema

from core.imports import import_shopify_csv
from core.imports.questions import Answers, AnswersNeeded
from core.imports.shop_target import OtherShopExportError, UnknownShopError
from core.ledger import Ledger
from core.shopify import AccessToken, ShopifyClient, ShopInfo, save_shop, sync_orders
from tests.catalogue import in_german
from tests.core.imports.conftest import DATA, count
from tests.fakes.shopify_server import ACCESS_TOKEN, FakeShopify, LoopbackTransport

START = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
SHOP_A = "shop-a.myshopify.com"
SHOP_B = "shop-b.myshopify.com"
HEADER = [
    "Name",
    "Email",
    "Financial Status",
    "Currency",
    "Total",
    "Created at",
    "Lineitem quantity",
    "Lineitem name",
    "Lineitem price",
    "Billing Name",
    "Id",
]


@dataclass
class TwoShops:
    ledger: Ledger
    a: int
    b: int
    a_ids: list[int]  # Shopify ids of shop A's orders
    b_ids: list[int]


def _sync(ledger: Ledger, fake: FakeShopify, currency: str) -> int:
    shop_id = save_shop(
        ledger,
        ShopInfo(fake.domain.split(".")[0], currency, fake.domain),
        api_version="2026-10",
        auth_kind="token",
    )
    client = ShopifyClient(
        fake.domain,
        AccessToken(ACCESS_TOKEN),
        transport=LoopbackTransport({fake.domain: fake.url}),
        timeout=2.0,
        sleep=lambda _seconds: None,
    )
    try:
        sync_orders(ledger, client, shop_id)
    finally:
        client.close()
    return shop_id


@pytest.fixture
def two_shops(ledger: Ledger, shopify_schema: GraphQLSchema) -> Iterator[TwoShops]:
    with (
        FakeShopify(shopify_schema, domain=SHOP_A) as a,
        FakeShopify(shopify_schema, domain=SHOP_B) as b,
    ):
        # Shopify ids are unique per platform; B's start elsewhere so the two syncs are apart.
        b.state._ids = itertools.count(5001)
        b.state._line_ids = itertools.count(95001)
        a_orders = a.state.add_orders(5, start=START)
        b_orders = b.state.add_orders(3, start=START)
        shop_a = _sync(ledger, a, "EUR")
        shop_b = _sync(ledger, b, "USD")
    yield TwoShops(
        ledger,
        shop_a,
        shop_b,
        [order.legacy_id for order in a_orders],
        [order.legacy_id for order in b_orders],
    )


def shop_rows(ledger: Ledger, shop_id: int) -> list[tuple[Any, ...]]:
    """Every column of the shop's orders and of their lines, as stored."""
    with ledger.engine.connect() as connection:
        orders = connection.exec_driver_sql(
            "SELECT * FROM customer_order WHERE shop_id = ? ORDER BY id", (shop_id,)
        ).all()
        lines = connection.exec_driver_sql(
            "SELECT l.* FROM customer_order_line l JOIN customer_order o ON o.id = l.order_id"
            " WHERE o.shop_id = ? ORDER BY l.id",
            (shop_id,),
        ).all()
    return [tuple(row) for row in orders] + [("line", *row) for row in lines]


def write_export(path: Path, orders: list[tuple[str, int | None, str]]) -> Path:
    """A small export of (name, Shopify id or None, total) orders, one line each."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        header = HEADER if all(i is not None for _, i, _ in orders) else HEADER[:-1]
        writer.writerow(header)
        for name, legacy_id, total in orders:
            row = [
                name,
                f"b{name[1:]}@example.com",
                "paid",
                "USD",
                total,
                "2026-02-01 09:00:00 -0500",
                "1",
                f"Item of {name}",
                total,
                "Bea Buyer",
            ]
            writer.writerow([*row, str(legacy_id)] if len(header) == len(HEADER) else row)
    return path


def test_another_shops_ids_are_refused_and_its_orders_stay_byte_for_byte(
    two_shops: TwoShops, tmp_path: Path
) -> None:
    ledger = two_shops.ledger
    a_before = shop_rows(ledger, two_shops.a)
    assert len(a_before) == 5 + sum(1 for row in a_before if row[0] == "line")
    b_ids = two_shops.b_ids
    clash = two_shops.a_ids[:2]  # B's export shares these ids with A's synced orders
    export = write_export(
        tmp_path / "shop_b_export.csv",
        [
            (f"#{b_ids[0]}", b_ids[0], "120.00"),
            (f"#{b_ids[1]}", b_ids[1], "130.00"),
            (f"#{b_ids[2]}", b_ids[2], "140.00"),
            ("#B-7", clash[0], "9.99"),
            ("#B-8", clash[1], "8.88"),
        ],
    )

    summary = import_shopify_csv(ledger, export, answers=Answers(shop=SHOP_B))

    assert shop_rows(ledger, two_shops.a) == a_before
    assert (summary.added, summary.updated) == (0, 3)
    assert [(r.line, r.column) for r in summary.refused] == [(5, "Id"), (6, "Id")]
    assert summary.refused[0].reason == (
        f"order id {clash[0]} is order #{clash[0]} of {SHOP_A} in the ledger and this import "
        f"is for {SHOP_B}: the other shop's order is left as it is"
    )
    german = in_german(summary.refused[1].text)
    assert SHOP_A in german and "dieser Import ist für" in german
    with ledger.engine.connect() as connection:
        totals = connection.exec_driver_sql(
            "SELECT legacy_id, total_minor, shop_id FROM customer_order"
            " WHERE shop_id = ? ORDER BY legacy_id",
            (two_shops.b,),
        ).all()
    assert totals == [(b_ids[0], 12000, 2), (b_ids[1], 13000, 2), (b_ids[2], 14000, 2)]
    assert summary.reading.shop == SHOP_B


def test_an_export_that_is_mostly_another_shops_is_refused_whole(
    two_shops: TwoShops, tmp_path: Path
) -> None:
    ledger = two_shops.ledger
    a_before, b_before = shop_rows(ledger, two_shops.a), shop_rows(ledger, two_shops.b)
    events = count(ledger, "event")
    a_ids, b_ids = two_shops.a_ids, two_shops.b_ids
    export = write_export(
        tmp_path / "shop_a_export.csv",
        [
            ("#1", a_ids[0], "1.00"),
            ("#2", a_ids[1], "2.00"),
            ("#3", a_ids[2], "3.00"),
            ("#4", b_ids[0], "4.00"),
        ],
    )

    for dry_run in (True, False):
        with pytest.raises(OtherShopExportError) as raised:
            import_shopify_csv(ledger, export, answers=Answers(shop=SHOP_B), dry_run=dry_run)
        assert str(raised.value) == (
            "shop_a_export.csv looks like another shop's export: 3 of its 4 orders belong to "
            f"another shop in the ledger, and this import is for {SHOP_B}. Nothing was "
            "imported. Choose the shop the export is from."
        )

    assert shop_rows(ledger, two_shops.a) == a_before
    assert shop_rows(ledger, two_shops.b) == b_before
    assert count(ledger, "event") == events


def test_several_shops_ask_which_one(two_shops: TwoShops, tmp_path: Path) -> None:
    ledger = two_shops.ledger
    export = write_export(tmp_path / "export.csv", [("#9001", 9001, "5.00")])
    with pytest.raises(AnswersNeeded) as raised:
        import_shopify_csv(ledger, export)
    (question,) = raised.value.questions
    assert (question.kind, question.choices) == ("shop", (SHOP_A, SHOP_B))

    preview = import_shopify_csv(ledger, export, dry_run=True, provisional=True)
    assert [q.kind for q in preview.questions] == ["shop"] and preview.added == 1

    with pytest.raises(UnknownShopError, match="shop-c"):
        import_shopify_csv(ledger, export, answers=Answers(shop="shop-c"))
    summary = import_shopify_csv(ledger, export, answers=Answers(shop="shop-a"))  # the handle
    assert summary.added == 1 and summary.reading.shop == SHOP_A


def test_names_are_matched_only_within_the_shop(two_shops: TwoShops, tmp_path: Path) -> None:
    """A file without Id matches by name, but #1001 of shop A is not #1001 of shop B."""
    ledger = two_shops.ledger
    a_before = shop_rows(ledger, two_shops.a)
    a_name = f"#{two_shops.a_ids[0]}"
    export = write_export(tmp_path / "no_ids.csv", [(a_name, None, "7.00")])

    summary = import_shopify_csv(ledger, export, answers=Answers(shop=SHOP_B))

    assert (summary.added, summary.updated, summary.refused) == (1, 0, [])
    assert shop_rows(ledger, two_shops.a) == a_before
    again = import_shopify_csv(ledger, export, answers=Answers(shop=SHOP_B))
    assert (again.added, again.unchanged) == (0, 1)


def test_the_one_shop_takes_orders_imported_before_it_was_connected(ledger: Ledger) -> None:
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    with ledger.engine.connect() as connection:
        owners = connection.exec_driver_sql("SELECT DISTINCT shop_id FROM customer_order").all()
    assert owners == [(None,)]
    shop_id = save_shop(
        ledger, ShopInfo("A", "EUR", SHOP_A), api_version="2026-10", auth_kind="token"
    )

    summary = import_shopify_csv(ledger, DATA / "orders_shopify.csv")

    assert (summary.added, summary.updated, summary.refused) == (0, 4, [])
    with ledger.engine.connect() as connection:
        owners = connection.exec_driver_sql("SELECT DISTINCT shop_id FROM customer_order").all()
    assert owners == [(shop_id,)]
