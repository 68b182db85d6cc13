"""A refund Dropdesk made through Shopify, then synced back as the order's refunded total,
counts once in the review; one made in the Shopify admin beside it counts too."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlmodel import select

from core.cancel import money_trail
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, Supplier, SupplierOrder
from core.rates import Rates
from core.review import LineKind, Review, ReviewFilter
from core.shopify import RefundLineRequest, ShopInfo, save_shop, sync_orders
from core.shopify.refunds import create_refund_as_suggested, suggest_refund
from tests.core.shopify.conftest import MakeClient
from tests.fakes.shopify_server import FakeShopify

LINES = [("Lamp", "L-1", 2, Decimal("15.00")), ("Shade", "S-1", 1, Decimal("7.50"))]
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def test_synced_refund_and_dropdesk_refund_count_once(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order(lines=LINES, fulfilled=True)
    client = make_client()
    shop_id = save_shop(
        ledger, ShopInfo(fake_shopify.state.name, "EUR", fake_shopify.domain),
        api_version="2026-10", auth_kind="token",
    )  # fmt: skip
    sync_orders(ledger, client, shop_id)
    # The wizard's Shopify step: a refund of the lamp (15.00 EUR), recorded with its gid.
    line = RefundLineRequest(fake.lines[0].gid, 1, "RETURN")
    suggestion = suggest_refund(client, fake.gid, [line])
    made = create_refund_as_suggested(client, suggestion, idempotency_key="cancel-1-refund")
    at = made.created_at or NOW
    with ledger.session() as s:
        order = s.exec(select(CustomerOrder).where(CustomerOrder.shopify_gid == fake.gid)).one()
        supplier = Supplier(name="Sync Store")
        s.add(supplier)
        s.flush()
        placed = SupplierOrder(
            external_order_id="8300000000000001",
            supplier_id=supplier.id,
            customer_order_id=order.id,
        )
        s.add(placed)
        s.flush()
        row = Cancellation(
            supplier_order_id=placed.id, customer_order_id=order.id, state="done", created_at=at
        )
        s.add(row)
        s.flush()
        money_trail.record_to_customer(
            s, row, at, made.total.minor, "EUR", shopify_refund_gid=made.gid
        )
    fake_shopify.state.touch(fake)
    sync_orders(ledger, client, shop_id)  # brings Shopify's refunded total: 15.00
    with ledger.session() as s:
        synced = s.exec(select(CustomerOrder).where(CustomerOrder.shopify_gid == fake.gid)).one()
        assert synced.refunded_minor == 1_500
    review = Review(ledger.engine, Rates("EUR"))
    summary = review.summary(ReviewFilter(), NOW)
    assert {m.currency: m.refunded for m in summary.totals} == {"EUR": 1_500}
    assert summary.reporting("customer_refunds") == 1
    assert summary.reporting("from_shop") == 0
    # The merchant refunds the shade in the Shopify admin, without Dropdesk.
    shade = RefundLineRequest(fake.lines[1].gid, 1, "NO_RESTOCK")
    create_refund_as_suggested(
        client, suggest_refund(client, fake.gid, [shade]), idempotency_key="admin-1"
    )
    fake_shopify.state.touch(fake)
    sync_orders(ledger, client, shop_id)
    summary = review.summary(ReviewFilter(), NOW)
    assert {m.currency: m.refunded for m in summary.totals} == {"EUR": 1_500 + 750}
    assert summary.reporting("from_shop") == 750
    origins = sorted(line[11] for line in review.lines(LineKind.REFUNDS, ReviewFilter()))
    assert origins == ["Dropdesk", "Shopify (order date)"]
