"""Step 2: cancel at the supplier on AliExpress. There is no API for it, so the page guides:
open the order page, the clicks, a message to copy, then "I have requested the cancellation";
after that, the supplier's answer (or "Ask AliExpress now" when it is connected)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from core.cancel.errors import CancelError
from core.cancel.states import Path, State
from core.cancel.supplier import SupplierGuide
from core.cancel.view import Action
from gui.cancel_wizard.step import (
    PageKey,
    RunContext,
    Step,
    StepPage,
    button_row,
    primary,
    tr,
    when,
)
from gui.cancel_wizard.texts import Banner, CopyableText, Instructions, paragraph
from gui.links import open_link
from gui.palette import Colours, follow_palette

_AFTER = {
    "accepted": "The supplier accepted the cancellation.",
    "refused": "The supplier refused to cancel.",
    "shipped": "The supplier shipped the parcel instead of cancelling.",
}


class SupplierPage(StepPage):
    key = PageKey.SUPPLIER

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide: SupplierGuide | None = None
        self.heading.setText(tr("Cancel at the supplier on AliExpress"))
        self.status = Banner()
        self.warnings = Banner()
        self.open_button = QPushButton(tr("Open on AliExpress"))
        self.open_button.setObjectName("openAliExpress")
        self.open_button.clicked.connect(self.open_order_page)
        self.url = QLabel()
        self.url.setObjectName("aliexpressUrl")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        follow_palette(self.url, Colours.MUTED.css)
        link_row = QHBoxLayout()
        link_row.addWidget(self.open_button)
        link_row.addWidget(self.url, 1)
        self.clicks_title = QLabel(tr("<b>On the order page</b>"))
        self.clicks = Instructions()
        self.message = CopyableText(tr("Message to the supplier"))
        self.answer_note = paragraph(muted=True)

        self.requested_button = QPushButton(tr("I have requested the cancellation"))
        self.requested_button.setObjectName("requestedButton")
        self.requested_button.clicked.connect(self._requested)
        self.answer_title = QLabel(tr("<b>What did the supplier answer?</b>"))
        self.accepted_button = QPushButton(tr("Accepted: cancelled"))
        self.accepted_button.setObjectName("acceptedButton")
        self.accepted_button.clicked.connect(lambda: self._answer("accepted"))
        self.refused_button = QPushButton(tr("Refused"))
        self.refused_button.setObjectName("refusedButton")
        self.refused_button.clicked.connect(lambda: self._answer("refused"))
        self.refresh_button = QPushButton(tr("Ask AliExpress now"))
        self.refresh_button.setObjectName("refreshSupplierButton")
        self.refresh_button.clicked.connect(self._refresh)
        primary(self.requested_button)
        self.requested_button.setDefault(True)
        self.requested_button.setAutoDefault(True)
        primary(self.accepted_button)
        actions = button_row(
            self.requested_button,
            self.accepted_button,
            self.refused_button,
            trailing=(self.refresh_button,),
        )

        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.warnings)
        self.layout_.addLayout(link_row)
        self.layout_.addWidget(self.clicks_title)
        self.layout_.addWidget(self.clicks)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.answer_note)
        self.layout_.addWidget(self.answer_title)
        self.layout_.addLayout(actions)
        self.layout_.addStretch(1)

    def show_run(self, ctx: RunContext) -> None:
        super().show_run(ctx)
        view = ctx.view
        try:
            self.guide = ctx.workflow.supplier_guide(view.id)
        except CancelError as error:
            self.guide = None
            self.status.show_message("warning", error.text)
        guide = self.guide
        for widget in (self.open_button, self.url, self.clicks_title, self.clicks, self.message):
            widget.setVisible(guide is not None)
        if guide is not None:
            self.url.setText(guide.order_url)
            self.clicks.set_items(guide.clicks)
            self.message.set_message(guide.message)
            if guide.warnings:
                self.warnings.show_message("warning", guide.warnings)
            else:
                self.warnings.clear()
            self.answer_note.setText(
                tr(
                    "The supplier has {0} hours to answer. Without an answer the request "
                    "resolves by itself."
                ).format(guide.answer_hours)
            )
        else:
            self.warnings.clear()
            self.answer_note.clear()
        to_request = self.can(Action.MARK_SUPPLIER_CANCEL_REQUESTED)
        answering = self.can(Action.MARK_SUPPLIER_ANSWER)
        self.requested_button.setVisible(to_request)
        self.answer_note.setVisible(to_request and guide is not None)
        self.answer_title.setVisible(answering)
        self.accepted_button.setVisible(answering)
        self.refused_button.setVisible(answering)
        self.refresh_button.setVisible(self.can(Action.REFRESH_SUPPLIER))
        if guide is not None or view.state is not State.SUPPLIER_CANCEL_TODO:
            self._show_status(ctx)

    def _show_status(self, ctx: RunContext) -> None:
        view = ctx.view
        if view.state is State.SUPPLIER_CANCEL_TODO:
            self.status.clear()
        elif view.state is State.SUPPLIER_CANCEL_REQUESTED:
            text = tr("Cancellation requested. Waiting for the supplier's answer.")
            if view.next_deadline is not None:
                text += " " + tr("The request resolves by itself on {0}.").format(
                    when(view.next_deadline, ctx.now)
                )
            self.status.show_message("info", text)
        elif view.supplier_answer in _AFTER:
            self.status.show_message("success", tr(_AFTER[view.supplier_answer]))
        elif view.path is Path.REFUND and not view.supplier_answer:
            self.status.show_message(
                "info", (tr("Not needed: the parcel already left the supplier."))
            )
        else:
            self.status.clear()

    def open_order_page(self) -> None:
        """One click: the message to the supplier goes on the clipboard and the order page
        opens; "I have requested the cancellation" is then the default button."""
        if self.guide is not None:
            self.message.copy()
            open_link(self, self.guide.order_url)
            if self.requested_button.isVisible():
                self.requested_button.setFocus()

    def _requested(self) -> None:
        self.ask(
            Step(
                Action.MARK_SUPPLIER_CANCEL_REQUESTED,
                busy=tr("Recording the cancel request…"),
            )
        )

    def _answer(self, answer: str) -> None:
        self.ask(
            Step(
                Action.MARK_SUPPLIER_ANSWER,
                {"answer": answer},
                busy=tr("Recording the supplier's answer…"),
            )
        )

    def _refresh(self) -> None:
        self.ask(Step(Action.REFRESH_SUPPLIER, busy=tr("Asking AliExpress about the order…")))
