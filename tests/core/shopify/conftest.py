"""Fixtures for the Shopify tests: the reference schema (built once), a running fake Shopify,
and clients wired to it through the loopback transport."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema

from core.shopify import AccessToken, ShopifyClient
from core.shopify.auth import Credentials
from tests.fakes.shopify_server import ACCESS_TOKEN, FakeShopify, LoopbackTransport

SCHEMA_FILE = Path(__file__).parents[2] / "contracts" / "shopify" / "admin-2026-04.schema.graphql"


@pytest.fixture(scope="session")
def shopify_schema() -> GraphQLSchema:
    """The Admin API 2026-04 schema (about 2 s to build: once per session)."""
    # assume_valid: the introspected SDL trips graphql-core 3.3's checks on deprecated fields.
    return build_schema(SCHEMA_FILE.read_text(encoding="utf-8"), assume_valid=True)


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
