"""The "Chargebacks" view: the shop's Shopify Payments disputes, those waiting for evidence
first with a countdown to their deadline; the evidence pack as a PDF, in the language chosen
next to its button (it leaves the app: English until the merchant picks another for the shop,
remembered in the ledger); the text evidence sent to Shopify only after the merchant read it
and confirmed.

Like the Cancellations view it reads the core's objects off the GUI thread on each refresh and
changes no business data itself: syncing and sending go through callables the window builds
from its connections (`sync`, `send`), so without a connected shop the view still shows and
prints what the ledger has. Its words go through the catalogue (`_tr`); core's reasons and
statuses arrive as `core.texts.Text` pairs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import outgoing
from core.chargebacks.pack_language import pack_language, remember_pack_language
from core.chargebacks.store import ChargebackRow, list_chargebacks
from core.display_text import display_text
from core.ledger.errors import LedgerError
from gui.formatting import countdown_text, local_time, money
from gui.i18n import current_language, say
from gui.jobs import Job
from gui.notice import muted
from gui.palette import Colours
from gui.row_reader import RowReader

if TYPE_CHECKING:
    from core.chargebacks.evidence import EvidencePack, EvidenceSent
    from core.chargebacks.store import ChargebackSync
    from core.ledger import Ledger
    from core.policy import PolicyDraft

#: Sends the confirmed texts: (chargeback id, texts, submit) -> what Shopify did.
Sender = Callable[[int, Mapping[str, str], bool], "EvidenceSent"]


log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChargebacksView", text)


def utc_now() -> datetime:
    return datetime.now(UTC)


def due_cells(row: ChargebackRow, now: datetime) -> tuple[str, str]:
    """(the deadline in local time, "in 2 d 05 h" / "overdue 3 h"), "—" when there is none to
    meet (evidence sent, or the dispute is over)."""
    if row.evidence_due_by is None:
        return "—", "—"
    when = local_time(row.evidence_due_by)
    if not row.needs_response:
        return when, "—"
    delta = row.evidence_due_by - now
    text = countdown_text(delta)
    return when, text if delta <= timedelta(0) else _tr("in {0}").format(text)


class ChargebacksView(QWidget):
    """The chargebacks with their deadline; buttons for the PDF, sending and syncing."""

    refreshed = Signal()
    message = Signal(str)

    def __init__(
        self,
        ledger: Ledger,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        pool: QThreadPool | None = None,
        sync: Callable[[], ChargebackSync] | None = None,
        send: Sender | None = None,
        policy: Callable[[str], PolicyDraft | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.now = now
        self.rows: list[ChargebackRow] = []
        self._pool = pool
        self._sync = sync
        self._send = send
        self._policy = policy
        self._reader = RowReader(
            self, lambda: list_chargebacks(ledger), self._loaded, self._load_failed, pool
        )
        self.busy: Job | None = None  # a sync or a send under way
        self.setObjectName("chargebacksView")
        self.setWindowTitle(_tr("Chargebacks"))
        self.intro = QLabel(
            _tr(
                "Shopify Payments chargebacks of your shop. Send your evidence before the "
                "deadline: after it, the bank decides without you and the money is lost."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("chargebacksTable")
        self.table.setAccessibleName(_tr("Chargebacks"))
        columns = (
            _tr("Order"),
            _tr("Reason"),
            _tr("Amount"),
            _tr("Status"),
            _tr("Evidence due"),
            _tr("Time left"),
            _tr("Opened"),
        )
        self.table.setColumnCount(len(columns))
        self.table.setHeaderLabels(list(columns))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(True)
        for column in range(len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _i, _c: self.save_pack_dialog())
        self.empty = QLabel(
            _tr(
                "No chargebacks in the ledger. Sync from Shopify to read them (a shop without "
                "Shopify Payments has none here)."
            )
        )
        self.empty.setObjectName("noChargebacks")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        muted(self.empty, "padding: 24px;")
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.sync_button = QPushButton(_tr("Sync from Shopify"))
        self.sync_button.setObjectName("syncChargebacks")
        self.sync_button.clicked.connect(self.start_sync)
        self.sync_button.setEnabled(sync is not None)
        if sync is None:
            self.sync_button.setToolTip(
                _tr("Connect a Shopify shop to sync chargebacks and send evidence.")
            )
        self.pack_button = QPushButton(_tr("Evidence pack (PDF)…"))
        self.pack_button.setObjectName("evidencePack")
        self.pack_button.clicked.connect(self.save_pack_dialog)
        self.pack_language = QComboBox()
        self.pack_language.setObjectName("evidenceLanguage")
        self._pack_shop: int | None = -1  # the shop whose remembered choice is shown
        for code, language in outgoing.languages().items():
            self.pack_language.addItem(language.name, code)
        self.pack_language.setToolTip(
            _tr(
                "The language of the evidence pack: it goes to Shopify and the bank, so English "
                "unless you know the bank reads another."
            )
        )
        self.send_button = QPushButton(_tr("Send evidence…"))
        self.send_button.setObjectName("sendEvidence")
        self.send_button.clicked.connect(self.send_selected)
        self.refresh_button = QPushButton(_tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.refresh_button, self.sync_button):
            buttons.addWidget(button)
        buttons.addWidget(self.pack_language)
        for button in (self.pack_button, self.send_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.resize(1200, 420)
        self.refresh()

    # -- reading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._reader.busy

    def refresh(self) -> None:
        """Re-read the chargebacks off the GUI thread; `refreshed` once they are shown."""
        if not self.rows and not self._reader.busy:
            self.count_label.setText(_tr("Reading the chargebacks…"))
        self._reader.refresh()

    def _loaded(self, rows: list[ChargebackRow]) -> None:
        self.show_rows(rows)
        self.refreshed.emit()

    def _load_failed(self, message: str) -> None:
        self.count_label.setText(_tr("The chargebacks could not be read: {0}").format(message))

    def show_rows(self, rows: list[ChargebackRow]) -> None:
        selected = self.selected_id()
        self.rows = rows
        now = self.now()
        self.table.clear()
        for row in rows:
            due, left = due_cells(row, now)
            item = QTreeWidgetItem(
                [
                    display_text(row.order_name) or "—",
                    say(row.reason_text),
                    money(row.amount_minor, row.currency),
                    say(row.status_text),
                    due,
                    left,
                    local_time(row.initiated_at),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(1, row.reason)
            if row.needs_response and row.evidence_due_by and row.evidence_due_by <= now:
                item.setForeground(5, Colours.NEGATIVE.brush())
                item.setToolTip(
                    5,
                    _tr(
                        "The deadline has passed: Shopify may still take evidence until the bank "
                        "decides."
                    ),
                )
            elif not row.needs_response:
                for column in (4, 5):
                    item.setForeground(column, Colours.MUTED.brush())
            self.table.addTopLevelItem(item)
            if row.id == selected:
                item.setSelected(True)
        first = self.table.topLevelItem(0)
        if not self.table.selectedItems() and first is not None:
            self.table.setCurrentItem(first)
        waiting = sum(1 for r in rows if r.needs_response)
        self.count_label.setText(
            _tr("{0} chargebacks, {1} waiting for your evidence").format(len(rows), waiting)
        )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._selection_changed()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return int(items[0].data(0, Qt.ItemDataRole.UserRole))

    def selected(self) -> ChargebackRow | None:
        chosen = self.selected_id()
        return next((r for r in self.rows if r.id == chosen), None)

    def _selection_changed(self) -> None:
        row = self.selected()
        if row is not None and row.shop_id != self._pack_shop:
            self._pack_shop = row.shop_id
            code = pack_language(self.ledger, row.shop_id)
            self.pack_language.setCurrentIndex(max(0, self.pack_language.findData(code)))
        idle = self.busy is None
        self.pack_button.setEnabled(row is not None)
        self.send_button.setEnabled(
            row is not None and row.needs_response and self._send is not None and idle
        )
        self.sync_button.setEnabled(self._sync is not None and idle)

    # -- evidence pack ------------------------------------------------------------------------

    def pack(self, chargeback_id: int, language: str | None = None) -> EvidencePack:
        """The chargeback's evidence, its refund policy in `language` (else the window's)."""
        from core.chargebacks.evidence import evidence_pack

        code = language or current_language()
        policy = self._policy(code) if self._policy else None
        return evidence_pack(self.ledger, chargeback_id, policy=policy, now=self.now())

    def chosen_pack_language(self) -> str:
        """The language chosen for the evidence pack (English unless the merchant chose)."""
        return str(self.pack_language.currentData() or outgoing.FALLBACK)

    def save_pack(self, chargeback_id: int, path: Path) -> Path:
        """Write the chargeback's evidence pack to `path` in the language chosen for it (the
        pack leaves the app: never simply the window's language)."""
        from gui.evidence_pdf import write_evidence_pdf

        code = self.chosen_pack_language()
        pack = self.pack(chargeback_id, code)
        write_evidence_pdf(path, pack, code, self.now())
        try:
            remember_pack_language(self.ledger, pack.chargeback.shop_id, code)
        except LedgerError as error:  # e.g. opened read-only: the PDF is saved all the same
            log.warning("The evidence pack's language was not remembered: %s", error)
        self.message.emit(_tr("Evidence pack saved: {0}").format(path))
        return path

    def save_pack_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        name = "".join(ch for ch in row.order_name if ch.isalnum()) or str(row.id)
        suggested = str(Path.home() / f"chargeback-{name}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self, _tr("Evidence pack (PDF)…"), suggested, _tr("PDF files (*.pdf)")
        )
        if chosen:
            self.save_pack(row.id, Path(chosen))

    # -- sending ------------------------------------------------------------------------------

    def evidence_dialog(self, chargeback_id: int) -> EvidenceDialog:
        from core.chargebacks.evidence import evidence_texts

        return EvidenceDialog(evidence_texts(self.pack(chargeback_id)), self)

    def send_selected(self) -> None:
        row = self.selected()
        if row is None or self._send is None or self.busy is not None:
            return
        dialog = self.evidence_dialog(row.id)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.send_confirmed(row.id, dialog.texts(), dialog.submit)

    def send_confirmed(self, chargeback_id: int, texts: Mapping[str, str], submit: bool) -> None:
        """Send what the merchant confirmed in the dialog (off the GUI thread)."""
        send = self._send
        assert send is not None
        job = Job(lambda _p, _c: send(chargeback_id, texts, submit))
        job.finished.connect(self._sent)
        job.failed.connect(self._failed)
        self._busy(job, _tr("Sending the evidence to Shopify…"))

    def start_sync(self) -> None:
        sync = self._sync
        if sync is None or self.busy is not None:
            return
        job = Job(lambda _p, _c: sync())
        job.finished.connect(self._synced)
        job.failed.connect(self._failed)
        self._busy(job, _tr("Reading the chargebacks from Shopify…"))

    def _busy(self, job: Job, text: str) -> None:
        self.busy = job
        self.count_label.setText(text)
        self._selection_changed()
        job.start(self._pool)

    def _done(self, text: str) -> None:
        self.busy = None
        self.message.emit(text)
        self.count_label.setText(text)
        self._selection_changed()
        self.refresh()

    def _sent(self, sent: EvidenceSent) -> None:
        self._done(
            _tr("The evidence was submitted to the bank through Shopify.")
            if sent.submitted
            else _tr("The evidence text was saved at Shopify (not submitted yet).")
        )

    def _synced(self, report: ChargebackSync) -> None:
        self._done(
            _tr("Shopify: {0} chargebacks read, {1} new, {2} changed.").format(
                report.seen, len(report.created), len(report.changed)
            )
        )

    def _failed(self, message: str) -> None:
        self.busy = None
        self.count_label.setText(message)
        self.message.emit(message)
        self._selection_changed()
        self.refresh()  # a failure is journalled; the rows may have changed too


