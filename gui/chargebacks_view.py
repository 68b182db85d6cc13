"""The "Chargebacks" view: the shop's Shopify Payments disputes, those waiting for evidence
first with a countdown to their deadline; the evidence pack as a PDF; the text evidence sent
to Shopify only after the merchant read it and confirmed.

Like the Cancellations view it reads the core's objects off the GUI thread on each refresh and
changes nothing itself: syncing and sending go through callables the window builds from its
connections (`sync`, `send`), so without a connected shop the view still shows and prints
what the ledger has. Its words are `core.texts.Text` pairs (no catalogue entries).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from core.chargebacks.store import ChargebackRow, list_chargebacks
from core.display_text import display_text
from core.texts import Text
from gui.formatting import countdown_text, local_time, money
from gui.i18n import current_language
from gui.jobs import Job, JobSlot
from gui.notice import muted
from gui.palette import Colours

if TYPE_CHECKING:
    from core.chargebacks.evidence import EvidencePack, EvidenceSent
    from core.chargebacks.store import ChargebackSync
    from core.ledger import Ledger
    from core.policy import PolicyDraft

#: Sends the confirmed texts: (chargeback id, texts, submit) -> what Shopify did.
Sender = Callable[[int, Mapping[str, str], bool], "EvidenceSent"]

T = {
    "title": Text("Chargebacks", "Rückbuchungen"),
    "intro": Text(
        "Shopify Payments chargebacks of your shop. Send your evidence before the deadline: "
        "after it, the bank decides without you and the money is lost.",
        "Rückbuchungen (Chargebacks) über Shopify Payments. Reichen Sie Ihre Nachweise vor "
        "der Frist ein: danach entscheidet die Bank ohne Sie, und das Geld ist verloren.",
    ),
    "Order": Text("Order", "Bestellung"),
    "Reason": Text("Reason", "Grund"),
    "Amount": Text("Amount", "Betrag"),
    "Status": Text("Status", "Status"),
    "Evidence due": Text("Evidence due", "Nachweise fällig"),
    "Time left": Text("Time left", "Verbleibend"),
    "Opened": Text("Opened", "Eröffnet"),
    "empty": Text(
        "No chargebacks in the ledger. Sync from Shopify to read them (a shop without Shopify "
        "Payments has none here).",
        "Keine Rückbuchungen im Journal. Synchronisieren Sie mit Shopify, um sie zu lesen "
        "(ein Shop ohne Shopify Payments hat hier keine).",
    ),
    "sync": Text("Sync from Shopify", "Mit Shopify synchronisieren"),
    "pack": Text("Evidence pack (PDF)…", "Nachweismappe (PDF)…"),
    "send": Text("Send evidence…", "Nachweise senden…"),
    "refresh": Text("Refresh", "Aktualisieren"),
    "reading": Text("Reading the chargebacks…", "Rückbuchungen werden gelesen…"),
    "count": Text(
        "{0} chargebacks, {1} waiting for your evidence",
        "{0} Rückbuchungen, {1} warten auf Ihre Nachweise",
    ),
    "failed": Text(
        "The chargebacks could not be read: {0}",
        "Die Rückbuchungen konnten nicht gelesen werden: {0}",
    ),
    "syncing": Text(
        "Reading the chargebacks from Shopify…", "Rückbuchungen werden von Shopify gelesen…"
    ),
    "synced": Text(
        "Shopify: {0} chargebacks read, {1} new, {2} changed.",
        "Shopify: {0} Rückbuchungen gelesen, {1} neu, {2} geändert.",
    ),
    "no_shop": Text(
        "Connect a Shopify shop to sync chargebacks and send evidence.",
        "Verbinden Sie einen Shopify-Shop, um Rückbuchungen zu synchronisieren und Nachweise "
        "zu senden.",
    ),
    "overdue_tip": Text(
        "The deadline has passed: Shopify may still take evidence until the bank decides.",
        "Die Frist ist abgelaufen: Shopify nimmt Nachweise eventuell noch an, bis die Bank "
        "entscheidet.",
    ),
    "in": Text("in {0}", "in {0}"),
    "saved_pdf": Text("Evidence pack saved: {0}", "Nachweismappe gespeichert: {0}"),
    "pdf_filter": Text("PDF files (*.pdf)", "PDF-Dateien (*.pdf)"),
    "sending": Text("Sending the evidence to Shopify…", "Nachweise werden an Shopify gesendet…"),
    "sent": Text(
        "The evidence was submitted to the bank through Shopify.",
        "Die Nachweise wurden über Shopify an die Bank übermittelt.",
    ),
    "saved": Text(
        "The evidence text was saved at Shopify (not submitted yet).",
        "Der Nachweistext wurde bei Shopify gespeichert (noch nicht übermittelt).",
    ),
}


def _t(key: str) -> str:
    return T[key].get(current_language())


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
    return when, text if delta <= timedelta(0) else _t("in").format(text)


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
        self._loader = JobSlot(self, pool)  # reads the rows off the GUI thread
        self._again = False
        self.busy: Job | None = None  # a sync or a send under way
        self.setObjectName("chargebacksView")
        self.setWindowTitle(_t("title"))
        self.intro = QLabel(_t("intro"))
        self.intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("chargebacksTable")
        self.table.setAccessibleName(_t("title"))
        columns = ("Order", "Reason", "Amount", "Status", "Evidence due", "Time left", "Opened")
        self.table.setColumnCount(len(columns))
        self.table.setHeaderLabels([_t(c) for c in columns])
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
        self.empty = QLabel(_t("empty"))
        self.empty.setObjectName("noChargebacks")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        muted(self.empty, "padding: 24px;")
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.sync_button = QPushButton(_t("sync"))
        self.sync_button.setObjectName("syncChargebacks")
        self.sync_button.clicked.connect(self.start_sync)
        self.sync_button.setEnabled(sync is not None)
        if sync is None:
            self.sync_button.setToolTip(_t("no_shop"))
        self.pack_button = QPushButton(_t("pack"))
        self.pack_button.setObjectName("evidencePack")
        self.pack_button.clicked.connect(self.save_pack_dialog)
        self.send_button = QPushButton(_t("send"))
        self.send_button.setObjectName("sendEvidence")
        self.send_button.clicked.connect(self.send_selected)
        self.refresh_button = QPushButton(_t("refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.refresh_button, self.sync_button, self.pack_button, self.send_button):
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
        return self._loader.busy

    def refresh(self) -> None:
        if self._loader.busy:
            self._again = True
            return
        ledger = self.ledger
        if not self.rows:
            self.count_label.setText(_t("reading"))
        self._loader.run(
            lambda _progress, _cancelled: list_chargebacks(ledger), self._loaded, self._load_failed
        )

    def _loaded(self, rows: list[ChargebackRow]) -> None:
        if self._again:
            self._again = False
            self.refresh()
            return
        self.show_rows(rows)
        self.refreshed.emit()

    def _load_failed(self, message: str) -> None:
        self.count_label.setText(_t("failed").format(message))

    def show_rows(self, rows: list[ChargebackRow]) -> None:
        selected = self.selected_id()
        self.rows = rows
        now = self.now()
        lang = current_language()
        self.table.clear()
        for row in rows:
            due, left = due_cells(row, now)
            item = QTreeWidgetItem(
                [
                    display_text(row.order_name) or "—",
                    row.reason_text.get(lang),
                    money(row.amount_minor, row.currency),
                    row.status_text.get(lang),
                    due,
                    left,
                    local_time(row.initiated_at),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(1, row.reason)
            if row.needs_response and row.evidence_due_by and row.evidence_due_by <= now:
                item.setForeground(5, Colours.NEGATIVE.brush())
                item.setToolTip(5, _t("overdue_tip"))
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
        self.count_label.setText(_t("count").format(len(rows), waiting))
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
        idle = self.busy is None
        self.pack_button.setEnabled(row is not None)
        self.send_button.setEnabled(
            row is not None and row.needs_response and self._send is not None and idle
        )
        self.sync_button.setEnabled(self._sync is not None and idle)

    # -- evidence pack ------------------------------------------------------------------------

    def pack(self, chargeback_id: int) -> EvidencePack:
        from core.chargebacks.evidence import evidence_pack

        policy = self._policy(current_language()) if self._policy else None
        return evidence_pack(self.ledger, chargeback_id, policy=policy, now=self.now())

    def save_pack(self, chargeback_id: int, path: Path) -> Path:
        """Write the selected chargeback's evidence pack to `path` in the window's language."""
        from gui.evidence_pdf import write_evidence_pdf

        write_evidence_pdf(path, self.pack(chargeback_id), current_language(), self.now())
        self.message.emit(_t("saved_pdf").format(path))
        return path

    def save_pack_dialog(self) -> None:
        row = self.selected()
        if row is None:
            return
        name = "".join(ch for ch in row.order_name if ch.isalnum()) or str(row.id)
        suggested = str(Path.home() / f"chargeback-{name}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, _t("pack"), suggested, _t("pdf_filter"))
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
        self._busy(job, _t("sending"))

    def start_sync(self) -> None:
        sync = self._sync
        if sync is None or self.busy is not None:
            return
        job = Job(lambda _p, _c: sync())
        job.finished.connect(self._synced)
        job.failed.connect(self._failed)
        self._busy(job, _t("syncing"))

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
        self._done(_t("sent") if sent.submitted else _t("saved"))

    def _synced(self, report: ChargebackSync) -> None:
        self._done(_t("synced").format(report.seen, len(report.created), len(report.changed)))

    def _failed(self, message: str) -> None:
        self.busy = None
        self.count_label.setText(message)
        self.message.emit(message)
        self._selection_changed()
        self.refresh()  # a failure is journalled; the rows may have changed too


D = {
    "title": Text("Send chargeback evidence", "Nachweise zur Rückbuchung senden"),
    "intro": Text(
        "This is the text Dropdesk will send to Shopify for the bank. Read it and correct it "
        "if needed. Attach documents (photos, the PDF) in the Shopify admin.",
        "Diesen Text sendet Dropdesk an Shopify für die Bank. Lesen Sie ihn und korrigieren Sie "
        "ihn bei Bedarf. Dokumente (Fotos, das PDF) hängen Sie im Shopify-Adminbereich an.",
    ),
    "uncategorizedText": Text("Summary of the evidence", "Zusammenfassung der Nachweise"),
    "refundPolicyDisclosure": Text("Refund policy", "Erstattungsrichtlinie"),
    "customerEmailAddress": Text("Customer's e-mail", "E-Mail des Kunden"),
    "submit": Text(
        "Also submit to the bank now (final: no changes after this)",
        "Jetzt auch an die Bank übermitteln (endgültig: danach keine Änderungen mehr)",
    ),
    "save": Text("Save at Shopify", "Bei Shopify speichern"),
    "send": Text("Submit to the bank", "An die Bank übermitteln"),
    "cancel": Text("Cancel", "Abbrechen"),
}


class EvidenceDialog(QDialog):
    """Shows the text evidence before anything is sent; `submit` only when ticked."""

    def __init__(self, texts: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        self.setObjectName("evidenceDialog")
        self.setWindowTitle(D["title"].get(lang))
        layout = QVBoxLayout(self)
        intro = QLabel(D["intro"].get(lang))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editors: dict[str, QPlainTextEdit] = {}
        for name, value in texts.items():
            label = D[name].get(lang) if name in D else name
            layout.addWidget(QLabel(f"<b>{label}</b>"))
            editor = QPlainTextEdit(value)
            editor.setObjectName(f"evidence_{name}")
            editor.setMaximumHeight(60 if name == "customerEmailAddress" else 220)
            layout.addWidget(editor, 0 if name == "customerEmailAddress" else 1)
            self.editors[name] = editor
        self.submit_box = QCheckBox(D["submit"].get(lang))
        self.submit_box.setObjectName("submitEvidence")
        layout.addWidget(self.submit_box)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            D["save"].get(lang), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("confirmEvidence")
        cancel = self.buttons.addButton(
            D["cancel"].get(lang), QDialogButtonBox.ButtonRole.RejectRole
        )
        cancel.setObjectName("cancelEvidence")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.submit_box.toggled.connect(
            lambda on: self.ok_button.setText(D["send" if on else "save"].get(lang))
        )
        layout.addWidget(self.buttons)
        self.resize(760, 620)

    @property
    def submit(self) -> bool:
        return self.submit_box.isChecked()

    def texts(self) -> dict[str, str]:
        """What the merchant confirmed, as shown (edits included)."""
        return {name: editor.toPlainText() for name, editor in self.editors.items()}
