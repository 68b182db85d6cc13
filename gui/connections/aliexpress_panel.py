"""The AliExpress half of the connections screen: connect (app key and secret, authorize in the
browser, paste the code), the tokens' expiry dates, test, remove.

The connection is optional, and the panel says so first: it needs an AliExpress Open Platform
developer account and an app approved for dropshipping, which most merchants do not have, and
everything works without it (see gui.connections.help).

Desktop apps cannot receive AliExpress' redirect, so the merchant copies the code (or the whole
address it landed on) from the browser. The callback URL must match the one registered for the
app; it is remembered in the UI settings.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.connections import AliExpressConnection, Connections, KeyringStatus
from core.secrets import SecretKey
from gui.connections.common import (
    StatusLine,
    describe,
    secret_field,
    tr,
)
from gui.connections.help import ALIEXPRESS, ConnectionHelp
from gui.formatting import local_time
from gui.jobs import JobSlot
from gui.links import open_link
from gui.notice import Kind, confirm, tint
from gui.ui_settings import ui_settings

CALLBACK_SETTING = "connections/aliexpress_callback_url"


class AliExpressPanel(QGroupBox):
    changed = Signal()  # connected or removed

    def __init__(
        self,
        connections: Connections,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(tr("AliExpress"), parent)
        self.connections = connections
        self.runner = JobSlot(self, pool)
        self.keyring: KeyringStatus | None = None
        self.keyring_problem: str | None = None
        self.confirmation: QMessageBox | None = None
        self.opened_url: str | None = None

        self.optional = QLabel(
            tr(
                "<b>Optional.</b> Without it, DSers writes the AliExpress order numbers into your "
                "Shopify order notes, the import links them, and you set statuses by hand. "
                "Connecting needs an AliExpress developer account and an approved app."
            )
        )
        self.optional.setObjectName("aliexpressOptional")
        self.optional.setTextFormat(Qt.TextFormat.RichText)
        self.optional.setWordWrap(True)
        self.help_button = QPushButton(tr("How do I get this?"))
        self.help_button.setObjectName("aliexpressHelpButton")
        self.help_button.setToolTip(
            tr("What working without it looks like, and what a developer account takes.")
        )
        self.help: ConnectionHelp | None = None
        self.app_key = QLineEdit()
        self.app_key.setAccessibleName(tr("App key"))
        self.app_key.setPlaceholderText(tr("digits, from the Open Platform console"))
        self.app_secret = secret_field(tr("App secret"))
        self.app_key.setToolTip(
            tr("AliExpress Open Platform console > App management: App Key and App Secret.")
        )
        self.app_secret.setToolTip(self.app_key.toolTip())
        self.callback = QLineEdit(str(ui_settings().value(CALLBACK_SETTING, "") or ""))
        self.callback.setAccessibleName(tr("Callback URL"))
        self.callback.setPlaceholderText("https://…")
        self.callback.setToolTip(tr("The callback URL registered for the app, exactly."))
        self.open_page_button = QPushButton(tr("Open authorization page"))
        self.code = QLineEdit()
        self.code.setAccessibleName(tr("Authorization code"))
        self.code.setPlaceholderText(tr("paste the code, or the whole address"))
        self.connect_button = QPushButton(tr("Connect"))
        self.account = QLabel()
        self.access_expiry = QLabel()
        self.refresh_expiry = QLabel()
        self.refresh_expiry.setWordWrap(True)
        self.status = StatusLine()
        self.test_button = QPushButton(tr("Test connection"))
        self.remove_button = QPushButton(tr("Remove…"))

        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.connect_button)
        form = QFormLayout()
        form.addRow(tr("App key:"), self.app_key)
        form.addRow(tr("App secret:"), self.app_secret)
        form.addRow(tr("Callback URL:"), self.callback)
        form.addRow("", self.open_page_button)
        form.addRow(tr("Code:"), code_row)
        form.addRow(tr("Account:"), self.account)
        form.addRow(tr("Access token expires:"), self.access_expiry)
        form.addRow(tr("Connection expires:"), self.refresh_expiry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        top = QHBoxLayout()
        top.addWidget(self.optional, 1)
        top.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.help_button.clicked.connect(self.show_help)
        self.open_page_button.clicked.connect(self.open_authorization_page)
        self.connect_button.clicked.connect(self.connect_account)
        self.test_button.clicked.connect(self.test)
        self.remove_button.clicked.connect(self.ask_remove)
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self.reload()

    # -- state -------------------------------------------------------------------------------

    @property
    def connection(self) -> AliExpressConnection | None:
        return self.connections.aliexpress()

    def reload(self) -> None:
        connection = self.connection
        self.app_secret.clear()
        self.code.clear()
        if connection is None:
            self.account.setText(tr("not connected"))
            self.access_expiry.setText("—")
            self.refresh_expiry.setText("—")
            tint(self.refresh_expiry, None)
            self.status.show_text(
                tr(
                    "Enter your app's key and secret, open the authorization page, sign in and "
                    "allow Dropdesk, then paste the code you get and press Connect."
                )
            )
        else:
            self.app_key.setText(connection.app_key)
            self.account.setText(connection.account or "—")
            self._show_expiry(connection)
            self.status.show_text("")
        self._show_placeholders()
        self._update_buttons()

    def _show_expiry(self, connection: AliExpressConnection) -> None:
        now = datetime.now(UTC)
        self.access_expiry.setText(_when(connection.access_expires_at, now))
        expiry = connection.refresh_expires_at
        text, kind = _when(expiry, now), None
        if connection.expired(now):
            text = tr("{0} — expired: connect AliExpress again.").format(text)
            kind = Kind.ERROR
        elif connection.reconnect_soon(now):
            text = tr("{0} — reconnect before then (authorize and paste a new code).").format(text)
            kind = Kind.WARNING
        self.refresh_expiry.setText(text)
        tint(self.refresh_expiry, kind)

    def set_keyring(self, status: KeyringStatus | None, problem: str | None) -> None:
        self.keyring, self.keyring_problem = status, problem
        self._show_placeholders()
        self._update_buttons()

    def _show_placeholders(self) -> None:
        connection = self.connection
        stored = (
            connection is not None
            and self.keyring is not None
            and self.keyring.has(SecretKey.aliexpress_app_secret(connection.app_key))
        )
        if self.keyring_problem:
            hint = tr("cannot be stored: no keyring")
        else:
            hint = tr("stored in keyring") if stored else tr("from the Open Platform console")
        self.app_secret.setPlaceholderText(hint)

    def _update_buttons(self) -> None:
        idle = not self.runner.busy
        keyring_ok = self.keyring is not None
        connected = self.connection is not None
        self.connect_button.setEnabled(idle and keyring_ok)
        self.test_button.setEnabled(idle and keyring_ok and connected)
        self.remove_button.setEnabled(idle and keyring_ok and connected)

    # -- actions -----------------------------------------------------------------------------

    def show_help(self) -> ConnectionHelp:
        """ "How do I get this?": working without it, and what the API takes."""
        if self.help is None:
            self.help = ConnectionHelp(ALIEXPRESS, self)
        self.help.show()
        self.help.raise_()
        return self.help

    def open_authorization_page(self) -> None:
        callback = self.callback.text().strip()
        try:
            url = self.connections.aliexpress_authorize_url(self.app_key.text(), callback)
        except ValueError as error:  # InvalidSecretError is a ValueError too
            self.status.show_text(describe(error), Kind.ERROR)
            return
        ui_settings().setValue(CALLBACK_SETTING, callback)
        self.opened_url = url
        if not open_link(self, url):
            self.status.show_text(
                tr("No browser opened. Open this address yourself: {0}").format(url), Kind.WARNING
            )
            return
        self.status.show_text(
            tr(
                "Sign in on the page that opened and allow Dropdesk. Then paste the code "
                "(valid for 3 minutes) and press Connect."
            )
        )
        self.code.setFocus()

    def connect_account(self) -> None:
        app_key, secret, code = self.app_key.text(), self.app_secret.text(), self.code.text()
        if not code.strip():
            self.status.show_text(tr("Paste the authorization code first."), Kind.ERROR)
            return
        self.status.show_text(tr("Connecting…"))
        connections = self.connections
        self.runner.run(
            lambda _progress, _cancelled: connections.connect_aliexpress(app_key, secret, code),
            self._connected,
            self._failed,
        )

    def _connected(self, connection: AliExpressConnection) -> None:
        if self.keyring is not None:
            keys = {
                key for key in self.keyring.stored if not key.kind.value.startswith("aliexpress-")
            } | {
                SecretKey.aliexpress_app_secret(connection.app_key),
                SecretKey.aliexpress_access_token(connection.app_key),
                SecretKey.aliexpress_refresh_token(connection.app_key),
            }
            self.keyring = KeyringStatus(self.keyring.backend, frozenset(keys))
        self.reload()
        self.status.show_text(
            tr("Connected as {0}. The app secret and tokens are in the system keyring.").format(
                connection.account or connection.app_key
            ),
            Kind.SUCCESS,
        )
        self.changed.emit()

    def test(self) -> None:
        self.status.show_text(tr("Asking AliExpress…"))
        connections = self.connections
        self.runner.run(
            lambda _progress, _cancelled: connections.test_aliexpress(), self._tested, self._failed
        )

    def _tested(self, account: str) -> None:
        connection = self.connection
        if connection is not None:  # a refresh during the test moves the expiry dates
            self._show_expiry(connection)
        self.status.show_text(tr("Connected as {0}.").format(account), Kind.SUCCESS)

    def ask_remove(self) -> None:
        self.confirmation = confirm(
            self,
            tr("Remove the AliExpress connection?"),
            tr(
                "Dropdesk deletes the app secret and the tokens from the system keyring. "
                "Supplier orders stay in the ledger; to refresh them again you will need to "
                "connect AliExpress again."
            ),
            tr("Remove"),
            self._remove,
        )

    def _remove(self) -> None:
        self.status.show_text(tr("Removing…"))
        connections = self.connections
        self.runner.run(
            lambda _progress, _cancelled: connections.remove_aliexpress(),
            self._removed,
            self._failed,
        )

    def _removed(self, _none: object) -> None:
        if self.keyring is not None:
            keys = {k for k in self.keyring.stored if not k.kind.value.startswith("aliexpress-")}
            self.keyring = KeyringStatus(self.keyring.backend, frozenset(keys))
        self.reload()
        self.status.show_text(
            tr("Removed: the app secret and tokens were deleted from the keyring."), Kind.SUCCESS
        )
        self.changed.emit()

    def _failed(self, message: str) -> None:
        self.status.show_text(message, Kind.ERROR)


def _when(moment: datetime | None, now: datetime) -> str:
    """ "12/1/26 7:50 AM (in 5 days)": the date, and how far away it is."""
    if moment is None:
        return "—"
    days = round((moment - now).total_seconds() / 86_400)
    if days < 0:
        return local_time(moment)
    if days == 0:
        return tr("{0} (today)").format(local_time(moment))
    away = tr("in 1 day") if days == 1 else tr("in {0} days").format(days)
    return f"{local_time(moment)} ({away})"
