"""The panel beside the ledger table: the selected order's facts, lines and timeline."""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.display_text import display_text
from core.ledger import Ledger
from core.ledger.types import stored_instant
from core.texts import Text
from gui.formatting import estimated_note, local_time, money, status_text, status_tooltip
from gui.i18n import say

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
    "ae_order_linked": "AliExpress order linked",
    "supplier_order_added": "Supplier order added",
    "supplier_order_edited": "Supplier order changed",
    "paid_at_changed": "Payment time changed",
    "ship_by_recomputed": "Ship-by time recalculated",
    "supplier_order.aliexpress_updated": "Updated from AliExpress",
    "supplier_order.aliexpress_shipped": "Shipped (seen on AliExpress)",
    "supplier_order.aliexpress_cancelled": "Cancelled at the supplier (seen on AliExpress)",
    "supplier_order.aliexpress_check_failed": "AliExpress could not be asked",
    "supplier_order.tracking_from_supplier": "Tracking number from the supplier",
    "customer_order.shop_step_confirmed": "Shop step done by hand",
    "customer_order.shopify_read": "Order read from Shopify",
    "customer_order.cancelled_on_shopify": "Cancelled on Shopify",
    "ship_by_moved": "Ship-by moved",
    "deadline_moved": "Deadline moved",
    "customer_order.notice_sent": "Customer notified",
    "customer_order.withdrawal_received": "Withdrawal received",
    "customer_order.withdrawal_refunded": "Withdrawal refunded",
    "supplier_order.protection_recorded": "Protection end recorded",
}
#: What an event kind Dropdesk has no title for reads as (the kind goes in a tooltip).
UNKNOWN_EVENT = "Recorded change"
#: The fields a change names, in the merchant's words; others read as "other details".
_FIELDS = {
    "order_status": "status",
    "logistics_status": "shipping status",
    "end_reason": "status",
    "tracking_number": "tracking number",
    "carrier": "carrier",
    "shipped_at": "shipping time",
    "ship_by": "ship-by time",
    "paid_at": "payment time",
    "cost_minor": "cost",
    "currency": "currency",
    "supplier_id": "supplier",
    "external_order_id": "AliExpress order",
    "ae_order_id": "AliExpress order",  # events journaled before the rename
    "customer_order_id": "shop order",
    "fulfillment_status": "fulfillment",
    "financial_status": "payment status",
    "cancelled_at": "cancellation",
    "cancel_reason": "cancellation reason",
    "total_minor": "order total",
}
_BY = {
    "hand": "by hand",
    "merchant": "by you",
    "import": "by the import",
    "aliexpress_status": "seen by the AliExpress refresh",
}
#: Shopify's cancel reasons (a cancelled order's `cancel_reason`).
_SHOP_REASONS = {
    "customer": "customer's request",
    "declined": "payment declined",
    "fraud": "fraud",
    "inventory": "out of stock",
    "staff": "staff error",
    "other": "other reason",
}


def event_title(kind: str) -> str:
    """What happened, in the merchant's words; a kind without a title reads generically."""
    return _tr(_EVENT_TITLES.get(kind, UNKNOWN_EVENT))


