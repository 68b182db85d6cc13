"""Every loop closes: a manual-mode cancellation on each path takes its supplier order out of the
ship-window views, `due` and the tray count while it runs (its own deadline takes the place
of the ship window), and leaves it closed with what really happened."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from core import deadlines, due
from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.models import Event, SupplierOrder
from core.ledger.types import AWAITING_SHIPMENT_STATUSES
from core.order_list import OrderList, OrderQuery
from tests.catalogue import in_english, in_german
from tests.core.cancel.conftest import Clock, MakeWorkflow
from tests.core.cancel.wiring import Seeded

YEAR_H = 24 * 366  # look far enough ahead that a ship window in the ledger cannot hide


@pytest.fixture(autouse=True)
def ship_window(ledger: Ledger, orders: Seeded) -> None:
    """The seeded order's stored ship_by, as saving its payment time computes it."""
    with ledger.session() as session:
        deadlines.recompute_ship_by(session, order_ids=[orders.supplier_order_id])


def clocks_of(ledger: Ledger, supplier_order_id: int, now: datetime) -> list[due.Kind]:
    """The kinds of deadline `due` lists for the order before it ships or ends (a shipped
    order's purchase protection, core.protection, is a clock of its own, tested there)."""
    with ledger.engine.connect() as connection:
        return [
            d.kind
            for d in due.deadlines(connection, now, YEAR_H)
            if d.supplier_order_id == supplier_order_id and d.kind is not due.Kind.PROTECTION
        ]


def in_ship_window_views(ledger: Ledger, supplier_order_id: int, now: datetime) -> list[str]:
    """Where the order still shows as a ship window: the three views of the window's "Show"
    box, `due`'s ship-window rows, and the tray's ship-window counts."""
    found = []
    orders = OrderList(ledger.reader)
    views = {
        "awaiting shipment": OrderQuery(statuses=AWAITING_SHIPMENT_STATUSES),
        "closing soon": OrderQuery(
            statuses=AWAITING_SHIPMENT_STATUSES,
            ship_by_from=now,
            ship_by_until=now + timedelta(hours=YEAR_H),
        ),
        "overdue": OrderQuery(statuses=AWAITING_SHIPMENT_STATUSES, ship_by_until=now),
    }
    for name, query in views.items():
        if orders.position(replace_open(query), supplier_order_id) is not None:
            found.append(name)
    with ledger.engine.connect() as connection:
        if supplier_order_id in [r.id for r in due.due_orders(connection, now, YEAR_H)]:
            found.append("due")
        if due.count_closing_within(connection, now, YEAR_H) + due.count_overdue(connection, now):
            found.append("tray")
    return found


def replace_open(query: OrderQuery) -> OrderQuery:
    return replace(query, without_open_runs=True)


def tray_total(ledger: Ledger, now: datetime) -> int:
    with ledger.engine.connect() as connection:
        counts = due.tray_counts(connection, now, now, YEAR_H)
    return counts.closing + counts.overdue


def supplier_order(ledger: Ledger, supplier_order_id: int) -> SupplierOrder:
    with ledger.session() as session:
        order = session.get(SupplierOrder, supplier_order_id)
        assert order is not None
        session.expunge(order)
        return order


def the_run_deadline(
    ledger: Ledger, run: int, now: datetime, kind: due.Kind, at: datetime | None
) -> None:
    """`due` and the tray show the run's deadline (and only it) in place of the ship window."""
    with ledger.engine.connect() as connection:
        listed = [d for d in due.deadlines(connection, now, YEAR_H) if d.cancellation_id == run]
    assert [(d.kind, d.deadline) for d in listed] == [(kind, at)]
    assert in_german(listed[0].what) and in_english(listed[0].what)
    assert tray_total(ledger, now) == 1


def test_accepted_path_ends_cancelled_at_the_supplier(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, clock: Clock
) -> None:
    so_id = orders.supplier_order_id
    assert in_ship_window_views(ledger, so_id, clock()) == [
        "awaiting shipment",
        "closing soon",
        "due",
        "tray",
    ]
    assert clocks_of(ledger, so_id, clock()) == [due.Kind.SHIP_WINDOW]
    flow = make_workflow(shop=False, supplier=False)
    run = flow.start(so_id, "changed_mind")
    flow.check(run)
    assert in_ship_window_views(ledger, so_id, clock()) == []  # an open run: out at once
    view = flow.mark_supplier_cancel_requested(run)
    the_run_deadline(ledger, run, clock(), due.Kind.SUPPLIER_ANSWER, view.next_deadline)

    flow.mark_supplier_answer(run, "accepted")
    view = flow.confirm_manual_shop_step(run, 4000)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    the_run_deadline(ledger, run, clock(), due.Kind.SUPPLIER_REFUND, view.next_deadline)
    clock.advance(days=4)
    assert flow.mark_supplier_refund_received(run).state is State.DONE

    closed = supplier_order(ledger, so_id)
    assert (closed.order_status, closed.end_reason) == ("FINISH", "cancel_order_close_trade")
    assert in_ship_window_views(ledger, so_id, clock()) == []
    assert clocks_of(ledger, so_id, clock()) == [] and tray_total(ledger, clock()) == 0
    with ledger.session() as session:
        (event,) = session.exec(
            select(Event).where(Event.kind == "supplier_order.closed_by_cancellation")
        ).all()
    assert event.entity_id == so_id and '"ending": "cancelled"' in event.payload


