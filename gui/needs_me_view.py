""" "Needs me": every deadline of every order in one list, soonest first (orders to buy, ship
windows, and the open cancellations' supplier answers, tracking, disputes and refunds).

It shows what `core.due.deadlines` returns (the window reads it and passes it in, as for
`dropdesk due`); double-clicking a line shows that order in the table, or, for an order still
to buy, opens "Add supplier order" for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.due import Deadline, Kind
from gui.formatting import countdown_text, local_time
from gui.i18n import say
from gui.palette import Colours


def _tr(text: str) -> str:
    return QCoreApplication.translate("NeedsMeView", text)


class NeedsMeView(QWidget):
    order_requested = Signal(int)  # a supplier order to show in the table
    buy_requested = Signal(str)  # the name of a customer order to buy from the supplier

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("needsMeView")
        self.setWindowTitle(_tr("Needs me"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("needsMeTable")
        self.table.setAccessibleName(_tr("Deadlines, soonest first"))
        self.table.setHorizontalHeaderLabels(
            [_tr("Deadline"), _tr("Left"), _tr("Order"), _tr("What to do"), _tr("Supplier")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.resize(900, 420)
        self._deadlines: list[Deadline] = []

    def show_deadlines(self, deadlines: Sequence[Deadline], now: datetime, hours: float) -> None:
        """Show these deadlines (soonest first, as `core.due.deadlines` gives them)."""
        self._deadlines = list(deadlines)
        overdue = sum(1 for d in deadlines if d.deadline <= now)
        if not deadlines:
            self.summary.setText(
                _tr("Nothing is due within {0} h or overdue.").format(f"{hours:g}")
            )
        else:
            self.summary.setText(
                _tr(
                    "{0} deadlines within {1} h, {2} overdue. Double-click one to act on it."
                ).format(len(deadlines), f"{hours:g}", overdue)
            )
        self.table.setRowCount(len(deadlines))
        for row, deadline in enumerate(deadlines):
            cells = (
                local_time(deadline.deadline),
                countdown_text(deadline.deadline - now),
                deadline.order_name or deadline.external_order_id or "—",
                say(deadline.what),
                deadline.supplier_name or "—",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if deadline.deadline <= now and column in (0, 1):
                    item.setForeground(Colours.NEGATIVE.brush())
                if column == 2 and deadline.external_order_id:
                    item.setToolTip(_tr("AliExpress order {0}").format(deadline.external_order_id))
                self.table.setItem(row, column, item)

    def deadlines(self) -> list[Deadline]:
        return list(self._deadlines)

    def _activated(self, row: int, _column: int = 0) -> None:
        if not 0 <= row < len(self._deadlines):
            return
        deadline = self._deadlines[row]
        if deadline.kind is Kind.BUY:
            self.buy_requested.emit(deadline.order_name)
        elif deadline.supplier_order_id is not None:
            self.order_requested.emit(deadline.supplier_order_id)


def bring_up(view: NeedsMeView) -> None:
    view.setWindowFlag(Qt.WindowType.Window)
    view.show()
    view.raise_()
