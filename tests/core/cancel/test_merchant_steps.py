"""Every state in which a run waits for the merchant (not the supplier) is something that needs
them now: listed by `dropdesk due` (text and --json), "Needs me" and the tray, with its one-click
answer where the step is a confirmation. Found by walking a manual-mode day: after "Accepted",
the Shopify step had no entry anywhere while the customer waited for the refund."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from core import due
from core.cancel.autopilot import ALIEXPRESS_DONE, ANSWERS, SHOP_DONE, SUPPLIER_ACCEPTED, Autopilot
from core.cancel.decision import Decision
from core.cancel.states import STATES, SUPPLIER_PENDING, TRANSIENT, Mover, State
from core.deadline_entries import Kind
from core.ledger import Ledger
from core.ledger.models import CustomerOrder, SupplierOrder
from core.ledger.types import Fault, Reason
from tests.catalogue import in_english, in_german
from tests.core.cancel.conftest import Clock, MakeWorkflow
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, Seeded, seed
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify

DECISION = Decision(Reason.OUT_OF_STOCK, Fault.SUPPLIER, notify_customer=False)


def listed(ledger: Ledger, now: datetime, run: int) -> list[due.Deadline]:
    """What `dropdesk due` and "Needs me" list for this run (within 10 days)."""
    with ledger.engine.connect() as connection:
        return [d for d in due.deadlines(connection, now, 240) if d.cancellation_id == run]


def set_ship_by(ledger: Ledger, supplier_order_id: int, ship_by: datetime) -> None:
    with ledger.session() as session:
        order = session.get(SupplierOrder, supplier_order_id)
        assert order is not None
        order.ship_by = ship_by
        session.add(order)
        session.commit()


def test_manual_day_lists_each_merchant_step_and_answers_it_in_one_click(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, clock: Clock
) -> None:
    ship_by = clock() + timedelta(hours=30)
    set_ship_by(ledger, orders.supplier_order_id, ship_by)
    pilot = Autopilot(make_workflow(shop=False, supplier=False))
    run = pilot.start(orders.supplier_order_id, DECISION)
    assert pilot.advance(run).state is State.SUPPLIER_CANCEL_TODO

    # 1. The click on AliExpress: due by the ship-by (after shipping no cancel is possible).
    (step,) = listed(ledger, clock(), run)
    assert (step.kind, step.deadline, step.overdue) == (Kind.SUPPLIER_STEP, ship_by, False)
    assert "AliExpress" in in_english(step.what) and "AliExpress" in in_german(step.what)
    assert ANSWERS[step.kind] == (ALIEXPRESS_DONE,)
    assert pilot.answer(run, ALIEXPRESS_DONE).state is State.SUPPLIER_CANCEL_REQUESTED
    assert [d.kind for d in listed(ledger, clock(), run)] == [Kind.SUPPLIER_ANSWER]

    # 2. "Accepted": the Shopify step is the merchant's, due at that moment, not weeks later.
    accepted_at = clock.advance(hours=3)
    assert pilot.answer(run, SUPPLIER_ACCEPTED).state is State.SHOP_CANCEL_TODO
    now = clock.advance(minutes=10)
    (step,) = listed(ledger, now, run)
    assert (step.kind, step.deadline, step.overdue) == (Kind.SHOP_STEP, accepted_at, True)
    assert in_german(step.what).startswith("Die Bestellung in Shopify stornieren")
    with ledger.engine.connect() as connection:
        everything = due.deadlines(connection, now)
        tray = due.tray_counts(connection, now - timedelta(minutes=1), now, 24)
    assert everything[0].key == step.key  # overdue: first in the list
    assert tray.overdue == sum(1 for d in everything if d.overdue) >= 1
    entry = json.loads(due.to_json([step], now))["orders"][0]
    assert (entry["kind"], entry["overdue"], entry["cancellation_id"]) == ("shop_step", True, run)
    assert "Cancel the order on Shopify" in due.render_text([step], now)

    # 3. "Shopify done": recorded as the refund of what was left, and the entry goes.
    assert ANSWERS[step.kind] == (SHOP_DONE,)
    progress = pilot.answer(run, SHOP_DONE)
    assert progress.state is State.AWAITING_SUPPLIER_REFUND, progress
    with ledger.session() as session:
        customer = session.get(CustomerOrder, orders.customer_order_id)
        assert customer is not None and customer.cancelled_at is not None
        assert customer.refunded_minor == ORDER_TOTAL_MINOR
    later = clock.advance(days=30)
    assert [d.kind for d in listed(ledger, later, run)] == [Kind.SUPPLIER_REFUND]


def test_refund_step_and_other_merchant_steps_are_listed_without_a_guessing_click(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
    clock: Clock,
) -> None:
    """A refund's amount is the merchant's to enter: no one-click answer, but listed at once."""
    flow = make_workflow()
    pilot = Autopilot(flow)
    run = pilot.start(orders.supplier_order_id, DECISION)
    pilot.advance(run)
    pilot.aliexpress_requested(run)
    fake_ae.ship(orders.external_order_id, "LP00123")  # the supplier ships anyway
    shipped_seen = clock.advance(hours=2)
    assert pilot.advance(run).state is State.SHOP_REFUND_TODO
    (step,) = listed(ledger, shipped_seen + timedelta(seconds=1), run)
    assert step.kind is Kind.SHOP_REFUND_STEP and step.overdue
    assert "Refund the customer on Shopify" in in_english(step.what) and "erstatten" in in_german(
        step.what
    )
    assert ANSWERS.get(step.kind, ()) == ()

    # A run left at its very first step (started, never checked) waits for the merchant too.
    more = seed(ledger, fake_shop.state, fake_ae, paid_at=clock() - timedelta(days=1))
    started_at = clock()
    first = flow.start(more.supplier_order_id, Reason.OTHER)
    (step,) = listed(ledger, started_at, first)
    assert (step.kind, step.deadline, step.overdue) == (Kind.CANCEL_STEP, started_at, True)
    assert ANSWERS.get(step.kind, ()) == ()


def test_every_state_waiting_for_the_merchant_has_a_deadline_kind() -> None:
    """The rule itself: a state the merchant moves on (not the supplier, not Shopify, not the
    workflow) maps to a deadline, or has the supplier's refund clock (awaiting it)."""
    from core.cancel.next_deadline import MERCHANT_STEPS

    merchant = {s for s, info in STATES.items() if info.mover is Mover.MERCHANT}
    assert merchant - set(MERCHANT_STEPS) == {State.AWAITING_SUPPLIER_REFUND}
    assert State.SUPPLIER_CANCEL_TODO in MERCHANT_STEPS and State.SUPPLIER_REFUSED in MERCHANT_STEPS
    assert not set(MERCHANT_STEPS) & TRANSIENT
    assert SUPPLIER_PENDING & set(MERCHANT_STEPS) == {
        State.SUPPLIER_CANCEL_TODO,
        State.SUPPLIER_REFUSED,
    }
    assert {Kind(kind.value) for kind in MERCHANT_STEPS.values()} <= set(Kind)


