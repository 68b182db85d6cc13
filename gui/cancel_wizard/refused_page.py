"""Step 3: the supplier refused. A refusal usually means "already shipped": ask for the tracking
number (5 working days). A number means it shipped, so the run goes the refund way; none by
the deadline means it did not, so the page guides the dispute and then follows its clocks."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.cancel.errors import CancelError
from core.cancel.refusal import DisputeGuide
from core.cancel.states import State
from core.cancel.view import Action
from core.imports.amounts import AmountError
from gui.cancel_wizard.step import (
    OUTCOMES,
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
from gui.cancel_wizard.texts import Banner, CopyableText, Instructions
from gui.formatting import day_format, local_time
from gui.links import open_link


class RefusedPage(StepPage):
    key = PageKey.REFUSED

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide: DisputeGuide | None = None
        self.heading.setText(tr("The supplier refused to cancel"))
        self.status = Banner()
        self.message = CopyableText(tr("Message asking for the tracking number"))
        self.request_button = QPushButton(tr("I have asked for the tracking number"))
        self.request_button.setObjectName("requestTrackingButton")
        self.request_button.clicked.connect(self._request)

        self.tracking_box = QGroupBox(tr("The supplier sent a tracking number"))
        self.tracking = QLineEdit()
        self.tracking.setObjectName("trackingNumber")
        self.tracking.setPlaceholderText(tr("e.g. LP00123456789012"))
        self.carrier = QLineEdit()
        self.carrier.setPlaceholderText(tr("optional, e.g. Cainiao"))
        self.first_scan_known = QCheckBox(tr("First scan on"))
        self.first_scan = QDateEdit()
        self.first_scan.setCalendarPopup(True)
        self.first_scan.setDisplayFormat(day_format())
        self.first_scan.setEnabled(False)
        self.first_scan_known.toggled.connect(self.first_scan.setEnabled)
        self.scan_row = QWidget()
        scan_row = QHBoxLayout(self.scan_row)
        scan_row.setContentsMargins(0, 0, 0, 0)
        scan_row.addWidget(self.first_scan_known)
        scan_row.addWidget(self.first_scan)
        scan_row.addStretch(1)
        self.tracking_button = QPushButton(tr("Record the tracking number"))
        self.tracking_button.setObjectName("trackingReceivedButton")
        self.tracking_button.clicked.connect(self._tracking)
        self.tracking_form = QFormLayout(self.tracking_box)
        self.tracking_form.addRow(tr("Tracking number"), self.tracking)
        self.tracking_form.addRow(tr("Carrier"), self.carrier)
        self.tracking_form.addRow("", self.scan_row)
        self.tracking_form.addRow("", button_row(self.tracking_button))

        self.dispute_box = QGroupBox(tr("Open a dispute on AliExpress"))
        self.open_button = QPushButton(tr("Open on AliExpress"))
        self.open_button.clicked.connect(self._open_order)
        self.dispute_steps = Instructions()
        self.attachments_title = QLabel(tr("<b>Attach</b>"))
        self.attachments = Instructions()
        self.rule = Banner()
        self.dispute_button = primary(QPushButton(tr("I have opened the dispute")))
        self.dispute_button.setObjectName("openDisputeButton")
        self.dispute_button.clicked.connect(self._dispute)
        dispute = QVBoxLayout(self.dispute_box)
        dispute.addLayout(button_row(self.open_button))
        for widget in (self.dispute_steps, self.attachments_title, self.attachments, self.rule):
            dispute.addWidget(widget)
        dispute.addLayout(button_row(self.dispute_button))

        self.case_box = QGroupBox(tr("The dispute"))
        self.clocks = QLabel()
        self.clocks.setWordWrap(True)
        self.escalated_button = QPushButton(tr("I escalated it"))
        self.escalated_button.clicked.connect(lambda: self._escalated(case_team=False))
        self.case_team_button = QPushButton(tr("AliExpress' case team took it over"))
        self.case_team_button.clicked.connect(lambda: self._escalated(case_team=True))
        self.outcome = QComboBox()
        for value, label in OUTCOMES:
            self.outcome.addItem(tr(label), value)
        self.refunded = QLineEdit()
        self.refunded.setObjectName("disputeRefunded")
        self.refunded.setMaximumWidth(160)
        self.close_button = QPushButton(tr("Record the dispute's outcome"))
        self.close_button.setObjectName("closeDisputeButton")
        self.close_button.clicked.connect(self._close_dispute)
        case = QVBoxLayout(self.case_box)
        case.addWidget(self.clocks)
        case.addLayout(button_row(self.escalated_button, self.case_team_button))
        self.close_form = QFormLayout()
        self.close_form.addRow(tr("Outcome"), self.outcome)
        self.close_form.addRow(tr("Refunded to you"), self.refunded)
        self.close_form.addRow("", button_row(self.close_button))
        case.addLayout(self.close_form)

        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.message)
        self.add_button(primary(self.request_button))
        for box in (self.dispute_box, self.case_box, self.tracking_box):
            self.layout_.addWidget(box)
        self.layout_.addStretch(1)
        self._currency = "USD"

    def show_run(self, ctx: RunContext) -> None:
        super().show_run(ctx)
        view = ctx.view
        self._currency = ctx.supplier_currency
        state = view.state
        self.heading.setText(
            tr("Dispute on AliExpress")
            if state is State.DISPUTE_OPEN
            else tr("The supplier refused to cancel")
        )
        try:
            request = ctx.workflow.tracking_request(view.id)
            self.guide = ctx.workflow.dispute_guide(view.id)
        except CancelError as error:
            self.status.show_message("warning", error.text)
            return
        dispute_due = self.can(Action.OPEN_DISPUTE)
        disputing = state is State.DISPUTE_OPEN
        asking = state in (State.SUPPLIER_REFUSED, State.TRACKING_REQUESTED) and not dispute_due
        self.message.set_message(request.message if asking else None)
        self.request_button.setVisible(self.can(Action.REQUEST_TRACKING))
        self.tracking_box.setVisible(self.can(Action.MARK_TRACKING_RECEIVED))
        self.tracking_form.setRowVisible(self.scan_row, disputing)
        if not self.first_scan_known.isChecked():
            self.first_scan.setDate(QDate.currentDate())
        self.dispute_box.setVisible(dispute_due or disputing)
        self.dispute_box.setTitle(
            tr("The dispute on AliExpress") if disputing else tr("Open a dispute on AliExpress")
        )
        self.dispute_steps.set_items(self.guide.steps if dispute_due else ())
        self.attachments_title.setVisible(dispute_due)
        self.attachments.set_items(self.guide.attachments if dispute_due else (), numbered=False)
        if dispute_due or disputing:
            self.rule.show_message("info", self.guide.rule)
        else:
            self.rule.clear()
        self.dispute_button.setVisible(dispute_due)
        self.case_box.setVisible(disputing)
        self.clocks.setText(self._clocks(ctx) if disputing else "")
        self.escalated_button.setVisible(self.can(Action.MARK_DISPUTE_ESCALATED))
        self.case_team_button.setVisible(self.can(Action.MARK_DISPUTE_ESCALATED))
        closing = self.can(Action.CLOSE_DISPUTE)
        self.close_form.setRowVisible(self.outcome, closing)
        self.close_form.setRowVisible(self.refunded, closing)
        self.close_button.setVisible(closing)
        self.refunded.setPlaceholderText(
            tr("e.g. {0} {1}").format(
                amount_text(ctx.supplier_cost_minor, ctx.supplier_currency), ctx.supplier_currency
            )
        )
        self._show_status(ctx, request.due)

    def _show_status(self, ctx: RunContext, due: datetime | None) -> None:
        view, state = ctx.view, ctx.view.state
        if state is State.SUPPLIER_REFUSED:
            self.status.show_message(
                "warning",
                tr(
                    "A refusal usually means the parcel has shipped. Ask the supplier for "
                    "the tracking number: they get 5 working days."
                ),
            )
        elif state is State.TRACKING_REQUESTED and self.can(Action.OPEN_DISPUTE):
            self.status.show_message(
                "warning",
                tr(
                    "No tracking number by the deadline: the parcel was not shipped. Open a "
                    "dispute on AliExpress for a full refund."
                ),
            )
        elif state is State.TRACKING_REQUESTED:
            self.status.show_message(
                "info",
                tr("Tracking number asked for; due {0}.").format(when(due, ctx.now)),
            )
        elif state is State.DISPUTE_OPEN:
            self.status.show_message("info", tr("Dispute open on AliExpress."))
        elif view.tracking_number:
            self.status.show_message(
                "success",
                tr("Tracking number {0} received: the run goes the refund way.").format(
                    view.tracking_number
                ),
            )
        else:
            self.status.clear()

    def _clocks(self, ctx: RunContext) -> str:
        guide = self.guide
        if guide is None:
            return ""
        lines = [
            tr("Opened {0}").format(local_time(guide.opened_at)),
            tr("Can be escalated from {0}").format(when(guide.escalate_after, ctx.now)),
            tr("Goes to AliExpress' case team on {0}").format(when(guide.case_team_at, ctx.now)),
        ]
        if guide.first_tracking_at is not None:
            lines.append(tr("First tracking scan {0}").format(local_time(guide.first_tracking_at)))
        if guide.shipped_after_filing:
            lines.append(
                "<b>"
                + tr("It shipped only after the dispute was filed: the money is owed back.")
                + "</b>"
            )
        return "<br>".join(lines)

    def _open_order(self) -> None:
        if self.guide is not None:
            open_link(self, self.guide.order_url)

    def _request(self) -> None:
        self.ask(Step(Action.REQUEST_TRACKING, busy=tr("Recording the request…")))

    def _tracking(self) -> None:
        kwargs: dict[str, object] = {
            "tracking_number": self.tracking.text(),
            "carrier": self.carrier.text().strip(),
        }
        if self.first_scan_known.isChecked() and self.scan_row.isVisible():
            day = self.first_scan.date()  # noon UTC: the same calendar day in China and Europe
            kwargs["first_scan_at"] = datetime(day.year(), day.month(), day.day(), 12, tzinfo=UTC)
        self.ask(
            Step(
                Action.MARK_TRACKING_RECEIVED,
                kwargs,
                busy=tr("Recording the tracking number…"),
            )
        )

    def _dispute(self) -> None:
        self.ask(Step(Action.OPEN_DISPUTE, busy=tr("Recording the dispute…")))

    def _escalated(self, *, case_team: bool) -> None:
        self.ask(
            Step(
                Action.MARK_DISPUTE_ESCALATED,
                {"case_team": case_team},
                busy=tr("Recording the escalation…"),
            )
        )

    def _close_dispute(self) -> None:
        try:
            refunded = read_amount(self.refunded.text(), self._currency)
        except AmountError as error:
            self.status.show_message("error", error.text)
            return
        self.ask(
            Step(
                Action.CLOSE_DISPUTE,
                {"outcome": str(self.outcome.currentData()), "refunded_minor": refunded},
                busy=tr("Recording the dispute's outcome…"),
            )
        )
