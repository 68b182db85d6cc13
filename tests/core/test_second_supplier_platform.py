"""A second supplier platform is one package plus a registration.

The package is tests/cjdropshipping (a client over httpx and a `PLATFORM` that classifies CJ's
statuses); its API is a loopback fake (tests/fakes/cjdropshipping.py). Registered, its orders
are refreshed by the app's refresh, read in the app's status words and get their own order
page, while AliExpress' refresh leaves them alone. No core file knows about it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlmodel import col, select

from core import supplier_platforms
from core.aliexpress import (
    DropshipApi,
    GatewayClient,
    RateLimiter,
    RefreshingTokens,
    RetryPolicy,
    TokenSet,
    sync_order_statuses,
)
from core.ledger import Ledger
from core.ledger.models import Event, Supplier, SupplierOrder
from core.status_words import status_words
from core.supplier_platforms.port import SupplierPlatform
from core.supplier_platforms.refresh import refresh_orders
from tests import cjdropshipping
from tests.catalogue import in_english, in_german
from tests.cjdropshipping.client import CJClient, CJTokenError
from tests.fakes.aliexpress_gateway import FakeAliExpress, FakeOrder
from tests.fakes.cjdropshipping import TOKEN, CJOrder, FakeCJ

NOW = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
FIRST_SCAN = datetime(2026, 12, 6, 3, 0, tzinfo=UTC)
CJ_IDS = {
    "shipped": "CJ2612080001",
    "delivered": "CJ2612080002",
    "cancelled": "CJ2612080003",
    "waiting": "CJ2612080004",
    "new_word": "CJ2612080005",
}
AE_IDS = ("8100000000000001", "8100000000000002")  # of an AliExpress supplier, of none


@pytest.fixture
def cj_platform() -> Iterator[SupplierPlatform]:
    supplier_platforms.register(cjdropshipping.PLATFORM)
    yield supplier_platforms.get("cjdropshipping")
    supplier_platforms.unregister("cjdropshipping")


@pytest.fixture
def cj() -> Iterator[FakeCJ]:
    with FakeCJ() as fake:
        scan = int(FIRST_SCAN.timestamp() * 1000)
        fake.add(CJOrder(CJ_IDS["shipped"], "SHIPPED", "YT2612080001", "YunExpress", scan))
        fake.add(CJOrder(CJ_IDS["delivered"], "DELIVERED", "YT2612080002", "YunExpress", scan))
        fake.add(CJOrder(CJ_IDS["cancelled"], "CANCELLED"))
        fake.add(CJOrder(CJ_IDS["waiting"], "UNSHIPPED"))
        fake.add(CJOrder(CJ_IDS["new_word"], "HELD_AT_WAREHOUSE"))
        yield fake


@pytest.fixture
def ae() -> Iterator[FakeAliExpress]:
    with FakeAliExpress() as fake:
        for order_id in AE_IDS:
            fake.add_order(FakeOrder(order_id))
        yield fake


@pytest.fixture
def ae_api(ae: FakeAliExpress) -> Iterator[DropshipApi]:
    with GatewayClient(
        ae.app_key,
        ae.app_secret,
        gateway=ae.gateway,
        retry=RetryPolicy(attempts=1),
        limiter=RateLimiter(10_000),
        timeout=5.0,
    ) as client:
        tokens = TokenSet.from_response(ae.grant(), datetime.now(UTC))
        yield DropshipApi(client, RefreshingTokens(client, tokens))


def _orders(ledger: Ledger) -> dict[str, int]:
    """The two suppliers and their orders; returns order ids by external id."""
    with ledger.session() as session:
        cj_supplier = Supplier(name="CJ Warehouse", platform="cjdropshipping")
        ae_supplier = Supplier(name="Shenzhen Direct")  # AliExpress: the default platform
        session.add_all([cj_supplier, ae_supplier])
        session.flush()
        rows = [
            SupplierOrder(external_order_id=number, supplier_id=cj_supplier.id)
            for number in CJ_IDS.values()
        ]
        rows.append(SupplierOrder(external_order_id=AE_IDS[0], supplier_id=ae_supplier.id))
        rows.append(SupplierOrder(external_order_id=AE_IDS[1]))
        session.add_all(rows)
        session.flush()
        return {row.external_order_id: int(row.id or 0) for row in rows}


def _stored(ledger: Ledger) -> dict[str, SupplierOrder]:
    with ledger.session() as session:
        return {row.external_order_id: row for row in session.exec(select(SupplierOrder))}


def test_a_registered_second_platform_is_refreshed_and_read_in_the_apps_words(
    ledger: Ledger,
    cj: FakeCJ,
    cj_platform: SupplierPlatform,
    ae: FakeAliExpress,
    ae_api: DropshipApi,
) -> None:
    ids = _orders(ledger)
    client = CJClient(cj.base_url, TOKEN)
    try:
        summary = refresh_orders(ledger, cj_platform, client, now=lambda: NOW)
    finally:
        client.close()

    assert set(cj.asked) == set(CJ_IDS.values())  # its orders only, by Supplier.platform
    assert summary.checked == len(CJ_IDS) and summary.failed == ()
    assert set(summary.shipped) == {ids[CJ_IDS["shipped"]], ids[CJ_IDS["delivered"]]}
    assert summary.cancelled == (ids[CJ_IDS["cancelled"]],)
    assert summary.unknown_statuses == ("HELD_AT_WAREHOUSE",)

    stored = _stored(ledger)
    words = {
        name: status_words(stored[number].order_status, stored[number].end_reason)
        for name, number in CJ_IDS.items()
    }
    assert (in_english(words["shipped"]), in_german(words["shipped"])) == ("Shipped", "Versandt")
    assert (in_english(words["delivered"]), in_german(words["delivered"])) == (
        "Delivered",
        "Zugestellt",
    )
    assert (in_english(words["cancelled"]), in_german(words["cancelled"])) == (
        "Cancelled",
        "Storniert",
    )
    assert in_german(words["waiting"]) == "Wartet auf Versand"
    assert stored[CJ_IDS["new_word"]].order_status == "HELD_AT_WAREHOUSE"  # kept raw
    shipped = stored[CJ_IDS["shipped"]]
    assert (shipped.tracking_number, shipped.carrier) == ("YT2612080001", "YunExpress")
    assert shipped.shipped_at == FIRST_SCAN
    assert stored[CJ_IDS["cancelled"]].shipped_at is None
    for number in AE_IDS:  # untouched by CJ's refresh
        assert stored[number].updated_at is None

    with ledger.session() as session:
        kinds = [
            (event.kind, event.entity_id)
            for event in session.exec(select(Event).order_by(col(Event.id)))
        ]
        assert ("supplier_order.cjdropshipping_cancelled", ids[CJ_IDS["cancelled"]]) in kinds
        assert ("supplier_order.cjdropshipping_shipped", ids[CJ_IDS["shipped"]]) in kinds
        assert kinds[-1][0] == "cjdropshipping.status_sync"
        # The manual step opens the order on its own platform.
        cj_order = session.get(SupplierOrder, ids[CJ_IDS["cancelled"]])
        ae_order = session.get(SupplierOrder, ids[AE_IDS[1]])
        assert supplier_platforms.platform_of(session, cj_order).order_url(CJ_IDS["cancelled"]) == (
            "https://cjdropshipping.com/myCJ.html#/order-detail?orderId=CJ2612080003"
        )
        assert "aliexpress.com" in supplier_platforms.platform_of(session, ae_order).order_url(
            AE_IDS[1]
        )

    ae_summary = sync_order_statuses(ledger, ae_api, now=lambda: NOW)
    assert ae.order_ids_asked() == set(AE_IDS)  # never a CJ order
    assert ae_summary.total == len(AE_IDS)


def test_a_refused_token_stops_the_refresh_and_says_so(
    ledger: Ledger, cj: FakeCJ, cj_platform: SupplierPlatform
) -> None:
    _orders(ledger)
    client = CJClient(cj.base_url, "not-the-token")
    try:
        with pytest.raises(CJTokenError, match="refused the access token"):
            refresh_orders(ledger, cj_platform, client, concurrency=1, now=lambda: NOW)
    finally:
        client.close()
    with ledger.session() as session:
        journal = list(session.exec(select(Event).order_by(col(Event.id))))
    run = journal[-1]
    assert run.kind == "cjdropshipping.status_sync" and "CJTokenError" in run.payload
    assert not any("not-the-token" in event.payload for event in journal)  # no token journaled
    assert all(row.updated_at is None for row in _stored(ledger).values())