class OrderDetailsPanel(QWidget):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.title = QLabel()
        self.title.setObjectName("detailsTitle")
        self.title.setWordWrap(True)  # a long hint (German) wraps instead of widening the panel
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

        # The main window connects it and enables it for an order it can cancel.
        self.cancel_button = QPushButton(_tr("Cancel everywhere…"))
        self.cancel_button.setObjectName("cancelEverywhere")
        self.cancel_button.setToolTip(
            _tr("Cancel this order at the supplier and in the shop, step by step")
        )
        self.cancel_button.setEnabled(False)
        # After-sale actions on the shop order; the main window connects and enables them.
        self.withdrawal_button = QPushButton(_tr("Withdrawal received…"))
        self.withdrawal_button.setObjectName("withdrawalReceived")
        self.withdrawal_button.setToolTip(
            _tr("Record the customer's withdrawal, its refund deadline and the acknowledgement")
        )
        self.notify_button = QPushButton(_tr("Notify the customer…"))
        self.notify_button.setObjectName("notifyCustomer")
        self.notify_button.setToolTip(
            _tr("Write to the customer in their language: mail program or copy")
        )
        actions = QGridLayout()  # two rows: the panel stays narrow beside the table at 1280 px
        actions.addWidget(self.cancel_button, 0, 0, 1, 2)
        actions.addWidget(self.withdrawal_button, 1, 0)
        actions.addWidget(self.notify_button, 1, 1)
        for button in (self.cancel_button, self.withdrawal_button, self.notify_button):
            button.setEnabled(False)

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
            for button in (self.cancel_button, self.withdrawal_button, self.notify_button):
                button.hide()
            for label in self._fact_labels.values():
                label.clear()
            return
        self._fill(details)

    def show_several(self, count: int, totals: dict[str, int] | None) -> None:
        """Several orders selected: how many, and what their shop orders come to per currency
        (`totals` None: too many to add up); the actions act on all of them."""
        self.lines.clear()
        self.timeline.clear()
        heading = _tr("{0} orders selected").format(QLocale().toString(count))
        self.title.setText(f"<h2>{html.escape(heading)}</h2>")
        for key, label in self._fact_labels.items():
            label.clear()
            self.facts.setRowVisible(label, key == "total")  # one order's facts: not here
        if totals is not None:
            self._fact_labels["total"].setText(
                " · ".join(money(minor, currency) for currency, minor in totals.items())
                or _tr("no shop orders")
            )
        self.cancel_button.show()
        for button in (self.withdrawal_button, self.notify_button):
            button.hide()  # one customer at a time

    def _fill(self, details: OrderDetails) -> None:
        for button in (self.cancel_button, self.withdrawal_button, self.notify_button):
            button.show()
        for label in self._fact_labels.values():
            self.facts.setRowVisible(label, True)
        order, customer = details.supplier_order, details.customer_order
        name = customer.name if customer else _tr("Unlinked supplier order")
        self.title.setText(f"<h2>{html.escape(display_text(name))}</h2>")
        facts = self._fact_labels
        facts["customer"].setText(display_text(customer.customer_name) if customer else "")
        facts["total"].setText(money(customer.total_minor, customer.currency) if customer else "")
        facts["supplier"].setText(
            display_text(details.supplier.name) if details.supplier else _tr("Unknown")
        )
        facts["ae_order"].setText(display_text(order.external_order_id))
        facts["cost"].setText(money(order.cost_minor, order.currency))
        ship_by = local_time(order.ship_by) if order.ship_by else _tr("not paid yet")
        facts["ship_by"].setText(
            _tr("{0} (estimated)").format(ship_by) if order.ship_by_estimated else ship_by
        )
        facts["ship_by"].setToolTip(estimated_note() if order.ship_by_estimated else "")
        facts["status"].setText(status_text(order.order_status, order.end_reason))
        facts["status"].setToolTip(status_tooltip(order.order_status, order.end_reason))
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
            item = QTreeWidgetItem(
                self.timeline,
                [
                    local_time(entry.at),
                    event_title(entry.kind),
                    display_text(_describe(entry.details, order.ship_by_estimated, entry.kind)),
                ],
            )
            if entry.kind not in _EVENT_TITLES:  # for support: what the ledger calls it
                item.setToolTip(1, entry.kind)


def _describe(details: dict[str, Any], estimated: bool = False, kind: str = "") -> str:
    """The facts an event carried that mean something to the merchant (amounts, tracking,
    the AliExpress order, what changed), in their words; field names and codes never."""
    if kind == "ship_window_closes" and estimated:
        return estimated_note()
    if "message" in details:  # a text core stored in both languages
        return say(Text.from_stored(details["message"]))
    parts: list[str] = []
    if kind == "customer_order.notice_sent":  # what the customer was sent, and how
        how = _tr("by e-mail") if details.get("via") == "mail" else _tr("copied")
        return f"{details.get('subject', '')} ({how})"
    refund_by = _moment(details.get("refund_by"))  # a withdrawal's legal refund deadline
    if refund_by is not None:
        parts.append(_tr("refund by {0}").format(local_time(refund_by)))
    protection_ends = _moment(details.get("ends_at"))
    if protection_ends is not None:
        parts.append(_tr("protection ends {0}").format(local_time(protection_ends)))
    currency = str(details.get("currency") or "")
    for key, form in (("amount_minor", "{0}"), ("refunded_minor", "{0} refunded")):
        value = details.get(key)
        if isinstance(value, int) and value and currency:
            parts.append(_tr(form).format(money(value, currency)))
    tracking = details.get("tracking_number") or details.get("tracking")
    if isinstance(tracking, str) and tracking:
        parts.append(_tr("tracking {0}").format(tracking))
    # Events journaled before the migration external_order_id name the id by its old key.
    external = details.get("external_order_id") or details.get("ae_order_id")
    if isinstance(external, str) and external:
        parts.append(_tr("AliExpress order {0}").format(external))
    reason = str(details.get("reason") or "").strip()
    if reason:
        parts.append(_reason(reason))
    changes = details.get("changes")
    if isinstance(changes, dict) and changes:
        parts.append(_tr("changed: {0}").format(", ".join(_changed(changes))))
    by = _BY.get(str(details.get("by", "")))
    if by:
        parts.append(_tr(by))
    return ", ".join(part for part in parts if part)


def _moment(value: Any) -> datetime | None:
    """An ISO 8601 instant a payload carries, or None."""
    return stored_instant(value)


def _reason(reason: str) -> str:
    """A cancellation reason: Dropdesk's own (the wizard's words) or Shopify's."""
    from core.ledger.types import Reason
    from core.review import REASON_LABELS

    if reason in {r.value for r in Reason}:
        return QCoreApplication.translate("CancelWizard", REASON_LABELS[reason])
    shop = _SHOP_REASONS.get(reason.lower())
    return _tr(shop) if shop else ""


def _changed(changes: dict[str, Any]) -> list[str]:
    named = list(dict.fromkeys(_tr(_FIELDS[key]) for key in changes if key in _FIELDS))
    if any(key not in _FIELDS for key in changes):
        named.append(_tr("other details"))
    return named


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
