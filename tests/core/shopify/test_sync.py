"""Order sync into the ledger: paginated, throttled, resumable, never duplicating."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime

import pytest
from graphql import GraphQLSchema
from sqlalchemy import text
from sqlmodel import select

from core.ledger import Ledger
from core.ledger.models import CustomerOrder, CustomerOrderLine, Event, Shop
from core.shopify import (
    ShopifyUnavailableError,
    ShopInfo,
    save_shop,
    sync_orders,
)
from tests.core.shopify.conftest import MakeClient, Sleeper
from tests.fakes.shopify_server import FakeShopify, LoopbackTransport
from tests.fakes.shopify_store import iso

START = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)


def _shop(ledger: Ledger, fake: FakeShopify) -> int:
    info = ShopInfo(fake.state.name, "EUR", fake.domain)
    return save_shop(ledger, info, api_version="2026-10", auth_kind="token")


def _counts(ledger: Ledger) -> tuple[int, int, int, int]:
    with ledger.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT (SELECT count(*) FROM customer_order),"
                " (SELECT count(DISTINCT shopify_gid) FROM customer_order),"
                " (SELECT count(*) FROM customer_order_line),"
                " (SELECT count(DISTINCT shopify_gid) FROM customer_order_line)"
            )
        ).one()
    return row[0], row[1], row[2], row[3]


def _events(ledger: Ledger) -> list[dict[str, object]]:
    with ledger.session() as session:
        events = session.exec(select(Event).where(Event.kind == "shopify_sync")).all()
        return [json.loads(event.payload) for event in events]


def test_two_thousand_orders_under_throttling(
    ledger: Ledger, shopify_schema: GraphQLSchema, make_client: MakeClient
) -> None:
    """Finishes, stores each order once, and waits about as long as the bucket dictates."""
    restore_rate = 6000.0
    with FakeShopify(shopify_schema, bucket_size=1000, restore_rate=restore_rate) as fake:
        made = fake.state.add_orders(2000, start=START)
        sleeper = Sleeper(real=True)
        client = make_client(
            transport=LoopbackTransport({fake.domain: fake.url}), sleep=sleeper, timeout=10.0
        )
        shop_id = _shop(ledger, fake)
        progress: list[tuple[int, int | None]] = []
        started = time.monotonic()
        report = sync_orders(ledger, client, shop_id, progress=lambda *p: progress.append(p))
        elapsed = time.monotonic() - started
        log = fake.graphql_log()

    assert report.orders == 2000 and report.pages == 50 and not report.cancelled
    orders, distinct_orders, lines, distinct_lines = _counts(ledger)
    expected_lines = sum(len(order.lines) for order in made)
    assert (orders, distinct_orders) == (2000, 2000)
    assert (lines, distinct_lines) == (expected_lines, expected_lines)
    assert progress[0] == (0, 2000) and progress[-1] == (2000, 2000)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    with ledger.session() as session:
        shop = session.get(Shop, shop_id)
        assert shop is not None and shop.last_sync_at is not None
        assert shop.sync_cursor == iso(made[-1].updated_at)
        seven = session.exec(
            select(CustomerOrderLine)
            .join(CustomerOrder, CustomerOrder.id == CustomerOrderLine.order_id)  # type: ignore[arg-type]
            .where(CustomerOrder.shopify_gid == made[99].gid)
        ).all()
        assert len(seven) == 7  # more lines than fit the page: fetched in a follow-up
    assert _events(ledger)[-1]["outcome"] == "completed"

    # What the bucket dictates: everything but the last call's actual cost, plus the last
    # call's requested cost, must flow in at restoreRate beyond the full bucket we started with.
    served = [entry for entry in log if not entry.throttled]
    needed = sum(e.actual or 0 for e in served[:-1]) + (served[-1].requested or 0) - 1000
    dictated = needed / restore_rate
    # Over-waiting: a call that arrives after a sleep with more points in the bucket than it
    # needs was held back longer than necessary (by at most that surplus, at most the sleep).
    excess = 0.0
    previous = started
    for entry in log:
        slept = [
            w
            for w, end in zip(sleeper.waits, sleeper.ended, strict=True)
            if previous <= end <= entry.at
        ]
        if slept and entry.available is not None and entry.requested is not None:
            surplus = max(entry.available - entry.requested, 0.0) / restore_rate
            excess += min(sum(slept), surplus)
        previous = entry.at
    waited = sleeper.total
    print(
        f"\nsync of 2000 orders: {len(served)} calls, {sum(e.actual or 0 for e in served)} points,"
        f" bucket dictates {dictated:.2f} s, took {elapsed:.2f} s, slept {waited:.2f} s"
        f" in {len(sleeper.waits)} waits, of which {excess:.3f} s more than needed;"
        f" THROTTLED answers: {client.stats.throttled_answers}"
    )
    assert dictated > 3.0
    assert elapsed >= dictated * 0.97  # the fake's bucket really held the client back
    if elapsed < 2 * dictated:  # a machine fast enough to outrun the bucket had to wait for it
        assert waited > 0.5
    # The only waiting beyond need is the jitter (<= 10 % + 10 ms a wait) and request latency.
    assert excess <= 0.1 * waited + 0.015 * len(sleeper.waits) + 0.05
    assert client.stats.throttled_answers <= 3  # pacing, not refusals, did the waiting


def test_sync_resumes_after_cancel_without_skipping_or_duplicating(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    made = fake_shopify.state.add_orders(300, start=START, same_second=3)
    shop_id = _shop(ledger, fake_shopify)
    client = make_client()
    cancel = threading.Event()

    def stop_after_first_page(done: int, total: int | None) -> None:
        if done >= 40:
            cancel.set()

    first = sync_orders(ledger, client, shop_id, progress=stop_after_first_page, cancel=cancel)
    assert first.cancelled and first.orders == 40 and first.pages == 1
    assert _counts(ledger)[:2] == (40, 40)
    with ledger.session() as session:
        shop = session.get(Shop, shop_id)
        assert shop is not None and shop.sync_cursor == iso(made[39].updated_at)
    # Orders 39, 40 and 41 share one second: the page ended inside that group.
    assert made[39].updated_at == made[40].updated_at == made[41].updated_at

    second = sync_orders(ledger, client, shop_id)
    assert not second.cancelled
    assert _counts(ledger)[:2] == (300, 300)
    assert second.started_from == made[39].updated_at
    assert second.orders == 300 - 39  # resumed at the cursor's second, not at the start
    queries = [
        e.variables["query"]
        for e in fake_shopify.graphql_log()
        if e.operation == "OrdersUpdatedSince"
    ]
    assert queries[0] == "" and queries[-1] == f"updated_at:>='{iso(made[39].updated_at)}'"
    assert [e["outcome"] for e in _events(ledger)] == ["cancelled", "completed"]


def test_sync_resumes_after_a_failure(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    fake_shopify.state.add_orders(200, start=START)
    shop_id = _shop(ledger, fake_shopify)
    client = make_client(max_attempts=3)

    def break_after_two_pages(done: int, total: int | None) -> None:
        if done == 80:
            fake_shopify.fail_next("500", times=3)

    with pytest.raises(ShopifyUnavailableError, match="after 3 attempts"):
        sync_orders(ledger, client, shop_id, progress=break_after_two_pages)
    assert _counts(ledger)[:2] == (80, 80)  # the two stored pages stay
    (failed,) = _events(ledger)
    assert failed["outcome"] == "failed" and "could not be reached" in str(failed["error"])

    report = sync_orders(ledger, client, shop_id)
    assert _counts(ledger)[:2] == (200, 200)
    assert report.orders < 200


def test_sync_brings_changes_and_keeps_what_shopify_withholds(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    made = fake_shopify.state.add_orders(10, start=START)
    shop_id = _shop(ledger, fake_shopify)
    client = make_client()
    sync_orders(ledger, client, shop_id)
    changed = made[4]
    changed.cancelled_at = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)
    changed.cancel_reason = "CUSTOMER"
    changed.refunded = changed.total
    changed.note = "cancelled at the supplier"
    fake_shopify.state.touch(changed)
    fake_shopify.scopes.discard("read_customers")  # names come back empty now
    report = sync_orders(ledger, client, shop_id)
    assert report.orders >= 1
    assert _counts(ledger)[:2] == (10, 10)
    with ledger.session() as session:
        row = session.exec(
            select(CustomerOrder).where(CustomerOrder.shopify_gid == changed.gid)
        ).one()
    assert row.cancelled_at == changed.cancelled_at and row.cancel_reason == "CUSTOMER"
    assert row.refunded_minor == row.total_minor == int(changed.total * 100)
    assert row.financial_status == "refunded" and row.fulfillment_status == "unfulfilled"
    assert row.note == "cancelled at the supplier" and row.source == "api"
    assert row.customer_name == "Jane Roe"  # kept, not blanked by the missing scope
    assert row.legacy_id == changed.legacy_id and row.name == changed.name


def test_sync_keeps_the_customers_language(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    """Shopify's customerLocale lands in the ledger: messages to the customer use it."""
    made = fake_shopify.state.add_orders(3, start=START)
    made[0].locale = "de-AT"
    made[1].locale = "en-US"
    shop_id = _shop(ledger, fake_shopify)
    client = make_client()
    sync_orders(ledger, client, shop_id)
    made[0].locale = None  # Shopify says nothing this time: what was stored stays
    fake_shopify.state.touch(made[0])
    sync_orders(ledger, client, shop_id)
    with ledger.session() as session:
        stored = {
            row.shopify_gid: row.customer_locale for row in session.exec(select(CustomerOrder))
        }
    assert stored == {made[0].gid: "de-AT", made[1].gid: "en-US", made[2].gid: ""}


def test_sync_adopts_an_order_imported_from_csv(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    fake = fake_shopify.state.add_order(updated_at=START, lines=2)
    shop_id = _shop(ledger, fake_shopify)
    with ledger.session() as session:
        imported = CustomerOrder(name=fake.name, legacy_id=fake.legacy_id, source="csv")
        session.add(imported)
        session.flush()
        session.add(CustomerOrderLine(order_id=imported.id, title="from csv", quantity=1))
    sync_orders(ledger, make_client(), shop_id)
    with ledger.session() as session:
        (row,) = session.exec(select(CustomerOrder)).all()
        lines = session.exec(select(CustomerOrderLine)).all()
    assert row.shopify_gid == fake.gid and row.source == "api" and row.shop_id == shop_id
    assert sorted(line.title for line in lines) == sorted(line.title for line in fake.lines)
    assert all(line.shopify_gid for line in lines)


def test_sync_refuses_a_client_for_another_shop(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    with ledger.session() as session:
        shop = Shop(domain="another-shop.myshopify.com")
        session.add(shop)
        session.flush()
        other_id = shop.id
    assert other_id is not None
    with pytest.raises(ValueError, match="another-shop"):
        sync_orders(ledger, make_client(), other_id)
    assert fake_shopify.log == []
