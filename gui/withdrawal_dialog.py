"""Withdrawal received: record a customer's withdrawal with the time it arrived, see the legal
refund deadline, send the acknowledgement, and cancel everywhere when nothing has shipped yet.

The acknowledgement is written in the customer's language (core.notices), kept with the
withdrawal, and recorded in the timeline again when it is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import notices, outgoing, withdrawal
from core.ledger import Ledger
from core.notices import Notice, NoticeKind
from core.withdrawal import WithdrawalError
from gui.formatting import date_time_format, local_time, to_qdatetime
from gui.i18n import say
from gui.links import open_link
from gui.window_fit import fit_to_screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("WithdrawalDialog", text)


def _utc_now() -> datetime:
    return datetime.now(UTC)


#: How the customer told the merchant: stored value, label.
CHANNELS = (
    ("email", "E-mail"),
    ("form", "Contact form"),
    ("letter", "Letter"),
    ("phone", "Phone or other"),
)


class WithdrawalDialog(QDialog):
    """Record one withdrawal for the shop order behind a supplier order."""

    cancel_requested = Signal(int)  # a supplier order to cancel everywhere
    recorded = Signal(int)  # the customer order id

    def __init__(
        self,
        ledger: Ledger,
        supplier_order_id: int,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawalDialog")
        self.setWindowTitle(_tr("Withdrawal received"))
        self._ledger, self._clock, self._supplier_order_id = ledger, clock, supplier_order_id
        self._notice: Notice | None = None
        self._unshipped: list[int] = []
        start = notices.notice_start(ledger, supplier_order_id, clock())
        self._facts: notices.NoticeFacts | None = start.facts
        problem = say(start.error.text) if start.error else ""
        self._customer_order_id = start.customer_order_id
        language, self._zone = start.language, start.zone

        title = self._facts.order_name if self._facts else ""
        self.heading = QLabel(
            _tr("Withdrawal from order {0} by {1}").format(title, self._facts.customer_name)
            if self._facts and self._facts.customer_name
            else _tr("Withdrawal from order {0}").format(title)
        )
        self.heading.setWordWrap(True)
        self.received = QDateTimeEdit(to_qdatetime(clock()).toLocalTime())
        self.received.setObjectName("withdrawalReceived")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat(date_time_format())
        self.channel = QComboBox()
        self.channel.setObjectName("withdrawalChannel")
        for value, label in CHANNELS:
            self.channel.addItem(_tr(label), value)
        self.statement = QPlainTextEdit()
        self.statement.setObjectName("withdrawalStatement")
        self.statement.setPlaceholderText(_tr("What the customer wrote (optional)"))
        self.statement.setMaximumHeight(90)
        self.language = QComboBox()
        self.language.setObjectName("withdrawalLanguage")
        for lang in outgoing.languages().values():
            self.language.addItem(lang.name, lang.code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.deadline = QLabel()
        self.deadline.setObjectName("withdrawalDeadline")
        self.deadline.setWordWrap(True)
        self.acknowledgement = QPlainTextEdit()
        self.acknowledgement.setObjectName("withdrawalAcknowledgement")
        self.acknowledgement.setReadOnly(True)
        self.problem = QLabel(problem)
        self.problem.setObjectName("withdrawalProblem")
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_tr("Received at"), self.received)
        form.addRow(_tr("Received by"), self.channel)
        form.addRow(_tr("Statement"), self.statement)
        form.addRow(_tr("Customer's language"), self.language)

        self.record_button = QPushButton(_tr("Record withdrawal"))
        self.record_button.setObjectName("withdrawalRecord")
        self.record_button.setDefault(True)
        self.mail_button = QPushButton(_tr("Open in mail program"))
        self.mail_button.setObjectName("withdrawalMail")
        self.copy_button = QPushButton(_tr("Copy"))
        self.copy_button.setObjectName("withdrawalCopy")
        self.cancel_button = QPushButton(_tr("Cancel everywhere…"))
        self.cancel_button.setObjectName("withdrawalCancelEverywhere")
        self.cancel_button.setToolTip(
            _tr("The supplier has not shipped yet: cancel at the supplier and in the shop")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.record_button, self.mail_button, self.copy_button, self.cancel_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.mail_button, self.copy_button, self.cancel_button):
            button.setVisible(False)  # once recorded (after addButton, which shows them)
        buttons.rejected.connect(self.reject)
        self.record_button.clicked.connect(self.record)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.copy_button.clicked.connect(self.copy)
        self.cancel_button.clicked.connect(self._cancel_everywhere)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.deadline)
        layout.addWidget(QLabel(_tr("Acknowledgement to send the customer:")))
        layout.addWidget(self.acknowledgement, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.received.dateTimeChanged.connect(self.refill)
        self.language.currentIndexChanged.connect(self.refill)
        self.refill()
        self.record_button.setEnabled(self._facts is not None)
        fit_to_screen(self, 640, 600)

    def received_at(self) -> datetime:
        return datetime.fromtimestamp(self.received.dateTime().toSecsSinceEpoch(), UTC)

    def refill(self) -> None:
        """The refund deadline and the acknowledgement for the time and language chosen."""
        if self._facts is None:
            return
        received = self.received_at()
        refund_by = withdrawal.refund_deadline(received, self._zone)
        self.deadline.setText(
            _tr(
                "Refund all payments, delivery included, by {0}: 14 days from receiving the "
                "withdrawal. You may hold the refund until the goods are back or the customer "
                "shows they sent them."
            ).format(local_time(refund_by))
        )
        facts = notices.NoticeFacts(
            **{
                **self._facts.__dict__,
                "received_at": received,
                "refund_by": refund_by,
                "time_zone": self._zone,
            }
        )
        self._notice = notices.fill(
            NoticeKind.WITHDRAWAL_ACKNOWLEDGED, str(self.language.currentData()), facts
        )
        self.acknowledgement.setPlainText(self._notice.text())

    def record(self) -> None:
        if self._customer_order_id is None or self._notice is None:
            return
        notice = self._notice
        try:
            self._unshipped = withdrawal.receive_withdrawal(
                self._ledger,
                self._customer_order_id,
                self.received_at(),
                via=str(self.channel.currentData()),
                statement=self.statement.toPlainText(),
                acknowledgement={
                    "language": notice.language,
                    "subject": notice.subject,
                    "body": notice.body,
                },
                now=self._clock(),
                tz=self._zone,
            )
        except WithdrawalError as error:
            self.problem.setText(say(error.text))
            return
        for widget in (self.received, self.channel, self.statement, self.language):
            widget.setEnabled(False)
        self.record_button.setVisible(False)
        self.mail_button.setVisible(True)
        self.copy_button.setVisible(True)
        self.cancel_button.setVisible(bool(self._unshipped))
        self.problem.setText(
            _tr(
                "Recorded. The supplier has not shipped yet: cancel everywhere, then send the "
                "acknowledgement."
            )
            if self._unshipped
            else _tr("Recorded. Send the acknowledgement now.")
        )
        self.recorded.emit(self._customer_order_id)

    def open_in_mail(self) -> None:
        if self._notice is not None and open_link(
            self, self._notice.mailto(), on_copied=lambda: self._sent("copy")
        ):
            self._sent("mail")

    def copy(self) -> None:
        if self._notice is not None:
            QGuiApplication.clipboard().setText(self._notice.text())
            self._sent("copy")

    def _sent(self, via: str) -> None:
        if self._customer_order_id is None or self._notice is None:
            return
        notices.record_notice_sent(
            self._ledger, self._customer_order_id, self._notice, via=via, at=self._clock()
        )
        self.problem.setText(_tr("The acknowledgement is kept in the order's timeline."))

    def _cancel_everywhere(self) -> None:
        if self._unshipped:
            self.cancel_requested.emit(self._unshipped[0])
