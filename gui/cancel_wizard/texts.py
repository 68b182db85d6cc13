"""Small widgets the steps share: messages to copy, numbered instructions, and a coloured
banner for warnings, errors and good news.

A message to copy speaks its recipient's language (core.outgoing), and the merchant may switch
the language of that one message. Instructions and banners are for the merchant and speak the
window's language.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import outgoing
from core.outgoing import Message
from core.texts import Text
from gui.cancel_wizard.step import tr
from gui.i18n import say
from gui.notice import BANNER, Kind
from gui.palette import Colours, follow_palette


class CopyableText(QWidget):
    """A message for the supplier or the customer (core.outgoing.Message): shown as it will be
    pasted, in the recipient's language, with a choice of language for this message and Copy."""

    copied = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message: Message | None = None
        self.title = QLabel(f"<b>{html.escape(title)}</b>")
        self.language = QComboBox()
        self.language.setObjectName("messageLanguage")
        for lang in outgoing.languages().values():
            self.language.addItem(lang.name, lang.code)
        self.language.setAccessibleName(tr("Language of this message"))
        self.language.setToolTip(tr("The recipient's language, whatever the window speaks"))
        self.language.currentIndexChanged.connect(self._language_chosen)
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
        top.addWidget(self.language)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self._reset = QTimer(self, singleShot=True, interval=2_000)
        self._reset.timeout.connect(lambda: self.copy_button.setText(tr("Copy")))

    def set_message(self, message: Message | None) -> None:
        """Show `message` in its language (the recipient's); the same message again keeps the
        language the merchant chose for it."""
        before = self.message
        if message is not None and before is not None and message.same_as(before):
            message = message.in_language(before.language)
        self.message = message
        self.setVisible(message is not None)
        if message is not None:
            self.language.blockSignals(True)
            self.language.setCurrentIndex(max(self.language.findData(message.language), 0))
            self.language.blockSignals(False)
        self._show()

    def choose_language(self, code: str) -> None:
        """Write this message in another language (the merchant's choice, for this message)."""
        self.language.setCurrentIndex(max(self.language.findData(code), 0))

    def current(self) -> str:
        return self.message.text if self.message else ""

    def copy(self) -> None:
        """Put the shown text on the clipboard (plain text, as it is pasted into a chat)."""
        value = self.current()
        QGuiApplication.clipboard().setText(value)
        self.copy_button.setText(tr("Copied ✓"))
        self._reset.start()
        self.copied.emit(value)

    def _language_chosen(self, _index: int) -> None:
        if self.message is not None:
            self.message = self.message.in_language(str(self.language.currentData()))
        self._show()

    def _show(self) -> None:
        self.body.setPlainText(self.current())


class Instructions(QLabel):
    """A numbered list of what to click, for the merchant: in the window's language (the
    texts to copy keep their own, chosen for whoever receives them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[Text | str, ...] = ()
        self.numbered = True
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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
        self.kind = kind
        self._plain = "\n".join(lines)
        follow_palette(self, lambda: self._style(kind))
        self.label.setText("<br>".join(html.escape(line) for line in lines))
        self.button.setText(button)
        self.button.setVisible(bool(button))
        self.show()

    @staticmethod
    def _style(kind: str) -> str:
        """The banner's fill, border and text: gui.notice's roles for `kind`."""
        fill, text, border = BANNER[Kind(kind)]
        return (
            f"Banner {{ background: {fill.color().name()}; border: 1px solid"
            f" {border.color().name()}; border-radius: 4px; }}"
            f" QLabel {{ {text.css()} background: transparent; border: none; }}"
        )

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
        follow_palette(label, Colours.MUTED.css)
    return label
