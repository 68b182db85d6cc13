"""Step 4: the order on Shopify. Cancel it through the API (with its options), refund the
line items of a fulfilled order (preview first), or do it in the Shopify admin and record it.

Anything Shopify cannot undo asks first. Before the supplier has agreed, the question also
says plainly that the money may come out of the merchant's pocket.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.cancel.errors import CancelError
from core.cancel.shop_cancel import STAFF_NOTE_MAX, ShopCancelOptions, default_staff_note
from core.cancel.shop_manual import ShopManualGuide
from core.cancel.shop_refund import RefundPreview
from core.cancel.states import IN_FLIGHT, Path, State
from core.cancel.view import Action
from core.display_text import display_text
from core.imports.amounts import AmountError
from core.ledger.types import RefundDirection
from gui.cancel_wizard.manual_panel import ManualPanel
from gui.cancel_wizard.refund_panel import RefundPanel
from gui.cancel_wizard.step import (
    Confirmation,
    PageKey,
    RunContext,
    Step,
    StepPage,
    primary,
    read_amount,
    reason_label,
    tr,
)
from gui.cancel_wizard.texts import Banner
from gui.formatting import money
from gui.palette import Colours, follow_palette

_SHOP_ACTIONS = (
    Action.CANCEL_ON_SHOP,
    Action.PREVIEW_SHOP_REFUND,
    Action.REFUND_ON_SHOP,
    Action.CONFIRM_MANUAL_SHOP_STEP,
)


def out_of_pocket_warning(refund: bool) -> str:
    doing = tr("refund the customer") if refund else tr("cancel the order")
    return tr(
        "The supplier has not agreed to cancel yet. If you {0} on Shopify now and the supplier "
        "ships anyway, you pay for goods your customer got back their money for: the refund "
        "comes out of your own pocket. The safe order is the supplier first."
    ).format(doing)


class ShopPage(StepPage):
    key = PageKey.SHOP

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: RunContext | None = None
        self.guide: ShopManualGuide | None = None
        self.status = Banner()
        self.status.button.setObjectName("checkAgainButton")
        self.status.button.clicked.connect(self._check_again)
        self.risk = Banner()
        self.risk.setObjectName("outOfPocketWarning")

        self.cancel_box = QGroupBox(tr("Cancel through the Shopify API"))
        self.refund_original = QCheckBox(tr("Refund the customer to the original payment method"))
        self.refund_original.setChecked(True)
        self.restock = QCheckBox(tr("Put the items back in stock"))
        self.restock.setChecked(True)
        self.notify = QCheckBox(tr("Send the customer Shopify's cancellation e-mail"))
        self.notify.setChecked(True)
        self.staff_note = QLineEdit()
        self.staff_note.setObjectName("staffNote")
        self.staff_note.setMaxLength(STAFF_NOTE_MAX)
        self.no_refund_note = QLabel(
            tr("Without a refund, cancel in the Shopify admin and record it below.")
        )
        self.no_refund_note.setWordWrap(True)
        follow_palette(self.no_refund_note, Colours.CAUTION.css)
        self.cancel_button = primary(QPushButton(tr("Cancel on Shopify…")))
        self.cancel_button.setObjectName("cancelOnShopButton")
        self.cancel_button.clicked.connect(self._cancel)
        self.refund_original.toggled.connect(self._refund_choice)
        form = QFormLayout()
        form.addRow(tr("Staff note"), self.staff_note)
        box = QVBoxLayout(self.cancel_box)
        for widget in (self.refund_original, self.restock, self.notify):
            box.addWidget(widget)
        box.addLayout(form)
        box.addWidget(self.no_refund_note)
        box.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._refund_choice(True)

        self.refund_box = QGroupBox(tr("Refund through the Shopify API"))
        self.refund_panel = RefundPanel()
        self.refund_panel.preview_requested.connect(self._preview)
        self.refund_panel.refund_requested.connect(self._refund)
        QVBoxLayout(self.refund_box).addWidget(self.refund_panel)

        self.manual_toggle = QToolButton()
        self.manual_toggle.setObjectName("manualToggle")
        self.manual_toggle.setText(tr("Do it in the Shopify admin instead"))
        self.manual_toggle.setCheckable(True)
        self.manual_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.manual_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.manual_toggle.setStyleSheet("QToolButton { border: none; }")
        self.manual_toggle.toggled.connect(self._manual_toggled)
        self.manual_box = QGroupBox(tr("In the Shopify admin"))
        self.manual_panel = ManualPanel()
        self.manual_panel.confirmed.connect(self._manual)
        QVBoxLayout(self.manual_box).addWidget(self.manual_panel)

        for part in (
            self.status,
            self.risk,
            self.cancel_box,
            self.refund_box,
            self.manual_toggle,
            self.manual_box,
        ):
            self.layout_.addWidget(part)
        self.layout_.addStretch(1)

    # -- showing ------------------------------------------------------------------------------

    def show_run(self, ctx: RunContext) -> None:
        previous = self.view
        super().show_run(ctx)
        self.ctx = ctx
        view = ctx.view
        if previous is None or previous.id != view.id or previous.state is not view.state:
            self.refund_panel.show_preview(None)
        self.guide = None
        if any(self.can(action) for action in _SHOP_ACTIONS):
            try:
                self.guide = ctx.workflow.shop_manual_guide(view.id)
            except CancelError as error:
                self.status.show_message("warning", error.text)
        refund = self._refund_way()
        self.heading.setText(
            tr("Refund the customer on Shopify") if refund else tr("Cancel the order on Shopify")
        )
        api_cancel = self.can(Action.CANCEL_ON_SHOP)
        api_refund = self.can(Action.REFUND_ON_SHOP) or self.can(Action.PREVIEW_SHOP_REFUND)
        manual = self.can(Action.CONFIRM_MANUAL_SHOP_STEP) and self.guide is not None
        self.cancel_box.setVisible(api_cancel)
        self.refund_box.setVisible(api_refund)
        self.manual_toggle.setVisible(manual and (api_cancel or api_refund))
        self.manual_box.setVisible(manual and (self.manual_toggle.isChecked() or not self.api))
        if self.guide is not None:
            self.manual_panel.show_guide(self.guide)
            if not self.staff_note.text():
                self.staff_note.setPlaceholderText(
                    default_staff_note(view.reason, view.external_order_id)
                )
            self.cancel_button.setText(
                tr("Cancel {0} on Shopify…").format(display_text(self.guide.order_name))
            )
        early = view.needs_out_of_pocket_ack and (api_cancel or api_refund or manual)
        if early:
            self.risk.show_message("warning", out_of_pocket_warning(refund))
        else:
            self.risk.clear()
        self._show_status(ctx, api_cancel or api_refund or manual)

    @property
    def api(self) -> bool:
        return self.can(Action.CANCEL_ON_SHOP) or self.can(Action.REFUND_ON_SHOP)

    def _refund_way(self) -> bool:
        view = self.view
        if self.guide is not None:
            return self.guide.refund
        return view is not None and (view.path is Path.REFUND or view.state is State.SHOP_REFUNDED)

    def _show_status(self, ctx: RunContext, open_step: bool) -> None:
        view = ctx.view
        if view.state in IN_FLIGHT:
            self.status.show_message(
                "warning",
                tr(
                    "Dropdesk sent this to Shopify and has not heard the outcome yet. "
                    "Check again asks Shopify first; nothing is sent twice."
                ),
                tr("Check again"),
            )
        elif view.customer_order_id is None:
            self.status.show_message(
                "info", (tr("No Shopify order is linked: nothing to do on Shopify."))
            )
        elif open_step and not self.api:
            self.status.show_message(
                "info",
                tr(
                    "Shopify is not connected for this order: do this step in the Shopify "
                    'admin, then record it here. Until then "Needs me" lists it as due.'
                ),
            )
        elif not open_step:
            refunded = [m for m in view.money if m.direction is RefundDirection.TO_CUSTOMER]
            if refunded:
                text = tr("Done on Shopify: {0} refunded to the customer.").format(
                    ", ".join(money(m.amount_minor, m.currency) for m in refunded)
                )
            else:
                text = tr("Nothing left to do on Shopify.")
            self.status.show_message("success", text)
        else:
            self.status.clear()

    # -- asking -------------------------------------------------------------------------------

    def _refund_choice(self, refund: bool) -> None:
        self.no_refund_note.setVisible(not refund)
        self.cancel_button.setEnabled(refund)

    def _manual_toggled(self, shown: bool) -> None:
        self.manual_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.manual_box.setVisible(shown)

    def _early(self) -> bool:
        return self.view is not None and self.view.needs_out_of_pocket_ack

    def _cancel(self) -> None:
        view, guide = self.view, self.guide
        if view is None:
            return
        name = guide.order_name if guide else view.order_name
        options = ShopCancelOptions(
            restock=self.restock.isChecked(),
            notify_customer=self.notify.isChecked(),
            staff_note=self.staff_note.text().strip() or None,
            refund_to_original_payment=self.refund_original.isChecked(),
        )
        facts = [
            tr("Items go back in stock.") if options.restock else tr("Stock is left as it is."),
            tr("The customer gets Shopify's e-mail.")
            if options.notify_customer
            else tr("The customer is not e-mailed."),
            tr("Reason sent to Shopify: {0}.").format(reason_label(view.reason)),
        ]
        early = self._early()
        details = [tr("Shopify cannot undo a cancellation."), "\n".join(facts)]
        if early:
            details.insert(0, out_of_pocket_warning(refund=False))
        question = Confirmation(
            tr("Cancel on Shopify"),
            tr(
                "Cancel {0} on Shopify and refund {1} to the customer's original payment method?"
            ).format(name, money(guide.suggested_amount_minor, guide.currency))
            if guide
            else tr("Cancel {0} on Shopify and refund the customer?").format(name),
            tr("Cancel on Shopify anyway") if early else tr("Cancel on Shopify"),
            "\n\n".join(details),
        )
        self.ask(
            Step(
                Action.CANCEL_ON_SHOP,
                {"options": options, "acknowledge_out_of_pocket": early},
                busy=tr("Cancelling {0} on Shopify…").format(name),
                confirm=question,
            )
        )

    def _preview(self, refund_shipping: bool) -> None:
        self.ask(
            Step(
                Action.PREVIEW_SHOP_REFUND,
                {"refund_shipping": refund_shipping},
                busy=tr("Asking Shopify what the refund would be…"),
                done=self.refund_panel.show_preview,
            )
        )

    def _refund(self, preview: RefundPreview, note: str, notify: bool) -> None:
        total = money(preview.total_minor, preview.currency)
        lines = [f"{line.quantity} × {line.title}" for line in preview.lines if line.quantity > 0]
        details = [tr("A refund cannot be undone."), "\n".join(lines)]
        early = self._early()
        if early:
            details.insert(0, out_of_pocket_warning(refund=True))
        question = Confirmation(
            tr("Refund on Shopify"),
            tr("Refund {0} to the customer of {1} on Shopify?").format(
                total, display_text(preview.order_name)
            ),
            tr("Refund anyway") if early else tr("Refund {0}").format(total),
            "\n\n".join(d for d in details if d),
        )
        self.ask(
            Step(
                Action.REFUND_ON_SHOP,
                {
                    "preview": preview,
                    "note": note or None,
                    "notify_customer": notify,
                    "acknowledge_out_of_pocket": early,
                },
                busy=tr("Refunding {0} on Shopify…").format(total),
                confirm=question,
            )
        )

    def _manual(self, typed: str, currency: str) -> None:
        try:
            refunded = read_amount(typed, currency)
        except AmountError as error:
            self.status.show_message("error", error.text)
            return
        early = self._early()
        question = None
        if early:
            question = Confirmation(
                tr("Record the Shopify step"),
                tr("Record that you did this in the Shopify admin before the supplier agreed?"),
                tr("Record it anyway"),
                out_of_pocket_warning(refund=self._refund_way()),
            )
        self.ask(
            Step(
                Action.CONFIRM_MANUAL_SHOP_STEP,
                {
                    "refunded_minor": refunded,
                    "currency": currency or None,
                    "acknowledge_out_of_pocket": early,
                },
                busy=tr("Recording what you did in the Shopify admin…"),
                confirm=question,
            )
        )

    def _check_again(self) -> None:
        self.ask(Step(Action.RESUME, busy=tr("Asking Shopify what became of it…")))
