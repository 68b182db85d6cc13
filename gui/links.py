"""Opening a link (a web page, a folder) so that something visible always happens.

QDesktopServices.openUrl returns False when no browser or file manager takes the link (a
minimal desktop, a broken default browser): the merchant would click and see nothing. Every
link Dropdesk opens goes through `open_link`, which then says so and offers to copy it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Links", text)


def link_text(url: QUrl) -> str:
    """What the merchant would paste: a folder's path, or the address."""
    return url.toLocalFile() if url.isLocalFile() else url.toString()


def open_link(parent: QWidget | None, url: str | QUrl) -> bool:
    """Open `url` with the desktop's browser (or file manager for a folder); if none opens it,
    show a note with the link and a "Copy link" button. True if it opened."""
    link = QUrl(url) if isinstance(url, str) else url
    if QDesktopServices.openUrl(link):
        return True
    log.warning("Nothing opened a %s link", link.scheme() or "local")  # not the address
    note = link_not_opened(parent, link)
    note.open()
    return False


def link_not_opened(parent: QWidget | None, link: QUrl) -> QMessageBox:
    """The note: what did not open, the link itself (selectable), Copy link and Close."""
    text = link_text(link)
    folder = link.isLocalFile()
    note = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("The folder did not open") if folder else _tr("The link did not open"),
        (
            _tr("No file manager opened this folder. Copy its path and open it yourself:")
            if folder
            else _tr("No browser opened this link. Copy it and paste it into your browser:")
        ),
        QMessageBox.StandardButton.Close,
        parent,
    )
    note.setObjectName("linkNotOpened")
    note.setInformativeText(text)
    note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = note.addButton(
        _tr("Copy path") if folder else _tr("Copy link"), QMessageBox.ButtonRole.ActionRole
    )
    copy.setObjectName("copyLink")
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
    note.setDefaultButton(copy)
    note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return note
