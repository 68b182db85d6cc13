"""The Shopify half of the connections screen: add or edit a shop, test it, save it, remove it.

A shop signs in with a Dev Dashboard app's client ID and secret (the default: since 2026-01-01
new shops cannot make custom apps in Shopify admin) or with the Admin API access token of a
custom app made before then. "How do I get this?" opens the steps for both.

Secrets are typed into password fields and go straight to the keyring; a stored
secret is never shown, only "stored in keyring". Network and keyring calls run in the
background (`gui.jobs.JobSlot`).
"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.connections import (
    AUTH_CLIENT_CREDENTIALS,
    AUTH_TOKEN,
    Connections,
    KeyringStatus,
    ShopConnection,
    ShopDraft,
    explain,
)
from core.secrets import SecretKey
from core.shopify import DEFAULT_API_VERSION, ShopDomainError, ShopInfo
from core.shopify.versions import OFFERED_API_VERSIONS
from gui.connections.common import StatusLine, secret_field, tr
from gui.connections.help import SHOPIFY, ConnectionHelp
from gui.formatting import local_time
from gui.i18n import say
from gui.jobs import JobSlot
from gui.notice import Kind, confirm

API_VERSIONS = OFFERED_API_VERSIONS
NEW_SHOP = -1


class ShopPanel(QGroupBox):
    changed = Signal()  # a shop was saved or removed

    def __init__(
        self,
        connections: Connections,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(tr("Shopify"), parent)
        self.connections = connections
        self.runner = JobSlot(self, pool)
        self.keyring: KeyringStatus | None = None
        self.keyring_problem: str | None = None
        self.confirmation: QMessageBox | None = None
        self._tested: ShopInfo | None = None  # the last successful test of what is typed
        self._removing: ShopConnection | None = None  # the shop a running removal is for

        self.shop_choice = QComboBox()
        self.shop_choice.setAccessibleName(tr("Shop"))
        self.domain = QLineEdit()
        self.domain.setPlaceholderText(tr("your-shop.myshopify.com"))
        self.domain.setAccessibleName(tr("Shop address"))
        self.domain.setStyleSheet('QLineEdit[readOnly="true"] { background: palette(window); }')
        self.use_client = QRadioButton(tr("Client ID and secret (Dev Dashboard app)"))
        self.use_token = QRadioButton(tr("Admin API access token (app made before 2026)"))
        self.use_client.setChecked(True)
        self._auth = QButtonGroup(self)
        self._auth.addButton(self.use_client)
        self._auth.addButton(self.use_token)
        self.help_button = QPushButton(tr("How do I get this?"))
        self.help_button.setObjectName("shopHelpButton")
        self.help_button.setToolTip(
            tr("The steps in Shopify: the Dev Dashboard app, its scopes, or an older token.")
        )
        self.help: ConnectionHelp | None = None
        self.token = secret_field(tr("Access token"))
        self.token.setToolTip(
            tr(
                "Shopify admin > Settings > Apps > Develop apps > your app > API credentials: "
                "the Admin API access token (starts with shpat_). The app needs read_orders "
                "and write_orders, and read_all_orders for orders older than 60 days."
            )
        )
        self.client_id = QLineEdit()
        self.client_id.setAccessibleName(tr("Client ID"))
        self.client_secret = secret_field(tr("Client secret"))
        self.client_id.setToolTip(tr("Dev Dashboard > your app > Settings: Client ID and secret."))
        self.client_secret.setToolTip(self.client_id.toolTip())
        self.api_version = QComboBox()
        self.api_version.setEditable(True)
        self.api_version.addItems(API_VERSIONS)
        self.api_version.setAccessibleName(tr("API version"))
        self.shop_name = QLabel()
        self.shop_name.setObjectName("shopName")
        self.last_sync = QLabel()
        self.status = StatusLine()
        self.test_button = QPushButton(tr("Test connection"))
        self.save_button = QPushButton(tr("Save"))
        self.remove_button = QPushButton(tr("Remove…"))

        auth = QVBoxLayout()
        auth.setSpacing(2)
        auth.addWidget(self.use_client)
        auth.addWidget(self.use_token)
        form = QFormLayout()
        form.addRow(tr("Shop:"), self.shop_choice)
        form.addRow(tr("Shop address:"), self.domain)
        form.addRow(tr("Sign in with:"), auth)
        form.addRow(tr("Access token:"), self.token)
        form.addRow(tr("Client ID:"), self.client_id)
        form.addRow(tr("Client secret:"), self.client_secret)
        form.addRow(tr("API version:"), self.api_version)
        form.addRow(tr("Shop name:"), self.shop_name)
        form.addRow(tr("Last sync:"), self.last_sync)
        self._form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.help_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.shop_choice.currentIndexChanged.connect(self._shop_chosen)
        self.use_token.toggled.connect(self._auth_changed)
        self.help_button.clicked.connect(self.show_help)
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.ask_remove)
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        for edited in (self.domain, self.token, self.client_id, self.client_secret):
            edited.textEdited.connect(self._forget_test)
        self.reload()

    # -- state -------------------------------------------------------------------------------

    @property
    def shop(self) -> ShopConnection | None:
        """The saved shop being edited (None: a new one)."""
        shop_id = self.shop_choice.currentData()
        return next((s for s in self.connections.shops() if s.id == shop_id), None)

    def reload(self, select: int | None = None) -> None:
        """Re-read the shops; select `select` (a shop id), else the first connected one."""
        shops = self.connections.shops()
        if select is None and shops:
            select = next((s.id for s in shops if s.connected), shops[0].id)
        self.shop_choice.blockSignals(True)
        self.shop_choice.clear()
        for shop in shops:
            label = shop.domain if shop.connected else tr("{0} (disconnected)").format(shop.domain)
            self.shop_choice.addItem(label, shop.id)
        self.shop_choice.addItem(tr("Add a shop…"), NEW_SHOP)
        index = self.shop_choice.findData(select if select is not None else NEW_SHOP)
        self.shop_choice.setCurrentIndex(max(index, 0))
        self.shop_choice.blockSignals(False)
        self._shop_chosen()

    def set_keyring(self, status: KeyringStatus | None, problem: str | None) -> None:
        """What the keyring check found: its contents, or why it cannot be used."""
        self.keyring, self.keyring_problem = status, problem
        self._show_placeholders()
        self._update_buttons()

    def draft(self) -> ShopDraft:
        return ShopDraft(
            domain=self.domain.text(),
            auth_kind=AUTH_TOKEN if self.use_token.isChecked() else AUTH_CLIENT_CREDENTIALS,
            token=self.token.text(),
            client_id=self.client_id.text(),
            client_secret=self.client_secret.text(),
            api_version=self.api_version.currentText().strip(),
        )

    def _shop_chosen(self) -> None:
        shop = self.shop
        self.token.clear()
        self.client_secret.clear()
        self._tested = None
        self.domain.setText(shop.domain if shop else "")
        self.domain.setReadOnly(shop is not None)  # another address is another shop
        self.domain.style().polish(self.domain)  # the read-only look follows the property
        client = shop is None or shop.auth_kind == AUTH_CLIENT_CREDENTIALS  # new: the default
        self.use_client.setChecked(client)
        self.use_token.setChecked(not client)
        self.client_id.setText(shop.client_id or "" if shop else "")
        self.api_version.setCurrentText(shop.api_version if shop else DEFAULT_API_VERSION)
        self.shop_name.setText(tr("{0} ({1})").format(shop.name, shop.currency) if shop else "—")
        if shop is None:
            self.last_sync.setText("—")
            self.status.show_text(
                tr(
                    "Paste the shop's address and the client ID and secret of your Dev "
                    "Dashboard app (or an older app's access token), then test the connection."
                )
            )
        else:
            self.last_sync.setText(local_time(shop.last_sync_at) or tr("never"))
            if shop.connected:
                self.status.show_text("")
            else:
                self.status.show_text(
                    tr(
                        "Disconnected: its orders stay in the ledger. Paste a token and save "
                        "to connect it again."
                    ),
                    Kind.WARNING,
                )
        self._auth_changed()
        self._update_buttons()

    def _auth_changed(self) -> None:
        token = self.use_token.isChecked()
        for widget, visible in (
            (self.token, token),
            (self.client_id, not token),
            (self.client_secret, not token),
        ):
            self._form.setRowVisible(widget, visible)
        self._forget_test()
        self._show_placeholders()

    def _stored(self, key: SecretKey) -> bool:
        return self.keyring is not None and self.keyring.has(key)

    def _show_placeholders(self) -> None:
        shop = self.shop
        token_stored = secret_stored = False
        if shop is not None and shop.connected:
            token_stored = self._stored(SecretKey.shopify_access_token(shop.domain))
            secret_stored = self._stored(SecretKey.shopify_client_secret(shop.domain))
        if self.keyring_problem:
            token_hint = secret_hint = tr("cannot be stored: no keyring")
        else:
            token_hint = tr("stored in keyring") if token_stored else "shpat_…"
            secret_hint = tr("stored in keyring") if secret_stored else tr("paste the secret")
        self.token.setPlaceholderText(token_hint)
        self.client_secret.setPlaceholderText(secret_hint)

    def _forget_test(self) -> None:
        self._tested = None

    def _update_buttons(self) -> None:
        idle = not self.runner.busy
        keyring_ok = self.keyring is not None
        self.test_button.setEnabled(idle)
        self.save_button.setEnabled(idle and keyring_ok)
        shop = self.shop
        self.remove_button.setEnabled(idle and keyring_ok and shop is not None and shop.connected)

    # -- actions -----------------------------------------------------------------------------

    def show_help(self) -> ConnectionHelp:
        """ "How do I get this?": the Shopify steps, beside the screen (one at a time)."""
        if self.help is None:
            self.help = ConnectionHelp(SHOPIFY, self)
        self.help.show()
        self.help.raise_()
        return self.help

    def test(self) -> None:
        draft = self.draft()
        if not self._typed_ok(draft):
            return
        self.status.show_text(tr("Asking Shopify…"))
        connections = self.connections
        self.runner.run(
            lambda _progress, _cancelled: connections.test_shop(draft),
            self._tested_ok,
            self._failed,
        )

    def _tested_ok(self, info: ShopInfo) -> None:
        self._tested = info
        shop = self.shop
        if shop is not None and shop.domain == info.myshopify_domain.lower():
            self.shop_name.setText(tr("{0} ({1})").format(shop.name, shop.currency))
        self.status.show_text(
            tr("Connected to {0} ({1}, {2}).").format(
                info.name, info.myshopify_domain, info.currency
            ),
            Kind.SUCCESS,
        )

    def save(self) -> None:
        draft = self.draft()
        if not self._typed_ok(draft):
            return
        info = self._tested
        self.status.show_text(tr("Saving…"))
        connections = self.connections
        self.runner.run(
            lambda _progress, _cancelled: connections.save_shop(draft, info),
            self._saved,
            self._failed,
        )

    def _saved(self, shop_id: int) -> None:
        shop = next(s for s in self.connections.shops() if s.id == shop_id)
        if self.keyring is not None:  # what was stored, and what the save replaced
            keys = set(self.keyring.stored) - {
                SecretKey.shopify_access_token(shop.domain),
                SecretKey.shopify_client_secret(shop.domain),
            }
            kept = (
                SecretKey.shopify_access_token(shop.domain)
                if shop.auth_kind == AUTH_TOKEN
                else SecretKey.shopify_client_secret(shop.domain)
            )
            self.keyring = KeyringStatus(self.keyring.backend, frozenset({*keys, kept}))
        self.reload(select=shop_id)
        self.status.show_text(
            tr("Saved {0}. The secret is in the system keyring.").format(shop.domain), Kind.SUCCESS
        )
        self.changed.emit()

    def ask_remove(self) -> None:
        shop = self.shop
        if shop is None:
            return
        self.confirmation = confirm(
            self,
            tr("Remove {0}?").format(shop.domain),
            tr(
                "Dropdesk forgets the shop's credentials and deletes them from the system "
                "keyring. Its orders stay in the ledger; to sync again you will need to paste "
                "the token again."
            ),
            tr("Remove"),
            lambda: self._remove(shop),
        )

    def _remove(self, shop: ShopConnection) -> None:
        self.status.show_text(tr("Removing…"))
        connections = self.connections
        self._removing = shop
        self.runner.run(
            lambda _progress, _cancelled: connections.remove_shop(shop.id),
            self._removed,
            self._failed,
        )

    def _removed(self, _none: object) -> None:
        shop = self._removing
        if shop is None:
            return
        self._removing = None
        if self.keyring is not None:
            gone = {
                SecretKey.shopify_access_token(shop.domain),
                SecretKey.shopify_client_secret(shop.domain),
            }
            self.keyring = KeyringStatus(self.keyring.backend, self.keyring.stored - gone)
        self.reload(select=shop.id)
        self.status.show_text(
            tr("Removed the credentials of {0} from the keyring. Its orders stay.").format(
                shop.domain
            ),
            Kind.SUCCESS,
        )
        self.changed.emit()

    def _failed(self, message: str) -> None:
        self.status.show_text(message, Kind.ERROR)

    def _typed_ok(self, draft: ShopDraft) -> bool:
        """Refuse what is typed wrong at once, before any background call."""
        try:
            draft.check()
        except ValueError as error:
            self.status.show_text(say(explain(error)), Kind.ERROR)
            if isinstance(error, ShopDomainError):
                self.domain.setFocus()
            return False
        return True