def test_refused_then_tracking_ends_shipped(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, clock: Clock
) -> None:
    so_id = orders.supplier_order_id
    flow = make_workflow(shop=False, supplier=False)
    run = flow.start(so_id, "changed_mind")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    flow.mark_supplier_answer(run, "refused")
    view = flow.request_tracking(run)
    assert view.state is State.TRACKING_REQUESTED
    the_run_deadline(ledger, run, clock(), due.Kind.TRACKING_REQUEST, view.next_deadline)
    assert in_ship_window_views(ledger, so_id, clock()) == []

    clock.advance(days=1)
    view = flow.mark_tracking_received(run, "LP00123456789CN")
    assert view.state is State.SHOP_REFUND_TODO
    view = flow.confirm_manual_shop_step(run, 4000, acknowledge_out_of_pocket=True)
    assert view.state is State.DONE

    closed = supplier_order(ledger, so_id)
    assert closed.shipped_at == clock() and closed.tracking_number == "LP00123456789CN"
    assert closed.order_status == "WAIT_BUYER_ACCEPT_GOODS"
    assert in_ship_window_views(ledger, so_id, clock()) == []
    assert clocks_of(ledger, so_id, clock()) == []
    # Shipped, its purchase protection is the one clock left: the tray counts it as due does.
    with ledger.engine.connect() as connection:
        left = due.deadlines(connection, clock(), YEAR_H)
    assert [d.kind for d in left] == [due.Kind.PROTECTION]
    assert tray_total(ledger, clock()) == 1


def test_refused_then_dispute_ends_refunded(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, clock: Clock
) -> None:
    so_id = orders.supplier_order_id
    flow = make_workflow(shop=False, supplier=False)
    run = flow.start(so_id, "changed_mind")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    flow.mark_supplier_answer(run, "refused")
    view = flow.request_tracking(run)
    assert view.next_deadline is not None
    clock.moment = view.next_deadline + timedelta(minutes=1)
    # Overdue, and still not a ship window: the tracking clock is the one that counts.
    the_run_deadline(ledger, run, clock(), due.Kind.TRACKING_REQUEST, view.next_deadline)
    view = flow.open_dispute(run)
    assert view.state is State.DISPUTE_OPEN
    the_run_deadline(ledger, run, clock(), due.Kind.DISPUTE, view.next_deadline)
    clock.advance(days=3, hours=1)
    view = flow.mark_dispute_escalated(run)
    the_run_deadline(ledger, run, clock(), due.Kind.DISPUTE, view.next_deadline)
    assert in_ship_window_views(ledger, so_id, clock()) == []

    view = flow.close_dispute(run, outcome="refunded", refunded_minor=834)
    assert view.state is State.SHOP_CANCEL_TODO
    view = flow.confirm_manual_shop_step(run, 4000)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    the_run_deadline(ledger, run, clock(), due.Kind.SUPPLIER_REFUND, view.next_deadline)
    assert flow.mark_supplier_refund_received(run).state is State.DONE

    closed = supplier_order(ledger, so_id)
    assert (closed.order_status, closed.end_reason) == (
        "FINISH",
        "seller_accept_issue_no_goods_return",
    )
    assert in_ship_window_views(ledger, so_id, clock()) == []
    assert clocks_of(ledger, so_id, clock()) == [] and tray_total(ledger, clock()) == 0


def test_abandoned_after_the_supplier_agreed_stays_cancelled(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, clock: Clock
) -> None:
    so_id = orders.supplier_order_id
    flow = make_workflow(shop=False, supplier=False)
    run = flow.start(so_id, "changed_mind")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    view = flow.mark_supplier_answer(run, "accepted")
    # The merchant's step: listed as theirs, due at once (no longer hidden behind the supplier
    # refund's clock weeks away, which left the waiting customer without a reminder).
    assert view.state is State.SHOP_CANCEL_TODO
    the_run_deadline(ledger, run, clock(), due.Kind.SHOP_STEP, clock())
    assert flow.abandon(run, "Cancelled on Shopify by a colleague").state is State.ABANDONED

    closed = supplier_order(ledger, so_id)
    assert (closed.order_status, closed.end_reason) == ("FINISH", "cancel_order_close_trade")
    assert in_ship_window_views(ledger, so_id, clock()) == []
    assert clocks_of(ledger, so_id, clock()) == [] and tray_total(ledger, clock()) == 0


def test_abandoned_before_the_supplier_was_asked_ships_as_planned(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, clock: Clock
) -> None:
    """Nothing happened at the supplier: the order still has to ship, its window is back."""
    so_id = orders.supplier_order_id
    flow = make_workflow(shop=False, supplier=False)
    run = flow.start(so_id, "changed_mind")
    flow.check(run)
    assert in_ship_window_views(ledger, so_id, clock()) == []
    flow.abandon(run, "The customer wants it after all")

    assert supplier_order(ledger, so_id).order_status == "WAIT_SELLER_SEND_GOODS"
    assert "awaiting shipment" in in_ship_window_views(ledger, so_id, clock())
    assert clocks_of(ledger, so_id, clock()) == [due.Kind.SHIP_WINDOW]
