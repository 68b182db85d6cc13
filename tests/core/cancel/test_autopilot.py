"""Autopilot against the fakes: one decision up front, then the run moves by itself; the merchant
is asked only what a person must answer. Merchant actions are counted as the calls a click
makes (start with the decision, "I have done it", an answer)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from core.cancel.autopilot import Autopilot, Need
from core.cancel.decision import Decision, ShopAction, decision_of, default_for
from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.models import Refund
from core.ledger.types import Fault, Reason
from tests.catalogue import in_english, in_german
from tests.core.cancel.conftest import Clock, MakeWorkflow
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, Seeded, seed
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify

DECISION = Decision(Reason.OUT_OF_STOCK, Fault.SUPPLIER, notify_customer=False)


def money(ledger: Ledger, run: int) -> list[tuple[str, int, str]]:
    with ledger.session() as session:
        query = select(Refund).where(Refund.cancellation_id == run).order_by(col(Refund.id))
        return [(r.direction, r.amount_minor, r.state) for r in session.exec(query)]


def test_connected_accepted_path_takes_two_merchant_actions(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    pilot = Autopilot(make_workflow())
    actions = 0

    run = pilot.start(orders.supplier_order_id, DECISION)  # merchant action 1
    actions += 1
    progress = pilot.advance(run)
    assert progress.state is State.SUPPLIER_CANCEL_TODO and progress.need is Need.ALIEXPRESS
    name = orders.shop_order.name if orders.shop_order else ""
    assert in_english(progress.will) == f"Will cancel {name} on Shopify when the supplier accepts."
    assert "sobald der Lieferant zustimmt" in in_german(progress.will)
    assert fake_shop.state.cancel_requests == []  # nothing before the supplier accepted

    progress = pilot.aliexpress_requested(run)  # merchant action 2: "I have done it"
    actions += 1
    assert progress.state is State.SUPPLIER_CANCEL_REQUESTED and progress.need is Need.WAIT

    clock.advance(hours=1)
    assert pilot.watch()[0].state is State.SUPPLIER_CANCEL_REQUESTED  # no answer yet
    assert fake_shop.state.cancel_requests == []

    fake_ae.close(orders.external_order_id, "cancel_order_close_trade")  # the supplier accepts
    clock.advance(hours=5)
    (progress,) = pilot.watch()
    assert progress.state is State.DONE and progress.need is Need.NOTHING, progress
    assert "autopilot:shop_cancel" in progress.did
    assert actions == 2
    assert len(fake_shop.state.cancel_requests) == 1
    assert fake_shop.state.cancel_requests[0]["notifyCustomer"] is False
    assert orders.shop_order is not None and orders.shop_order.cancelled_at is not None
    assert money(ledger, run) == [
        ("from_supplier", 834, "issued"),  # detected: AliExpress closed the order refunded
        ("to_customer", ORDER_TOTAL_MINOR, "issued"),
    ]
    assert pilot.watch() == []  # closed runs are left alone
    assert len(fake_shop.state.cancel_requests) == 1


def test_refund_decision_refunds_instead_of_cancelling(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
) -> None:
    pilot = Autopilot(make_workflow())
    decided = Decision(Reason.CHANGED_MIND, Fault.CUSTOMER, ShopAction.REFUND)
    run = pilot.start(orders.supplier_order_id, decided)
    pilot.advance(run)
    pilot.aliexpress_requested(run)
    fake_ae.close(orders.external_order_id, "cancel_order_close_trade")
    progress = pilot.advance(run)
    assert progress.state is State.DONE, progress
    assert "autopilot:shop_refund" in progress.did
    assert fake_shop.state.cancel_requests == [] and len(fake_shop.state.refunds) == 1


def test_manual_mode_asks_only_the_five_questions(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    pilot = Autopilot(make_workflow(shop=False, supplier=False))
    needs = []
    run = pilot.start(orders.supplier_order_id, DECISION)  # 1
    needs.append(pilot.advance(run).need)
    needs.append(pilot.aliexpress_requested(run).need)  # 2
    progress = pilot.supplier_answered(run, True)  # 3
    needs.append(progress.need)
    assert in_english(progress.will) == ""  # Shopify not connected: nothing is automatic
    needs.append(pilot.shop_step_done(run, ORDER_TOTAL_MINOR).need)  # 4
    progress = pilot.money_arrived(run)  # 5
    assert needs == [Need.ALIEXPRESS, Need.SUPPLIER_ANSWER, Need.SHOP_STEP, Need.MONEY]
    assert progress.state is State.DONE and progress.need is Need.NOTHING
    assert fake_shop.state.cancel_requests == []


def test_shipped_order_is_not_refunded_before_the_merchant_confirms(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
) -> None:
    """Refused path: the supplier ships anyway. The refund would be the merchant's money, so
    the autopilot asks once (the one unavoidable extra action) before refunding."""
    pilot = Autopilot(make_workflow())
    run = pilot.start(orders.supplier_order_id, DECISION)
    pilot.advance(run)
    pilot.aliexpress_requested(run)
    fake_ae.ship(orders.external_order_id, "LP00123")
    progress = pilot.advance(run)
    assert progress.state is State.SHOP_REFUND_TODO and progress.need is Need.CONFIRM_SHOP
    assert fake_shop.state.refunds == [] and fake_shop.state.cancel_requests == []
    progress = pilot.confirm_shop_step(run)
    assert progress.state is State.DONE and len(fake_shop.state.refunds) == 1, progress


def test_without_a_decision_nothing_is_sent(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, Reason.OTHER)
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    flow.mark_supplier_answer(run, "accepted")
    progress = Autopilot(flow).advance(run)
    assert progress.need is Need.DECISION and progress.state is State.SHOP_CANCEL_TODO
    assert fake_shop.state.cancel_requests == []


def test_explicit_early_cancel_and_the_remembered_defaults(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
) -> None:
    pilot = Autopilot(make_workflow())
    early = Decision(Reason.FRAUD, Fault.CUSTOMER, restock=False, shop_before_supplier=True)
    run = pilot.start(orders.supplier_order_id, early)
    progress = pilot.advance(run)
    assert len(fake_shop.state.cancel_requests) == 1
    assert fake_shop.state.cancel_requests[0]["restock"] is False
    assert progress.state is State.SUPPLIER_CANCEL_TODO and progress.need is Need.ALIEXPRESS
    with ledger.session() as session:
        assert decision_of(session, run) == early
        remembered = default_for(session, Reason.FRAUD)
    assert remembered.restock is False and remembered.fault is Fault.CUSTOMER
    assert remembered.shop_before_supplier is False  # never remembered: chosen each time


def test_bulk_fifty_orders_mixed_outcomes_one_shop_action_each(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    """One decision for 50 orders: 20 accepted, 10 ship anyway (confirmed refund), 10 already
    fulfilled on Shopify (refund), 10 never answered yet. Every run is independent."""
    seeded = [
        seed(
            ledger,
            fake_shop.state,
            fake_ae,
            paid_at=clock() - timedelta(days=2),
            fulfilled=30 <= i < 40,
        )
        for i in range(50)
    ]
    pilot = Autopilot(make_workflow())
    bulk = pilot.start_many(
        [s.supplier_order_id for s in seeded] + [seeded[0].supplier_order_id], DECISION
    )
    assert len(bulk.started) == 50 and bulk.refused == ()
    runs = dict(bulk.started)
    for progress in pilot.watch():
        assert progress.need is Need.ALIEXPRESS
    for s in seeded:  # the AliExpress pages, one after another
        pilot.aliexpress_requested(runs[s.supplier_order_id])
    for i, s in enumerate(seeded):
        if i < 20 or 30 <= i < 40:
            fake_ae.close(s.external_order_id, "cancel_order_close_trade")
        elif i < 30:
            fake_ae.ship(s.external_order_id, f"LP{i:04}")
    clock.advance(hours=3)
    outcome = {p.cancellation_id: p for p in pilot.watch()}
    for i in range(20, 30):
        assert outcome[runs[seeded[i].supplier_order_id]].need is Need.CONFIRM_SHOP
        pilot.confirm_shop_step(runs[seeded[i].supplier_order_id])
    outcome = {p.cancellation_id: p for p in pilot.watch()}
    pilot.watch()  # a second pass changes nothing
    for i, s in enumerate(seeded):
        gid = s.shop_order.gid if s.shop_order else ""
        cancels = [r for r in fake_shop.state.cancel_requests if r["orderId"] == gid]
        refunds = [r for r in fake_shop.state.refunds if r.order_gid == gid]
        if i < 40:
            assert len(cancels) + len(refunds) == 1, (i, cancels, refunds)
        else:
            assert cancels == refunds == []
            assert outcome[runs[s.supplier_order_id]].state is State.SUPPLIER_CANCEL_REQUESTED
    assert len(fake_shop.state.cancel_requests) == 20
    assert len(fake_shop.state.refunds) == 20
