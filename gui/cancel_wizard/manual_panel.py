"""The Shopify step by hand: open the order in the Shopify admin, follow the clicks, and tell
Dropdesk what the customer got back (it becomes the customer's refund in the ledger)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.cancel.shop_manual import ShopManualGuide
from gui.cancel_wizard.step import amount_text, button_row, primary, tr
from gui.cancel_wizard.texts import Banner, Instructions
from gui.links import open_link
from gui.palette import Colours, follow_palette


class ManualPanel(QWidget):
    """Emits `confirmed(amount text, currency)` when the merchant says it is done."""

    confirmed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide: ShopManualGuide | None = None
        self.open_button = QPushButton(tr("Open in Shopify admin"))
        self.open_button.setObjectName("openShopifyAdmin")
        self.open_button.clicked.connect(self.open_admin)
        self.url = QLabel()
        self.url.setObjectName("adminUrl")
        follow_palette(self.url, Colours.MUTED.css)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        link = QHBoxLayout()
        link.addWidget(self.open_button)
        link.addWidget(self.url, 1)
        self.warnings = Banner()
        self.clicks = Instructions()
        self.amount = QLineEdit()
        self.amount.setObjectName("manualAmount")
        self.amount.setAccessibleName(tr("Amount refunded to the customer"))
        self.amount.setMaximumWidth(160)
        self.currency = QLabel()
        form = QFormLayout()
        form.addRow(tr("Refunded to the customer"), button_row(self.amount, self.currency))
        self.confirm_button = primary(QPushButton())
        self.confirm_button.setObjectName("confirmManualButton")
        self.confirm_button.clicked.connect(
            lambda: self.confirmed.emit(self.amount.text(), self.currency.text())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(link)
        layout.addWidget(self.warnings)
        layout.addWidget(self.clicks)
        layout.addLayout(form)
        layout.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_guide(self, guide: ShopManualGuide) -> None:
        fresh = self.guide is None or self.guide.order_name != guide.order_name
        self.guide = guide
        self.open_button.setEnabled(guide.admin_url is not None)
        self.url.setText(guide.admin_url or "")
        self.clicks.set_items(guide.clicks)
        if guide.warnings:
            self.warnings.show_message("warning", guide.warnings)
        else:
            self.warnings.clear()
        if fresh or not self.amount.text():
            self.amount.setText(amount_text(guide.suggested_amount_minor, guide.currency))
        self.currency.setText(guide.currency)
        self.confirm_button.setText(
            tr("I have refunded it in the Shopify admin")
            if guide.refund
            else tr("I have cancelled it in the Shopify admin")
        )

    def open_admin(self) -> None:
        if self.guide is not None and self.guide.admin_url:
            open_link(self, self.guide.admin_url)
