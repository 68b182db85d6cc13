"""Fixtures for the cancel workflow: both fakes running, a controllable clock, a seeded ledger
and workflows wired to the fakes (or to nothing, for manual mode)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from graphql import GraphQLSchema

from core.cancel.workflow import CancelWorkflow
from core.ledger import Ledger
from tests.core.cancel.wiring import Seeded, seed, shop_port, supplier_port
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, no holiday in CN or DE nearby


class Clock:
    """The workflow's `now`: stands still until the test moves it."""

    def __init__(self, start: datetime = START) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fake_shop(shopify_schema: GraphQLSchema) -> Iterator[FakeShopify]:
    with FakeShopify(shopify_schema) as fake:
        yield fake


@pytest.fixture
def fake_ae() -> Iterator[FakeAliExpress]:
    with FakeAliExpress() as fake:
        yield fake


@pytest.fixture
def ae_token(fake_ae: FakeAliExpress) -> str:
    return str(fake_ae.grant()["access_token"])


MakeWorkflow = Callable[..., CancelWorkflow]


@pytest.fixture
def make_workflow(
    ledger: Ledger, fake_shop: FakeShopify, fake_ae: FakeAliExpress, ae_token: str, clock: Clock
) -> Iterator[MakeWorkflow]:
    """make(shop=True, supplier=True, **options): a CancelWorkflow on the fakes (False: manual)."""
    closers: list[Callable[[], None]] = []

    def make(*, shop: bool = True, supplier: bool = True, **options: Any) -> CancelWorkflow:
        shop_api = shop_port(fake_shop.url) if shop else None
        supplier_api = supplier_port(fake_ae.base_url, ae_token) if supplier else None
        if shop_api is not None:
            closers.append(shop_api.client.close)
        if supplier_api is not None:
            closers.append(supplier_api.client.close)
        options.setdefault("job_poll", 0.01)
        options.setdefault("sleep", lambda _s: None)
        return CancelWorkflow(ledger, shop_api, supplier_api, clock, **options)

    yield make
    for close in closers:
        close()


@pytest.fixture
def orders(ledger: Ledger, fake_shop: FakeShopify, fake_ae: FakeAliExpress, clock: Clock) -> Seeded:
    """An unfulfilled Shopify order and its unshipped AliExpress order, paid two days ago."""
    return seed(ledger, fake_shop.state, fake_ae, paid_at=clock() - timedelta(days=2))
