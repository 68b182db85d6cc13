"""Fixtures for the AliExpress client: a running fake gateway and clients pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from core.aliexpress import (
    DropshipApi,
    GatewayClient,
    RateLimiter,
    RefreshingTokens,
    RetryPolicy,
    TokenSet,
)
from tests.fakes.aliexpress_gateway import FakeAliExpress


class SleepLog:
    """Stands in for time.sleep in retry policies: records the waits, waits only briefly."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def fake() -> Iterator[FakeAliExpress]:
    with FakeAliExpress() as server:
        yield server


@pytest.fixture
def sleeps() -> SleepLog:
    return SleepLog()


@pytest.fixture
def client(fake: FakeAliExpress, sleeps: SleepLog) -> Iterator[GatewayClient]:
    with GatewayClient(
        fake.app_key,
        fake.app_secret,
        gateway=fake.gateway,
        retry=RetryPolicy(attempts=4, max_elapsed=30.0, sleep=sleeps),
        limiter=RateLimiter(10_000),
        timeout=5.0,
    ) as opened:
        yield opened


@pytest.fixture
def tokens(fake: FakeAliExpress) -> TokenSet:
    return TokenSet.from_response(fake.grant(), datetime.now(UTC))


@pytest.fixture
def refreshing(client: GatewayClient, tokens: TokenSet) -> RefreshingTokens:
    return RefreshingTokens(client, tokens)


@pytest.fixture
def api(client: GatewayClient, refreshing: RefreshingTokens) -> DropshipApi:
    return DropshipApi(client, refreshing)
