""" "Needs me" (View menu, Ctrl+Shift+N): every deadline in one list, and a double-click leads to
the order (or to buying it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.imports import import_shopify_csv
from core.ledger import Ledger
from gui.ledger_columns import SHIP_BY, position
from gui.main_window import MainWindow
from gui.supplier_order_dialog import SupplierOrderDialog
from tests.gui.test_deadline_tray import NOW, seed


def test_needs_me_lists_every_kind_and_leads_to_the_order(qtbot: QtBot, ledger: Ledger) -> None:
    made = seed(ledger)
    window = MainWindow(ledger, clock=lambda: NOW + timedelta(hours=23))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.ticker.stop()
    window.show_needs_me()
    view = window._needs_me
    assert view is not None and view.isVisible()

    shown = [
        [view.table.item(row, column).text() for column in range(5)]
        for row in range(view.table.rowCount())
    ]
    what = [line[3] for line in shown]
    assert what == [
        "Order it from the supplier",  # #3001, overdue
        "Order it from the supplier",  # #3002
        "The supplier's ship window closes",
        "The supplier's answer to the cancel request is due",
    ]
    assert [line[2] for line in shown[:2]] == ["#3001", "#3002"]
    assert shown[0][1].startswith("overdue")
    assert "4 deadlines within 48 h, 1 overdue" in view.summary.text()

    view.table.cellDoubleClicked.emit(2, 0)  # the ship window: shown in the table
    selected = window.selected_order()
    assert selected is not None and selected.id == made["shipping"]

    view.table.cellDoubleClicked.emit(1, 0)  # an order to buy: "Add supplier order" for it
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SupplierOrderDialog)]
    assert dialogs and dialogs[-1].customer_order.text() == "#3002"
    for dialog in dialogs:
        dialog.close()


def test_needs_me_with_nothing_due_says_so(qtbot: QtBot, ledger: Ledger) -> None:
    window = MainWindow(ledger, clock=lambda: datetime(2026, 12, 7, tzinfo=UTC))
    qtbot.addWidget(window)
    window.show_needs_me()
    assert window._needs_me is not None
    assert window._needs_me.table.rowCount() == 0
    assert "Nothing is due within 48 h or overdue." in window._needs_me.summary.text()


def test_imported_orders_show_in_the_default_view_with_an_estimated_window(
    qtbot: QtBot, ledger: Ledger
) -> None:
    import_shopify_csv(ledger, Path(__file__).parents[1] / "data" / "orders_dsers_paid.csv")
    window = MainWindow(ledger, clock=lambda: datetime(2026, 12, 7, tzinfo=UTC))
    qtbot.addWidget(window)
    window.ticker.stop()
    assert window.status_filter.currentIndex() == 0  # "Awaiting shipment", the default
    rows = [window.model.row_at(r) for r in range(window.model.rowCount())]
    names = [row.order_name for row in rows if row is not None]
    assert names == ["#2002", "#2004", "#2006", "#2008"]  # the ones DSers wrote a number for
    ship_by = window.model.index(0, position(SHIP_BY))
    assert str(ship_by.data()).startswith("≈ ")
    assert "Estimated from the Shopify payment time" in str(
        ship_by.data(Qt.ItemDataRole.ToolTipRole)
    )
