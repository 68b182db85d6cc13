"""Notify the customer: a message from core.notices in the customer's language, filled from the
order, opened in the merchant's mail program or copied, and kept in the order's timeline.

The message's language is the customer's (core.notices.customer_language), never the window's:
the window only labels the controls. The merchant may edit the text before sending; what was
sent (edited or not) is what the timeline keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import notices, outgoing
from core.ledger import Ledger
from core.notices import Notice, NoticeError, NoticeFacts, NoticeKind
from gui.formatting import day_format
from gui.i18n import say
from gui.links import open_link
from gui.window_fit import fit_to_screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("NoticeDialog", text)


def _utc_now() -> datetime:
    return datetime.now(UTC)


#: Each kind's name in the window's language (the message itself is in the customer's).
KIND_LABELS = {
    NoticeKind.CANCELLATION_CONFIRMED: "Cancellation confirmed",
    NoticeKind.DELAY: "Delay, with the new estimate",
    NoticeKind.REFUND_SENT: "Refund sent",
    NoticeKind.WITHDRAWAL_ACKNOWLEDGED: "Withdrawal acknowledged",
    NoticeKind.TRACKING: "Tracking number",
}


class NoticeDialog(QDialog):
    """One message to the customer of one supplier order's shop order."""

    sent = Signal(str)  # "mail" or "copy", once recorded

    def __init__(
        self,
        ledger: Ledger,
        supplier_order_id: int,
        parent: QWidget | None = None,
        *,
        kind: NoticeKind | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noticeDialog")
        self.setWindowTitle(_tr("Notify the customer"))
        self._ledger, self._clock = ledger, clock
        self._notice: Notice | None = None
        opened = notices.notice_start(ledger, supplier_order_id, clock())
        self._facts: NoticeFacts | None = opened.facts
        problem = say(opened.error.text) if opened.error else ""
        self._customer_order_id = opened.customer_order_id
        language, delayed, ship_by = opened.language, opened.delayed, opened.ship_by

        self.kind = QComboBox()
        self.kind.setObjectName("noticeKind")
        why_not = notices.offered(self._facts) if self._facts is not None else {}
        for value, label in KIND_LABELS.items():
            self.kind.addItem(_tr(label), value.value)
            untrue = why_not.get(value)
            if untrue is not None:  # a message that would not be true: shown, not offered
                self._disable_item(self.kind.count() - 1, say(untrue))
        offered = [k for k in KIND_LABELS if why_not.get(k) is None]
        chosen = kind or (
            NoticeKind.DELAY
            if delayed and NoticeKind.DELAY in offered
            else (offered[0] if offered else None)
        )
        if chosen is not None:
            self.kind.setCurrentIndex(self.kind.findData(chosen.value))
        self.language = QComboBox()
        self.language.setObjectName("noticeLanguage")
        for lang in outgoing.languages().values():
            self.language.addItem(lang.name, lang.code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setToolTip(_tr("The customer's language, whatever the window speaks"))
        self.estimate = QDateEdit()
        self.estimate.setObjectName("noticeEstimate")
        self.estimate.setCalendarPopup(True)
        self.estimate.setDisplayFormat(day_format())
        start = max(ship_by or clock(), clock()) + timedelta(days=10)  # never in the past
        self.estimate.setDate(QDate(start.year, start.month, start.day))
        self.to = QLabel(self._facts.email if self._facts and self._facts.email else "")
        self.subject = QLineEdit()
        self.subject.setObjectName("noticeSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("noticeBody")
        self.problem = QLabel(problem)
        self.problem.setObjectName("noticeProblem")
        self.problem.setWordWrap(True)
        closed = ship_by is not None and ship_by <= clock()
        self.offer = QLabel(
            (
                _tr("The ship window has closed and there is no tracking number yet.")
                if closed
                else _tr("The ship window closes within a day and there is no tracking number yet.")
            )
            if delayed
            else ""
        )
        self.offer.setObjectName("delayOffer")
        self.offer.setWordWrap(True)
        self.offer.setVisible(delayed)

        form = QFormLayout()
        form.addRow(_tr("Message"), self.kind)
        form.addRow(_tr("Customer's language"), self.language)
        self._estimate_label = QLabel(_tr("New delivery estimate"))
        form.addRow(self._estimate_label, self.estimate)
        form.addRow(_tr("Recipient"), self.to)
        form.addRow(_tr("Subject"), self.subject)

        self.mail_button = QPushButton(_tr("Open in mail program"))
        self.mail_button.setObjectName("noticeMail")
        self.copy_button = QPushButton(_tr("Copy"))
        self.copy_button.setObjectName("noticeCopy")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.copy_button.clicked.connect(self.copy)
        note = QLabel(_tr("What you send is kept in the order's timeline."))
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.offer)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self.refill)
        self.language.currentIndexChanged.connect(self.refill)
        self.estimate.dateChanged.connect(self.refill)
        self.refill()
        fit_to_screen(self, 640, 560)

    def _disable_item(self, index: int, why: str) -> None:
        """Grey out one kind of message and say on hover why it is not offered."""
        model = self.kind.model()
        if isinstance(model, QStandardItemModel) and (item := model.item(index)) is not None:
            item.setEnabled(False)
        self.kind.setItemData(index, why, Qt.ItemDataRole.ToolTipRole)

    def offered_kinds(self) -> list[NoticeKind]:
        """The kinds of message the merchant can pick (those true for this order)."""
        model = self.kind.model()
        assert isinstance(model, QStandardItemModel)
        return [
            NoticeKind(self.kind.itemData(i))
            for i in range(self.kind.count())
            if (item := model.item(i)) is not None and item.isEnabled()
        ]

    def chosen_kind(self) -> NoticeKind:
        return NoticeKind(self.kind.currentData())

    def refill(self) -> None:
        """Fill the template again for the chosen message, language and estimate."""
        kind = self.chosen_kind()
        self._estimate_label.setVisible(kind == NoticeKind.DELAY)
        self.estimate.setVisible(kind == NoticeKind.DELAY)
        self._notice = None
        if self._facts is None:
            self._enable(False)
            return
        picked = self.estimate.date()
        facts = replace(self._facts, new_estimate=date(picked.year(), picked.month(), picked.day()))
        try:
            self._notice = notices.fill(kind, str(self.language.currentData()), facts)
        except NoticeError as error:
            self.problem.setText(say(error.text))
            self.subject.clear()
            self.body.clear()
            self._enable(False)
            return
        self.problem.clear()
        self.subject.setText(self._notice.subject)
        self.body.setPlainText(self._notice.body)
        self._enable(True)

    def notice(self) -> Notice | None:
        """The message as it stands, with the merchant's edits."""
        if self._notice is None:
            return None
        return replace(self._notice, subject=self.subject.text(), body=self.body.toPlainText())

    def open_in_mail(self) -> None:
        notice = self.notice()
        if notice is None:
            return
        # No mail program: the note offers the message to copy; copying it is sending it.
        if open_link(self, notice.mailto(), on_copied=lambda: self._record(notice, "copy")):
            self._record(notice, "mail")

    def copy(self) -> None:
        notice = self.notice()
        if notice is not None:
            QGuiApplication.clipboard().setText(notice.text())
            self._record(notice, "copy")

    def _record(self, notice: Notice, via: str) -> None:
        if self._customer_order_id is None:
            return
        notices.record_notice_sent(
            self._ledger, self._customer_order_id, notice, via=via, at=self._clock()
        )
        self.problem.setText(
            _tr("Opened in your mail program and kept in the timeline.")
            if via == "mail"
            else _tr("Copied, and kept in the timeline.")
        )
        self.sent.emit(via)

    def _enable(self, enabled: bool) -> None:
        for widget in (self.mail_button, self.copy_button, self.subject, self.body):
            widget.setEnabled(enabled)