def test_without_an_admin_link_the_clicks_name_the_order_not_a_disabled_link(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded
) -> None:
    flow = make_workflow(shop=False, supplier=False)
    run = flow.start(orders.supplier_order_id, Reason.OTHER)
    flow.check(run)
    linked = flow.shop_manual_guide(run)
    assert linked.admin_url and "(the link above)" in in_english(linked.clicks[0])
    with ledger.session() as session:
        customer = session.get(CustomerOrder, orders.customer_order_id)
        assert customer is not None
        customer.legacy_id = None  # the admin link needs the order's number
        session.add(customer)
        session.commit()
    guide = flow.shop_manual_guide(run)
    assert guide.admin_url is None
    first = guide.clicks[0]
    assert "link" not in in_english(first).lower() and "Link" not in in_german(first)
    assert guide.order_name in in_english(first) and guide.order_name in in_german(first)
    assert "Bestellungen" in in_german(first)


def test_runs_left_by_an_older_version_get_their_step_dated(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, clock: Clock
) -> None:
    """Before this, an accepted manual run kept the supplier refund's date (or none): the
    start-up pass dates the merchant's step, once (a second pass changes nothing)."""
    from core.cancel.next_deadline import date_merchant_steps
    from core.ledger.models import Cancellation

    flow = make_workflow(shop=False, supplier=False)
    run = flow.start(orders.supplier_order_id, Reason.OTHER)
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    accepted_at = clock.advance(hours=1)
    flow.mark_supplier_answer(run, "accepted")
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None
        row.next_deadline = accepted_at + timedelta(days=15)  # what the older version stored
        session.add(row)
    assert date_merchant_steps(ledger) == 1
    assert date_merchant_steps(ledger) == 0
    (step,) = listed(ledger, clock(), run)
    assert (step.kind, step.deadline) == (Kind.SHOP_STEP, accepted_at)
