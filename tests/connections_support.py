"""Helpers for the connections tests: the fakes of both services and a `Connector` wired to them.

The reference schema takes ~2 s to build, so it is built once per process, whichever test
module asks first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from core.aliexpress import RateLimiter, RetryPolicy
from core.connections import Connector
from core.ledger import Ledger
from core.ledger.models import SupplierOrder
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_schema import reference_schema
from tests.fakes.shopify_server import FakeShopify, LoopbackTransport


@dataclass
class Fakes:
    shopify: FakeShopify
    aliexpress: FakeAliExpress

    def connector(self) -> Connector:
        """Production's connector, but routed to the fakes and without real waits."""
        routes = {self.shopify.domain: self.shopify.url}
        return Connector(
            shopify_transport=lambda: LoopbackTransport(routes),
            aliexpress_gateway=self.aliexpress.gateway,
            timeout=3.0,
            shopify_sleep=lambda _seconds: None,
            aliexpress_retry=RetryPolicy(attempts=2, sleep=lambda _seconds: None),
            aliexpress_limiter=RateLimiter(10_000),
        )


@contextmanager
def running_fakes() -> Iterator[Fakes]:
    with FakeShopify(reference_schema()) as shopify, FakeAliExpress() as aliexpress:
        yield Fakes(shopify, aliexpress)


def external_order_id(n: int) -> str:
    return f"81{n:014d}"


def add_supplier_orders(ledger: Ledger, count: int, *, start: int = 1) -> list[str]:
    """`count` open supplier orders in the ledger; returns their AliExpress order ids."""
    paid = datetime.now(UTC) - timedelta(days=2)
    rows: list[dict[str, Any]] = [
        {
            "external_order_id": external_order_id(n),
            "paid_at": paid,
            "order_status": "WAIT_SELLER_SEND_GOODS",
            "logistics_status": "WAIT_SELLER_SEND_GOODS",
            "end_reason": "",
        }
        for n in range(start, start + count)
    ]
    with ledger.engine.begin() as connection:
        connection.execute(insert(SupplierOrder), rows)
    return [row["external_order_id"] for row in rows]
