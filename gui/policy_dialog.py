"""The refund policy generator: pick the suppliers the shop relies on, say how customers reach
the merchant, and get a German or English draft with the reasons for each choice; preview,
copy, save as HTML or Markdown, or publish it to Shopify.

Publishing goes through a callable the caller provides (HTML body in, the policy's public URL
out), so the dialog never builds a Shopify client itself and is tested against the fake shop.
Without one, the button stays disabled and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import outgoing
from core.ledger import Ledger
from core.policy import (
    Contact,
    PolicyDraft,
    PolicyInputError,
    SupplierPolicy,
    draft_policy,
    html_page,
    shop_name,
    strictest_terms,
    supplier_policies,
)
from gui.i18n import say
from gui.jobs import Job
from gui.notice import confirm
from gui.palette import Colours
from gui.ui_settings import ui_settings
from gui.window_fit import fit_to_screen

Publisher = Callable[[str], str]
"""Publishes the HTML body as the shop's refund policy; returns its URL, raises on failure."""

IN_USE_DAYS = 90
NO_SHOP = "Connect a Shopify shop to publish the policy from here."


def _tr(text: str) -> str:
    return QCoreApplication.translate("PolicyDialog", text)


class PolicyDialog(QDialog):
    """Drafts the merchant's refund policy from the suppliers' terms."""

    published = Signal(str)  # the public URL of the published policy
    publish_failed = Signal(str)

    def __init__(
        self, ledger: Ledger, publish: Publisher | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Refund policy"))
        self._publish = publish
        self.draft: PolicyDraft | None = None
        self.policies = supplier_policies(ledger.engine)
        since = datetime.now(UTC) - timedelta(days=IN_USE_DAYS)
        in_use = {p.supplier_id for p in supplier_policies(ledger.engine, since)}
        if not in_use:
            in_use = {p.supplier_id for p in self.policies}

        self.suppliers = QListWidget()
        self.suppliers.setAccessibleName(_tr("Suppliers the policy relies on"))
        for policy in self.policies:
            item = QListWidgetItem(policy.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = policy.supplier_id in in_use
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, policy.supplier_id)
            self.suppliers.addItem(item)
        settings = ui_settings()
        self.shop_name = QLineEdit(str(settings.value("policy/shop_name", "") or shop_name(ledger)))
        self.email = QLineEdit(str(settings.value("policy/email", "")))
        self.email.setPlaceholderText("help@example.com")
        self.return_address = QLineEdit(str(settings.value("policy/return_address", "")))
        self.return_address.setPlaceholderText(_tr("optional, e.g. a PO box"))
        self.language = QComboBox()
        for lang in outgoing.languages().values():  # the customers', not the window's
            self.language.addItem(lang.name, lang.code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(settings.value("policy/language", "en")))
        )
        contact = QFormLayout()
        contact.addRow(_tr("Shop name"), self.shop_name)
        contact.addRow(_tr("E-mail for customers"), self.email)
        contact.addRow(_tr("Return address"), self.return_address)
        contact.addRow(_tr("Language"), self.language)
        suppliers_box = QGroupBox(_tr("Suppliers the shop relies on"))
        QVBoxLayout(suppliers_box).addWidget(self.suppliers)
        contact_box = QGroupBox(_tr("How customers reach you"))
        contact_box.setLayout(contact)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(suppliers_box, 1)
        left_layout.addWidget(contact_box)

        self.preview = QTextBrowser()
        self.preview.setOpenExternalLinks(False)
        self.markdown = QPlainTextEdit()
        self.markdown.setReadOnly(True)
        self.choices = QListWidget()
        self.choices.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, _tr("Preview"))
        self.tabs.addTab(self.markdown, _tr("Markdown"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(Colours.NEGATIVE.css())
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.tabs, 3)
        right_layout.addWidget(self.problem)
        why = QGroupBox(_tr("Why it says this"))
        QVBoxLayout(why).addWidget(self.choices)
        right_layout.addWidget(why, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 720])

        self.copy_button = QPushButton(_tr("Copy"))
        self.html_button = QPushButton(_tr("Save as HTML…"))
        self.markdown_button = QPushButton(_tr("Save as Markdown…"))
        self.publish_button = QPushButton(_tr("Publish to Shopify…"))
        if publish is None:
            self.publish_button.setToolTip(_tr(NO_SHOP))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (
            self.copy_button,
            self.html_button,
            self.markdown_button,
            self.publish_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.suppliers.itemChanged.connect(self.update_draft)
        for edit in (self.shop_name, self.email, self.return_address):
            edit.textChanged.connect(self.update_draft)
        self.language.currentIndexChanged.connect(self.update_draft)
        self.copy_button.clicked.connect(self.copy)
        self.html_button.clicked.connect(lambda: self._ask_save("html"))
        self.markdown_button.clicked.connect(lambda: self._ask_save("md"))
        self.publish_button.clicked.connect(self._confirm_publish)
        fit_to_screen(self, 1120, 720)
        self.update_draft()

    # --- the draft -----------------------------------------------------------------------------

    def chosen(self) -> list[SupplierPolicy]:
        ids = set()
        for row in range(self.suppliers.count()):
            item = self.suppliers.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.add(item.data(Qt.ItemDataRole.UserRole))
        return [p for p in self.policies if p.supplier_id in ids]

    def update_draft(self) -> None:
        language = str(self.language.currentData())
        contact = Contact(
            self.shop_name.text(), self.email.text().strip(), self.return_address.text()
        )
        try:
            terms = strictest_terms(self.chosen())
            self.draft = draft_policy(terms, contact, language)
        except ValueError as error:
            self.draft = None
            self.problem.setText(
                say(error.text) if isinstance(error, PolicyInputError) else str(error)
            )
        else:
            self.problem.clear()
        draft = self.draft
        self.preview.setHtml(draft.html if draft else "")
        self.markdown.setPlainText(draft.markdown if draft else "")
        self.choices.clear()
        if draft:
            self.choices.addItems(list(draft.choices))
        for button in (self.copy_button, self.html_button, self.markdown_button):
            button.setEnabled(draft is not None)
        self.publish_button.setEnabled(draft is not None and self._publish is not None)

    def _remember_contact(self) -> None:
        settings = ui_settings()
        settings.setValue("policy/shop_name", self.shop_name.text())
        settings.setValue("policy/email", self.email.text().strip())
        settings.setValue("policy/return_address", self.return_address.text())
        settings.setValue("policy/language", self.language.currentData())
        settings.sync()

    def copy(self) -> None:
        """Markdown as text and the HTML as rich text: editors paste what they understand."""
        if self.draft is None:
            return
        data = QMimeData()
        data.setText(self.draft.markdown)
        data.setHtml(self.draft.html)
        QGuiApplication.clipboard().setMimeData(data)
        self._remember_contact()
        self.status.setText(_tr("Copied the policy."))

    def save(self, path: Path, kind: str) -> None:
        """Write the draft as a full HTML page ("html") or Markdown ("md")."""
        if self.draft is None:
            return
        text = html_page(self.draft) if kind == "html" else self.draft.markdown
        path.write_text(text, encoding="utf-8")
        self._remember_contact()
        self.status.setText(_tr("Saved the policy to {0}").format(path))

    def _ask_save(self, kind: str) -> None:
        suffix, pattern = (
            ("html", _tr("HTML files (*.html)"))
            if kind == "html"
            else (
                "md",
                _tr("Markdown files (*.md)"),
            )
        )
        name, _ = QFileDialog.getSaveFileName(
            self, _tr("Save the policy"), _tr("refund-policy") + "." + suffix, pattern
        )
        if name:
            try:
                self.save(Path(name), kind)
            except OSError as error:
                self.status.setText(_tr("Could not save: {0}").format(error.strerror))

    # --- publishing ----------------------------------------------------------------------------

    def _confirm_publish(self) -> None:
        confirm(
            self,
            _tr("Publish to Shopify"),
            _tr(
                "Replace the refund policy of your shop with this draft? Customers see it at once."
            ),
            _tr("Publish"),
            self.publish,
        )

    def publish(self) -> None:
        """Send the draft's HTML through the publisher, off the GUI thread."""
        if self.draft is None or self._publish is None:
            return
        publish, body = self._publish, self.draft.html
        self.publish_button.setEnabled(False)
        self.status.setText(_tr("Publishing…"))

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            return publish(body)

        job = Job(work)  # the default failure report: the merchant's words, redacted
        job.finished.connect(self._published)
        job.failed.connect(self._publish_failed)
        job.start()
        self._remember_contact()

    def _published(self, url: str) -> None:
        self.publish_button.setEnabled(True)
        self.status.setText(_tr("Published: {0}").format(url))
        self.published.emit(url)

    def _publish_failed(self, message: str) -> None:
        self.publish_button.setEnabled(True)
        self.status.setText(_tr("Publishing failed: {0}").format(message))
        self.publish_failed.emit(message)
