"""Offline/manual mode, abandoning, the out-of-pocket confirmation and refused steps."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.cancel.errors import (
    CancelError,
    CancellationOpenError,
    IllegalTransitionError,
    OutOfPocketNotAcknowledgedError,
    StepUnavailableError,
)
from core.cancel.shop_manual import admin_url
from core.cancel.states import State
from core.cancel.view import Action
from core.ledger import Ledger
from core.ledger.models import CustomerOrder, SupplierOrder
from tests.catalogue import in_english, in_german
from tests.core.cancel.conftest import Clock, MakeWorkflow
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, Seeded, seed
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify


def test_offline_manual_run(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
) -> None:
    flow = make_workflow(shop=False, supplier=False)
    run = flow.start(orders.supplier_order_id, "changed_mind")
    view = flow.check(run)
    assert view.state is State.SUPPLIER_CANCEL_TODO
    assert in_english(view.why).startswith("The ledger says (last known)")
    assert any("AliExpress is not connected" in in_english(n) for n in view.notes)
    assert any("Shopify is not connected" in in_english(n) for n in view.notes)
    assert any("AliExpress ist nicht verbunden" in in_german(n) for n in view.notes)
    assert in_german(view.why).startswith("Laut Auftragsbuch")
    assert not view.shop_online and not view.supplier_online
    assert Action.REFRESH_SUPPLIER not in view.actions
    with pytest.raises(StepUnavailableError, match="not connected"):
        flow.refresh_supplier(run)

    flow.mark_supplier_cancel_requested(run)
    view = flow.mark_supplier_answer(run, "accepted")
    assert view.state is State.SHOP_CANCEL_TODO
    assert Action.CANCEL_ON_SHOP not in view.actions
    assert Action.CONFIRM_MANUAL_SHOP_STEP in view.actions
    with pytest.raises(StepUnavailableError, match="Shopify admin"):
        flow.cancel_on_shop(run)

    guide = flow.shop_manual_guide(run)
    assert orders.shop_order is not None
    assert guide.admin_url == (
        f"https://admin.shopify.com/store/dropdesk-test/orders/{orders.shop_order.legacy_id}"
    )
    assert not guide.refund and "Cancel order" in in_english(guide.clicks[1])
    assert guide.suggested_amount_minor == ORDER_TOTAL_MINOR
    assert admin_url("Dropdesk-Test.myshopify.com", 7) == (
        "https://admin.shopify.com/store/dropdesk-test/orders/7"
    )
    assert admin_url("evil.example.com", 7) is None and admin_url("shop", None) is None

    view = flow.confirm_manual_shop_step(run, 4000)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    (to_customer,) = [m for m in view.money if m.direction == "to_customer"]
    assert (to_customer.amount_minor, to_customer.currency) == (4000, "EUR")
    view = flow.mark_supplier_refund_received(run)
    assert view.state is State.DONE
    # Nothing reached the fakes: offline means offline.
    assert fake_shop.log == [] and fake_ae.calls == []


def test_abandon_closes_the_run_and_nothing_moves_after(
    make_workflow: MakeWorkflow, orders: Seeded, clock: Clock
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "changed_mind")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    with pytest.raises(CancelError, match="Say why"):
        flow.abandon(run, "  ")
    view = flow.abandon(run, "The customer wants the order after all")
    assert view.state is State.ABANDONED and view.abandoned_reason.startswith("The customer")
    assert view.closed_at == clock() and view.next_deadline is None and view.actions == ()
    with pytest.raises(IllegalTransitionError, match="Cannot record the supplier's answer now"):
        flow.mark_supplier_answer(run, "accepted")
    with pytest.raises(IllegalTransitionError):
        flow.abandon(run, "again")
    assert flow.open_cancellations() == []
    # A closed run does not block a new one for the same order.
    assert flow.start(orders.supplier_order_id, "other") != run


def test_illegal_steps_are_refused_with_a_clear_error(
    make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "other")
    with pytest.raises(IllegalTransitionError, match="Cannot record the cancel request now"):
        flow.mark_supplier_cancel_requested(run)
    with pytest.raises(CancellationOpenError) as info:
        flow.start(orders.supplier_order_id, "other")
    assert info.value.cancellation_id == run
    flow.check(run)
    with pytest.raises(IllegalTransitionError, match="Cannot check the order now"):
        flow.check(run)
    with pytest.raises(IllegalTransitionError, match="Cannot ask for the tracking number now"):
        flow.request_tracking(run)
    with pytest.raises(IllegalTransitionError):
        flow.open_dispute(run)
    with pytest.raises(ValueError):
        flow.start(orders.supplier_order_id, "bored")
    assert flow.state(run).state is State.SUPPLIER_CANCEL_TODO
    assert fake_shop.state.cancel_requests == []


def test_shopify_before_the_supplier_needs_the_out_of_pocket_confirmation(
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    clock: Clock,
    ledger: Ledger,
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "changed_mind")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    with pytest.raises(OutOfPocketNotAcknowledgedError, match="out of your pocket"):
        flow.cancel_on_shop(run)
    with pytest.raises(OutOfPocketNotAcknowledgedError):
        flow.confirm_manual_shop_step(run, 100)
    assert fake_shop.state.cancel_requests == []

    view = flow.cancel_on_shop(run, acknowledge_out_of_pocket=True)
    # Cancelled on Shopify; back to waiting for the supplier, whose answer clock still runs.
    assert view.state is State.SUPPLIER_CANCEL_REQUESTED
    assert len(fake_shop.state.cancel_requests) == 1
    assert view.next_deadline is not None and view.next_deadline > clock()
    assert Action.CANCEL_ON_SHOP not in view.actions

    with pytest.raises(StepUnavailableError, match="already done"):
        flow.cancel_on_shop(run, acknowledge_out_of_pocket=True)
    view = flow.mark_supplier_answer(run, "accepted")
    assert view.state is State.AWAITING_SUPPLIER_REFUND  # Shopify is not asked again
    assert len(fake_shop.state.cancel_requests) == 1
    note = flow.customer_note(run)
    # No language on the order: the shop's (a shop in Germany writes German), not the window's.
    assert note.recipient == "customer" and note.language == "de"
    assert "wie gewünscht storniert" in note.text and "erstattet" in note.text
    english = note.in_language("en").text  # the merchant may switch this one message
    assert "has been cancelled" in english and "refunded" in english
    with ledger.session() as session:  # the order says the customer writes English
        customer = session.get(CustomerOrder, orders.customer_order_id)
        assert customer is not None
        customer.customer_locale = "en-GB"
    note = flow.customer_note(run)
    assert note.language == "en" and "has been cancelled" in note.text


def test_early_refund_then_supplier_ships_ends_out_of_pocket(
    make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "changed_mind")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    flow.cancel_on_shop(run, acknowledge_out_of_pocket=True)
    flow.mark_supplier_answer(run, "refused")
    view = flow.mark_tracking_received(run, "LP7")
    assert view.state is State.DONE  # refunded already, nothing coming from the supplier
    assert "schon verschickt" in flow.customer_note(run).text  # a shop in Germany
    money = {(m.direction, m.state) for m in view.money}
    assert money == {("to_customer", "issued")}


def test_card_payment_check_warning(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    orders = seed(ledger, fake_shop.state, fake_ae, paid_at=clock() - timedelta(hours=3))
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "changed_mind")
    flow.check(run)
    guide = flow.supplier_guide(run)
    assert guide.payment_check_until == clock() + timedelta(hours=21)
    assert any("24-hour payment check" in in_english(w) for w in guide.warnings)
    with ledger.session() as session:
        order = session.get(SupplierOrder, orders.supplier_order_id)
        assert order is not None
        order.ship_by = clock() - timedelta(hours=1)
        session.add(order)
    assert any("ship window has closed" in in_english(w) for w in flow.supplier_guide(run).warnings)


def test_open_cancellations_sorted_by_next_deadline(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    flow = make_workflow()
    runs = []
    for _ in range(3):
        orders = seed(ledger, fake_shop.state, fake_ae, paid_at=clock() - timedelta(days=1))
        run = flow.start(orders.supplier_order_id, "other")
        flow.check(run)
        runs.append(run)
    flow.mark_supplier_cancel_requested(runs[2])  # due in 72 h
    clock.advance(hours=1)
    flow.mark_supplier_cancel_requested(runs[0])  # due an hour later
    listed = flow.open_cancellations()
    # The run still waiting for the merchant's own request on AliExpress comes first: its
    # step was due the moment the check found it (no ship-by known in this seed).
    assert [c.id for c in listed] == [runs[1], runs[2], runs[0]]
    assert listed[0].next_deadline == listed[0].updated_at and listed[0].external_order_id
    assert listed[0].next_deadline_label == "Request the cancellation on AliExpress before it ships"
    assert listed[1].next_deadline_label.startswith("The cancel request resolves")
    from core.cancel.listing import badges_for

    badges = badges_for(ledger, [listed[1].supplier_order_id or 0])
    (badge,) = badges.values()
    assert badge.state is State.SUPPLIER_CANCEL_REQUESTED and badge.cancellation_id == runs[2]
