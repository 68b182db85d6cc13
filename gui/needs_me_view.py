""" "Needs me": every deadline of every order in one list, soonest first (orders to buy, ship
windows, and the open cancellations' supplier answers, tracking, disputes and refunds, and
the merchant's own steps: the request on AliExpress, the Shopify step, due at once).

It shows what `core.due.deadlines` returns (the window reads it and passes it in, as for
`dropdesk due`); double-clicking a line shows that order in the table, or, for an order still
to buy, opens "Add supplier order" for it. A cancellation waiting for a person's answer (did
the supplier accept? did the money arrive? requested on AliExpress? cancelled on Shopify?) has
the answers as buttons in its row
(`core.cancel.autopilot.ANSWERS`), each one action, no wizard; the focused row answers with the
keys its buttons' tooltips name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.cancel.autopilot import ANSWERS, Answer
from core.due import Deadline, Kind
from gui.formatting import countdown_text, field_text, local_time
from gui.i18n import say
from gui.palette import Colours


def _tr(text: str) -> str:
    return QCoreApplication.translate("NeedsMeView", text)


# Each answer's button (its words, what it records) and the key the focused row answers with.
_ANSWER_WORDS: dict[str, tuple[object, object, str]] = {
    "accepted": (
        QT_TRANSLATE_NOOP("NeedsMeView", "Accepted"),
        QT_TRANSLATE_NOOP("NeedsMeView", "The supplier accepted the cancellation"),
        "A",
    ),
    "refused": (
        QT_TRANSLATE_NOOP("NeedsMeView", "Refused"),
        QT_TRANSLATE_NOOP("NeedsMeView", "The supplier refused to cancel"),
        "R",
    ),
    "money_arrived": (
        QT_TRANSLATE_NOOP("NeedsMeView", "Money arrived"),
        QT_TRANSLATE_NOOP("NeedsMeView", "The supplier's refund arrived in your account"),
        "M",
    ),
    "aliexpress_done": (
        QT_TRANSLATE_NOOP("NeedsMeView", "Requested on AliExpress"),
        QT_TRANSLATE_NOOP("NeedsMeView", "You have requested the cancellation on AliExpress"),
        "D",
    ),
    "shop_done": (
        QT_TRANSLATE_NOOP("NeedsMeView", "Shopify done"),
        QT_TRANSLATE_NOOP(
            "NeedsMeView",
            "You cancelled the order in the Shopify admin, refunding what was left "
            "(for another amount, open the cancellation)",
        ),
        "S",
    ),
}
ANSWER_COLUMN = 5


class NeedsMeView(QWidget):
    order_requested = Signal(int)  # a supplier order to show in the table
    buy_requested = Signal(str)  # the name of a customer order to buy from the supplier
    answer_requested = Signal(int, object)  # a cancellation id and its core Answer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("needsMeView")
        self.setWindowTitle(_tr("Needs me"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("needsMeTable")
        self.table.setAccessibleName(_tr("Deadlines, soonest first"))
        self.table.setHorizontalHeaderLabels(
            [
                _tr("Deadline"),
                _tr("Left"),
                _tr("Order"),
                _tr("What to do"),
                _tr("Supplier"),
                _tr("Your answer"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # Rows as high as an answer button (and its cell's margins), all alike.
        button_height = QPushButton(_tr("Money arrived")).sizeHint().height()
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(button_height + 4)
        rows.setDefaultSectionSize(max(rows.defaultSectionSize(), button_height + 4))
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        for key, (_label, _tip, shortcut) in _ANSWER_WORDS.items():
            keys = QShortcut(QKeySequence(shortcut), self.table)
            keys.setContext(Qt.ShortcutContext.WidgetShortcut)
            keys.activated.connect(lambda key=key: self.answer_focused(key))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.resize(1100, 420)
        self._deadlines: list[Deadline] = []

    def show_deadlines(self, deadlines: Sequence[Deadline], now: datetime, hours: float) -> None:
        """Show these deadlines (soonest first, as `core.due.deadlines` gives them)."""
        self._deadlines = list(deadlines)
        overdue = sum(1 for d in deadlines if d.deadline <= now)
        if not deadlines:
            self.summary.setText(
                _tr("Nothing is due within {0} h or overdue.").format(field_text(float(hours)))
            )
        else:
            self.summary.setText(
                _tr(
                    "{0} deadlines within {1} h, {2} overdue. Double-click one to act on it."
                ).format(len(deadlines), field_text(float(hours)), overdue)
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
            self.table.setItem(row, ANSWER_COLUMN, QTableWidgetItem())
            self.table.setCellWidget(row, ANSWER_COLUMN, self._answer_buttons(deadline))

    def answers(self, row: int) -> tuple[Answer, ...]:
        """The answers the deadline in `row` asks of the merchant (none for most)."""
        if not 0 <= row < len(self._deadlines):
            return ()
        deadline = self._deadlines[row]
        return ANSWERS.get(deadline.kind, ()) if deadline.cancellation_id is not None else ()

    def answer_buttons(self, row: int) -> list[QPushButton]:
        cell = self.table.cellWidget(row, ANSWER_COLUMN)
        return [] if cell is None else cell.findChildren(QPushButton)

    def answer_focused(self, key: str) -> bool:
        """The focused row's answer named `key` (its button's shortcut); False if it has none."""
        row = self.table.currentRow()
        for answer in self.answers(row):
            if answer.key == key:
                self._answer(row, answer)
                return True
        return False

    def focused_key(self) -> tuple[str, int] | None:
        row = self.table.currentRow()
        return self._deadlines[row].key if 0 <= row < len(self._deadlines) else None

    def focus_deadline(self, key: tuple[str, int]) -> bool:
        """Select the row of this deadline (Deadline.key), e.g. from the tray's notification."""
        for row, deadline in enumerate(self._deadlines):
            if deadline.key == key:
                self.table.setCurrentCell(row, 0)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _answer_buttons(self, deadline: Deadline) -> QWidget:
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(2, 0, 2, 0)
        row.setSpacing(4)
        answers = ANSWERS.get(deadline.kind, ()) if deadline.cancellation_id is not None else ()
        for answer in answers:
            label, tip, shortcut = _ANSWER_WORDS[answer.key]
            button = QPushButton(_tr(str(label)))
            button.setObjectName(f"answer_{answer.key}")
            button.setToolTip(
                _tr("{0} ({1} on the selected line)").format(
                    _tr(str(tip)),
                    QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row keeps the keyboard
            button.clicked.connect(
                lambda _checked=False, d=deadline, a=answer: self._answer_deadline(d, a)
            )
            row.addWidget(button)
        row.addStretch(1)
        return cell

    def _answer(self, row: int, answer: Answer) -> None:
        self._answer_deadline(self._deadlines[row], answer)

    def _answer_deadline(self, deadline: Deadline, answer: Answer) -> None:
        if deadline.cancellation_id is None:
            return
        for row, shown in enumerate(self._deadlines):  # no second click while it records
            if shown is deadline:
                for button in self.answer_buttons(row):
                    button.setEnabled(False)
        self.answer_requested.emit(deadline.cancellation_id, answer)

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
