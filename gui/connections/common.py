"""Pieces both connection panels use: the merchant's words for an error, a status line, a
secret field. (Background calls go through `gui.jobs.JobSlot`, questions through
`gui.notice.confirm`.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from core.connections import explain
from gui.i18n import say
from gui.notice import Kind, tint


def describe(error: BaseException) -> str:
    """`explain` in the language the window speaks."""
    return say(explain(error))


def tr(text: str) -> str:
    return QCoreApplication.translate("Connections", text)


class StatusLine(QLabel):
    """One line (or a few) saying what the last action did, coloured by outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.kind: Kind | None = None

    def show_text(self, text: str, kind: Kind | None = None) -> None:
        """`kind` colours the text (None: plain)."""
        self.kind = kind
        tint(self, kind)
        self.setText(text)


def secret_field(accessible_name: str) -> QLineEdit:
    """A password field: typed text is hidden, and the stored secret is never put in it."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setClearButtonEnabled(True)
    return field
