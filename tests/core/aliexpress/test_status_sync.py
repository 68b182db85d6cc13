"""Status sync against the fake gateway: 500 open orders, tokens, cancellation, fatal errors."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert
from sqlmodel import col, select

from core.aliexpress import (
    DropshipApi,
    GatewayClient,
    GatewayUnavailableError,
    RateLimiter,
    RefreshingTokens,
    RetryPolicy,
    SignatureError,
    StaticToken,
    SyncSummary,
    TokenSet,
    sync_order_statuses,
)
from core.aliexpress.status_sync import (
    EVENT_CANCELLED,
    EVENT_FAILED,
    EVENT_RUN,
    EVENT_SHIPPED,
    EVENT_UPDATED,
)
from core.ledger import Ledger
from core.ledger.models import Event, SupplierOrder
from tests.core.aliexpress.conftest import SleepLog
from tests.fakes.aliexpress_gateway import (
    ORDER_GET,
    TRACKING_GET,
    FakeAliExpress,
    FakeOrder,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
FIRST_SCAN = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
FIRST_SCAN_MS = int(FIRST_SCAN.timestamp() * 1000)
SHAPES = ("wrapped", "unwrapped", "bare")


def ae_id(n: int) -> str:
    return f"81{n:014d}"


def add_ledger_orders(ledger: Ledger, rows: list[dict[str, Any]]) -> None:
    base = {
        "paid_at": NOW - timedelta(days=3),
        "order_status": "WAIT_SELLER_SEND_GOODS",
        "logistics_status": "WAIT_SELLER_SEND_GOODS",
        "end_reason": "",
    }
    with ledger.engine.begin() as connection:
        connection.execute(insert(SupplierOrder), [{**base, **row} for row in rows])


def rows_by_ae_id(ledger: Ledger) -> dict[str, SupplierOrder]:
    with ledger.session() as session:
        return {row.external_order_id: row for row in session.exec(select(SupplierOrder))}


def events(ledger: Ledger, kind: str | None = None) -> list[Event]:
    with ledger.session() as session:
        query = select(Event).order_by(col(Event.id))
        if kind is not None:
            query = query.where(Event.kind == kind)
        return list(session.exec(query))


def run(ledger: Ledger, api: DropshipApi, **options: Any) -> SyncSummary:
    options.setdefault("concurrency", 4)
    return sync_order_statuses(ledger, api, now=lambda: NOW, **options)


# -- 500 open orders across every state -------------------------------------------------------


def category(n: int) -> str:
    return ("shipped", "cancelled", "delivered", "no_tracking", "waiting")[n % 5]


@pytest.fixture
def five_hundred(ledger: Ledger, fake: FakeAliExpress) -> list[int]:
    """500 open ledger orders (+20 finished ones) and their AliExpress counterparts."""
    rows: list[dict[str, Any]] = []
    for n in range(500):
        kind = category(n)
        rows.append(
            {
                "external_order_id": ae_id(n),
                "order_status": "IN_CANCEL" if kind == "cancelled" else "WAIT_SELLER_SEND_GOODS",
            }
        )
        if n == 499:  # AliExpress does not know this one (typo in the ledger)
            continue
        order = fake.add_order(FakeOrder(ae_id(n), shape=SHAPES[(n // 5) % 3]))
        if kind in ("shipped", "delivered"):
            fake.ship(order.order_id, f"LP{n:010d}", first_scan_ms=FIRST_SCAN_MS)
        if kind == "delivered":
            fake.close(order.order_id, "buyer_accept_goods")
        if kind == "cancelled":
            fake.close(order.order_id, "cancel_order_close_trade")
        if kind == "no_tracking":
            fake.ship(order.order_id, None)
        if kind == "waiting" and n % 20 == 4:
            order.order_status = "WAIT_PLANET_ALIGNMENT"
    rows += [
        {
            "external_order_id": ae_id(1000 + n),
            "order_status": "FINISH",
            "end_reason": "buyer_accept_goods",
        }
        for n in range(20)
    ]
    add_ledger_orders(ledger, rows)
    return list(range(500))


def test_sync_of_500_open_orders(
    ledger: Ledger, fake: FakeAliExpress, api: DropshipApi, five_hundred: list[int]
) -> None:
    seen: list[tuple[int, int]] = []
    started = time.perf_counter()
    summary = run(ledger, api, progress=lambda done, total: seen.append((done, total)))
    elapsed = time.perf_counter() - started

    by_kind = {
        kind: [n for n in five_hundred if category(n) == kind]
        for kind in ("shipped", "cancelled", "delivered", "no_tracking", "waiting")
    }
    rows = rows_by_ae_id(ledger)
    ids = {ae: int(row.id or 0) for ae, row in rows.items()}
    unknown = [n for n in by_kind["waiting"] if n % 20 == 4]

    assert summary.total == 500 and summary.checked == 499 and not summary.interrupted
    assert [(f.external_order_id, "no order" in f.reason) for f in summary.failed] == [
        (ae_id(499), True)
    ]
    assert sorted(summary.cancelled) == sorted(ids[ae_id(n)] for n in by_kind["cancelled"])
    shipped = by_kind["shipped"] + by_kind["delivered"] + by_kind["no_tracking"]
    assert sorted(summary.shipped) == sorted(ids[ae_id(n)] for n in shipped)
    assert len(summary.changed) == 300 + 100 + len(unknown)
    assert summary.unknown_statuses == ("WAIT_PLANET_ALIGNMENT",)
    assert seen[0] == (0, 500) and seen[-1] == (500, 500)
    assert [done for done, _ in seen] == list(range(501))

    for n in by_kind["shipped"]:
        row = rows[ae_id(n)]
        assert (row.order_status, row.logistics_status) == (
            "WAIT_BUYER_ACCEPT_GOODS",
            "SELLER_SEND_GOODS",
        )
        assert (row.tracking_number, row.carrier) == (f"LP{n:010d}", "AliExpress standard shipping")
        assert row.shipped_at == FIRST_SCAN and row.updated_at == NOW
    for n in by_kind["delivered"]:
        row = rows[ae_id(n)]
        assert (row.order_status, row.end_reason) == ("FINISH", "buyer_accept_goods")
        assert row.tracking_number == f"LP{n:010d}" and row.shipped_at == FIRST_SCAN
    for n in by_kind["cancelled"]:
        row = rows[ae_id(n)]
        assert (row.order_status, row.end_reason) == ("FINISH", "cancel_order_close_trade")
        assert row.shipped_at is None and row.tracking_number == ""
    for n in by_kind["no_tracking"]:
        row = rows[ae_id(n)]
        assert row.order_status == "WAIT_BUYER_ACCEPT_GOODS" and row.tracking_number == ""
        assert row.shipped_at == NOW  # shipped by status, no scan yet: the time we saw it
    for n in by_kind["waiting"]:
        row = rows[ae_id(n)]
        expected = "WAIT_PLANET_ALIGNMENT" if n in unknown else "WAIT_SELLER_SEND_GOODS"
        assert row.order_status == expected and row.shipped_at is None
        assert row.updated_at == (NOW if n in unknown else None)

    # Gently: no call for finished orders, tracking only where something shipped.
    assert not {ae_id(1000 + n) for n in range(20)} & fake.order_ids_asked()
    assert fake.count(ORDER_GET) == 500
    assert fake.count(TRACKING_GET) == 300
    assert summary.calls == 800
    assert fake.max_in_flight <= 4

    # One event per change, telling what changed; one for the failure; one for the run.
    assert len(events(ledger, EVENT_CANCELLED)) == 100
    assert len(events(ledger, EVENT_SHIPPED)) == 300
    assert len(events(ledger, EVENT_UPDATED)) == len(unknown)
    [failed] = events(ledger, EVENT_FAILED)
    assert failed.entity_id == ids[ae_id(499)]
    cancel_event = events(ledger, EVENT_CANCELLED)[0]
    payload = json.loads(cancel_event.payload)
    assert payload["after_cancel_request"] is True
    assert payload["changes"]["order_status"] == {"from": "IN_CANCEL", "to": "FINISH"}
    [run_event] = events(ledger, EVENT_RUN)
    assert json.loads(run_event.payload)["checked"] == 499
    print(f"500 orders, 800 calls, concurrency 4: {elapsed:.2f} s")

    # The test advances AliExpress: tracking appears, one more ships, nothing else moves.
    for n in by_kind["no_tracking"]:
        fake.ship(ae_id(n), f"LQ{n:010d}", first_scan_ms=FIRST_SCAN_MS)
    fake.ship(ae_id(4 + 5), f"LR{9:010d}", first_scan_ms=FIRST_SCAN_MS)
    before = fake.count()
    second = run(ledger, api)
    assert second.total == 300  # cancelled and delivered ones are finished now
    assert second.shipped == (ids[ae_id(9)],)
    assert len(second.changed) == 101 and second.cancelled == ()
    assert fake.count() - before == 300 + 101  # tracking only for those without a number
    rows = rows_by_ae_id(ledger)
    for n in by_kind["no_tracking"]:
        # The first scan is better evidence than the time the status changed.
        assert rows[ae_id(n)].shipped_at == FIRST_SCAN
        assert rows[ae_id(n)].tracking_number == f"LQ{n:010d}"


# -- tokens --------------------------------------------------------------------------------


def test_an_access_token_expiring_mid_sync_is_refreshed_once(
    ledger: Ledger, fake: FakeAliExpress, client: GatewayClient, tokens: TokenSet
) -> None:
    for n in range(60):
        fake.add_order(FakeOrder(ae_id(n)))
    add_ledger_orders(ledger, [{"external_order_id": ae_id(n)} for n in range(60)])
    saved: list[TokenSet] = []
    provider = RefreshingTokens(client, tokens, on_refresh=saved.append)
    fake.expire_access_after(25)
    summary = run(ledger, DropshipApi(client, provider), concurrency=4)
    assert summary.checked == 60 and summary.failed == ()
    assert fake.refreshes == 1 and len(saved) == 1
    assert fake.count(ORDER_GET, "IllegalAccessToken") >= 1
    assert fake.count(ORDER_GET, "ok") == 60


def test_a_lost_connection_stops_the_sync_with_a_clear_error(
    ledger: Ledger, fake: FakeAliExpress, client: GatewayClient, tokens: TokenSet
) -> None:
    add_ledger_orders(ledger, [{"external_order_id": ae_id(n)} for n in range(20)])
    fake.revoke_refresh_tokens()
    fake.expire_access_tokens()
    with pytest.raises(Exception, match="Connect AliExpress again"):
        run(ledger, DropshipApi(client, RefreshingTokens(client, tokens)), concurrency=2)
    assert fake.count(ORDER_GET) <= 2
    [run_event] = events(ledger, EVENT_RUN)
    assert "ReconnectRequiredError" in json.loads(run_event.payload)["stopped_by"]


# -- stopping --------------------------------------------------------------------------------


def test_the_caller_can_cancel(ledger: Ledger, fake: FakeAliExpress, api: DropshipApi) -> None:
    for n in range(100):
        fake.add_order(FakeOrder(ae_id(n), order_status="WAIT_PLANET_ALIGNMENT"))
    add_ledger_orders(ledger, [{"external_order_id": ae_id(n)} for n in range(100)])
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 30:
            stop.set()

    summary = run(ledger, api, progress=progress, cancel=stop, concurrency=4)
    assert summary.interrupted
    assert 30 <= summary.checked <= 34
    assert len(fake.order_ids_asked()) == summary.checked
    untouched = [
        r for r in rows_by_ae_id(ledger).values() if r.order_status != "WAIT_PLANET_ALIGNMENT"
    ]
    assert len(untouched) == 100 - summary.checked


def test_a_bad_signature_stops_the_sync_at_once(
    ledger: Ledger, fake: FakeAliExpress, tokens: TokenSet
) -> None:
    add_ledger_orders(ledger, [{"external_order_id": ae_id(n)} for n in range(50)])
    with (
        GatewayClient(
            fake.app_key, "not-the-app-secret", gateway=fake.gateway, limiter=RateLimiter(10_000)
        ) as wrong,
        pytest.raises(SignatureError, match="app secret"),
    ):
        run(ledger, DropshipApi(wrong, StaticToken(tokens.access_token)), concurrency=3)
    assert fake.count() <= 3
    assert events(ledger, EVENT_FAILED) == []


def test_an_unreachable_gateway_stops_after_a_few_orders(
    ledger: Ledger, fake: FakeAliExpress, tokens: TokenSet
) -> None:
    add_ledger_orders(ledger, [{"external_order_id": ae_id(n)} for n in range(100)])
    fake.fail_next(10_000, "500")
    retry = RetryPolicy(attempts=2, sleep=SleepLog())
    with (
        GatewayClient(
            fake.app_key,
            fake.app_secret,
            gateway=fake.gateway,
            retry=retry,
            limiter=RateLimiter(10_000),
        ) as flaky,
        pytest.raises(GatewayUnavailableError, match="stopped answering"),
    ):
        run(
            ledger,
            DropshipApi(flaky, StaticToken(tokens.access_token)),
            concurrency=2,
            max_consecutive_unavailable=5,
        )
    assert fake.count(outcome="500") <= (5 + 2) * 2
    assert 5 <= len(events(ledger, EVENT_FAILED)) <= 7


# -- pace ------------------------------------------------------------------------------------


@pytest.fixture
def paced_client(fake: FakeAliExpress) -> Iterator[GatewayClient]:
    with GatewayClient(
        fake.app_key, fake.app_secret, gateway=fake.gateway, limiter=RateLimiter(40)
    ) as paced:
        yield paced


def test_the_per_second_budget_holds(
    ledger: Ledger, fake: FakeAliExpress, paced_client: GatewayClient, tokens: TokenSet
) -> None:
    for n in range(21):
        fake.add_order(FakeOrder(ae_id(n)))
    add_ledger_orders(ledger, [{"external_order_id": ae_id(n)} for n in range(21)])
    started = time.monotonic()
    summary = run(
        ledger, DropshipApi(paced_client, StaticToken(tokens.access_token)), concurrency=4
    )
    elapsed = time.monotonic() - started
    assert summary.checked == 21
    assert elapsed >= 20 / 40 * 0.95  # 21 calls at 40/s: at least 0.5 s apart end to end


def test_specific_orders_can_be_checked_even_when_finished(
    ledger: Ledger, fake: FakeAliExpress, api: DropshipApi
) -> None:
    fake.add_order(FakeOrder(ae_id(1), order_status="FINISH", end_reason="buyer_accept_goods"))
    fake.add_order(FakeOrder(ae_id(2)))
    add_ledger_orders(
        ledger,
        [
            {"external_order_id": ae_id(1), "order_status": "FINISH"},
            {"external_order_id": ae_id(2)},
        ],
    )
    first = rows_by_ae_id(ledger)[ae_id(1)].id
    assert first is not None
    summary = run(ledger, api, order_ids=[first])
    assert summary.total == 1 and summary.changed == (first,)
    assert rows_by_ae_id(ledger)[ae_id(1)].end_reason == "buyer_accept_goods"
    assert fake.order_ids_asked() == {ae_id(1)}
