"""The Shopify order sync under every fault, striking in the middle of a run.

tests/core/shopify/test_failures.py covers each fault on a single call (retried, bounded,
reported). Here each one strikes after two of five pages of a sync, from the fake Shopify
itself (500, 503, a stall past the timeout, dropped connections, 401, 429, a redirect) or on
the way (a hostile server in front of it: THROTTLED without end, an HTML login page, truncated
JSON, a JSON list, an empty body, a 502 page). Every time the sync ends with the error class
and words the GUI shows, after a bounded number of tries and a bounded wait; the two stored
pages stay (whole), the run is journaled as failed, no token is in any message, and once the
fault is gone a new sync completes. A sample of the faults strikes a sync into a PostgreSQL
ledger too (what the ledger keeps does not depend on which fault struck).
"""

from __future__ import annotations

import json
import random
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from graphql import GraphQLSchema

from core.ledger import Ledger, check_integrity
from core.ledger.store import count_rows
from core.shopify import (
    AccessToken,
    ShopifyAuthError,
    ShopifyClient,
    ShopifyError,
    ShopifyRedirectError,
    ShopifyThrottledError,
    ShopifyUnavailableError,
    ShopInfo,
    save_shop,
    sync_orders,
)
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN, FakeShopify, LoopbackTransport
from tests.reliability import hostile_server as hostile
from tests.reliability.hostile_server import HostileServer

ORDERS, PAGE = 100, 20
ATTEMPTS = 3
THROTTLE_BUDGET = 3.0
THROTTLED_FOR_EVER = hostile.Answer(
    body=json.dumps(
        {
            "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
            "extensions": {
                "cost": {
                    "requestedQueryCost": 962,
                    "actualQueryCost": None,
                    "throttleStatus": {
                        "maximumAvailable": 1000.0,
                        "currentlyAvailable": 0.0,
                        "restoreRate": 50.0,
                    },
                }
            },
        }
    ).encode()
)


@dataclass(frozen=True)
class Fault:
    name: str
    strike: Callable[[FakeShopify, HostileServer], None]
    error: type[ShopifyError]
    says: str
    max_requests: int  # requests for the failing page, retries included


def fake_fails(mode: str) -> Callable[[FakeShopify, HostileServer], None]:
    return lambda fake, _proxy: fake.fail_next(mode, times=500)


def proxy_answers(answer: hostile.Answer) -> Callable[[FakeShopify, HostileServer], None]:
    return lambda _fake, proxy: proxy.always(answer)


UNAVAILABLE = "could not be reached after 3 attempts"
FAULTS = [
    Fault("500", fake_fails("500"), ShopifyUnavailableError, UNAVAILABLE, ATTEMPTS),
    Fault("503", fake_fails("503"), ShopifyUnavailableError, UNAVAILABLE, ATTEMPTS),
    Fault("stall", fake_fails("timeout"), ShopifyUnavailableError, "no answer in time", ATTEMPTS),
    Fault("dropped", fake_fails("drop"), ShopifyUnavailableError, "dropped", ATTEMPTS),
    Fault("dropped-after", fake_fails("drop_after"), ShopifyUnavailableError, "dropped", ATTEMPTS),
    Fault("401", fake_fails("401"), ShopifyAuthError, "refused the access token", 1),
    Fault("429", fake_fails("429"), ShopifyThrottledError, "slow down", 100),
    Fault("redirect", fake_fails("redirect"), ShopifyRedirectError, "does not follow redirects", 1),
    Fault("throttled", proxy_answers(THROTTLED_FOR_EVER), ShopifyThrottledError, "slow down", 2),
    Fault("html", proxy_answers(hostile.GARBAGE), ShopifyUnavailableError, "not JSON", ATTEMPTS),
    Fault(
        "truncated", proxy_answers(hostile.TRUNCATED), ShopifyUnavailableError, "not JSON", ATTEMPTS
    ),
    Fault(
        "json-list",
        proxy_answers(hostile.NOT_AN_OBJECT),
        ShopifyUnavailableError,
        "not JSON",
        ATTEMPTS,
    ),
    Fault("empty", proxy_answers(hostile.EMPTY), ShopifyUnavailableError, "not JSON", ATTEMPTS),
    Fault(
        "502-page",
        proxy_answers(hostile.BAD_GATEWAY),
        ShopifyUnavailableError,
        "HTTP 502",
        ATTEMPTS,
    ),
]


