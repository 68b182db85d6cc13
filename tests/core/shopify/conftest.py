"""Fixtures for the Shopify tests: the reference schema (built once), a running fake Shopify,
and clients wired to it through the loopback transport."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from graphql import GraphQLSchema

from core.shopify import AccessToken, ShopifyClient
from core.shopify.auth import Credentials
from tests.fakes.shopify_server import ACCESS_TOKEN, FakeShopify, LoopbackTransport


@pytest.fixture
def fake_shopify(shopify_schema: GraphQLSchema) -> Iterator[FakeShopify]:
    with FakeShopify(shopify_schema) as fake:
        yield fake


class Sleeper:
    """An injectable sleep that records every wait and, if `real`, really waits."""

    def __init__(self, *, real: bool) -> None:
        self.real = real
        self.waits: list[float] = []
        self.ended: list[float] = []  # time.monotonic() when each wait was over

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        if self.real:
            time.sleep(seconds)
        self.ended.append(time.monotonic())

    @property
    def total(self) -> float:
        return sum(self.waits)


MakeClient = Callable[..., ShopifyClient]


@pytest.fixture
def make_client(fake_shopify: FakeShopify) -> Iterator[MakeClient]:
    """ShopifyClient(fake's shop, credentials) over a LoopbackTransport; kwargs pass through."""
    made: list[ShopifyClient] = []

    def make(credentials: Credentials | None = None, **options: Any) -> ShopifyClient:
        options.setdefault("timeout", 2.0)
        options.setdefault("sleep", Sleeper(real=False))
        options.setdefault("transport", LoopbackTransport({fake_shopify.domain: fake_shopify.url}))
        client = ShopifyClient(
            fake_shopify.domain, credentials or AccessToken(ACCESS_TOKEN), **options
        )
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
