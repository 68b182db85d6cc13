"""The AliExpress status refresh under every fault, striking after three of ten orders.

tests/core/aliexpress covers each fault on one call (retried, bounded in count and time,
typed). Here the faults hit a running refresh, from the fake gateway (500, dropped connections,
slow answers, call limits, an access token that expired and cannot be renewed) or on the way
through a hostile server in front of it (an HTML page, truncated JSON, a JSON list, an empty
body, a 502 page, a redirect to another host, a stall past the time-out). Outages stop the run
with a clear error after a few orders; unreadable answers fail order by order, each with its
reason; a dead token stops it at once. The orders refreshed before the fault keep their news,
the others are untouched, every failure is journaled, and nothing is retried without bound.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from core.aliexpress import (
    AliExpressError,
    DropshipApi,
    Gateway,
    GatewayClient,
    GatewayUnavailableError,
    RateLimiter,
    ReconnectRequiredError,
    RetryPolicy,
    StaticToken,
    SyncSummary,
    sync_order_statuses,
)
from core.ledger import Ledger, check_integrity, open_ledger
from core.ledger.models import SupplierOrder
from tests.fakes.aliexpress_gateway import FakeAliExpress, FakeOrder
from tests.reliability import hostile_server as hostile
from tests.reliability.hostile_server import HostileServer

ORDERS = 10
STRIKE_AFTER = 3
NOW = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)


def ae_id(n: int) -> str:
    return f"82{n:014d}"


@dataclass(frozen=True)
class Fault:
    name: str
    strike: Callable[[FakeAliExpress, HostileServer, HostileServer], None]
    stops: type[AliExpressError] | None  # the run raises this, or None: it finishes
    says: str  # in the error, or in every failed order's reason


def fake_fails(kind: str) -> Callable[[FakeAliExpress, HostileServer, HostileServer], None]:
    return lambda fake, _proxy, _evil: fake.fail_next(10_000, kind)


def proxy_answers(
    answer: hostile.Answer,
) -> Callable[[FakeAliExpress, HostileServer, HostileServer], None]:
    return lambda _fake, proxy, _evil: proxy.always(answer)


def redirect_to_evil(_fake: FakeAliExpress, proxy: HostileServer, evil: HostileServer) -> None:
    proxy.always(hostile.Answer(302, b"", {"Location": f"{evil.url}/sync"}))


def token_dies(fake: FakeAliExpress, _proxy: HostileServer, _evil: HostileServer) -> None:
    fake.expire_access_tokens()


STOPPED = "stopped answering"
UNREADABLE = "cannot read"
FAULTS = [
    Fault("500", fake_fails("500"), GatewayUnavailableError, STOPPED),
    Fault("dropped", fake_fails("drop"), GatewayUnavailableError, STOPPED),
    Fault("slow", fake_fails("slow"), GatewayUnavailableError, STOPPED),
    Fault("call-limit", fake_fails("rate_limit"), GatewayUnavailableError, STOPPED),
    Fault("502-page", proxy_answers(hostile.BAD_GATEWAY), GatewayUnavailableError, STOPPED),
    Fault("stall", proxy_answers(hostile.Answer(stall=1.0)), GatewayUnavailableError, STOPPED),
    Fault("html", proxy_answers(hostile.GARBAGE), None, UNREADABLE),
    Fault("truncated", proxy_answers(hostile.TRUNCATED), None, UNREADABLE),
    Fault("json-list", proxy_answers(hostile.NOT_AN_OBJECT), None, UNREADABLE),
    Fault("empty", proxy_answers(hostile.EMPTY), None, UNREADABLE),
    Fault("redirect", redirect_to_evil, None, UNREADABLE),
    Fault("dead-token", token_dies, ReconnectRequiredError, "Connect AliExpress again"),
]


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAliExpress]:
    with FakeAliExpress(slow_seconds=1.0) as gateway:
        for n in range(ORDERS):
            gateway.add_order(FakeOrder(ae_id(n)))
            gateway.ship(ae_id(n), f"LP{n:08d}")  # news for every order: it shipped
        yield gateway


@pytest.fixture(scope="module")
def proxy(fake: FakeAliExpress) -> Iterator[HostileServer]:
    with HostileServer(upstream=fake.base_url) as server:
        yield server


@pytest.fixture(scope="module")
def evil() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


@pytest.fixture
def open_orders(tmp_path: Path) -> Iterator[Ledger]:
    ledger = open_ledger(tmp_path / "ledger.sqlite")
    rows = [
        {
            "external_order_id": ae_id(n),
            "paid_at": NOW - timedelta(days=2),
            "order_status": "WAIT_SELLER_SEND_GOODS",
            "logistics_status": "WAIT_SELLER_SEND_GOODS",
        }
        for n in range(ORDERS)
    ]
    with ledger.engine.begin() as connection:
        connection.execute(insert(SupplierOrder), rows)
    yield ledger
    ledger.close()


def statuses(ledger: Ledger) -> list[str]:
    with ledger.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT order_status FROM supplier_order ORDER BY id"
        ).fetchall()
    return [status for (status,) in rows]


def failures_journaled(ledger: Ledger) -> list[str]:
    with ledger.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT payload FROM event WHERE kind = 'supplier_order.aliexpress_check_failed'"
        ).fetchall()
    return [json.dumps(json.loads(payload)) for (payload,) in rows]


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_a_fault_in_mid_refresh(
    fake: FakeAliExpress,
    proxy: HostileServer,
    evil: HostileServer,
    open_orders: Ledger,
    fault: Fault,
) -> None:
    waits: list[float] = []
    token = str(fake.grant()["access_token"])
    client = GatewayClient(
        fake.app_key,
        fake.app_secret,
        gateway=Gateway.for_loopback(proxy.url),
        retry=RetryPolicy(attempts=2, max_elapsed=5.0, sleep=waits.append),
        limiter=RateLimiter(10_000),
        timeout=0.3,
    )
    api = DropshipApi(client, StaticToken(token))

    def after_each(done: int, _total: int) -> None:
        if done == STRIKE_AFTER:
            fault.strike(fake, proxy, evil)

    summary: SyncSummary | None = None
    try:
        if fault.stops is None:
            summary = sync_order_statuses(
                open_orders, api, concurrency=1, progress=after_each, now=lambda: NOW
            )
        else:
            with pytest.raises(fault.stops) as stopped:
                sync_order_statuses(
                    open_orders, api, concurrency=1, progress=after_each, now=lambda: NOW
                )
            assert fault.says in str(stopped.value) and token not in str(stopped.value)
    finally:
        proxy.clear()
        fake.clear_faults()
        client.close()

    shipped = statuses(open_orders)
    assert shipped[:STRIKE_AFTER] == ["WAIT_BUYER_ACCEPT_GOODS"] * STRIKE_AFTER  # news kept
    assert set(shipped[STRIKE_AFTER:]) == {"WAIT_SELLER_SEND_GOODS"}  # the rest untouched
    assert client.requests_sent <= STRIKE_AFTER * 2 + (ORDERS - STRIKE_AFTER) * 2  # bounded
    assert sum(waits) <= 5.0 * (ORDERS - STRIKE_AFTER)  # each order's retries within budget
    assert evil.seen == []  # a redirect is never followed (the token would go with it)
    journaled = failures_journaled(open_orders)
    assert all(token not in entry for entry in journaled)
    if summary is not None:  # unreadable answers: each remaining order failed, with why
        assert len(summary.failed) == ORDERS - STRIKE_AFTER == len(journaled)
        assert all(fault.says in failure.reason for failure in summary.failed)
    elif fault.says == STOPPED:
        assert 1 <= len(journaled) <= 6  # stopped after a few, not all of them
    assert check_integrity(open_orders.path, quick=False) == []
