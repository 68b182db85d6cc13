"""Telling the merchant, one way for every screen: a banner inside a screen, a line in the
window's status bar, a message box (error, warning, information) and a confirmation.

Colours come from the palette's roles (`gui.palette.Colours`), so a banner reads in light and
dark mode alike. Message boxes are window-modal, opened without a nested event loop, and
deleted once dismissed. (Messages to a customer are `gui.notice_dialog`, not this.)
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from gui.palette import Colours, Shade, follow_palette


def _tr(text: str) -> str:
    return QCoreApplication.translate("Notice", text)


class Kind(Enum):
    """What a notice is about; it picks the banner's colours and the message box's icon."""

    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


BANNER: dict[Kind, tuple[Shade, Shade, Shade]] = {
    Kind.INFO: (Colours.INFO_FILL, Colours.INFO_TEXT, Colours.INFO_BORDER),
    Kind.SUCCESS: (Colours.SUCCESS_FILL, Colours.SUCCESS_TEXT, Colours.SUCCESS_BORDER),
    Kind.WARNING: (Colours.WARNING_FILL, Colours.WARNING_TEXT, Colours.WARNING_BORDER),
    Kind.ERROR: (Colours.ERROR_FILL, Colours.ERROR_TEXT, Colours.ERROR_BORDER),
}
_TEXT: dict[Kind, Shade | None] = {
    Kind.INFO: None,
    Kind.SUCCESS: Colours.POSITIVE,
    Kind.WARNING: Colours.CAUTION,
    Kind.ERROR: Colours.NEGATIVE,
}
_ICON = {
    Kind.INFO: QMessageBox.Icon.Information,
    Kind.SUCCESS: QMessageBox.Icon.Information,
    Kind.WARNING: QMessageBox.Icon.Warning,
    Kind.ERROR: QMessageBox.Icon.Critical,
}


class Banner(QLabel):
    """A boxed notice inside a screen (hidden while empty): `show_notice(text, kind)`."""

    def __init__(self, parent: QWidget | None = None, *, boxed: bool = True) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.boxed = boxed
        self.kind: Kind | None = None
        self.hide()

    def show_notice(self, text: str, kind: Kind = Kind.INFO) -> None:
        self.kind = kind
        self.setText(text)
        follow_palette(self, lambda: self._style(kind))
        self.setVisible(bool(text))

    def clear_notice(self) -> None:
        self.kind = None
        self.setText("")
        follow_palette(self, str)
        self.hide()

    def _style(self, kind: Kind) -> str:
        if not self.boxed:
            shade = _TEXT[kind]
            return shade.css() if shade is not None else ""
        fill, text, border = BANNER[kind]
        return (
            f"QLabel {{ background: {fill.color().name()}; {text.css()} "
            f"border: 1px solid {border.color().name()}; border-radius: 4px; padding: 6px; }}"
        )


def tint(label: QLabel, kind: Kind | None) -> None:
    """Colour a plain label's text by what it says (None: the palette's own text colour)."""
    shade = _TEXT[kind] if kind is not None else None
    follow_palette(label, shade.css if shade is not None else str)


def muted(label: QLabel, extra: str = "") -> None:
    """Secondary text: hints, addresses, "nothing here yet"."""
    follow_palette(label, lambda: f"{Colours.MUTED.css()} {extra}".strip())


def status(widget: QWidget, text: str, timeout_ms: int = 15_000) -> None:
    """A line in the status bar of `widget`'s main window (nothing if it has none)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)


def tell(
    parent: QWidget | None,
    title: str,
    text: str,
    kind: Kind = Kind.INFO,
    detail: str = "",
) -> QMessageBox:
    """A window-modal message box, opened (no nested event loop) and deleted once dismissed."""
    box = QMessageBox(_ICON[kind], title, text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget | None, message: str, title: str = "") -> QMessageBox:
    """The default report of a failed job: its message (see `gui.jobs.failure_report`)."""
    return tell(parent, title or _tr("Something went wrong"), message, Kind.ERROR)


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    yes: str,
    on_yes: Callable[[], None],
    *,
    destructive: bool = True,
) -> QMessageBox:
    """Ask first; `on_yes` runs only after the merchant chose `yes`. Cancel is the default, so
    Enter never confirms something that cannot be undone."""
    kind = Kind.WARNING if destructive else Kind.INFO
    box = QMessageBox(_ICON[kind], title, text, parent=parent)
    role = (
        QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
    )
    chosen = box.addButton(yes, role)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def answered() -> None:
        if box.clickedButton() is chosen:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box
