"""Windows that fit the merchant's screen, a 1280x720 laptop with a task bar included.

Every top-level window and dialog asks for its size through `fit_to_screen`: the size it
would like, capped by the available geometry of its screen (less the title bar and borders the
window manager adds), centred there. Windows remember only a size the merchant chose: a saved
geometry is restored only while it still fits the screen, and `save_if_chosen` writes the
geometry only when the window no longer has the size Dropdesk gave it (the merchant resized or
maximized it), never a default.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from gui.ui_settings import ui_settings

#: Title bar and borders a window manager adds, until the frame can be measured.
FRAME_ALLOWANCE = QSize(16, 40)
_FITTED = "dropdeskFittedSize"
_CHOSEN = "dropdeskSizeChosen"


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen windows may use (the task bar left out). A window not
    shown yet is on its parent's screen, or on the primary one."""
    parent = widget.parentWidget()
    owner = widget if widget.isVisible() or parent is None else parent.window()
    screen = owner.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_allowance(window: QWidget) -> QSize:
    """What the frame adds to the window's size: measured once shown, estimated before."""
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        if frame != inner:
            return QSize(frame.width() - inner.width(), frame.height() - inner.height())
        return QSize(0, 0)
    return FRAME_ALLOWANCE


def fitted_size(window: QWidget, width: int, height: int) -> QSize:
    """`width` x `height`, capped so the framed window stays inside the available geometry."""
    area, frame = available_geometry(window), frame_allowance(window)
    return QSize(
        max(1, min(width, area.width() - frame.width())),
        max(1, min(height, area.height() - frame.height())),
    )


def fit_to_screen(window: QWidget, width: int, height: int, *, centre: bool = True) -> QSize:
    """Give `window` its preferred size, or as much of it as the screen has, and centre it on
    the screen's available geometry. Returns the size given."""
    size = fitted_size(window, width, height)
    window.resize(size)
    window.setProperty(_FITTED, window.size())
    if centre:
        centre_on_screen(window)
    return window.size()


def grow_to(window: QWidget, height: int) -> None:
    """Grow `window` to `height` (say, to show a long wrapped message) as far as the screen
    allows; the size stays Dropdesk's, not the merchant's."""
    if height > window.height():
        size = fitted_size(window, window.width(), height)
        window.resize(size)
        window.setProperty(_FITTED, window.size())
        keep_on_screen(window)


def centre_on_screen(window: QWidget) -> None:
    area, frame = available_geometry(window), frame_allowance(window)
    outer = window.size() + frame
    window.move(
        area.x() + max(0, (area.width() - outer.width()) // 2),
        area.y() + max(0, (area.height() - outer.height()) // 2),
    )


def keep_on_screen(window: QWidget) -> None:
    """Move a window back inside the available geometry if part of it is outside."""
    area, frame = available_geometry(window), frame_allowance(window)
    outer = QRect(window.pos(), window.size() + frame)
    if area.contains(outer):
        return
    x = min(max(outer.x(), area.x()), area.right() + 1 - outer.width())
    y = min(max(outer.y(), area.y()), area.bottom() + 1 - outer.height())
    window.move(max(x, area.x()), max(y, area.y()))


def fits_screen(window: QWidget) -> bool:
    """Whether the framed window lies inside its screen's available geometry."""
    outer = QRect(window.pos(), window.size() + frame_allowance(window))
    if window.isVisible():
        outer = window.frameGeometry()
    return available_geometry(window).contains(outer)


def restore_or_fit(window: QWidget, key: str, width: int, height: int) -> None:
    """The geometry the merchant chose last time, if it still fits this screen; otherwise
    the preferred size fitted to it."""
    saved = ui_settings().value(key)
    usable = isinstance(saved, QByteArray) and not saved.isEmpty()
    if usable and window.restoreGeometry(saved) and fits_screen(window):
        window.setProperty(_CHOSEN, True)
        window.setProperty(_FITTED, window.size())
        return
    window.setProperty(_CHOSEN, False)
    fit_to_screen(window, width, height)


def size_was_chosen(window: QWidget) -> bool:
    """Whether the merchant chose the window's size: restored from their choice, resized away
    from the size Dropdesk gave it, or maximized."""
    if window.isMaximized() or bool(window.property(_CHOSEN)):
        return True
    fitted = window.property(_FITTED)
    return isinstance(fitted, QSize) and fitted != window.size()


def save_if_chosen(window: QWidget, key: str) -> bool:
    """Save the window's geometry under `key` only if its size was the merchant's choice."""
    if not size_was_chosen(window):
        return False
    settings = ui_settings()
    settings.setValue(key, window.saveGeometry())
    settings.sync()
    return True
