"""Opening a link (a web page, a folder) so that something visible always happens.

QDesktopServices.openUrl returns False when no browser or file manager takes the link (a
minimal desktop, a broken default browser): the merchant would click and see nothing. Every
link Dropdesk opens goes through `open_link`, which then says so and offers to copy it. A
`mailto:` link (a message to a customer) is no address to paste into a browser: without a mail
program the note offers the message itself (subject and body, decoded) and the address.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Links", text)


def link_text(url: QUrl) -> str:
    """What the merchant would paste: a folder's path, or the address."""
    return url.toLocalFile() if url.isLocalFile() else url.toString()


@dataclass(frozen=True)
class MailMessage:
    """What a `mailto:` link carries, decoded: the address, the subject and the body."""

    to: str
    subject: str
    body: str

    def text(self) -> str:
        """Subject and body as the merchant would paste them (as core.notices.Notice.text)."""
        return "\n\n".join(part for part in (self.subject, self.body) if part)


def mail_message(link: QUrl) -> MailMessage:
    decoded = QUrl.ComponentFormattingOption.FullyDecoded
    query = QUrlQuery(link)
    return MailMessage(
        to=link.path(decoded),
        subject=query.queryItemValue("subject", decoded),
        body=query.queryItemValue("body", decoded),
    )


def open_link(
    parent: QWidget | None,
    url: str | QUrl,
    *,
    on_copied: Callable[[], None] | None = None,
) -> bool:
    """Open `url` with the desktop's browser (or file manager for a folder, mail program for a
    `mailto:`); if none opens it, show a note with the link (or the message) and a copy button.
    True if it opened. `on_copied` runs when the merchant copies from the note."""
    link = QUrl(url) if isinstance(url, str) else url
    if QDesktopServices.openUrl(link):
        return True
    log.warning("Nothing opened a %s link", link.scheme() or "local")  # not the address
    note = link_not_opened(parent, link, on_copied=on_copied)
    note.open()
    return False


def link_not_opened(
    parent: QWidget | None, link: QUrl, *, on_copied: Callable[[], None] | None = None
) -> QMessageBox:
    """The note: what did not open, the link itself (selectable), Copy link and Close; for a
    `mailto:`, the message and Copy message (and Copy address)."""
    if link.scheme().lower() == "mailto":
        return _mail_not_opened(parent, mail_message(link), on_copied)
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
    note.setInformativeText(text)
    copy = note.addButton(
        _tr("Copy path") if folder else _tr("Copy link"), QMessageBox.ButtonRole.ActionRole
    )
    _copies(copy, text, on_copied)
    return _finished(note, copy)


def _mail_not_opened(
    parent: QWidget | None, mail: MailMessage, on_copied: Callable[[], None] | None
) -> QMessageBox:
    message = mail.text()
    note = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("The mail program did not open"),
        (
            _tr(
                "No mail program opened this message. Copy it and paste it into your mail "
                "program or the customer's message form:"
            )
            if message
            else _tr("No mail program opened. Copy the address and write from your mail program:")
        ),
        QMessageBox.StandardButton.Close,
        parent,
    )
    shown = [_tr("To: %1").replace("%1", mail.to)] if mail.to else []
    if message:
        shown.append(message)
    note.setInformativeText("\n\n".join(shown))
    copy = None
    if message:
        copy = note.addButton(_tr("Copy message"), QMessageBox.ButtonRole.ActionRole)
        _copies(copy, message, on_copied)
    if mail.to:
        address = note.addButton(_tr("Copy address"), QMessageBox.ButtonRole.ActionRole)
        address.setObjectName("copyAddress")
        address.clicked.connect(lambda: QGuiApplication.clipboard().setText(mail.to))
        if copy is None:
            copy = address
    return _finished(note, copy)


def _copies(button: QPushButton, text: str, on_copied: Callable[[], None] | None) -> None:
    button.setObjectName("copyLink")
    button.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
    if on_copied is not None:
        button.clicked.connect(on_copied)


def _finished(note: QMessageBox, default: QPushButton | None) -> QMessageBox:
    note.setObjectName("linkNotOpened")
    note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if default is not None:
        note.setDefaultButton(default)
    note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return note
