"""The main window on a demo ledger: search, sort, select, shortcuts, geometry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from gui.ledger_columns import CUSTOMER, ORDER, SHIP_BY, STATUS, LedgerColumn, position
from gui.main_window import ALL_ORDERS, FILTERS, MainWindow


def make_window(qtbot: QtBot, ledger: Ledger, *, show_all: bool = True) -> MainWindow:
    window = MainWindow(ledger)
    if show_all:
        window.status_filter.setCurrentIndex(ALL_ORDERS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # offscreen windows are not activated by show()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    return window


def shown(window: MainWindow, column: LedgerColumn) -> list[str]:
    model = window.model
    return [model.index(r, position(column)).data() for r in range(min(model.rowCount(), 50))]


def test_opens_with_every_order_and_counts(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger, show_all=False)
    awaiting = window.model.rowCount()
    assert 0 < awaiting < 2_000  # open orders first
    assert f"{awaiting} of 2,000 supplier orders" in window.count_label.text()
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    assert window.model.rowCount() == 2_000
    assert window.count_label.text() == "2,000 supplier orders"
    assert str(demo_ledger.path) == window.path_label.text()


def test_search_by_order_name(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    qtbot.keyClicks(window.search, "#1777")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2_000)
    assert shown(window, ORDER) == ["#1777"]
    assert "1 of 2,000" in window.count_label.text()
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2_000, timeout=2_000)


def test_search_by_customer_and_tracking(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    qtbot.keyClicks(window.search, "Schneider")
    qtbot.waitUntil(lambda: 0 < window.model.rowCount() < 2_000, timeout=2_000)
    assert all("Schneider" in name for name in shown(window, CUSTOMER))
    window.search.setText("")
    qtbot.keyClicks(window.search, "LP000000000042")
    qtbot.waitUntil(lambda: window.model.rowCount() <= 1, timeout=2_000)


def test_sort_by_ship_by_both_ways(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    header = window.table.horizontalHeader()
    model = window.model

    def ship_by_column() -> list[object]:
        rows = [model.row_at(r) for r in range(model.rowCount())]
        return [row.ship_by for row in rows if row is not None]

    ascending = ship_by_column()
    assert ascending == sorted(ascending)
    x = header.sectionViewportPosition(position(SHIP_BY)) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    descending = ship_by_column()
    assert descending == sorted(ascending, reverse=True)
    assert len(descending) == 2_000


def test_status_filter(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    labels = [choice.label for choice in FILTERS]
    window.status_filter.setCurrentIndex(labels.index("Cancel requested"))
    assert 0 < window.model.rowCount() < 200
    rows = [window.model.row_at(r) for r in range(window.model.rowCount())]
    assert {row.order_status for row in rows if row is not None} == {"IN_CANCEL"}


def test_selecting_a_row_shows_lines_and_timeline(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    window.search.setText("#1500")
    window.apply_filters()
    window.table.selectRow(0)
    details = window.details
    assert "#1500" in details.title.text()
    assert details.lines.topLevelItemCount() >= 1
    whats = [
        details.timeline.topLevelItem(i).text(1)
        for i in range(details.timeline.topLevelItemCount())
    ]
    assert whats[:2] == ["Ordered in the shop", "Paid to supplier"]
    assert "Ship window closes" in whats


def test_select_order_reveals_it_through_filters(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    window.search.setText("#1001")
    window.apply_filters()
    assert window.select_order(1234)
    selected = window.table.selectionModel().selectedRows()
    assert window.model.row_at(selected[0].row()).id == 1234


def test_ctrl_f_focuses_search(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    window.table.setFocus()
    qtbot.keySequence(window.table, QKeySequence("Ctrl+F"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=1_000)


def test_ctrl_q_quits(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    qtbot.keySequence(window.table, QKeySequence("Ctrl+Q"))
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=1_000)


def test_geometry_is_remembered(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    window.resize(700, 500)
    window.close()
    again = make_window(qtbot, demo_ledger)
    assert (again.width(), again.height()) == (700, 500)


def test_self_test_command(demo_template: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gui", "--self-test", "--ledger", str(demo_template)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "self-test ok" in done.stdout and "2000 supplier orders" in done.stdout


def test_self_test_fails_clearly_on_a_foreign_file(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a ledger\n" * 20)
    done = subprocess.run(
        [sys.executable, "-m", "gui", "--self-test", "--ledger", str(other)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "not a Dropdesk ledger" in done.stderr
    assert other.read_text() == "not a ledger\n" * 20


def test_review_and_suppliers_open_from_the_keyboard(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    qtbot.keySequence(window.table, QKeySequence("Ctrl+E"))
    qtbot.waitUntil(
        lambda: window._review is not None and window._review.isVisible(), timeout=2_000
    )
    qtbot.keySequence(window.table, QKeySequence("Ctrl+Shift+S"))
    qtbot.waitUntil(
        lambda: window._suppliers is not None and window._suppliers.isVisible(), timeout=2_000
    )


def test_orders_in_a_cancellation_show_its_state(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    labels = [choice.label for choice in FILTERS]
    window.status_filter.setCurrentIndex(labels.index("Cancel requested"))
    assert window.model.rowCount() > 0
    status = window.model.index(0, position(STATUS))
    assert status.data() == "Waiting for the supplier's answer"
    assert "Next deadline" in status.data(Qt.ItemDataRole.ToolTipRole)


def test_cancel_everywhere_opens_the_wizard_for_the_selected_order(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = make_window(qtbot, demo_ledger)
    window.search.setText("#1400")
    window.apply_filters()
    window.table.selectRow(0)
    qtbot.keySequence(window.table, QKeySequence("Ctrl+Shift+C"))
    qtbot.waitUntil(lambda: bool(window.cancels.wizards), timeout=3_000)
    wizard = window.cancels.wizards[0]
    assert wizard.supplier_order_id == window.model.row_at(0).id
    wizard.close()


def test_refresh_keeps_the_selected_order(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger)
    window.table.selectRow(7)
    chosen = window.selected_order()
    assert chosen is not None
    window.refresh()
    again = window.selected_order()
    assert again is not None and again.id == chosen.id
    assert chosen.order_name in window.details.title.text()
