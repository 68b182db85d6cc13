"""The visible "Cancel everywhere…" button: in the toolbar and the details panel, on for an
order it can cancel, and it opens the wizard for that order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from core.cancel.states import FINAL, State
from core.ledger import Ledger
from gui.main_window import ALL_ORDERS, MainWindow, can_cancel


def open_window(qtbot: QtBot, ledger: Ledger) -> MainWindow:
    window = MainWindow(ledger)  # no connections: the wizard works by hand
    qtbot.addWidget(window)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    window.show()
    qtbot.waitExposed(window)
    return window


def buttons(window: MainWindow) -> tuple[QAbstractButton, QPushButton]:
    tool = window.findChild(QToolButton, "cancelEverywhereTool")
    assert tool is not None
    return tool, window.details.cancel_button


def row_where(window: MainWindow, wanted: object) -> int:
    model = window.model
    return next(
        r
        for r in range(model.rowCount())
        if wanted(model.row_at(r))  # type: ignore[operator]
    )


def test_the_buttons_are_visible_and_follow_the_selection(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = open_window(qtbot, demo_ledger)
    tool, panel = buttons(window)
    assert tool.isVisible() and tool.text() == "Cancel everywhere…"
    assert not tool.isEnabled()  # nothing selected
    done = row_where(window, lambda r: r.cancel_state == State.DONE)
    window.table.selectRow(done)  # cancelled everywhere already
    assert panel.isVisible() and not panel.isEnabled() and not tool.isEnabled()
    open_order = row_where(
        window, lambda r: r.order_status == "WAIT_SELLER_SEND_GOODS" and r.cancel_state is None
    )
    window.table.selectRow(open_order)
    assert panel.isVisible() and panel.isEnabled() and tool.isEnabled()
    assert window.cancel_action.isEnabled()  # the menu entry and Ctrl+Shift+C agree


def test_the_details_button_opens_the_wizard_for_the_order(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = open_window(qtbot, demo_ledger)
    row = row_where(window, lambda r: can_cancel(r) and r.cancel_state is None)
    window.table.selectRow(row)
    order = window.selected_order()
    assert order is not None
    qtbot.mouseClick(window.details.cancel_button, Qt.MouseButton.LeftButton)
    assert [w.supplier_order_id for w in window.cancels.wizards] == [order.id]
    wizard = window.cancels.wizards[0]
    qtbot.waitUntil(lambda: wizard.isVisible() and not wizard.busy, timeout=10_000)
    wizard.close()


def test_the_toolbar_button_resumes_an_open_run(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = open_window(qtbot, demo_ledger)
    row = row_where(window, lambda r: r.cancel_state is not None and r.cancel_state not in FINAL)
    window.table.selectRow(row)
    order = window.selected_order()
    assert order is not None
    tool, _panel = buttons(window)
    qtbot.mouseClick(tool, Qt.MouseButton.LeftButton)
    assert [w.supplier_order_id for w in window.cancels.wizards] == [order.id]
    wizard = window.cancels.wizards[0]
    qtbot.waitUntil(lambda: wizard.cancellation_id is not None, timeout=10_000)
    wizard.close()
