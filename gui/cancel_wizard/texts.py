"""Small widgets the steps share: texts to copy (English or German), numbered instructions,
and a coloured banner for warnings, errors and good news.

The language of the texts to copy is one choice for the whole wizard: switching a text to German
switches every message to copy. Instructions and banners are for the merchant and speak the
window's language.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.texts import Lang, Text
from gui.cancel_wizard.step import tr
from gui.i18n import say


class Language(QObject):
    """The language of the texts to copy and follow ("en" or "de")."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.code: Lang = "en"

    def set(self, code: Lang) -> None:
        if code != self.code:
            self.code = code
            self.changed.emit(code)


class CopyableText(QWidget):
    """A message for the supplier or the customer: shown as it will be pasted, with Copy."""

    copied = Signal(str)

    def __init__(self, title: str, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.text: Text | None = None
        self.title = QLabel(f"<b>{html.escape(title)}</b>")
        self.english = QToolButton()
        self.german = QToolButton()
        for button, label in ((self.english, tr("English")), (self.german, tr("Deutsch"))):
            button.setText(label)
            button.setCheckable(True)
        self.english.setAccessibleName(tr("Show the text in English"))
        self.german.setAccessibleName(tr("Show the text in German"))
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.english)
        group.addButton(self.german)
        self.english.setChecked(True)
        self.english.clicked.connect(lambda: language.set("en"))
        self.german.clicked.connect(lambda: language.set("de"))
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.setAccessibleName(tr("Copy {0}").format(title))
        self.copy_button.clicked.connect(self.copy)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setAccessibleName(title)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.body.setMinimumHeight(120)
        self.body.setMaximumHeight(190)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.english)
        top.addWidget(self.german)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self._reset = QTimer(self, singleShot=True, interval=2_000)
        self._reset.timeout.connect(lambda: self.copy_button.setText(tr("Copy")))
        language.changed.connect(self._language_changed)

    def set_text(self, text: Text | None) -> None:
        self.text = text
        self.setVisible(text is not None)
        self._show()

    def current(self) -> str:
        return self.text.get(self.language.code) if self.text else ""

    def copy(self) -> None:
        """Put the shown text on the clipboard (plain text, as it is pasted into a chat)."""
        value = self.current()
        QGuiApplication.clipboard().setText(value)
        self.copy_button.setText(tr("Copied ✓"))
        self._reset.start()
        self.copied.emit(value)

    def _language_changed(self, code: str) -> None:
        (self.german if code == "de" else self.english).setChecked(True)
        self._show()

    def _show(self) -> None:
        self.body.setPlainText(self.current())


class Instructions(QLabel):
    """A numbered list of what to click, for the merchant: in the window's language (the
    texts to copy keep their own, chosen for whoever receives them)."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.items: tuple[Text | str, ...] = ()
        self.numbered = True
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        language.changed.connect(lambda _code: self._show())

    def set_items(self, items: Iterable[Text | str], *, numbered: bool = True) -> None:
        self.items = tuple(items)
        self.numbered = numbered
        self.setVisible(bool(self.items))
        self._show()

    def _show(self) -> None:
        tag = "ol" if self.numbered else "ul"
        lines = "".join(
            f"<li style='margin-bottom: 4px'>{html.escape(self._text(item))}</li>"
            for item in self.items
        )
        self.setText(f"<{tag} style='margin-left: -18px'>{lines}</{tag}>")

    def _text(self, item: Text | str) -> str:
        return item if isinstance(item, str) else say(item)


_BANNER_STYLES = {
    "error": ("#fdecea", "#8b1a1a", "#e6a1a1"),
    "warning": ("#fff4d6", "#5c4400", "#e8c96a"),
    "info": ("#e8f0fb", "#1f3b63", "#a9c2e6"),
    "success": ("#e6f4ea", "#1d5b33", "#9fd0ae"),
}


class Banner(QFrame):
    """A coloured message with an optional button (e.g. "Check again")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self._plain = ""
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_message(
        self, kind: str, text: str | Text | Sequence[str | Text], button: str = ""
    ) -> None:
        """Show plain `text` (or lines of it) as `kind`: error, warning, info or success.
        Core's texts show in the window's language."""
        items = [text] if isinstance(text, str | Text) else list(text)
        lines = [i if isinstance(i, str) else say(i) for i in items]
        background, foreground, border = _BANNER_STYLES[kind]
        self.kind = kind
        self._plain = "\n".join(lines)
        self.setStyleSheet(
            f"Banner {{ background: {background}; border: 1px solid {border};"
            " border-radius: 4px; }"
            f" QLabel {{ color: {foreground}; background: transparent; border: none; }}"
        )
        self.label.setText("<br>".join(html.escape(line) for line in lines))
        self.button.setText(button)
        self.button.setVisible(bool(button))
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self._plain = ""
        self.label.clear()
        self.button.hide()
        self.hide()

    def text(self) -> str:
        """What the banner says, as plain text."""
        return self._plain


def paragraph(text: str = "", *, muted: bool = False, rich: bool = False) -> QLabel:
    """A wrapping, selectable label for explanations (plain text unless `rich`)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setStyleSheet("color: #5f6670;")
    return label
