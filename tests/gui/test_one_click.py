"""One click cancels everywhere, from the main window: several orders selected in the table
cancelled with one decision (one run each, through the bulk dialog), and a run's question
answered from a "Needs me" row (or its key) without a wizard, also from a tray notification."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from core.cancel.autopilot import Autopilot, Need
from core.cancel.decision import Decision, ShopAction, decision_of
from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.models import Cancellation
from core.ledger.types import Reason
from gui.cancel_wizard import CancelLauncher
from gui.cancel_wizard.bulk_dialog import BulkCancelDialog
from gui.cancel_wizard.decision_dialog import DecisionDialog
from gui.main_window import ALL_ORDERS, MainWindow
from tests.connections_support import Fakes
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, Seeded, seed
from tests.gui import test_cancel_wizard as wizard_tests
from tests.gui.test_cancel_autopilot import Clicks
from tests.gui.test_cancel_wizard import WAIT, FakesOpener, UrlCatcher, paid_two_days_ago

fakes = wizard_tests.fakes
ae_token = wizard_tests.ae_token
urls = wizard_tests.urls


def open_window(
    qtbot: QtBot, ledger: Ledger, opener: FakesOpener | None = None, **options: object
) -> MainWindow:
    window = MainWindow(ledger, defer_services=True, **options)  # type: ignore[arg-type]
    window.attach_services(None, cancel_opener=opener)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # offscreen windows are not activated by show()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    window.ticker.stop()
    return window


def row_of(window: MainWindow, supplier_order_id: int) -> int:
    row = window.model.position_of(supplier_order_id)
    assert row is not None
    return row


def ctrl_click(qtbot: QtBot, window: MainWindow, row: int) -> None:
    table = window.table
    rect = table.visualRect(window.model.index(row, 1))
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )  # fmt: skip


def runs(ledger: Ledger) -> dict[int, str]:
    with ledger.session() as session:
        found = session.exec(select(Cancellation)).all()
        return {int(r.supplier_order_id or 0): r.state for r in found}


def test_several_orders_selected_in_the_table_are_cancelled_with_one_decision(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, urls: UrlCatcher
) -> None:
    seeded = [
        seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
        for _ in range(4)
    ]
    chosen = seeded[:3]
    window = open_window(qtbot, ledger, FakesOpener(ledger, fakes, ae_token, shop=False))
    window.table.selectRow(row_of(window, chosen[0].supplier_order_id))
    assert window.selected_order() is not None
    assert window.details.title.text().count("#") == 1  # one order: its own details
    for order in chosen[1:]:  # Ctrl+click adds orders to the selection
        ctrl_click(qtbot, window, row_of(window, order.supplier_order_id))
    assert window.selection_count() == 3
    assert window.selected_order() is None  # single-order actions are off
    assert not window.edit_action.isEnabled() or window.selected_order() is None
    assert "3 orders selected" in window.details.title.text()
    total = f"{3 * ORDER_TOTAL_MINOR / 100:,.2f} EUR"
    assert window.details._fact_labels["total"].text() == total
    assert window.cancel_action.isEnabled() and window.details.cancel_button.isVisible()
    assert not window.details.notify_button.isVisible()

    window.table.setFocus()
    qtbot.keySequence(window.table, QKeySequence("Ctrl+Shift+C"))  # Order > Cancel everywhere…
    qtbot.waitUntil(lambda: window.findChild(BulkCancelDialog) is not None, timeout=WAIT)
    dialog = window.findChild(BulkCancelDialog)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.order_ids == [s.supplier_order_id for s in chosen]
    click = Clicks(qtbot)
    click(dialog.start_button)  # one decision for the three
    qtbot.waitUntil(lambda: len(urls.urls) == 1 and not dialog.runner.busy, timeout=WAIT * 3)
    for count in (2, 3):  # the AliExpress pages open one after another as each is confirmed
        click(dialog.done_button)
        qtbot.waitUntil(
            lambda n=count: len(urls.urls) == n and not dialog.runner.busy,  # type: ignore[misc]
            timeout=WAIT,
        )
    click(dialog.done_button)
    qtbot.waitUntil(lambda: not dialog.done_button.isVisible(), timeout=WAIT)
    assert [u.rsplit("=", 1)[1] for u in urls.urls] == [s.external_order_id for s in chosen]
    assert runs(ledger) == {
        s.supplier_order_id: State.SUPPLIER_CANCEL_REQUESTED.value for s in chosen
    }  # one run per order, the fourth order untouched
    assert dialog.table.topLevelItemCount() == 3
    assert click.count == 1 + 3
    dialog.close()


def test_ctrl_a_selects_what_the_list_shows_and_refresh_keeps_it(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes
) -> None:
    seeded = [
        seed(ledger, fakes.shopify.state, None, paid_at=paid_two_days_ago()) for _ in range(5)
    ]
    window = open_window(qtbot, ledger)
    window.table.setFocus()
    qtbot.keySequence(window.table, QKeySequence.StandardKey.SelectAll)
    assert window.selection_count() == 5
    assert "5 orders selected" in window.details.title.text()
    ids = sorted(order.id for order in window.selected_orders())
    assert ids == sorted(s.supplier_order_id for s in seeded)
    window.refresh()  # F5 and every change in the app: the selection stays
    assert window.selection_count() == 5
    window.table.selectRow(0)  # selecting from code selects that row alone
    assert window.selection_count() == 1 and window.selected_order() is not None


def waiting_for_the_supplier(ledger: Ledger, opener: FakesOpener, order: Seeded) -> int:
    """A run whose cancel request was sent on AliExpress (by hand: no AliExpress connection)."""
    handle = opener(order.supplier_order_id, None)
    try:
        pilot = Autopilot(handle.workflow)
        run = pilot.start(order.supplier_order_id, Decision(Reason.OUT_OF_STOCK))
        assert pilot.advance(run).need is Need.ALIEXPRESS
        assert pilot.aliexpress_requested(run).need is Need.SUPPLIER_ANSWER
        return run
    finally:
        handle.close()


def state_of(ledger: Ledger, run: int) -> str:
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None
        return row.state


def test_needs_me_answers_a_waiting_run_in_one_click(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str
) -> None:
    """Shopify connected, AliExpress by hand: "Accepted" in the row records the answer and
    the autopilot cancels on Shopify (exactly once); then "Money arrived" by its key."""
    order = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, supplier=False)
    run = waiting_for_the_supplier(ledger, opener, order)
    clock = [datetime.now(UTC) + timedelta(days=6)]  # the supplier's answer is overdue
    window = open_window(qtbot, ledger, opener, clock=lambda: clock[0])
    window.show_needs_me()
    view = window._needs_me
    assert view is not None
    row = next(r for r, d in enumerate(view.deadlines()) if d.cancellation_id == run)
    buttons = {b.text(): b for b in view.answer_buttons(row)}
    assert set(buttons) == {"Accepted", "Refused"}
    assert "(A on the selected line)" in buttons["Accepted"].toolTip()
    assert all(view.answer_buttons(r) == [] for r in range(view.table.rowCount()) if r != row)

    qtbot.mouseClick(buttons["Accepted"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: state_of(ledger, run) == State.AWAITING_SUPPLIER_REFUND.value, timeout=WAIT * 3
    )
    assert [r["orderId"] for r in fakes.shopify.state.cancel_requests] == [
        order.shop_order.gid if order.shop_order else ""
    ]
    assert window.cancels.wizards == []  # no wizard was opened
    # The list was read again; once the supplier's refund is due, it is the run's question.
    qtbot.waitUntil(lambda: not window.cancels.answerer.busy, timeout=WAIT)
    with ledger.session() as session:
        refund_due = session.get(Cancellation, run).next_deadline  # type: ignore[union-attr]
    assert refund_due is not None
    clock[0] = refund_due + timedelta(hours=1)
    window.refresh()
    row = next(r for r, d in enumerate(view.deadlines()) if d.cancellation_id == run)
    assert [b.text() for b in view.answer_buttons(row)] == ["Money arrived"]
    view.table.setCurrentCell(row, 0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_M)  # the focused row's answer by its key
    qtbot.waitUntil(lambda: state_of(ledger, run) == State.DONE.value, timeout=WAIT * 3)
    assert len(fakes.shopify.state.cancel_requests) == 1  # still exactly one cancel
    qtbot.waitUntil(lambda: not window.cancels.answerer.busy, timeout=WAIT)
    assert all(d.cancellation_id != run for d in view.deadlines())


def test_a_tray_notification_with_a_question_opens_needs_me_on_its_row(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str
) -> None:
    order = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    run = waiting_for_the_supplier(ledger, opener, order)
    clock = [datetime.now(UTC)]
    window = open_window(qtbot, ledger, opener, clock=lambda: clock[0])
    tray = window.tray
    assert tray is not None
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None and row.next_deadline is not None
        answer_due = row.next_deadline
    clock[0] = answer_due - timedelta(hours=1)
    tray.update(clock[0])  # the answer's deadline came within 48 h: a notification
    assert ("supplier_answer", run) in tray._notified
    tray.icon.messageClicked.emit()
    view = window._needs_me
    assert view is not None and view.isVisible()
    focused = view.deadlines()[view.table.currentRow()]
    assert focused.cancellation_id == run
    assert [b.text() for b in view.answer_buttons(view.table.currentRow())] == [
        "Accepted",
        "Refused",
    ]
    view.close()
    (entry,) = tray.menu.actions()  # the icon's menu, where the system's tray has one
    assert entry.text() == "Needs me…"
    entry.trigger()
    assert view.isVisible()


def decision_dialog(qtbot: QtBot, parent: QWidget) -> DecisionDialog:
    qtbot.waitUntil(lambda: parent.findChild(DecisionDialog) is not None, timeout=WAIT)
    dialog = parent.findChild(DecisionDialog)
    assert dialog is not None
    return dialog


def test_change_decision_from_the_wizard_changes_what_has_not_happened(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str
) -> None:
    order = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, supplier=False)
    run = waiting_for_the_supplier(ledger, opener, order)
    window = QWidget()
    qtbot.addWidget(window)
    launcher = CancelLauncher(ledger, opener, window)
    wizard = launcher.open_cancellation(run)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=WAIT)
    assert wizard.change_button.isVisible()
    qtbot.mouseClick(wizard.change_button, Qt.MouseButton.LeftButton)
    dialog = decision_dialog(qtbot, wizard)
    # The supplier was asked with the reason: locked, and it says why.
    assert not dialog.reason.isEnabled()
    assert "the supplier was already asked" in dialog.reason.toolTip()
    assert dialog.shop_action.isEnabled() and dialog.restock.isEnabled()
    dialog.shop_action.setCurrentIndex(dialog.shop_action.findData("refund"))
    dialog.restock.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "You changed your decision" in wizard.timeline.titles(), timeout=WAIT)
    with ledger.session() as session:
        decided = decision_of(session, run)
    assert decided is not None and decided.shop_action is ShopAction.REFUND
    assert not decided.restock
    qtbot.waitUntil(lambda: not wizard.busy, timeout=WAIT)
    assert fakes.shopify.state.cancel_requests == []  # nothing sent: the supplier has not agreed
    launcher.close_all()


def test_change_decision_refused_for_what_already_happened(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str
) -> None:
    order = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, supplier=False)
    run = waiting_for_the_supplier(ledger, opener, order)
    handle = opener(order.supplier_order_id, None)
    try:  # the supplier accepted: the autopilot cancelled on Shopify
        Autopilot(handle.workflow).supplier_answered(run, True)
    finally:
        handle.close()
    assert len(fakes.shopify.state.cancel_requests) == 1
    window = QWidget()
    qtbot.addWidget(window)
    launcher = CancelLauncher(ledger, opener, window)
    view = launcher.show_cancellations()
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading and view.selected_id() == run, timeout=WAIT)
    view.change_requested.emit(run)  # its context menu's "Change decision…"
    dialog = decision_dialog(qtbot, view)
    assert not dialog.shop_action.isEnabled()
    assert "the Shopify step was already sent" in dialog.shop_action.toolTip()
    assert not dialog.notify.isEnabled() and not dialog.fault.isEnabled()
    # Core refuses it anyway, in words, and nothing changes.
    dialog.restock.setChecked(not dialog.restock.isChecked())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.banner.isVisibleTo(dialog), timeout=WAIT)
    assert "Cannot change putting the items back in stock" in dialog.banner.label.text()
    with ledger.session() as session:
        assert decision_of(session, run) == Decision(Reason.OUT_OF_STOCK)
    dialog.close()
    launcher.close_all()


def test_more_orders_than_one_decision_takes_are_refused_with_a_message(
    qtbot: QtBot, ledger: Ledger
) -> None:
    """Ctrl+A on a big list: counted from the selection's ranges, not read whole; Cancel
    everywhere says how many it takes at once instead of starting hundreds of runs."""
    from gui.main_window import MAX_BULK
    from tests.connections_support import add_supplier_orders

    add_supplier_orders(ledger, MAX_BULK + 50)
    window = open_window(qtbot, ledger)
    window.table.selectAll()
    assert window.selection_count() == MAX_BULK + 50
    assert window.selected_orders() == []  # too many to read
    assert f"{MAX_BULK + 50} orders selected" in window.details.title.text()
    assert window.details._fact_labels["total"].text() == ""  # not added up
    assert not window.cancel_action.isEnabled()
    window.cancel_selected()
    assert f"Select at most {MAX_BULK} orders" in window.statusBar().currentMessage()
    assert window.findChild(BulkCancelDialog) is None
