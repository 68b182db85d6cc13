"""Wiring shared by the cancel tests and the crash runner's child process: ports that reach the
fakes on 127.0.0.1, a fake shop whose jobs finish on their own, and ledger seeding."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import select

from core.aliexpress import (
    DropshipApi,
    Gateway,
    GatewayClient,
    RateLimiter,
    RetryPolicy,
    StaticToken,
)
from core.cancel.ports import ShopifyShop
from core.ledger import Ledger
from core.ledger.models import CustomerOrder, Shop, Supplier, SupplierOrder
from core.shopify import AccessToken, ShopifyClient
from tests.fakes.aliexpress_gateway import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, FakeAliExpress
from tests.fakes.aliexpress_gateway import FakeOrder as FakeAEOrder
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN, LoopbackTransport
from tests.fakes.shopify_store import FakeOrder, ShopState

LINES = [("Lamp", "L-1", 2, Decimal("15.00")), ("Shade", "S-1", 1, Decimal("7.50"))]
ORDER_TOTAL_MINOR = 4240  # 2 x 15.00 + 7.50 + 4.90 shipping
COST_MINOR = 834  # the fake AliExpress order's 8.34 USD
_AE_IDS = itertools.count(8_100_000_000_000_001)


def no_sleep(_seconds: float) -> None:
    return None


def shop_port(fake_url: str, *, sleep: Any = no_sleep, timeout: float = 2.0) -> ShopifyShop:
    client = ShopifyClient(
        DOMAIN,
        AccessToken(ACCESS_TOKEN),
        timeout=timeout,
        sleep=sleep,
        transport=LoopbackTransport({DOMAIN: fake_url}),
    )
    return ShopifyShop(client)


def supplier_port(base_url: str, access_token: str) -> DropshipApi:
    client = GatewayClient(
        DEFAULT_APP_KEY,
        DEFAULT_APP_SECRET,
        gateway=Gateway.for_loopback(base_url),
        retry=RetryPolicy(attempts=2, max_elapsed=5.0, sleep=no_sleep),
        limiter=RateLimiter(10_000),
        timeout=5.0,
    )
    return DropshipApi(client, StaticToken(access_token))


class SelfFinishingJobs(ShopState):
    """Real Shopify runs a cancel job whether anyone polls it or not; the shared fake applies it
    only when polled. Here every job also finishes `job_delay` seconds after it started, at the
    next request that reads an order or a job (a gap to report to the fake's owner)."""

    def __init__(self, domain: str, *, job_delay: float = 0.2) -> None:
        super().__init__(domain)
        self.job_delay = job_delay
        self._started: dict[str, float] = {}

    def _order_cancel(
        self,
        info: Any,
        orderId: str,
        reason: str,
        restock: bool,
        notifyCustomer: bool = False,
        refundMethod: dict[str, Any] | None = None,
        staffNote: str | None = None,
    ) -> dict[str, Any]:
        answer = super()._order_cancel(
            info, orderId, reason, restock, notifyCustomer, refundMethod, staffNote
        )
        job = answer.get("job")
        if job:
            self._started[job["id"]] = time.monotonic()
        return answer

    def _finish_due(self) -> None:
        now = time.monotonic()
        for gid, started in self._started.items():
            job = self.jobs[gid]
            if not job.done and now - started >= self.job_delay:
                job.on_done()
                job.done = True

    def _order(self, info: Any, id: str) -> dict[str, Any] | None:
        self._finish_due()
        return super()._order(info, id)

    def _job(self, info: Any, id: str) -> dict[str, Any] | None:
        self._finish_due()
        return super()._job(info, id)


@dataclass(frozen=True)
class Seeded:
    supplier_order_id: int
    customer_order_id: int
    external_order_id: str
    shop_order: FakeOrder | None  # the fake Shopify's order (None when there is no fake)


def seed(
    ledger: Ledger,
    shop_state: ShopState | None,
    aliexpress: FakeAliExpress | None,
    *,
    paid_at: datetime,
    fulfilled: bool = False,
    external_order_id: str | None = None,
) -> Seeded:
    """A linked pair of orders in the ledger (and in the fakes, when given)."""
    ae_id = external_order_id or str(next(_AE_IDS))
    shop_order = shop_state.add_order(lines=LINES, fulfilled=fulfilled) if shop_state else None
    legacy = shop_order.legacy_id if shop_order else 1001
    with ledger.session() as session:
        shop = session.exec(select(Shop).where(Shop.domain == DOMAIN)).first()
        if shop is None:
            shop = Shop(domain=DOMAIN, name="Dropdesk Test Shop", currency="EUR")
            session.add(shop)
        supplier = session.exec(select(Supplier).where(Supplier.store_id == "1103800006")).first()
        if supplier is None:
            supplier = Supplier(name="Kedi Bottles Store", store_id="1103800006")
            session.add(supplier)
        session.flush()
        customer = CustomerOrder(
            shop_id=shop.id,
            shopify_gid=f"gid://shopify/Order/{legacy}",
            legacy_id=legacy,
            name=shop_order.name if shop_order else f"#{legacy}",
            created_at=paid_at,
            currency="EUR",
            total_minor=ORDER_TOTAL_MINOR,
            financial_status="paid",
            fulfillment_status="fulfilled" if fulfilled else "unfulfilled",
            source="api",
        )
        session.add(customer)
        session.flush()
        order = SupplierOrder(
            external_order_id=ae_id,
            supplier_id=supplier.id,
            customer_order_id=customer.id,
            paid_at=paid_at,
            cost_minor=COST_MINOR,
            currency="USD",
            order_status="WAIT_SELLER_SEND_GOODS",
            logistics_status="WAIT_SELLER_SEND_GOODS",
        )
        session.add(order)
        session.flush()
        assert order.id is not None and customer.id is not None
        ids = order.id, customer.id
    if aliexpress is not None:
        aliexpress.add_order(FakeAEOrder(ae_id))
    return Seeded(ids[0], ids[1], ae_id, shop_order)
