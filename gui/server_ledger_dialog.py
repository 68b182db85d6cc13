"""File > Open ledger on a server: the address, and the password once (into the keyring).

The address is asked without a password (core.ledger.server_address refuses one); when the
server wants a password that the keyring does not have, or refuses the stored one, it is
asked here (hidden), checked against the server and kept in the keyring by
core.ledger.server_password.remember: never in the settings, the address or a log.
The words come from core.texts.Text (English and German), like the ledger's own messages.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from core.ledger import Ledger, LedgerError, open_ledger
from core.texts import Text
from gui.i18n import current_language

MENU_ENTRY = Text("Open ledger on a &server…", "Auftragsbuch auf einem &Server öffnen…")
_TITLE = Text("Ledger on a PostgreSQL server", "Auftragsbuch auf einem PostgreSQL-Server")
_ADDRESS = Text(
    "Address (without the password), e.g. postgresql://dropdesk@db.example.com/dropdesk",
    "Adresse (ohne Passwort), z. B. postgresql://dropdesk@db.example.com/dropdesk",
)
_PASSWORD = Text(
    "Password of {user} for {url} (kept in the system keyring):",
    "Passwort von {user} für {url} (wird im Schlüsselbund des Systems aufbewahrt):",
)
_CANNOT = Text("This ledger cannot be opened", "Dieses Auftragsbuch lässt sich nicht öffnen")


def ask_address(parent: QWidget | None, current: str = "") -> str | None:
    lang = current_language()
    text, ok = QInputDialog.getText(
        parent, _TITLE.get(lang), _ADDRESS.get(lang), QLineEdit.EchoMode.Normal, current
    )
    return text.strip() if ok and text.strip() else None


def open_with_password(parent: QWidget | None, address: str) -> Ledger | None:
    """Open the server ledger at `address`, asking for its password when the keyring has
    none (or a wrong one); None when the merchant gave up (the reason was shown)."""
    from core.ledger.server_address import parse
    from core.ledger.server_password import remember

    lang = current_language()
    try:
        return open_ledger(address)
    except LedgerError as error:
        if "password" not in error.text.en:
            QMessageBox.warning(parent, _CANNOT.get(lang), error.text.get(lang))
            return None
    parsed = parse(address)
    label = _PASSWORD.get(lang).format(user=parsed.user, url=parsed.url)
    while True:
        password, ok = QInputDialog.getText(
            parent, _TITLE.get(lang), label, QLineEdit.EchoMode.Password
        )
        if not ok or not password:
            return None
        try:
            remember(address, password)
            return open_ledger(address)
        except LedgerError as error:
            QMessageBox.warning(parent, _CANNOT.get(lang), error.text.get(lang))
        except Exception as error:  # the keyring refused (locked, missing): said, not raised
            QMessageBox.warning(parent, _CANNOT.get(lang), str(error))
            return None
