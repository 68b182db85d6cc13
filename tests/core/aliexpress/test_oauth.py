"""Connecting an account: authorize URL, code exchange, refresh, warnings, refresh-once."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from core import redaction
from core.aliexpress import (
    DropshipApi,
    GatewayClient,
    GatewayError,
    ReconnectRequiredError,
    RefreshingTokens,
    TokenSet,
    authorize_url,
    exchange_code,
    reconnect_required,
    refresh_tokens,
    refresh_warning,
)
from core.aliexpress.errors import UnexpectedResponseError
from core.aliexpress.oauth import extract_code
from tests.conftest import CONTRACTS
from tests.fakes.aliexpress_gateway import ORDER_GET, FakeAliExpress, FakeOrder

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_authorize_url() -> None:
    url = authorize_url("500123", "https://dropdesk.example/callback", state="s1")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://api-sg.aliexpress.com/oauth/authorize"
    )
    assert parse_qs(parts.query) == {
        "response_type": ["code"],
        "force_auth": ["true"],
        "redirect_uri": ["https://dropdesk.example/callback"],
        "client_id": ["500123"],
        "state": ["s1"],
    }


@pytest.mark.parametrize(
    "pasted",
    ["  3_abc123  ", "https://dropdesk.example/callback?code=3_abc123&state=x"],
)
def test_extract_code(pasted: str) -> None:
    assert extract_code(pasted) == "3_abc123"


@pytest.mark.parametrize("pasted", ["", "   ", "https://dropdesk.example/cb?error=denied", "a b"])
def test_extract_code_refuses_junk(pasted: str) -> None:
    with pytest.raises(ValueError, match="No AliExpress authorization code"):
        extract_code(pasted)


def test_token_sample_parses_once_its_redacted_tokens_are_filled_in() -> None:
    body = json.loads(
        (CONTRACTS / "aliexpress" / "auth_token_refresh_sample_response.json").read_text()
    )
    with pytest.raises(UnexpectedResponseError, match="no access token"):
        TokenSet.from_response(body, NOW)  # the published sample has its tokens blanked
    tokens = TokenSet.from_response(
        {**body, "access_token": "A" * 12, "refresh_token": "R" * 12}, NOW
    )
    assert tokens.access_expires_at == datetime(2024, 4, 27, 4, 29, 20, tzinfo=UTC)
    assert tokens.refresh_expires_at == datetime(2024, 5, 27, 4, 29, 8, tzinfo=UTC)
    assert (tokens.user_id, tokens.seller_id, tokens.account) == (
        "2637908814",
        "2637908814",
        "ae_test_u0000@163.com",
    )
    assert "AAAA" not in repr(tokens) and "RRRR" not in repr(tokens)


def test_expiry_falls_back_to_durations() -> None:
    tokens = TokenSet.from_response(
        {
            "access_token": "a",
            "refresh_token": "r",
            "expires_in": 86400,
            "refresh_expires_in": "172800",
        },
        NOW,
    )
    assert tokens.access_expires_at == NOW + timedelta(days=1)
    assert tokens.refresh_expires_at == NOW + timedelta(days=2)


def _tokens(access_in: timedelta, refresh_in: timedelta) -> TokenSet:
    return TokenSet("a", "r", NOW + access_in, NOW + refresh_in)


def test_refresh_warning_a_week_before() -> None:
    assert not refresh_warning(_tokens(timedelta(days=30), timedelta(days=8)), NOW)
    assert refresh_warning(_tokens(timedelta(days=30), timedelta(days=7)), NOW)
    assert refresh_warning(_tokens(timedelta(days=1), timedelta(hours=1)), NOW)
    assert not reconnect_required(_tokens(timedelta(days=1), timedelta(hours=1)), NOW)
    assert reconnect_required(_tokens(timedelta(0), timedelta(0)), NOW)


def test_exchange_a_pasted_code(fake: FakeAliExpress, client: GatewayClient) -> None:
    code = fake.issue_code()
    tokens = exchange_code(client, f"https://dropdesk.example/cb?code={code}")
    now = datetime.now(UTC)
    assert timedelta(days=29) < tokens.access_expires_at - now <= timedelta(days=30)
    assert timedelta(days=59) < tokens.refresh_expires_at - now <= timedelta(days=60)
    fake.add_order(FakeOrder("8100000000000001"))
    from core.aliexpress import StaticToken

    DropshipApi(client, StaticToken(tokens.access_token)).order("8100000000000001")
    with pytest.raises(GatewayError, match="authorization code"):  # codes are single-use
        exchange_code(client, code)


def test_an_expired_code_is_refused(fake: FakeAliExpress, client: GatewayClient) -> None:
    clock = [1_800_000_000.0]
    fake.clock = lambda: clock[0]
    code = fake.issue_code()
    clock[0] += 181
    with (
        GatewayClient(
            fake.app_key, fake.app_secret, gateway=fake.gateway, clock=lambda: clock[0]
        ) as late,
        pytest.raises(GatewayError) as caught,
    ):
        exchange_code(late, code)
    assert caught.value.code == "InvalidCode"
    assert code not in str(caught.value)


def test_refresh(fake: FakeAliExpress, client: GatewayClient, tokens: TokenSet) -> None:
    fresh = refresh_tokens(client, tokens)
    assert fresh.access_token != tokens.access_token
    assert fresh.refresh_token != tokens.refresh_token
    assert fake.refreshes == 1
    # New tokens are unloggable from the moment they arrive (before anyone stores them).
    line = redaction.redact(f"got {fresh.access_token} and {fresh.refresh_token}")
    assert fresh.access_token not in line and fresh.refresh_token not in line


def test_a_revoked_refresh_token_means_reconnect(
    fake: FakeAliExpress, client: GatewayClient, tokens: TokenSet
) -> None:
    fake.revoke_refresh_tokens()
    with pytest.raises(ReconnectRequiredError, match="Connect AliExpress again") as caught:
        refresh_tokens(client, tokens)
    assert tokens.refresh_token not in str(caught.value)


def test_an_expired_refresh_token_is_not_even_sent(
    fake: FakeAliExpress, client: GatewayClient
) -> None:
    stale = TokenSet("a", "r", NOW - timedelta(days=40), NOW - timedelta(days=1))
    with pytest.raises(ReconnectRequiredError):
        refresh_tokens(client, stale)
    assert fake.calls == []


def test_an_access_token_past_its_expiry_is_refreshed_before_use(
    fake: FakeAliExpress, client: GatewayClient
) -> None:
    granted = TokenSet.from_response(fake.grant(), datetime.now(UTC))
    saved: list[TokenSet] = []
    later = lambda: granted.access_expires_at + timedelta(minutes=1)  # noqa: E731
    provider = RefreshingTokens(client, granted, on_refresh=saved.append, now=later)
    fake.add_order(FakeOrder("8100000000000001"))
    DropshipApi(client, provider).order("8100000000000001")
    assert fake.refreshes == 1 and provider.refreshes == 1
    assert saved == [provider.tokens] and saved[0].access_token != granted.access_token
    assert fake.count(ORDER_GET, "IllegalAccessToken") == 0  # never sent the stale token


def test_concurrent_calls_refresh_an_expired_token_once(
    fake: FakeAliExpress, client: GatewayClient, refreshing: RefreshingTokens
) -> None:
    ids = [f"81000000000000{n:02d}" for n in range(16)]
    for order_id in ids:
        fake.add_order(FakeOrder(order_id))
    fake.expire_access_tokens()
    api = DropshipApi(client, refreshing)
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def worker(chunk: list[str]) -> None:
        start.wait()
        for order_id in chunk:
            try:
                api.order(order_id)
            except BaseException as error:  # surfaced by the assertion below
                errors.append(error)

    threads = [threading.Thread(target=worker, args=(ids[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert fake.refreshes == 1 and refreshing.refreshes == 1
    assert fake.count(ORDER_GET, "ok") == 16
