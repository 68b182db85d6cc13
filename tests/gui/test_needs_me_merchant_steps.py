"""Manual mode (no keys): after "Accepted" in "Needs me", the Shopify step is the next entry,
overdue and first, with "Shopify done" as its one-click answer; the tray counts it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.cancel.states import State
from core.deadline_entries import Kind
from core.ledger import Ledger
from core.ledger.models import CustomerOrder
from tests.connections_support import Fakes
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, seed
from tests.gui import test_cancel_wizard as wizard_tests
from tests.gui.test_cancel_wizard import WAIT, FakesOpener, paid_two_days_ago
from tests.gui.test_one_click import open_window, state_of, waiting_for_the_supplier

fakes = wizard_tests.fakes
ae_token = wizard_tests.ae_token
urls = wizard_tests.urls


def test_manual_shopify_step_is_listed_first_and_done_in_one_click(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str
) -> None:
    order = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    run = waiting_for_the_supplier(ledger, opener, order)
    clock = [datetime.now(UTC) + timedelta(days=6)]  # the supplier's answer is overdue
    window = open_window(qtbot, ledger, opener, clock=lambda: clock[0])
    window.show_needs_me()
    view = window._needs_me
    assert view is not None
    row = next(r for r, d in enumerate(view.deadlines()) if d.cancellation_id == run)
    accepted = {b.text(): b for b in view.answer_buttons(row)}["Accepted"]
    qtbot.mouseClick(accepted, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: state_of(ledger, run) == State.SHOP_CANCEL_TODO.value, timeout=WAIT)
    qtbot.waitUntil(lambda: not window.cancels.answerer.busy, timeout=WAIT)

    # The list was read again: the merchant's Shopify step, overdue, first, one click.
    clock[0] += timedelta(minutes=5)
    window.refresh()
    qtbot.waitUntil(lambda: any(d.kind is Kind.SHOP_STEP for d in view.deadlines()), timeout=WAIT)
    first = view.deadlines()[0]
    assert (first.kind, first.cancellation_id, first.overdue) == (Kind.SHOP_STEP, run, True)
    assert "Cancel the order on Shopify" in view.table.item(0, 3).text()
    (done,) = view.answer_buttons(0)
    assert done.text() == "Shopify done" and "(S on the selected line)" in done.toolTip()
    tray = window.tray
    assert tray is not None
    tray.update(clock[0], ledger_changed=True)
    assert tray.overdue == sum(1 for d in view.deadlines() if d.overdue) >= 1

    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: state_of(ledger, run) == State.AWAITING_SUPPLIER_REFUND.value, timeout=WAIT
    )
    assert fakes.shopify.state.cancel_requests == []  # manual: nothing was sent
    with ledger.session() as session:
        customer = session.get(CustomerOrder, order.customer_order_id)
        assert customer is not None and customer.refunded_minor == ORDER_TOTAL_MINOR
    qtbot.waitUntil(lambda: not window.cancels.answerer.busy, timeout=WAIT)
    assert all(d.kind is not Kind.SHOP_STEP for d in view.deadlines())


def test_start_up_dates_a_shopify_step_an_older_version_left_undated(
    ledger: Ledger, fakes: Fakes, ae_token: str
) -> None:
    from core.ledger.models import Cancellation
    from gui.cancel_ports import resume_open_runs

    order = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    run = waiting_for_the_supplier(ledger, opener, order)
    handle = opener(order.supplier_order_id, None)
    try:
        handle.workflow.mark_supplier_answer(run, "accepted")
    finally:
        handle.close()
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None
        row.next_deadline = None  # as an older version left it
        session.add(row)
    assert resume_open_runs(ledger, opener) == []  # nothing was in flight
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None and row.next_deadline == row.supplier_answered_at
