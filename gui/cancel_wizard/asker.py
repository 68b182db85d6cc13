"""The questions the wizard asks the merchant: "really cancel on Shopify?", "why abandon?".

They are a small protocol so that a test (or a future non-modal UI) can answer them without a
blocking dialog; `DialogAsker` asks with ordinary modal dialogs.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QAbstractButton, QInputDialog, QLineEdit, QMessageBox, QWidget

from gui.cancel_wizard.step import Confirmation, tr


class Asker(Protocol):
    def confirm(self, parent: QWidget, question: Confirmation) -> bool:
        """True to go ahead."""
        ...

    def text(self, parent: QWidget, title: str, label: str) -> str | None:
        """What the merchant typed, or None when they backed out."""
        ...


class DialogAsker:
    """Modal dialogs; "go back" is the default button, so Enter never confirms by accident."""

    def confirm(self, parent: QWidget, question: Confirmation) -> bool:
        box, accept = self.box(parent, question)
        box.exec()
        return box.clickedButton() is accept

    @staticmethod
    def box(parent: QWidget | None, question: Confirmation) -> tuple[QMessageBox, QAbstractButton]:
        """The question as a message box (not shown yet) and its go-ahead button."""
        box = QMessageBox(QMessageBox.Icon.Warning, question.title, question.text, parent=parent)
        if question.details:
            box.setInformativeText(question.details)
        accept = box.addButton(question.accept, QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        return box, accept

    def text(self, parent: QWidget, title: str, label: str) -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal)
        return value if ok else None
