"""The refund way: the supplier already shipped (too late to cancel there), or Shopify shows
the order fulfilled (Shopify can only refund; the supplier is still asked to cancel first)."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import select

from core.cancel.states import Path, State
from core.cancel.view import Action
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder
from tests.catalogue import in_english, in_german
from tests.core.cancel.conftest import Clock, MakeWorkflow
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, seed
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify


def test_already_shipped_goes_straight_to_the_refund(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    orders = seed(ledger, fake_shop.state, fake_ae, paid_at=clock.advance(days=-4))
    clock.advance(days=4)
    fake_ae.ship(orders.external_order_id, "LP0042")
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "changed_mind", "customer")
    view = flow.check(run)
    assert view.state is State.SHOP_REFUND_TODO and view.path is Path.REFUND
    assert in_english(view.why).startswith("Too late to cancel at the supplier")
    assert "LP0042" in in_english(view.why)
    assert in_german(view.why).startswith("Zu spät") and "LP0042" in in_german(
        view.why
    )  # the window's language
    assert all(in_german(alt) and in_german(alt) != in_english(alt) for alt in view.alternatives)
    assert any("take delivery" in in_english(alt) for alt in view.alternatives)
    assert Action.MARK_SUPPLIER_CANCEL_REQUESTED not in view.actions
    assert {Action.PREVIEW_SHOP_REFUND, Action.REFUND_ON_SHOP} <= set(view.actions)
    kinds = [entry.kind for entry in view.timeline]
    assert kinds[-2:] == ["cancellation.refund_path", "cancellation.shop_refund_todo"]

    preview = flow.preview_shop_refund(run, refund_shipping=False)
    assert preview.total_minor == ORDER_TOTAL_MINOR - 490 and preview.shipping_minor == 0
    view = flow.refund_on_shop(run, preview)
    assert view.state is State.DONE
    assert orders.shop_order is not None and orders.shop_order.refunded == Decimal("37.50")
    with ledger.session() as session:
        customer = session.get(CustomerOrder, orders.customer_order_id)
        assert customer is not None and customer.refunded_minor == 3750
        assert customer.financial_status == "partially_refunded"


def test_fulfilled_on_shopify_is_refunded_after_the_supplier_cancelled(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    orders = seed(ledger, fake_shop.state, fake_ae, paid_at=clock(), fulfilled=True)
    assert orders.shop_order is not None
    orders.shop_order.lines[1].fulfilled = 0  # the Shade is not fulfilled yet
    clock.advance(hours=30)
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "wrong_size", "merchant")
    view = flow.check(run)
    assert view.state is State.SUPPLIER_CANCEL_TODO and view.path is Path.REFUND
    assert "can only be refunded" in in_english(view.why)
    flow.mark_supplier_cancel_requested(run)
    view = flow.mark_supplier_answer(run, "accepted")
    assert view.state is State.SHOP_REFUND_TODO
    assert Action.CANCEL_ON_SHOP not in view.actions

    preview = flow.preview_shop_refund(run)
    assert [(line.title, line.quantity, line.restock_type) for line in preview.lines] == [
        ("Lamp", 2, "RETURN"),
        ("Shade", 1, "CANCEL"),
    ]
    assert [line.subtotal_minor for line in preview.lines] == [3000, 750]
    assert (preview.total_minor, preview.maximum_minor, preview.currency) == (4240, 4240, "EUR")
    assert fake_shop.state.refunds == []  # a preview sends nothing

    view = flow.refund_on_shop(run, preview, note="Wrong size advised", notify_customer=True)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    (request,) = fake_shop.state.refund_requests
    with ledger.session() as session:
        row = session.exec(select(Cancellation)).one()
        assert row.refund_idempotency_key and request["key"] == row.refund_idempotency_key
    assert request["input"]["note"] == "Wrong size advised" and request["input"]["notify"] is True
    assert [(i["quantity"], i["restockType"]) for i in request["input"]["refundLineItems"]] == [
        (2, "RETURN"),
        (1, "CANCEL"),
    ]
    (to_customer,) = [m for m in view.money if m.direction == "to_customer"]
    assert to_customer.amount_minor == 4240
    assert fake_shop.state.cancel_requests == []  # a fulfilled order is never sent orderCancel

    view = flow.mark_supplier_refund_received(run)
    assert view.state is State.DONE


def test_order_fulfilled_meanwhile_switches_to_the_refund(
    make_workflow: MakeWorkflow,
    fake_shop: FakeShopify,
    ledger: Ledger,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    orders = seed(ledger, fake_shop.state, fake_ae, paid_at=clock())
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "other")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    flow.mark_supplier_answer(run, "accepted")
    assert orders.shop_order is not None
    orders.shop_order.fulfill()  # fulfilled on Shopify after the check
    view = flow.cancel_on_shop(run)
    assert view.state is State.SHOP_REFUND_TODO and view.path is Path.REFUND
    assert "cannot be cancelled, only refunded" in in_english(view.why)
    assert fake_shop.state.cancel_requests == []
