"""The panel beside the ledger table: the selected order's facts, lines and timeline."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.ledger import Ledger
from gui.formatting import local_time, money, status_text

if TYPE_CHECKING:
    from core.order_details import OrderDetails


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderDetailsPanel", text)


_EVENT_TITLES = {
    "ordered": "Ordered in the shop",
    "ship_window_closes": "Ship window closes",
    "cancelled_in_shop": "Cancelled in the shop",
    "paid": "Paid to supplier",
    "shipped": "Shipped by supplier",
    "cancel_requested": "Cancellation requested",
    "refunded_customer": "Refunded to customer",
    "dispute_opened": "Dispute opened",
}


class OrderDetailsPanel(QWidget):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.title = QLabel()
        self.title.setObjectName("detailsTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("customer", _tr("Customer")),
            ("total", _tr("Order total")),
            ("supplier", _tr("Supplier")),
            ("ae_order", _tr("AliExpress order")),
            ("cost", _tr("Supplier cost")),
            ("status", _tr("Status")),
            ("tracking", _tr("Tracking")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fact_labels[key] = value
            self.facts.addRow(label + ":", value)

        self.lines = QTreeWidget()
        self.lines.setHeaderLabels([_tr("Item"), _tr("SKU"), _tr("Qty"), _tr("Price")])
        self.lines.setRootIsDecorated(False)
        self.lines.setAccessibleName(_tr("Order lines"))
        _fit_columns(self.lines, stretch=0)
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels([_tr("When"), _tr("What"), _tr("Details")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAccessibleName(_tr("Timeline"))
        _fit_columns(self.timeline, stretch=2)

        # The main window connects it and enables it for an order it can cancel.
        self.cancel_button = QPushButton(_tr("Cancel everywhere…"))
        self.cancel_button.setObjectName("cancelEverywhere")
        self.cancel_button.setToolTip(
            _tr("Cancel this order at the supplier and in the shop, step by step")
        )
        self.cancel_button.setEnabled(False)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(actions)
        layout.addLayout(self.facts)
        for caption, widget, stretch in (
            (_tr("Lines"), self.lines, 1),
            (_tr("Timeline"), self.timeline, 2),
        ):
            box = QGroupBox(caption)
            QVBoxLayout(box).addWidget(widget)
            layout.addWidget(box, stretch)
        self.show_order(None)

    def show_order(self, supplier_order_id: int | None) -> None:
        details = None
        if supplier_order_id:
            from core.order_details import load_details  # SQLModel: not needed for the first frame

            details = load_details(self._ledger, supplier_order_id)
        self.lines.clear()
        self.timeline.clear()
        if details is None:
            self.title.setText(_tr("Select an order to see its lines and timeline."))
            self.cancel_button.hide()
            for label in self._fact_labels.values():
                label.clear()
            return
        self._fill(details)

    def _fill(self, details: OrderDetails) -> None:
        self.cancel_button.show()
        order, customer = details.supplier_order, details.customer_order
        name = customer.name if customer else _tr("Unlinked supplier order")
        self.title.setText(f"<h2>{name}</h2>")
        facts = self._fact_labels
        facts["customer"].setText(customer.customer_name if customer else "")
        facts["total"].setText(money(customer.total_minor, customer.currency) if customer else "")
        facts["supplier"].setText(details.supplier.name if details.supplier else _tr("Unknown"))
        facts["ae_order"].setText(order.ae_order_id)
        facts["cost"].setText(money(order.cost_minor, order.currency))
        facts["status"].setText(status_text(order.order_status, order.end_reason))
        tracking = " · ".join(t for t in (order.tracking_number, order.carrier) if t)
        facts["tracking"].setText(tracking or _tr("none yet"))
        for line in details.lines:
            QTreeWidgetItem(
                self.lines,
                [
                    line.title,
                    line.sku,
                    str(line.quantity),
                    money(line.price_minor, customer.currency if customer else "EUR"),
                ],
            )
        for entry in details.timeline:
            QTreeWidgetItem(
                self.timeline,
                [
                    local_time(entry.at),
                    _tr(_EVENT_TITLES.get(entry.kind, entry.kind.replace("_", " ").capitalize())),
                    _describe(entry.details),
                ],
            )


def _describe(details: dict[str, Any]) -> str:
    return ", ".join(
        f"{k.replace('_', ' ')}: {v if isinstance(v, str) else json.dumps(v)}"
        for k, v in details.items()
    )


def _fit_columns(tree: QTreeWidget, stretch: int) -> None:
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(tree.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else (QHeaderView.ResizeMode.ResizeToContents)
        )
        header.setSectionResizeMode(column, mode)
