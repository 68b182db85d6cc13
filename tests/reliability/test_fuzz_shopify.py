"""Hostile Shopify answers: the client and the parsers return values or raise ShopifyError.

Fuzzed: an order as the sync reads it with a few values replaced (then stored in a real ledger,
inside a transaction that is rolled back), refunds, policies and suggested refunds, and whole
HTTP answers (status, headers, body) served on 127.0.0.1 to a real client, with THROTTLED and
cost blocks of every shape, for the calls the app makes.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.ledger import Ledger, open_ledger
from core.shopify import (
    AccessToken,
    ShopifyClient,
    ShopifyError,
    ShopInfo,
    check_connection,
    parse,
    save_shop,
)
from core.shopify.orders import iter_order_pages
from core.shopify.results import Money, Order
from core.shopify.sync import _store_page
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN, LoopbackTransport
from tests.reliability.fuzzing import DEEP, QUICK, fuzz
from tests.reliability.hostile_server import Answer, HostileServer
from tests.reliability.json_strategies import keys_of, mutations, values


def _money(amount: str) -> dict[str, Any]:
    bag = {"amount": amount, "currencyCode": "EUR"}
    return {"shopMoney": bag, "presentmentMoney": dict(bag)}


LINE = {
    "id": "gid://shopify/LineItem/11",
    "title": "Lamp",
    "sku": "L-1",
    "quantity": 2,
    "currentQuantity": 2,
    "unfulfilledQuantity": 1,
    "originalUnitPriceSet": _money("15.00"),
}
ORDER = {
    "id": "gid://shopify/Order/1001",
    "legacyResourceId": "1001",
    "name": "#1001",
    "createdAt": "2026-03-01T10:00:00Z",
    "processedAt": "2026-03-01T10:00:00Z",
    "updatedAt": "2026-03-02T10:00:00Z",
    "cancelledAt": None,
    "cancelReason": None,
    "currencyCode": "EUR",
    "totalPriceSet": _money("34.90"),
    "totalRefundedSet": _money("0.00"),
    "displayFinancialStatus": "PAID",
    "displayFulfillmentStatus": "PARTIALLY_FULFILLED",
    "refundable": True,
    "customer": {"displayName": "Jane Roe"},
    "email": "jane@example.com",
    "note": "AE 8100000000000001",
    "tags": ["vip"],
    "customAttributes": [{"key": "ae", "value": "8100000000000002"}],
    "lineItems": {"nodes": [LINE], "pageInfo": {"hasNextPage": False, "endCursor": None}},
}
REFUND_PAYLOAD = {
    "refund": {
        "id": "gid://shopify/Refund/5",
        "legacyResourceId": "5",
        "createdAt": "2026-03-03T10:00:00Z",
        "totalRefundedSet": _money("34.90"),
        "note": "",
    },
    "order": {"displayFinancialStatus": "REFUNDED", "totalRefundedSet": _money("34.90")},
    "userErrors": [],
}
SUGGESTED = {
    "amountSet": _money("34.90"),
    "maximumRefundableSet": _money("34.90"),
    "subtotalSet": _money("30.00"),
    "shipping": {"amountSet": _money("4.90"), "maximumRefundableSet": _money("4.90")},
    "refundLineItems": [
        {
            "lineItem": {"id": "gid://shopify/LineItem/11"},
            "quantity": 2,
            "restockType": "RETURN",
            "priceSet": _money("15.00"),
            "subtotalSet": _money("30.00"),
        }
    ],
    "suggestedTransactions": [
        {
            "amountSet": _money("34.90"),
            "maximumRefundableSet": _money("34.90"),
            "gateway": "shopify_payments",
            "kind": "REFUND",
            "parentTransaction": {"id": "gid://shopify/OrderTransaction/9"},
        }
    ],
}
POLICY = {
    "id": "gid://shopify/ShopPolicy/1",
    "type": "REFUND_POLICY",
    "title": "Refund policy",
    "body": "<p>All sales are final.</p>",
    "url": "https://dropdesk-test.myshopify.com/policies/refund-policy",
    "updatedAt": "2026-03-03T10:00:00Z",
}
KEYS = sorted(
    {*keys_of(ORDER), *keys_of(REFUND_PAYLOAD), *keys_of(SUGGESTED), *keys_of(POLICY)}
    | {"data", "errors", "extensions", "cost", "throttleStatus", "code", "message", "orders"}
    | {"requestedQueryCost", "maximumAvailable", "currentlyAvailable", "restoreRate", "shop"}
)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    opened = open_ledger(tmp_path_factory.mktemp("fuzz-shopify") / "ledger.sqlite")
    save_shop(opened, ShopInfo("Fuzz", "EUR", DOMAIN), api_version="2026-10", auth_kind="token")
    yield opened
    opened.close()


def usable_money(money: Money) -> None:
    assert money.amount.is_finite() and isinstance(money.minor, int)


def usable_order(order: Order) -> None:
    for moment in (order.created_at, order.processed_at, order.updated_at, order.cancelled_at):
        assert moment is None or moment.tzinfo == UTC
    usable_money(order.total)
    usable_money(order.refunded)
    for line in order.lines:
        usable_money(line.unit_price)
        assert line.fulfillment_status in {"fulfilled", "partial", "unfulfilled", "removed"}


@fuzz(QUICK)
@given(mutations(ORDER, KEYS))
def test_orders_as_the_sync_reads_and_stores_them(ledger: Ledger, node: Any) -> None:
    read_and_store(ledger, node)


@pytest.mark.slow
@fuzz(DEEP)
@given(mutations(ORDER, KEYS))
def test_deep_orders(ledger: Ledger, node: Any) -> None:
    read_and_store(ledger, node)


def read_and_store(ledger: Ledger, node: Any) -> None:
    try:
        order, _more = parse.order(node)
    except ShopifyError as error:
        assert "unexpected" in str(error)
        return
    usable_order(order)
    with ledger.engine.connect() as connection:  # stored as the sync stores a page, then undone
        transaction = connection.begin()
        try:
            _store_page(connection, 1, [order])
        finally:
            transaction.rollback()


@fuzz(QUICK // 2)
@given(
    refund=mutations(REFUND_PAYLOAD, KEYS),
    suggested=mutations(SUGGESTED, KEYS),
    policy=mutations(POLICY, KEYS),
)
def test_refunds_policies_and_suggestions(refund: Any, suggested: Any, policy: Any) -> None:
    for read in (
        lambda: usable_money(parse.refund(refund).total),
        lambda: usable_money(parse.suggested_refund("gid://shopify/Order/1", suggested).amount),
        lambda: parse.shop_policy(policy).updated_at.astimezone(UTC),
        lambda: parse.user_errors(refund.get("userErrors")),
    ):
        try:
            read()
        except ShopifyError as error:
            assert str(error)


# -- whole answers over HTTP -----------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


@pytest.fixture(scope="module")
def client(hostile: HostileServer) -> Iterator[ShopifyClient]:
    made = ShopifyClient(
        DOMAIN,
        AccessToken(ACCESS_TOKEN),
        timeout=2.0,
        max_attempts=2,
        max_throttle_wait=1.0,  # a few THROTTLED answers, then the error (waits are not slept)
        sleep=checked_sleep,
        rng=random.Random(1),
        transport=LoopbackTransport({DOMAIN: hostile.url}),
    )
    yield made
    made.close()


def checked_sleep(seconds: float) -> None:
    """Refuses what time.sleep refuses (NaN, negative, too large), without the wait."""
    if not 0 <= seconds <= threading.TIMEOUT_MAX:
        raise ValueError(f"time.sleep({seconds}) would fail")


def _throttled(cost: Any) -> dict[str, Any]:
    return {
        "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
        "extensions": {"cost": cost},
    }


bodies = st.one_of(
    st.binary(max_size=80),
    values(KEYS).map(lambda value: json.dumps(value, default=str).encode()),
    mutations(
        {"data": {"orders": {"nodes": [ORDER], "pageInfo": {"hasNextPage": False}}}}, KEYS
    ).map(lambda value: json.dumps(value, default=str).encode()),
    mutations(
        _throttled(
            {
                "requestedQueryCost": 962,
                "actualQueryCost": None,
                "throttleStatus": {
                    "maximumAvailable": 1000.0,
                    "currentlyAvailable": 10.0,
                    "restoreRate": 50.0,
                },
            }
        ),
        KEYS,
    ).map(lambda value: json.dumps(value, default=str).encode()),
    st.sampled_from(
        [
            b'{"errors": "[API] Invalid API key or access token"}',
            b'{"data": null}',
            b'{"extensions": {"cost": {"throttleStatus": {"restoreRate": NaN}}}}',
            b'{"errors": [{"extensions": {"code": "THROTTLED"}}], "extensions": {"cost": '
            b'{"requestedQueryCost": 500, "throttleStatus": {"maximumAvailable": 1000, '
            b'"currentlyAvailable": NaN, "restoreRate": NaN}}}}',
            b'{"errors": [{"extensions": {"code": "THROTTLED"}}], "extensions": '
            b'{"cost": {"requestedQueryCost": 1e308, "throttleStatus": {"maximumAvailable": '
            b'Infinity, "currentlyAvailable": -Infinity, "restoreRate": 1e-300}}}}',
        ]
    ),
)
answers = st.builds(
    Answer,
    status=st.sampled_from(
        [200, 200, 200, 202, 204, 301, 302, 400, 401, 402, 403, 404, 423, 429, 500, 503]
    ),
    body=bodies,
    headers=st.fixed_dictionaries(
        {"Content-Type": st.sampled_from(["application/json", "text/html"])},
        optional={
            "Retry-After": st.sampled_from(["0", "-1", "1e9", "NaN", "soon", ""]),
            "Location": st.sampled_from(["https://evil.example/", "/admin", "::"]),
        },
    ),
)


@fuzz(QUICK)
@given(answer=answers)
def test_any_http_answer(hostile: HostileServer, client: ShopifyClient, answer: Answer) -> None:
    """Every call the app makes ends with its result or a ShopifyError, and promptly."""
    hostile.always(answer)
    try:
        for call in (
            lambda: check_connection(client),
            lambda: next(iter_order_pages(client, datetime(2026, 1, 1, tzinfo=UTC))),
        ):
            try:
                call()
            except ShopifyError as error:
                assert str(error)
    finally:
        hostile.always(None)


def test_the_fuzzer_reaches_the_parsers(tmp_path: Path) -> None:
    """The samples themselves parse: mutations start from valid answers."""
    order, more = parse.order(ORDER)
    usable_order(order)
    assert more is None and order.lines[0].fulfillment_status == "partial"
    assert parse.refund(REFUND_PAYLOAD).total.minor == 3490
    assert parse.suggested_refund("gid://shopify/Order/1", SUGGESTED).amount.minor == 3490
    assert parse.shop_policy(POLICY).kind == "REFUND_POLICY"


_POISON = (
    b'{"data": {"shop": null}, "extensions": {"cost": {"requestedQueryCost": 1e308, '
    b'"throttleStatus": {"maximumAvailable": 1e308, "currentlyAvailable": 0, '
    b'"restoreRate": 1e-300}}}}'
)


@pytest.mark.parametrize(
    "answer",
    [
        *(Answer(429, b"{}", {"Retry-After": value}) for value in ("NaN", "-1", "-inf", "1e9")),
        Answer(body=_POISON),  # a cost report that would have the next call wait for ages
        Answer(body=b'{"extensions": {"cost": {"requestedQueryCost": ' + b"9" * 400 + b"}}}"),
    ],
    ids=[
        "retry-after-nan",
        "retry-after-negative",
        "retry-after-minus-inf",
        "retry-after-huge",
        "poisoned-cost",
        "cost-beyond-float",
    ],
)
def test_hostile_pacing_never_breaks_or_freezes_the_client(
    hostile: HostileServer, answer: Answer
) -> None:
    """Every wait is one time.sleep accepts, none longer than a minute, and the call ends with
    a ShopifyError; the next call (to an honest shop) does not inherit a poisoned wait."""
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        checked_sleep(seconds)
        waits.append(seconds)

    client = ShopifyClient(
        DOMAIN,
        AccessToken(ACCESS_TOKEN),
        timeout=2.0,
        max_attempts=2,
        max_throttle_wait=5.0,
        sleep=sleep,
        transport=LoopbackTransport({DOMAIN: hostile.url}),
    )
    try:
        hostile.always(answer)
        with pytest.raises(ShopifyError):
            check_connection(client)
        hostile.always(Answer(body=b'{"data": {"shop": null}}'))
        with pytest.raises(ShopifyError, match="unexpected shop"):
            check_connection(client)
    finally:
        hostile.always(None)
        client.close()
    assert all(wait <= 66.0 for wait in waits)  # 60 s and its jitter at most
    assert sum(waits) <= 5.0 + 66.0  # the budget, overshot by one wait at most
