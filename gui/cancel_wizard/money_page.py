"""Step 5: follow the money. The refund the supplier owes (with the days it should arrive in)
until the merchant says it arrived, what the customer got back, and a note for the customer.
The end of the run shows here too: done (and what it cost) or abandoned (and why)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.cancel.errors import CancelError
from core.cancel.states import State
from core.cancel.view import Action, MoneyLine
from core.imports.amounts import AmountError
from core.ledger.types import RefundDirection, RefundState
from gui.cancel_wizard.step import (
    PageKey,
    RunContext,
    Step,
    StepPage,
    amount_text,
    button_row,
    primary,
    read_amount,
    tr,
    when,
)
from gui.cancel_wizard.texts import Banner, CopyableText, paragraph
from gui.formatting import local_time, money

_WHAT = {
    RefundDirection.TO_CUSTOMER: "Refunded to the customer",
    RefundDirection.FROM_SUPPLIER: "Refund from the supplier",
}
_STATE = {
    RefundState.EXPECTED: "Expected",
    RefundState.ISSUED: "Completed at AliExpress, on its way",
    RefundState.RECEIVED: "Received",
    RefundState.FAILED: "Failed",
}


def _pending(view_money: tuple[MoneyLine, ...]) -> MoneyLine | None:
    waiting = [
        m
        for m in view_money
        if m.direction is RefundDirection.FROM_SUPPLIER
        and m.state in (RefundState.EXPECTED, RefundState.ISSUED)
    ]
    return waiting[-1] if waiting else None


class MoneyPage(StepPage):
    key = PageKey.MONEY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: RunContext | None = None
        self.status = Banner()
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("moneyTable")
        self.table.setAccessibleName(tr("Money of this cancellation"))
        self.table.setHorizontalHeaderLabels([tr("Money"), tr("Amount"), tr("State"), tr("When")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.receive_box = QGroupBox(tr("The supplier's refund"))
        self.receive_text = paragraph()
        self.received_amount = QLineEdit()
        self.received_amount.setObjectName("receivedAmount")
        self.received_amount.setMaximumWidth(160)
        self.received_currency = QLabel()
        self.received_button = primary(QPushButton(tr("The money arrived")))
        self.received_button.setObjectName("moneyArrivedButton")
        self.received_button.clicked.connect(self._received)
        form = QFormLayout()
        form.addRow(tr("Amount received"), button_row(self.received_amount, self.received_currency))
        box = QVBoxLayout(self.receive_box)
        box.addWidget(self.receive_text)
        box.addLayout(form)
        box.addWidget(self.received_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.expect_toggle = QToolButton()
        self.expect_toggle.setText(tr("The supplier agreed to pay something back"))
        self.expect_toggle.setCheckable(True)
        self.expect_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.expect_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.expect_toggle.setStyleSheet("QToolButton { border: none; }")
        self.expect_toggle.toggled.connect(self._expect_toggled)
        self.expect_box = QGroupBox(tr("Follow a refund from the supplier"))
        self.expected_amount = QLineEdit()
        self.expected_amount.setObjectName("expectedAmount")
        self.expected_amount.setMaximumWidth(160)
        self.expected_currency = QLineEdit()
        self.expected_currency.setMaxLength(3)
        self.expected_currency.setMaximumWidth(60)
        self.expect_button = QPushButton(tr("Follow this refund"))
        self.expect_button.clicked.connect(self._expect)
        expect_form = QFormLayout(self.expect_box)
        expect_form.addRow(tr("Amount"), button_row(self.expected_amount, self.expected_currency))
        expect_form.addRow("", self.expect_button)

        self.note = CopyableText(tr("Note to the customer"))

        for widget in (
            self.status,
            self.table,
            self.receive_box,
            self.expect_toggle,
            self.expect_box,
            self.note,
        ):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)

    def show_run(self, ctx: RunContext) -> None:
        super().show_run(ctx)
        self.ctx = ctx
        view = ctx.view
        self.heading.setText(
            {
                State.DONE: tr("Done"),
                State.ABANDONED: tr("Abandoned"),
            }.get(view.state, tr("Follow the money"))
        )
        self._show_money(ctx)
        pending = _pending(view.money)
        receiving = self.can(Action.MARK_SUPPLIER_REFUND_RECEIVED) and pending is not None
        self.receive_box.setVisible(receiving)
        if receiving and pending is not None:
            window = ""
            if pending.expected_from and pending.expected_until:
                window = tr(" It should arrive between {0} and {1}.").format(
                    local_time(pending.expected_from), when(pending.expected_until, ctx.now)
                )
            known = pending.amount_minor > 0  # an imported order's supplier cost may be unknown
            owed = (
                tr("The supplier owes you {0}.").format(
                    money(pending.amount_minor, pending.currency)
                )
                if known
                else tr(
                    "The supplier owes you what you paid for this order; Dropdesk does not know "
                    "the amount."
                )
            )
            self.receive_text.setText(
                owed
                + window
                + tr(" Say so here when it is in your account (change the amount if it differs).")
            )
            if not self.received_amount.text() or self.received_currency.text() != (
                pending.currency
            ):
                self.received_amount.setText(
                    amount_text(pending.amount_minor, pending.currency) if known else ""
                )
            self.received_currency.setText(pending.currency)
        expecting = self.can(Action.EXPECT_SUPPLIER_REFUND)
        self.expect_toggle.setVisible(expecting)
        self.expect_box.setVisible(expecting and self.expect_toggle.isChecked())
        if expecting and not self.expected_currency.text():
            self.expected_currency.setText(ctx.supplier_currency)
        note = None
        if view.customer_order_id is not None and view.state is not State.ABANDONED:
            try:
                note = ctx.workflow.customer_note(view.id)
            except CancelError:
                note = None
        self.note.set_message(note)
        self._show_status(ctx)

    def _show_money(self, ctx: RunContext) -> None:
        lines = ctx.view.money
        self.table.setVisible(bool(lines))
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            if line.state is RefundState.RECEIVED or line.direction is RefundDirection.TO_CUSTOMER:
                moment = local_time(line.completed_at)
            elif line.expected_until is not None:
                moment = tr("by {0}").format(when(line.expected_until, ctx.now))
            else:
                moment = ""
            cells = (
                tr(_WHAT[line.direction]),
                money(line.amount_minor, line.currency),
                tr("Paid back")
                if line.direction is RefundDirection.TO_CUSTOMER
                else tr(_STATE[line.state]),
                moment,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(len(lines)))
        self.table.setFixedHeight(height)

    def _show_status(self, ctx: RunContext) -> None:
        view = ctx.view
        if view.state is State.DONE:
            text = tr("This cancellation is complete.")
            paid = [m for m in view.money if m.direction is RefundDirection.TO_CUSTOMER]
            back = [m for m in view.money if m.direction is RefundDirection.FROM_SUPPLIER]
            if paid and not any(m.state is RefundState.RECEIVED for m in back):
                text += " " + tr("Out of pocket: {0} (the supplier paid nothing back).").format(
                    ", ".join(money(m.amount_minor, m.currency) for m in paid)
                )
            self.status.show_message("success", text)
        elif view.state is State.ABANDONED:
            self.status.show_message(
                "info",
                tr("Abandoned: {0}").format(view.abandoned_reason or tr("no reason")),
            )
        elif view.state is State.AWAITING_SUPPLIER_REFUND:
            self.status.show_message(
                "info",
                tr(
                    "Shopify is done. Dropdesk keeps this cancellation open until the "
                    "supplier's refund is in your account; the AliExpress refresh may "
                    "also see it completed."
                ),
            )
        else:
            self.status.clear()

    def _expect_toggled(self, shown: bool) -> None:
        self.expect_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.expect_box.setVisible(shown)

    def _received(self) -> None:
        currency = self.received_currency.text()
        try:
            amount = read_amount(self.received_amount.text(), currency)
        except AmountError as error:
            self.status.show_message("error", error.text)
            return
        if amount <= 0:  # nothing received is not a refund: the money is still owed
            self.status.show_message("error", tr("Enter the amount that arrived in your account."))
            return
        self.ask(
            Step(
                Action.MARK_SUPPLIER_REFUND_RECEIVED,
                {"amount_minor": amount},
                busy=tr("Recording the supplier's refund…"),
            )
        )

    def _expect(self) -> None:
        currency = self.expected_currency.text().strip().upper()
        try:
            amount = read_amount(self.expected_amount.text(), currency or "USD")
        except (AmountError, ValueError) as error:
            self.status.show_message(
                "error", error.text if isinstance(error, AmountError) else str(error)
            )
            return
        self.ask(
            Step(
                Action.EXPECT_SUPPLIER_REFUND,
                {"amount_minor": amount, "currency": currency},
                busy=tr("Recording the refund the supplier agreed to…"),
            )
        )
