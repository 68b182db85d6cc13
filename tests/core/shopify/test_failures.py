"""Failure modes: 5xx, timeouts, dropped connections, redirects, 429/THROTTLED, scopes."""

from __future__ import annotations

import random
import time

import pytest
from graphql import GraphQLSchema

from core.shopify import (
    AccessToken,
    ShopifyClient,
    ShopifyError,
    ShopifyRedirectError,
    ShopifyScopeError,
    ShopifyThrottledError,
    ShopifyUnavailableError,
    ShopNotFoundError,
    cancel_order,
    check_connection,
    get_order,
)
from core.shopify.throttle import backoff_delay
from tests.core.shopify.conftest import MakeClient, Sleeper
from tests.fakes.shopify_server import ACCESS_TOKEN, FakeShopify, LoopbackTransport


def test_500_is_retried_then_succeeds(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    sleeper = Sleeper(real=False)
    client = make_client(sleep=sleeper)
    fake_shopify.fail_next("500", times=2)
    assert check_connection(client).name == fake_shopify.state.name
    assert [e.status for e in fake_shopify.log] == [500, 500, 200]
    assert client.stats.retries == 2
    assert 0.25 <= sleeper.waits[0] <= 0.5 and 0.5 <= sleeper.waits[1] <= 1.0


def test_persistent_5xx_gives_up_after_bounded_backoff(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    sleeper = Sleeper(real=False)
    client = make_client(sleep=sleeper, max_attempts=5)
    fake_shopify.fail_next("503", times=10)
    with pytest.raises(ShopifyUnavailableError, match="after 5 attempts") as info:
        check_connection(client)
    assert not info.value.outcome_unknown
    assert len(fake_shopify.log) == 5
    assert len(sleeper.waits) == 4
    for attempt, wait in enumerate(sleeper.waits):  # exponential, jittered, capped
        ceiling = min(16.0, 0.5 * 2**attempt)
        assert ceiling / 2 <= wait <= ceiling


def test_backoff_never_exceeds_its_cap() -> None:
    rng = random.Random(1)
    assert max(backoff_delay(n, rng) for n in range(40)) <= 16.0


def test_timeout_is_retried(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    fake_shopify.stall_seconds = 1.5
    client = make_client(timeout=0.3)
    fake_shopify.fail_next("timeout")
    started = time.monotonic()
    assert check_connection(client).currency == "EUR"
    assert time.monotonic() - started < 1.4  # did not wait for the stalled answer
    assert client.stats.retries == 1


def test_dropped_connection_is_retried(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    client = make_client()
    fake_shopify.fail_next("drop")
    assert check_connection(client).myshopify_domain == fake_shopify.domain
    assert [e.failure for e in fake_shopify.log] == ["drop", None]


def test_connection_refused_is_retried_then_reported(make_client: MakeClient) -> None:
    sleeper = Sleeper(real=False)
    transport = LoopbackTransport({"dropdesk-test.myshopify.com": "http://127.0.0.1:9"})
    client = make_client(transport=transport, sleep=sleeper, max_attempts=3)
    with pytest.raises(ShopifyUnavailableError, match="could not be reached"):
        check_connection(client)
    assert len(transport.seen) == 3
    assert len(sleeper.waits) == 2


def test_a_change_is_not_sent_twice_when_its_outcome_is_unknown(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    order = fake_shopify.state.add_order()
    client = make_client()
    fake_shopify.fail_next("drop_after")  # Shopify acts, then the answer is lost
    with pytest.raises(ShopifyUnavailableError, match="may or may not") as info:
        cancel_order(client, order.gid, reason="CUSTOMER", restock=True)
    assert info.value.outcome_unknown
    assert len(fake_shopify.state.cancel_requests) == 1
    assert len(fake_shopify.state.jobs) == 1


def test_redirect_to_another_host_is_not_followed(
    make_client: MakeClient, fake_shopify: FakeShopify, shopify_schema: GraphQLSchema
) -> None:
    with FakeShopify(shopify_schema, domain="evil.example") as evil:
        transport = LoopbackTransport(
            {fake_shopify.domain: fake_shopify.url, "evil.example": evil.url}
        )
        client = make_client(transport=transport)
        fake_shopify.fail_next("redirect")
        with pytest.raises(ShopifyRedirectError, match=r"evil\.example") as info:
            check_connection(client)
        assert info.value.code == "301"
        assert evil.log == []
        assert [seen.host for seen in transport.seen] == [fake_shopify.domain]
        assert client.stats.requests == 1


def test_shop_not_found(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    transport = LoopbackTransport({"no-such-shop.myshopify.com": fake_shopify.url})
    client = ShopifyClient("no-such-shop", AccessToken(ACCESS_TOKEN), transport=transport)
    with client, pytest.raises(ShopNotFoundError, match=r"no-such-shop\.myshopify\.com"):
        check_connection(client)


def test_missing_scope_names_it(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    order = fake_shopify.state.add_order()
    fake_shopify.scopes.discard("read_orders")
    with pytest.raises(ShopifyScopeError, match="read_orders") as info:
        get_order(make_client(), order.gid)
    assert info.value.required == ("read_orders",)


def test_unreadable_customer_is_left_empty(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    order = fake_shopify.state.add_order(customer_name="Jane Roe")
    fake_shopify.scopes.discard("read_customers")
    assert get_order(make_client(), order.gid).customer_name == ""
    fake_shopify.scopes.add("read_customers")
    assert get_order(make_client(), order.gid).customer_name == "Jane Roe"


def test_throttled_answer_waits_for_the_bucket(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    order = fake_shopify.state.add_order()
    fake_shopify.bucket.restore_rate = 50.0
    fake_shopify.set_available(0)
    sleeper = Sleeper(real=True)
    client = make_client(sleep=sleeper)
    started = time.monotonic()
    assert get_order(client, order.gid).gid == order.gid
    elapsed = time.monotonic() - started
    log = fake_shopify.graphql_log()
    assert [e.throttled for e in log] == [True, False]
    assert log[0].requested == 24 and log[0].available is not None
    # (requested - available) / restoreRate, plus at most 10 % + 10 ms of jitter.
    due = (24 - log[0].available) / 50.0
    assert due > 0.1  # the bucket refills while the request travels (more so on a busy machine)
    assert due <= sleeper.waits[0] <= due * 1.1 + 0.011
    assert log[1].available is not None and log[1].available >= 24  # enough, not much more
    assert log[1].available <= 24 + 50 * (0.1 * due + 0.011 + 0.05)
    assert elapsed < due + 2.0  # the one wait above, plus two requests' time
    assert client.stats.throttled_answers == 1
    assert len(sleeper.waits) == 1  # no second, paced wait on top of the throttled one


def test_throttled_with_http_429(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    order = fake_shopify.state.add_order()
    fake_shopify.throttle_http_status = 429
    fake_shopify.bucket.restore_rate = 100.0
    fake_shopify.set_available(0)
    client = make_client(sleep=Sleeper(real=True))
    assert get_order(client, order.gid).name == order.name
    assert [e.status for e in fake_shopify.log] == [429, 200]


def test_bare_429_uses_retry_after(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    sleeper = Sleeper(real=False)
    client = make_client(sleep=sleeper)
    fake_shopify.fail_next("429")
    assert check_connection(client).name
    assert [e.status for e in fake_shopify.log] == [429, 200]
    assert len(sleeper.waits) == 1 and 0.05 <= sleeper.waits[0] <= 0.05 * 1.1 + 0.011


def test_throttled_too_long_gives_up_with_a_clear_message(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake_shopify.bucket.restore_rate = 1.0
    fake_shopify.set_available(0)
    sleeper = Sleeper(real=False)
    client = make_client(sleep=sleeper, max_throttle_wait=5.0)
    order = fake_shopify.state.add_order()
    with pytest.raises(ShopifyThrottledError, match="slow down") as info:
        get_order(client, order.gid)  # needs 24 s of refill: more than 5 s allowed
    assert info.value.code == "THROTTLED"
    assert sleeper.waits == []


def test_requests_go_only_to_the_shop_over_https(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    transport = LoopbackTransport({fake_shopify.domain: fake_shopify.url})
    client = make_client(transport=transport)
    check_connection(client)
    assert [(s.scheme, s.host, s.path) for s in transport.seen] == [
        ("https", fake_shopify.domain, "/admin/api/2026-10/graphql.json")
    ]
    assert transport.seen[0].carried_token
    # The last line of defence refuses an absolute URL to any other origin, token or not.
    for url in ("https://evil.example/admin", f"http://{fake_shopify.domain}/admin"):
        with pytest.raises(ShopifyError, match="Refusing"):
            client._send(url, json={})
    assert len(transport.seen) == 1
