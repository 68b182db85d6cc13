"""Step 0: which order, why it is cancelled, and whose fault it was (the review groups by both).

Nothing is recorded until "Start": then the wizard opens the run and checks the order.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from core.cancel.decision import Decision
from core.cancel.view import CancellationView
from core.display_text import display_text
from core.ledger.types import Reason
from core.order_details import OrderDetails
from gui.cancel_wizard.decision_form import ALL_LOCKED, DecisionForm
from gui.cancel_wizard.step import PageKey, StepPage, primary, tr, when
from gui.cancel_wizard.texts import paragraph
from gui.formatting import local_time, money, status_text
from gui.palette import Colours


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

        self.form = DecisionForm(explained=True)
        # The form's controls, under the names the wizard's callers have always used.
        self.reason, self.fault, self.notify = self.form.reason, self.form.fault, self.form.notify
        self.layout_.addWidget(self.form)
        # What happens on Shopify depends on the connection: said once it is known.
        self.shopify_note = paragraph(
            tr(
                "This is your one decision. Your choices are remembered for the next order "
                "with the same reason."
            ),
            muted=True,
        )
        self.shopify_note.setObjectName("shopifyNote")
        self.layout_.addWidget(self.shopify_note)
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
        muted = Colours.MUTED.color().name()
        self.order_card.setText(
            "<table cellspacing='0' cellpadding='2'>"
            + "".join(
                f"<tr><td style='color:{muted}; padding-right:12px'>{html.escape(k)}</td>"
                f"<td>{html.escape(display_text(v))}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.start_button.setEnabled(True)

    def show_connection(self, shop_connected: bool) -> None:
        """Say what will really happen on Shopify: Dropdesk does it (connected), or the
        merchant does it in the admin and "Needs me" reminds them (not connected)."""
        if shop_connected:
            text = tr(
                "This is your one decision: Dropdesk does the Shopify part by itself as "
                "soon as the supplier has accepted, refunding to the original payment. "
                "Your choices are remembered for the next order with the same reason."
            )
        else:
            text = tr(
                "This is your one decision. Shopify is not connected: once the supplier has "
                "accepted, you cancel the order in the Shopify admin, and Dropdesk reminds "
                'you in "Needs me" until you have. Your choices are remembered for the next '
                "order with the same reason."
            )
        self.shopify_note.setText(text)

    def lock(self, view: CancellationView) -> None:
        """A run exists: show its reason and fault, read-only."""
        self.view = view
        shown = replace(self.form.decision(), reason=view.reason, fault=view.fault)
        self.form.set_decision(shown, ALL_LOCKED)
        self.start_button.setEnabled(False)
        self.start_button.setText(tr("Started"))

    def set_defaults(self, defaults: Callable[[Reason], Decision]) -> None:
        """Where the remembered decision per reason comes from (the ledger settings)."""
        self.form.set_defaults(defaults)

    def show_decision(self, decided: Decision) -> None:
        """A run exists: show the decision it was started with (read-only, see `lock`)."""
        self.form.set_decision(decided, ALL_LOCKED)

    def decision(self) -> Decision:
        """The merchant's decision as the screen shows it."""
        return self.form.decision()

    def _start(self) -> None:
        decided = self.form.decision()
        self.start_requested.emit(decided.reason, decided.fault)
