"""Refunding a fulfilled (or shipped) order on Shopify: preview first, then refund exactly that.

The preview is Shopify's own suggestion (what each line and the shipping give back, and the
most that can be refunded); the refund sends that preview, with a key stored beforehand so that
no retry can refund twice. Changing "refund shipping" throws the preview away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.cancel.shop_refund import RefundPreview
from gui.cancel_wizard.step import primary, tr
from gui.formatting import money

_RESTOCK = {"RETURN": "Return to stock", "CANCEL": "Not shipped: cancel", "NO_RESTOCK": "No"}


class RefundPanel(QWidget):
    """Emits `preview_requested(refund_shipping)` and `refund_requested(preview, note, notify)`."""

    preview_requested = Signal(bool)
    refund_requested = Signal(object, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: RefundPreview | None = None
        self.shipping = QCheckBox(tr("Refund the shipping too"))
        self.shipping.setChecked(True)
        self.shipping.toggled.connect(self._options_changed)
        self.preview_button = QPushButton(tr("Preview the refund"))
        self.preview_button.setObjectName("previewRefundButton")
        self.preview_button.clicked.connect(
            lambda: self.preview_requested.emit(self.shipping.isChecked())
        )
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("refundPreview")
        self.table.setAccessibleName(tr("Refund preview"))
        self.table.setHorizontalHeaderLabels(
            [tr("Item"), tr("Quantity"), tr("Restock"), tr("Amount")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLineEdit()
        self.note.setObjectName("refundNote")
        self.note.setPlaceholderText(tr("optional; kept with the refund in Shopify"))
        self.notify = QCheckBox(tr("Send the customer Shopify's refund e-mail"))
        self.refund_button = primary(QPushButton(tr("Refund on Shopify…")))
        self.refund_button.setObjectName("refundButton")
        self.refund_button.clicked.connect(self._refund)
        form = QFormLayout()
        form.addRow(tr("Refund note"), self.note)
        form.addRow("", self.notify)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.shipping)
        layout.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.refund_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.show_preview(None)

    def show_preview(self, preview: RefundPreview | None) -> None:
        self.preview = preview
        self.table.setVisible(preview is not None)
        self.refund_button.setEnabled(preview is not None and preview.total_minor > 0)
        if preview is None:
            self.refund_button.setText(tr("Refund on Shopify…"))
            self.table.setRowCount(0)
            return
        currency = preview.currency
        rows: list[tuple[str, str, str, str, bool]] = [
            (
                line.title or line.line_gid.rsplit("/", 1)[-1],
                str(line.quantity),
                tr(_RESTOCK.get(line.restock_type, line.restock_type)),
                money(line.subtotal_minor, currency),
                False,
            )
            for line in preview.lines
        ]
        rows.append((tr("Shipping"), "", "", money(preview.shipping_minor, currency), False))
        rows.append(
            (tr("Refund to the customer"), "", "", money(preview.total_minor, currency), True)
        )
        rows.append(
            (tr("Most that can be refunded"), "", "", money(preview.maximum_minor, currency), False)
        )
        if preview.refunded_before_minor:
            rows.append(
                (
                    tr("Refunded before"),
                    "",
                    "",
                    money(preview.refunded_before_minor, currency),
                    False,
                )
            )
        self.table.setRowCount(len(rows))
        for row, (title, quantity, restock, amount, bold) in enumerate(rows):
            for column, text in enumerate((title, quantity, restock, amount)):
                item = QTableWidgetItem(text)
                if column in (1, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if bold:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.table.setFixedHeight(height)
        self.refund_button.setText(
            tr("Refund {0} on Shopify…").format(money(preview.total_minor, currency))
        )

    def _options_changed(self) -> None:
        if self.preview is not None:
            self.show_preview(None)

    def _refund(self) -> None:
        if self.preview is not None:
            self.refund_requested.emit(
                self.preview, self.note.text().strip(), self.notify.isChecked()
            )
