"""The cancel decision as one form: reason, fault, cancel or refund on Shopify, restock,
tell the customer, and (where offered) Shopify before the supplier's answer.

The same form is the wizard's first page, the bulk dialog's one decision for several orders
and the "Change decision…" dialog, so the three can never drift apart. Where the merchant
picks a reason, the form starts from the decision last taken for it (`set_defaults`); a part
something already happened on is shown locked, its tooltip saying why (`set_decision`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QVBoxLayout, QWidget

from core.cancel.decision import PARTS, Decision, RefundMethod, ShopAction
from core.ledger.types import Fault, Reason
from core.texts import Text
from gui.cancel_wizard.step import fault_label, reason_label, tr
from gui.cancel_wizard.texts import paragraph
from gui.i18n import say

#: Every part locked, none saying why (a run under way in the wizard, a closed run).
ALL_LOCKED: Mapping[str, Text | None] = dict.fromkeys(PARTS)


class DecisionForm(QWidget):
    """Edits one `Decision`; `changed` whenever what it shows changes.

    `before_supplier=False` leaves out "Shopify at once" (the bulk dialog never offers it:
    many orders at the merchant's own risk in one click is too much). `explained` adds the
    note on what the fault is for (the wizard's first page, where there is room)."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        reason: Reason = Reason.CHANGED_MIND,
        before_supplier: bool = True,
        explained: bool = False,
    ) -> None:
        super().__init__(parent)
        self.reason = QComboBox()
        self.reason.setAccessibleName(tr("Reason"))
        for each in Reason:
            self.reason.addItem(reason_label(each), each.value)
        self.fault = QComboBox()
        self.fault.setAccessibleName(tr("Whose fault"))
        for fault in Fault:
            self.fault.addItem(fault_label(fault), fault.value)
        self.shop_action = QComboBox()
        self.shop_action.setObjectName("shopAction")
        self.shop_action.setAccessibleName(tr("On Shopify"))
        self.shop_action.addItem(tr("Cancel the order and refund the customer"), "cancel")
        self.shop_action.addItem(tr("Refund the customer, keep the order"), "refund")
        self.restock = QCheckBox(tr("Put the items back in stock"))
        self.restock.setObjectName("restockBox")
        self.notify = QCheckBox(tr("Tell the customer by email"))
        self.notify.setObjectName("notifyBox")
        self.before_supplier = QCheckBox(  # owned by the form even where it is not shown
            tr("Do it on Shopify at once, without waiting for the supplier (at my own risk)"), self
        )
        self.before_supplier.setObjectName("beforeSupplierBox")
        self.offers_before_supplier = before_supplier
        #: Not shown (one method goes through the API today), carried through unchanged.
        self.refund_method = RefundMethod.ORIGINAL
        self.controls: dict[str, QWidget] = {
            "reason": self.reason,
            "fault": self.fault,
            "shop_action": self.shop_action,
            "restock": self.restock,
            "notify_customer": self.notify,
            "shop_before_supplier": self.before_supplier,
        }

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        why = QFormLayout()
        why.addRow(tr("Why is it cancelled?"), self.reason)
        why.addRow(tr("Whose fault was it?"), self.fault)
        layout.addLayout(why)
        shop = why
        if explained:  # the note between two forms: each sizes its own label column
            layout.setSpacing(10)  # a wizard page's (`StepPage`), the forms' rows too
            layout.addWidget(
                paragraph(
                    tr(
                        "The fault is for your refund review: it shows which habits cost money "
                        "(the supplier's packing, your own product descriptions, the carrier)."
                    ),
                    muted=True,
                )
            )
            shop = QFormLayout()
            layout.addLayout(shop)
        shop.addRow(tr("On Shopify"), self.shop_action)
        shop.addRow("", self.restock)
        shop.addRow("", self.notify)
        if before_supplier:
            shop.addRow("", self.before_supplier)
        else:
            self.before_supplier.hide()

        self.defaults: Callable[[Reason], Decision] | None = None
        self._fault_touched = False  # the merchant chose it: a new reason leaves it alone
        self._filling = False
        self.set_decision(Decision(reason, fault=Fault.UNKNOWN))
        self.reason.currentIndexChanged.connect(self._reason_chosen)
        self.fault.activated.connect(self._touch_fault)
        for box in (self.reason, self.fault, self.shop_action):
            box.currentIndexChanged.connect(self._changed)
        for check in (self.restock, self.notify, self.before_supplier):
            check.toggled.connect(self._changed)

    def set_defaults(self, defaults: Callable[[Reason], Decision] | None) -> None:
        """Where the decision last taken per reason comes from (the ledger settings); the
        form follows it whenever the reason changes. None: a new reason changes nothing else."""
        self.defaults = defaults
        self._load_defaults()

    def set_decision(
        self, decided: Decision, locked: Mapping[str, Text | None] | None = None
    ) -> None:
        """Show `decided`. Each part in `locked` cannot change; its tooltip says why (the
        `core.cancel.decision.fixed_parts` words) unless the why is None."""
        self._filling = True
        try:
            _select(self.reason, decided.reason.value)
            _select(self.fault, decided.fault.value)
            _select(self.shop_action, decided.shop_action.value)
            self.restock.setChecked(decided.restock)
            self.notify.setChecked(decided.notify_customer)
            self.before_supplier.setChecked(
                decided.shop_before_supplier and self.offers_before_supplier
            )
            self.refund_method = decided.refund_method
        finally:
            self._filling = False
        for part, control in self.controls.items():
            is_locked = locked is not None and part in locked
            why = locked.get(part) if locked is not None else None
            control.setEnabled(not is_locked)
            control.setToolTip(tr("Cannot change any more: {0}").format(say(why)) if why else "")
        self.changed.emit()

    def decision(self) -> Decision:
        """The merchant's decision as the form shows it."""
        return Decision(
            Reason(self.reason.currentData()),
            Fault(self.fault.currentData()),
            ShopAction(self.shop_action.currentData()),
            self.refund_method,
            restock=self.restock.isChecked(),
            notify_customer=self.notify.isChecked(),
            shop_before_supplier=self.offers_before_supplier and self.before_supplier.isChecked(),
        )

    def _reason_chosen(self) -> None:
        if not self._filling:
            self._load_defaults()

    def _load_defaults(self) -> None:
        """The remembered decision for the chosen reason; the fault only if the merchant has
        not chosen one, and never "Shopify at once" (chosen each time or not at all)."""
        if self.defaults is None:
            return
        remembered = self.defaults(Reason(self.reason.currentData()))
        self._filling = True
        try:
            if not self._fault_touched:
                _select(self.fault, remembered.fault.value)
            _select(self.shop_action, remembered.shop_action.value)
            self.restock.setChecked(remembered.restock)
            self.notify.setChecked(remembered.notify_customer)
            self.before_supplier.setChecked(False)
            self.refund_method = remembered.refund_method
        finally:
            self._filling = False
        self.changed.emit()

    def _touch_fault(self) -> None:
        self._fault_touched = True

    def _changed(self) -> None:
        if not self._filling:
            self.changed.emit()


def _select(box: QComboBox, value: str) -> None:
    """Show the item holding `value` (the first one when this version does not know it)."""
    box.setCurrentIndex(max(box.findData(value), 0))
