"""File > Open ledger on a server: the address, and the password once (into the keyring).

The address is asked without a password (core.ledger.server_address refuses one); when the
server wants a password that the keyring does not have, or refuses the stored one, it is
asked here (hidden), checked against the server and kept in the keyring by
core.ledger.server_password.remember: never in the settings, the address or a log.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from core.ledger import Ledger, LedgerError, open_ledger
from gui.i18n import say


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerLedgerDialog", text)


def ask_address(parent: QWidget | None, current: str = "") -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        _tr("Ledger on a PostgreSQL server"),
        _tr("Address (without the password), e.g. postgresql://dropdesk@db.example.com/dropdesk"),
        QLineEdit.EchoMode.Normal,
        current,
    )
    return text.strip() if ok and text.strip() else None


def open_with_password(parent: QWidget | None, address: str) -> Ledger | None:
    """Open the server ledger at `address`, asking for its password when the keyring has
    none (or a wrong one); None when the merchant gave up (the reason was shown)."""
    from core.ledger.server_address import parse
    from core.ledger.server_password import remember

    try:
        return open_ledger(address)
    except LedgerError as error:
        if "password" not in error.text.english():
            QMessageBox.warning(parent, _tr("This ledger cannot be opened"), say(error.text))
            return None
    parsed = parse(address)
    label = _tr("Password of {user} for {url} (kept in the system keyring):").format(
        user=parsed.user, url=parsed.url
    )
    while True:
        password, ok = QInputDialog.getText(
            parent, _tr("Ledger on a PostgreSQL server"), label, QLineEdit.EchoMode.Password
        )
        if not ok or not password:
            return None
        try:
            remember(address, password)
            return open_ledger(address)
        except LedgerError as error:
            QMessageBox.warning(parent, _tr("This ledger cannot be opened"), say(error.text))
        except Exception as error:  # the keyring refused (locked, missing): said, not raised
            QMessageBox.warning(parent, _tr("This ledger cannot be opened"), str(error))
            return None
