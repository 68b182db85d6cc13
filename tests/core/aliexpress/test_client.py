"""The client against the fake gateway: signed calls, typed errors, bounded retries."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.aliexpress import (
    AliExpressError,
    CredentialsError,
    DropshipApi,
    GatewayClient,
    GatewayError,
    GatewayUnavailableError,
    OrderNotFoundError,
    PermissionDeniedError,
    RateLimiter,
    RetryPolicy,
    SignatureError,
    StaticToken,
    TimestampError,
    TokenExpiredError,
    TokenSet,
)
from core.aliexpress.client import SYSTEM_PARAMS
from core.aliexpress.errors import error_from_fields
from tests.core.aliexpress.conftest import SleepLog
from tests.fakes.aliexpress_gateway import ORDER_GET, TRACKING_GET, FakeAliExpress, FakeOrder

ORDER_ID = "8100000000000001"


def _client(fake: FakeAliExpress, **overrides: object) -> GatewayClient:
    options: dict[str, object] = {
        "gateway": fake.gateway,
        "retry": RetryPolicy(sleep=SleepLog()),
        "limiter": RateLimiter(10_000),
        "timeout": 5.0,
    }
    options.update(overrides)
    secret = str(options.pop("app_secret", fake.app_secret))
    return GatewayClient(fake.app_key, secret, **options)  # type: ignore[arg-type]


def test_order_and_tracking_round_trip(fake: FakeAliExpress, api: DropshipApi) -> None:
    fake.add_order(FakeOrder(ORDER_ID))
    order = api.order(ORDER_ID)
    assert order.order_status == "WAIT_SELLER_SEND_GOODS" and not order.shipped
    assert api.tracking(ORDER_ID) is None
    fake.ship(ORDER_ID, "LP123", first_scan_ms=1_767_225_600_000)
    order = api.order(ORDER_ID)
    tracking = api.tracking(ORDER_ID)
    assert order.shipped and order.tracking_number == "LP123"
    assert tracking is not None and tracking.tracking_number == "LP123"
    assert tracking.first_event_at == datetime(2026, 1, 1, tzinfo=UTC)
    assert fake.count(ORDER_GET, "ok") == 2 and fake.count(TRACKING_GET) == 2


def test_unknown_status_is_kept(fake: FakeAliExpress, api: DropshipApi) -> None:
    fake.add_order(FakeOrder(ORDER_ID, order_status="WAIT_PLANET_ALIGNMENT"))
    assert api.order(ORDER_ID).order_status == "WAIT_PLANET_ALIGNMENT"


def test_bad_signature_is_refused_with_a_clear_error(
    fake: FakeAliExpress, tokens: TokenSet
) -> None:
    fake.add_order(FakeOrder(ORDER_ID))
    with (
        _client(fake, app_secret="a-wrong-app-secret") as client,
        pytest.raises(SignatureError) as caught,
    ):
        DropshipApi(client, StaticToken(tokens.access_token)).order(ORDER_ID)
    assert "app secret" in str(caught.value)
    assert caught.value.code == "IncompleteSignature"
    assert caught.value.fatal
    assert fake.count(ORDER_GET, "IncompleteSignature") == 1  # refused once, not retried


def test_unknown_app_key(fake: FakeAliExpress) -> None:
    with (
        GatewayClient("999", fake.app_secret, gateway=fake.gateway) as client,
        pytest.raises(CredentialsError, match="app key"),
    ):
        client.call(ORDER_GET, {"single_order_query": "{}"}, session="x")


def test_a_wrong_clock_is_refused(fake: FakeAliExpress, tokens: TokenSet) -> None:
    three_hours_late = lambda: time.time() - 3 * 3600  # noqa: E731
    with (
        _client(fake, clock=three_hours_late) as client,
        pytest.raises(TimestampError, match="clock"),
    ):
        client.call(ORDER_GET, {"single_order_query": "{}"}, session=tokens.access_token)


def test_a_clock_within_the_documented_skew_is_accepted(
    fake: FakeAliExpress, tokens: TokenSet
) -> None:
    fake.add_order(FakeOrder(ORDER_ID))
    one_hour_late = lambda: time.time() - 3600  # noqa: E731
    with _client(fake, clock=one_hour_late) as client:
        DropshipApi(client, StaticToken(tokens.access_token)).order(ORDER_ID)


def test_expired_token_without_refresh(fake: FakeAliExpress, client: GatewayClient) -> None:
    fake.add_order(FakeOrder(ORDER_ID))
    with pytest.raises(TokenExpiredError, match="access token"):
        client.call(ORDER_GET, {"single_order_query": "{}"}, session="stale-token-1234")


def test_order_not_found(fake: FakeAliExpress, api: DropshipApi) -> None:
    with pytest.raises(OrderNotFoundError, match="no order 8199999999999999"):
        api.order("8199999999999999")
    with pytest.raises(OrderNotFoundError, match="not an AliExpress order number"):
        api.order("#1001")
    assert fake.count(ORDER_GET) == 1  # the second one never left the machine


def test_permission_denied_uses_the_sample(fake: FakeAliExpress, api: DropshipApi) -> None:
    fake.add_order(FakeOrder(ORDER_ID))
    fake.denied_methods.add(ORDER_GET)
    with pytest.raises(PermissionDeniedError) as caught:
        api.order(ORDER_ID)
    assert "order " + ORDER_ID in str(caught.value)
    assert caught.value.request_id == "210126da17406391015547789"


def test_business_params_may_not_override_system_params(client: GatewayClient) -> None:
    for name in sorted(SYSTEM_PARAMS):
        with pytest.raises(ValueError):
            client.call(ORDER_GET, {name: "x"})


# -- retries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["500", "drop", "rate_limit"])
def test_transient_failures_are_retried(
    fake: FakeAliExpress, api: DropshipApi, sleeps: SleepLog, kind: str
) -> None:
    fake.add_order(FakeOrder(ORDER_ID))
    fake.fail_next(2, kind)
    assert api.order(ORDER_ID).order_id == ORDER_ID
    assert fake.count(outcome=kind) == 2 and fake.count(ORDER_GET, "ok") == 1
    assert len(sleeps.waits) == 2
    assert 0.25 <= sleeps.waits[0] <= 0.5 and 0.5 <= sleeps.waits[1] <= 1.0  # exponential


@pytest.mark.parametrize("kind", ["500", "drop"])
def test_retries_are_bounded_in_count(
    fake: FakeAliExpress, api: DropshipApi, sleeps: SleepLog, kind: str
) -> None:
    fake.add_order(FakeOrder(ORDER_ID))
    fake.fail_next(50, kind)
    with pytest.raises(GatewayUnavailableError, match="gave up after 4 tries"):
        api.order(ORDER_ID)
    assert fake.count(outcome=kind) == 4
    assert len(sleeps.waits) == 3 and sum(sleeps.waits) <= 0.5 + 1 + 2


def test_retries_are_bounded_in_time(fake: FakeAliExpress, tokens: TokenSet) -> None:
    fake.add_order(FakeOrder(ORDER_ID))
    fake.slow_seconds = 0.4
    fake.fail_next(50, "slow")
    policy = RetryPolicy(attempts=100, max_elapsed=1.0, base_delay=0.05, max_delay=0.1)
    started = time.monotonic()
    with _client(fake, retry=policy, timeout=0.2) as client:
        with pytest.raises(GatewayUnavailableError, match=r"broke off|could not be reached"):
            DropshipApi(client, StaticToken(tokens.access_token)).order(ORDER_ID)
        tries = client.requests_sent
    elapsed = time.monotonic() - started
    assert elapsed < 2.0
    assert 3 <= tries <= 8  # ~0.2 s time-out + <=0.1 s wait per try within the 1 s budget


def test_a_connection_refused_is_unavailable(sleeps: SleepLog) -> None:
    with FakeAliExpress() as stopped:
        gateway = stopped.gateway
    with (
        GatewayClient(
            "1", "secret", gateway=gateway, retry=RetryPolicy(attempts=2, sleep=sleeps)
        ) as client,
        pytest.raises(GatewayUnavailableError, match="could not be reached"),
    ):
        client.call(ORDER_GET, {}, session="token-1234")
    assert len(sleeps.waits) == 1


def test_non_transient_errors_are_not_retried(fake: FakeAliExpress, api: DropshipApi) -> None:
    with pytest.raises(OrderNotFoundError):
        api.order("8100000000000009")
    assert fake.count(ORDER_GET) == 1


# -- secrets ---------------------------------------------------------------------------------


def test_secrets_stay_out_of_errors_and_reprs(fake: FakeAliExpress, tokens: TokenSet) -> None:
    secret = "app-secret-that-must-not-leak"
    with _client(fake, app_secret=secret) as client:
        api = DropshipApi(client, StaticToken(tokens.access_token))
        errors: list[AliExpressError] = []
        for attempt in (lambda: api.order(ORDER_ID), lambda: api.tracking(ORDER_ID)):
            with pytest.raises(AliExpressError) as caught:
                attempt()
            errors.append(caught.value)
        texts = [repr(client), repr(api), repr(tokens), str(tokens), repr(api.tokens)]
        for error in errors:
            texts += [str(error), repr(error), error.detail, *map(str, error.args)]
    leaked = [t for t in texts if secret in t or tokens.access_token in t]
    assert not leaked
    assert tokens.refresh_token not in " ".join(texts)


def test_platform_messages_echoing_a_token_are_redacted() -> None:
    error = error_from_fields(
        {"code": "X", "msg": "bad session tok-123456789 for app"}, secrets=["tok-123456789"]
    )
    assert isinstance(error, GatewayError)
    assert "tok-123456789" not in str(error) and "[REDACTED]" in str(error)


# -- the wire format -------------------------------------------------------------------------

business_names = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=0x24F), min_size=1, max_size=10
).filter(lambda name: name not in SYSTEM_PARAMS)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(business_names, st.text(max_size=30), max_size=5))
def test_what_the_client_sends_passes_the_fakes_check(
    fake: FakeAliExpress, client: GatewayClient, tokens: TokenSet, params: dict[str, str]
) -> None:
    # An unknown method is refused only after the signature, timestamp and token checks.
    with pytest.raises(GatewayError) as caught:
        client.call("dropdesk.signature.probe", params, session=tokens.access_token)
    assert caught.value.code == "InvalidApi"
