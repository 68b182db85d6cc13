"""The panel beside the ledger table: the selected order's facts, lines and timeline."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.display_text import display_text
from core.ledger import Ledger
from core.texts import Text
from gui.formatting import estimated_note, local_time, money, status_text
from gui.i18n import current_language

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
    "ship_by_moved": "Ship-by moved",
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
            ("ship_by", _tr("Ship by")),
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
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
            for label in self._fact_labels.values():
                label.clear()
            return
        self._fill(details)

    def _fill(self, details: OrderDetails) -> None:
        order, customer = details.supplier_order, details.customer_order
        name = customer.name if customer else _tr("Unlinked supplier order")
        self.title.setText(f"<h2>{html.escape(display_text(name))}</h2>")
        facts = self._fact_labels
        facts["customer"].setText(display_text(customer.customer_name) if customer else "")
        facts["total"].setText(money(customer.total_minor, customer.currency) if customer else "")
        facts["supplier"].setText(
            display_text(details.supplier.name) if details.supplier else _tr("Unknown")
        )
        facts["ae_order"].setText(display_text(order.ae_order_id))
        facts["cost"].setText(money(order.cost_minor, order.currency))
        ship_by = local_time(order.ship_by) if order.ship_by else _tr("not paid yet")
        facts["ship_by"].setText(
            _tr("{0} (estimated)").format(ship_by) if order.ship_by_estimated else ship_by
        )
        facts["ship_by"].setToolTip(estimated_note() if order.ship_by_estimated else "")
        facts["status"].setText(status_text(order.order_status, order.end_reason))
        tracking = " · ".join(t for t in (order.tracking_number, order.carrier) if t)
        facts["tracking"].setText(display_text(tracking) or _tr("none yet"))
        for line in details.lines:
            QTreeWidgetItem(
                self.lines,
                [
                    display_text(line.title),
                    display_text(line.sku),
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
                    display_text(_describe(entry.details, order.ship_by_estimated, entry.kind)),
                ],
            )


def _describe(details: dict[str, Any], estimated: bool = False, kind: str = "") -> str:
    if kind == "ship_window_closes" and estimated:
        return estimated_note()
    if "message" in details:  # a text core stored in both languages
        return Text.from_stored(details["message"]).get(current_language())
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