@pytest.fixture(scope="module")
def fake(shopify_schema: GraphQLSchema) -> Iterator[FakeShopify]:
    with FakeShopify(shopify_schema) as shop:
        shop.stall_seconds = 1.0
        shop.state.add_orders(ORDERS, start=datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
        yield shop


@pytest.fixture(scope="module")
def proxy(fake: FakeShopify) -> Iterator[HostileServer]:
    with HostileServer(upstream=fake.url) as server:
        yield server


#: The faults that also strike a sync into a PostgreSQL ledger: an outage, a dropped
#: connection, an unreadable answer (all of them would add a minute for no new ledger path).
ON_SERVER = {"500", "dropped", "html"}
CASES = [pytest.param(fault, "sqlite", id=fault.name) for fault in FAULTS] + [
    pytest.param(fault, "postgresql", id=f"{fault.name}-postgresql", marks=pytest.mark.postgresql)
    for fault in FAULTS
    if fault.name in ON_SERVER
]


@pytest.fixture
def shop_ledger(ledger: Ledger) -> Ledger:
    save_shop(ledger, ShopInfo("Faults", "EUR", DOMAIN), api_version="2026-10", auth_kind="token")
    return ledger


class Waits:
    def __init__(self) -> None:
        self.seconds: list[float] = []

    def __call__(self, seconds: float) -> None:
        assert 0 <= seconds <= 66  # what time.sleep accepts, and never a frozen app
        self.seconds.append(seconds)


def journal(ledger: Ledger) -> list[dict[str, object]]:
    with ledger.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT payload FROM event WHERE kind = 'shopify_sync' ORDER BY id"
        ).fetchall()
    return [json.loads(payload) for (payload,) in rows]


@pytest.mark.parametrize(("fault", "ledger_engine"), CASES, indirect=["ledger_engine"])
def test_a_fault_in_mid_sync(
    fake: FakeShopify, proxy: HostileServer, shop_ledger: Ledger, fault: Fault
) -> None:
    waits = Waits()
    transport = LoopbackTransport({DOMAIN: proxy.url})
    client = ShopifyClient(
        DOMAIN,
        AccessToken(ACCESS_TOKEN),
        timeout=0.4,
        max_attempts=ATTEMPTS,
        max_throttle_wait=THROTTLE_BUDGET,
        sleep=waits,
        rng=random.Random(4),
        transport=transport,
    )
    sent_before: list[int] = []

    def after_page(stored: int, _total: int | None) -> None:
        if stored == 2 * PAGE:  # two pages are in: strike
            sent_before.append(client.stats.requests)
            fault.strike(fake, proxy)

    try:
        with pytest.raises(fault.error) as failed:
            sync_orders(shop_ledger, client, 1, page_size=PAGE, progress=after_page)
        requests = client.stats.requests - sent_before[0]
    finally:
        proxy.clear()
        fake._failures.clear()  # what was queued and not used up
        client.close()
    message = str(failed.value)
    assert fault.says in message and ACCESS_TOKEN not in message
    assert 1 <= requests <= fault.max_requests  # bounded in count...
    assert sum(waits.seconds) <= THROTTLE_BUDGET + 16 * ATTEMPTS  # ...and in time
    assert all(seen.host == DOMAIN for seen in transport.seen)  # no redirect followed

    assert count_rows(shop_ledger, "customer_order") == 2 * PAGE  # the pages stored stay
    if shop_ledger.dialect == "sqlite":
        assert check_integrity(shop_ledger.path, quick=False) == []
    (failed_run,) = journal(shop_ledger)
    assert failed_run["outcome"] == "failed" and failed_run["orders"] == 2 * PAGE
    assert ACCESS_TOKEN not in json.dumps(failed_run)

    with ShopifyClient(
        DOMAIN, AccessToken(ACCESS_TOKEN), transport=LoopbackTransport({DOMAIN: fake.url})
    ) as healthy:
        report = sync_orders(shop_ledger, healthy, 1, page_size=PAGE)
    assert report.started_from is not None  # resumed from the stored cursor
    assert count_rows(shop_ledger, "customer_order") == ORDERS
    assert [run["outcome"] for run in journal(shop_ledger)] == ["failed", "completed"]


def test_no_network_at_all(shop_ledger: Ledger) -> None:
    """Offline (nothing listens where the shop should be): a clear error, quickly, and the
    ledger as it was."""
    waits = Waits()
    with socket.create_server(("127.0.0.1", 0)) as listener:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"  # closed again: refused
    client = ShopifyClient(
        DOMAIN,
        AccessToken(ACCESS_TOKEN),
        max_attempts=ATTEMPTS,
        sleep=waits,
        transport=LoopbackTransport({DOMAIN: url}),
    )
    with client, pytest.raises(ShopifyUnavailableError, match="internet connection"):
        sync_orders(shop_ledger, client, 1)
    assert client.stats.requests == ATTEMPTS and sum(waits.seconds) < 16 * ATTEMPTS
    assert count_rows(shop_ledger, "customer_order") == 0
    assert [run["outcome"] for run in journal(shop_ledger)] == ["failed"]
