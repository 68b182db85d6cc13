"""The cancel path against the fakes: the supplier accepts (by hand or as the status sync sees
it), the order is cancelled on Shopify through the API, and the supplier's money arrives."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from core import clocks
from core.cancel.next_deadline import DeadlineKind
from core.cancel.shop_cancel import ShopCancelOptions
from core.cancel.states import Path, State
from core.cancel.view import Action
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, Refund, Supplier, SupplierOrder
from core.ledger.types import Fault, Reason
from tests.catalogue import in_english, in_german
from tests.core.cancel.conftest import Clock, MakeWorkflow
from tests.core.cancel.wiring import COST_MINOR, ORDER_TOTAL_MINOR, Seeded
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify


def refunds(ledger: Ledger, run: int) -> list[Refund]:
    with ledger.session() as session:
        query = select(Refund).where(Refund.cancellation_id == run).order_by(col(Refund.id))
        return list(session.exec(query))


def test_accepted_path_end_to_end(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    clock: Clock,
) -> None:
    flow = make_workflow()
    ship_by = clock() + timedelta(days=2)
    with ledger.session() as session:
        supplier_order = session.get(SupplierOrder, orders.supplier_order_id)
        assert supplier_order is not None
        supplier_order.ship_by = ship_by
        session.add(supplier_order)
        session.commit()
    run = flow.start(orders.supplier_order_id, Reason.CHANGED_MIND, Fault.CUSTOMER)
    assert flow.state(run).state is State.CHECKING

    view = flow.check(run)
    assert view.state is State.SUPPLIER_CANCEL_TODO and view.path is Path.CANCEL
    assert "not shipped yet (Awaiting shipment)" in in_english(
        view.why
    )  # words, not AliExpress' code
    assert "(Wartet auf Versand)" in in_german(view.why) and "WAIT_" not in in_english(
        view.why
    ) + in_german(view.why)
    assert Action.MARK_SUPPLIER_CANCEL_REQUESTED in view.actions
    assert view.needs_out_of_pocket_ack
    # Changed deliberately (it used to have no deadline "by design"): the run waits for the
    # merchant's click on AliExpress, and the order left the ship-window list with the run's
    # start, so nothing reminded them. After shipping the supplier can no longer cancel: the
    # order's ship-by is the step's deadline.
    assert view.next_deadline == ship_by
    assert view.next_deadline_kind is DeadlineKind.SUPPLIER_STEP

    guide = flow.supplier_guide(run)
    assert guide.order_url == (
        f"https://www.aliexpress.com/p/order/detail.html?orderId={orders.external_order_id}"
    )
    assert guide.message.language == "en"  # a supplier is written to in English
    assert orders.external_order_id in guide.message.text
    assert orders.external_order_id in guide.message.in_language("de").text
    assert guide.answer_hours == 72 and guide.payment_check_until is None

    requested_at = clock.advance(minutes=5)
    view = flow.mark_supplier_cancel_requested(run)
    assert view.state is State.SUPPLIER_CANCEL_REQUESTED
    assert view.next_deadline == requested_at + timedelta(hours=72)
    assert view.next_deadline_kind is DeadlineKind.SUPPLIER_ANSWER

    answered_at = clock.advance(hours=20)
    view = flow.mark_supplier_answer(run, "accepted")
    assert view.state is State.SHOP_CANCEL_TODO
    assert Action.CANCEL_ON_SHOP in view.actions and not view.needs_out_of_pocket_ack
    expected_from, expected_until = clocks.refund_expected(
        answered_at, 3, 15, "DE", "Europe/Berlin"
    )
    # The Shopify step is the merchant's: due at once (from the supplier's "accepted"), before
    # the supplier's refund weeks later.
    assert view.next_deadline == answered_at
    assert view.next_deadline_kind is DeadlineKind.SHOP_STEP

    options = ShopCancelOptions(restock=True, notify_customer=False, staff_note="Supplier agreed")
    view = flow.cancel_on_shop(run, options)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    assert fake_shop.state.cancel_requests == [
        {
            "orderId": orders.shop_order.gid if orders.shop_order else "",
            "reason": "CUSTOMER",
            "restock": True,
            "notifyCustomer": False,
            "refundMethod": {"originalPaymentMethodsRefund": True},
            "staffNote": "Supplier agreed",
        }
    ]
    assert orders.shop_order is not None and orders.shop_order.cancelled_at is not None

    to_customer, from_supplier = sorted(refunds(ledger, run), key=lambda r: r.direction)[::-1]
    assert (to_customer.direction, to_customer.amount_minor, to_customer.currency) == (
        "to_customer",
        ORDER_TOTAL_MINOR,
        "EUR",
    )
    assert (to_customer.reason, to_customer.fault) == ("changed_mind", "customer")
    assert (from_supplier.state, from_supplier.amount_minor) == ("expected", COST_MINOR)
    assert (from_supplier.expected_from, from_supplier.expected_until) == (
        expected_from,
        expected_until,
    )
    with ledger.session() as session:
        customer = session.get(CustomerOrder, orders.customer_order_id)
        assert customer is not None and customer.cancelled_at is not None
        assert customer.refunded_minor == ORDER_TOTAL_MINOR

    clock.advance(days=6)
    view = flow.mark_supplier_refund_received(run, 830)
    assert view.state is State.DONE and view.final and view.actions == ()
    assert view.next_deadline is None and view.closed_at == clock()
    received = [m for m in view.money if m.direction == "from_supplier"]
    assert [(m.state, m.amount_minor) for m in received] == [("received", 830)]
    states = [e.kind.split(".", 1)[1] for e in view.timeline if e.kind.startswith("cancellation.")]
    assert states == [
        "started",
        "supplier_cancel_todo",
        "supplier_cancel_requested",
        "supplier_cancelled",
        "shop_cancel_todo",
        "shop_cancel_sent",
        "shop_cancel_job",
        "shop_cancelled",
        "awaiting_supplier_refund",
        "done",
    ]
    assert flow.open_cancellations() == []


def test_status_sync_sees_the_cancellation(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "out_of_stock")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    fake_ae.request_cancel(orders.external_order_id)
    view = flow.refresh_supplier(run)
    assert view.state is State.SUPPLIER_CANCEL_REQUESTED  # IN_CANCEL: still waiting

    fake_ae.close(orders.external_order_id, "cancel_order_close_trade")
    completed = clock.advance(hours=30)
    view = flow.refresh_supplier(run)
    assert view.state is State.SHOP_CANCEL_TODO
    assert view.supplier_answer == "accepted"
    (supplier_refund,) = [m for m in view.money if m.direction == "from_supplier"]
    assert supplier_refund.state == "issued"  # AliExpress completed it: the window runs
    assert supplier_refund.expected_until == clocks.refund_expected(completed, 3, 15)[1]
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None and row.supplier_answered_at == completed


def test_apply_status_sync_with_a_summary(
    make_workflow: MakeWorkflow, orders: Seeded, fake_ae: FakeAliExpress
) -> None:
    from core.aliexpress import sync_order_statuses

    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "other")
    flow.check(run)
    fake_ae.close(orders.external_order_id, "cancel_order_close_trade")
    api = flow.rt.supplier
    assert api is not None
    summary = sync_order_statuses(flow.rt.ledger, api, concurrency=1, now=flow.rt.now)
    assert summary.cancelled == (orders.supplier_order_id,)
    assert flow.apply_status_sync(summary) == (run,)
    assert flow.state(run).state is State.SHOP_CANCEL_TODO
    assert flow.apply_status_sync(summary) == ()  # nothing moves twice


def test_the_message_to_the_supplier_speaks_the_suppliers_language(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded
) -> None:
    """English for a supplier in China (the default), German for one in Germany."""
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, Reason.DAMAGED, Fault.SUPPLIER)
    flow.check(run)
    english = flow.supplier_guide(run).message
    assert english.language == "en" and english.text.startswith("Hello,")
    with ledger.session() as session:
        supplier = session.get(SupplierOrder, orders.supplier_order_id)
        assert supplier is not None and supplier.supplier_id is not None
        row = session.get(Supplier, supplier.supplier_id)
        assert row is not None
        row.holiday_country, row.time_zone = "DE", "Europe/Berlin"
    german = flow.supplier_guide(run).message
    assert german.language == "de" and german.text.startswith("Guten Tag,")
    assert orders.external_order_id in german.text