#: The evidence fields the dialog shows, by Shopify's name for them.
_FIELDS = {
    "uncategorizedText": QT_TRANSLATE_NOOP("ChargebacksView", "Summary of the evidence"),
    "refundPolicyDisclosure": QT_TRANSLATE_NOOP("ChargebacksView", "Refund policy"),
    "customerEmailAddress": QT_TRANSLATE_NOOP("ChargebacksView", "Customer's e-mail"),
}


class EvidenceDialog(QDialog):
    """Shows the text evidence before anything is sent; `submit` only when ticked."""

    def __init__(self, texts: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.setWindowTitle(_tr("Send chargeback evidence"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _tr(
                "This is the text Dropdesk will send to Shopify for the bank. Read it and correct "
                "it if needed. Attach documents (photos, the PDF) in the Shopify admin."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editors: dict[str, QPlainTextEdit] = {}
        for name, value in texts.items():
            label = _tr(str(_FIELDS[name])) if name in _FIELDS else name
            layout.addWidget(QLabel(f"<b>{label}</b>"))
            editor = QPlainTextEdit(value)
            editor.setObjectName(f"evidence_{name}")
            editor.setMaximumHeight(60 if name == "customerEmailAddress" else 220)
            layout.addWidget(editor, 0 if name == "customerEmailAddress" else 1)
            self.editors[name] = editor
        self.submit_box = QCheckBox(
            _tr("Also submit to the bank now (final: no changes after this)")
        )
        self.submit_box.setObjectName("submitEvidence")
        layout.addWidget(self.submit_box)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            _tr("Save at Shopify"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("confirmEvidence")
        cancel = self.buttons.addButton(_tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelEvidence")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.submit_box.toggled.connect(
            lambda on: self.ok_button.setText(
                _tr("Submit to the bank") if on else _tr("Save at Shopify")
            )
        )
        layout.addWidget(self.buttons)
        self.resize(760, 620)

    @property
    def submit(self) -> bool:
        return self.submit_box.isChecked()

    def texts(self) -> dict[str, str]:
        """What the merchant confirmed, as shown (edits included)."""
        return {name: editor.toPlainText() for name, editor in self.editors.items()}
