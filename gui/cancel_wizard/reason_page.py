"""Step 0: which order, why it is cancelled, and whose fault it was (the review groups by both).

Nothing is recorded until "Start": then the wizard opens the run and checks the order.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from core.cancel.decision import Decision, ShopAction
from core.cancel.view import CancellationView
from core.display_text import display_text
from core.ledger.types import Fault, Reason
from core.order_details import OrderDetails
from gui.cancel_wizard.step import (
    PageKey,
    StepPage,
    fault_label,
    primary,
    reason_label,
    tr,
    when,
)
from gui.cancel_wizard.texts import paragraph
from gui.formatting import local_time, money, status_text

#: The usual culprit for each reason; the merchant can change it.
LIKELY_FAULT = {
    Reason.NOT_AS_DESCRIBED: Fault.SUPPLIER,
    Reason.DAMAGED: Fault.CARRIER,
    Reason.WRONG_SIZE: Fault.CUSTOMER,
    Reason.CHANGED_MIND: Fault.CUSTOMER,
    Reason.OUT_OF_STOCK: Fault.SUPPLIER,
    Reason.FRAUD: Fault.CUSTOMER,
    Reason.OTHER: Fault.UNKNOWN,
}


class ReasonPage(StepPage):
    """The order at a glance, the reason and the fault, and Start."""

    key = PageKey.REASON
    start_requested = Signal(object, object)  # Reason, Fault

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading.setText(tr("Cancel this order everywhere"))
        self.layout_.addWidget(
            paragraph(
                tr(
                    "Dropdesk walks you through it: first the supplier on AliExpress (before "
                    "the parcel ships), then the order on Shopify, then it follows the money "
                    "until it is back. You can stop at any step and continue later."
                ),
                muted=True,
            )
        )
        self.order_card = QLabel()
        self.order_card.setObjectName("orderCard")
        self.order_card.setWordWrap(True)
        self.order_card.setStyleSheet(
            "#orderCard { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 8px; }"
        )
        self.layout_.addWidget(self.order_card)

        self.reason = QComboBox()
        self.reason.setAccessibleName(tr("Reason"))
        for reason in Reason:
            self.reason.addItem(reason_label(reason), reason.value)
        self.reason.setCurrentIndex(self.reason.findData(Reason.CHANGED_MIND.value))
        self.fault = QComboBox()
        self.fault.setAccessibleName(tr("Whose fault"))
        for fault in Fault:
            self.fault.addItem(fault_label(fault), fault.value)
        self._fault_touched = False
        self._follow_reason()
        self.reason.currentIndexChanged.connect(self._follow_reason)
        self.fault.activated.connect(self._touch_fault)
        form = QFormLayout()
        form.addRow(tr("Why is it cancelled?"), self.reason)
        form.addRow(tr("Whose fault was it?"), self.fault)
        self.layout_.addLayout(form)
        self.layout_.addWidget(
            paragraph(
                tr(
                    "The fault is for your refund review: it shows which habits cost money "
                    "(the supplier's packing, your own product descriptions, the carrier)."
                ),
                muted=True,
            )
        )
        # The decision up front: what Dropdesk may do on Shopify by itself, later.
        self.shop_action = QComboBox()
        self.shop_action.setObjectName("shopAction")
        self.shop_action.setAccessibleName(tr("On Shopify"))
        self.shop_action.addItem(tr("Cancel the order and refund the customer"), "cancel")
        self.shop_action.addItem(tr("Refund the customer, keep the order"), "refund")
        self.restock = QCheckBox(tr("Put the items back in stock"))
        self.restock.setObjectName("restockBox")
        self.notify = QCheckBox(tr("Tell the customer by email"))
        self.notify.setObjectName("notifyBox")
        self.before_supplier = QCheckBox(
            tr("Do it on Shopify at once, without waiting for the supplier (at my own risk)")
        )
        self.before_supplier.setObjectName("beforeSupplierBox")
        self.restock.setChecked(True)
        self.notify.setChecked(True)
        decision_form = QFormLayout()
        decision_form.addRow(tr("On Shopify"), self.shop_action)
        decision_form.addRow("", self.restock)
        decision_form.addRow("", self.notify)
        decision_form.addRow("", self.before_supplier)
        self.layout_.addLayout(decision_form)
        self.layout_.addWidget(
            paragraph(
                tr(
                    "This is your one decision: Dropdesk does the Shopify part by itself as "
                    "soon as the supplier has accepted, refunding to the original payment. "
                    "Your choices are remembered for the next order with the same reason."
                ),
                muted=True,
            )
        )
        self.defaults: Callable[[Reason], Decision] | None = None
        self.reason.currentIndexChanged.connect(self._load_defaults)
        self.start_button = QPushButton(tr("Start: check the order"))
        self.start_button.setObjectName("startButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        self.add_button(primary(self.start_button))
        self.layout_.addStretch(1)

    def show_order(self, details: OrderDetails | None, now: datetime) -> None:
        if details is None:
            self.order_card.setText(tr("This supplier order is not in the ledger any more."))
            self.start_button.setEnabled(False)
            return
        order, customer = details.supplier_order, details.customer_order
        rows = []
        if customer is not None:
            rows.append(
                (
                    tr("Shopify order"),
                    f"{customer.name} · {money(customer.total_minor, customer.currency)}",
                )
            )
        else:
            rows.append((tr("Shopify order"), tr("none linked: only the supplier is cancelled")))
        rows.append((tr("AliExpress order"), order.external_order_id))
        if details.supplier is not None:
            rows.append((tr("Supplier"), details.supplier.name))
        rows.append(
            (
                tr("Paid"),
                f"{local_time(order.paid_at)} · {money(order.cost_minor, order.currency)}",
            )
        )
        status = status_text(order.order_status, order.end_reason)
        if order.tracking_number:
            status += " · " + tr("tracking {0}").format(order.tracking_number)
        rows.append((tr("Status (last known)"), status))
        if order.ship_by is not None and order.shipped_at is None:
            rows.append((tr("Ship by"), when(order.ship_by, now)))
        self.order_card.setText(
            "<table cellspacing='0' cellpadding='2'>"
            + "".join(
                f"<tr><td style='color:#5f6670; padding-right:12px'>{html.escape(k)}</td>"
                f"<td>{html.escape(display_text(v))}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.start_button.setEnabled(True)

    def lock(self, view: CancellationView) -> None:
        """A run exists: show its reason and fault, read-only."""
        self.view = view
        self.reason.setCurrentIndex(max(self.reason.findData(view.reason.value), 0))
        self.fault.setCurrentIndex(max(self.fault.findData(view.fault.value), 0))
        for widget in (
            self.reason,
            self.fault,
            self.shop_action,
            self.restock,
            self.notify,
            self.before_supplier,
            self.start_button,
        ):
            widget.setEnabled(False)
        self.start_button.setText(tr("Started"))

    def set_defaults(self, defaults: Callable[[Reason], Decision]) -> None:
        """Where the remembered decision per reason comes from (the ledger settings)."""
        self.defaults = defaults
        self._load_defaults()

    def _load_defaults(self) -> None:
        if self.defaults is None or not self.start_button.isEnabled():
            return
        remembered = self.defaults(Reason(self.reason.currentData()))
        self.shop_action.setCurrentIndex(
            max(self.shop_action.findData(remembered.shop_action.value), 0)
        )
        self.restock.setChecked(remembered.restock)
        self.notify.setChecked(remembered.notify_customer)
        self.before_supplier.setChecked(False)
        if not self._fault_touched:
            self.fault.setCurrentIndex(max(self.fault.findData(remembered.fault.value), 0))

    def show_decision(self, decided: Decision) -> None:
        """A run exists: show the decision it was started with (read-only, see `lock`)."""
        self.shop_action.setCurrentIndex(
            max(self.shop_action.findData(decided.shop_action.value), 0)
        )
        self.restock.setChecked(decided.restock)
        self.notify.setChecked(decided.notify_customer)
        self.before_supplier.setChecked(decided.shop_before_supplier)

    def decision(self) -> Decision:
        """The merchant's decision as the screen shows it."""
        reason, fault = self.chosen()
        return Decision(
            reason,
            fault,
            ShopAction(self.shop_action.currentData()),
            restock=self.restock.isChecked(),
            notify_customer=self.notify.isChecked(),
            shop_before_supplier=self.before_supplier.isChecked(),
        )

    def chosen(self) -> tuple[Reason, Fault]:
        return Reason(self.reason.currentData()), Fault(self.fault.currentData())

    def _follow_reason(self) -> None:
        if not self._fault_touched:
            likely = LIKELY_FAULT[Reason(self.reason.currentData())]
            self.fault.setCurrentIndex(self.fault.findData(likely.value))

    def _touch_fault(self) -> None:
        self._fault_touched = True

    def _start(self) -> None:
        reason, fault = self.chosen()
        self.start_requested.emit(reason, fault)
