"""The connections screen against the real Secret Service and the fakes of both services.

Run under tests/with-keyring.sh. Secrets are typed with keyClicks (ASCII only) and read back
straight from keyring's SecretService backend.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from keyring.backends import SecretService
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from core import settings
from core.connections import AUTH_NONE, Connections, ShopDraft
from core.ledger import Ledger
from core.ledger.models import Shop
from core.secrets import SecretKey, SecretStore
from gui.connections import ConnectionsDialog
from gui.main_window import MainWindow
from gui.notice import Kind
from tests.connections_support import Fakes, running_fakes
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN

WRONG_TOKEN = "shpat_" + "feedface" * 4
CALLBACK = "https://shop.example/aliexpress-callback"


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    with running_fakes() as started:
        yield started


@pytest.fixture
def connections(ledger: Ledger, secret_store: SecretStore, fakes: Fakes) -> Connections:
    return Connections(ledger, secret_store, fakes.connector())


class Browser(QObject):
    """Stands in for the desktop's browser through Qt's own URL handler hook."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def browser() -> Iterator[Browser]:
    handler = Browser()
    for scheme in ("http", "https"):
        # PySide's stub wants bytes for the method name; only str works at run time.
        QDesktopServices.setUrlHandler(scheme, handler, "open")  # type: ignore[arg-type]
    yield handler
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def open_dialog(qtbot: QtBot, connections: Connections) -> ConnectionsDialog:
    dialog = ConnectionsDialog(connections)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring is not None or dialog.keyring_problem is not None)
    return dialog


def keyring_value(store: SecretStore, key: SecretKey) -> str | None:
    backend = store.backend
    assert type(backend) is SecretService.Keyring
    return backend.get_password(store.service, key.entry)


def wait_idle(qtbot: QtBot, dialog: ConnectionsDialog) -> None:
    qtbot.waitUntil(
        lambda: not dialog.shop_panel.runner.busy and not dialog.aliexpress_panel.runner.busy,
        timeout=10_000,
    )


def test_secrets_typed_in_the_screen_land_in_the_secret_service(
    qtbot: QtBot,
    connections: Connections,
    secret_store: SecretStore,
    fakes: Fakes,
    browser: Browser,
) -> None:
    dialog = open_dialog(qtbot, connections)
    assert "SecretService" in dialog.banner.text()
    shop = dialog.shop_panel
    assert shop.token.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(shop.domain, "dropdesk-test")
    shop.use_token.setChecked(True)  # a custom app made before 2026
    qtbot.keyClicks(shop.token, ACCESS_TOKEN)

    qtbot.mouseClick(shop.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert shop.status.kind is Kind.SUCCESS, shop.status.text()
    assert "Connected to Dropdesk Test Shop" in shop.status.text()

    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(shop.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert keyring_value(secret_store, SecretKey.shopify_access_token(DOMAIN)) == ACCESS_TOKEN
    assert shop.token.text() == "" and shop.token.placeholderText() == "stored in keyring"
    assert shop.shop_name.text() == "Dropdesk Test Shop (EUR)"  # named by the test

    ae = dialog.aliexpress_panel
    fake = fakes.aliexpress
    assert ae.app_secret.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(ae.app_key, fake.app_key)
    qtbot.keyClicks(ae.app_secret, fake.app_secret)
    qtbot.keyClicks(ae.callback, CALLBACK)
    qtbot.mouseClick(ae.open_page_button, Qt.MouseButton.LeftButton)
    assert browser.opened == [connections.aliexpress_authorize_url(fake.app_key, CALLBACK)]
    assert browser.opened[0].startswith(fake.base_url + "/oauth/authorize?")
    qtbot.keyClicks(ae.code, f"{CALLBACK}?code={fake.issue_code()}&state=x")

    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(ae.connect_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert ae.status.kind is Kind.SUCCESS, ae.status.text()
    assert keyring_value(secret_store, SecretKey.aliexpress_app_secret(fake.app_key)) == (
        fake.app_secret
    )
    for key in (
        SecretKey.aliexpress_access_token(fake.app_key),
        SecretKey.aliexpress_refresh_token(fake.app_key),
    ):
        assert (keyring_value(secret_store, key) or "").startswith("5000")
    assert ae.account.text() == "merchant@example.com"
    assert "(in 30 days)" in ae.access_expiry.text()
    assert "(in 60 days)" in ae.refresh_expiry.text()
    assert ae.app_secret.text() == "" and ae.code.text() == ""

    qtbot.mouseClick(ae.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert ae.status.text() == "Connected as merchant@example.com."


def test_stored_secrets_are_never_shown_again(
    qtbot: QtBot, connections: Connections, fakes: Fakes
) -> None:
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    dialog = open_dialog(qtbot, connections)
    shop = dialog.shop_panel
    assert shop.domain.text() == DOMAIN and shop.domain.isReadOnly()
    assert shop.token.text() == ""
    assert shop.token.placeholderText() == "stored in keyring"
    assert shop.shop_name.text() == "dropdesk-test (EUR)"  # saved untested
    # Testing with the field left empty uses the stored token, and names the shop.
    qtbot.mouseClick(shop.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert "Connected to Dropdesk Test Shop" in shop.status.text()
    assert shop.shop_name.text() == "Dropdesk Test Shop (EUR)"


def test_wrong_token_shows_a_clear_error(
    qtbot: QtBot, connections: Connections, secret_store: SecretStore
) -> None:
    dialog = open_dialog(qtbot, connections)
    shop = dialog.shop_panel
    qtbot.keyClicks(shop.domain, DOMAIN)
    shop.use_token.setChecked(True)  # a custom app made before 2026
    qtbot.keyClicks(shop.token, WRONG_TOKEN)
    qtbot.mouseClick(shop.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert shop.status.kind is Kind.ERROR
    assert "refused the access token" in shop.status.text()
    assert "feedface" not in shop.status.text()
    assert secret_store.keys() == []  # a test stores nothing


def test_not_a_shop_address_is_refused_on_the_spot(qtbot: QtBot, connections: Connections) -> None:
    dialog = open_dialog(qtbot, connections)
    shop = dialog.shop_panel
    qtbot.keyClicks(shop.domain, "evil.example.com")
    shop.use_token.setChecked(True)  # a custom app made before 2026
    qtbot.keyClicks(shop.token, ACCESS_TOKEN)
    qtbot.mouseClick(shop.save_button, Qt.MouseButton.LeftButton)
    assert not shop.runner.busy
    assert shop.status.kind is Kind.ERROR and "not a Shopify shop address" in shop.status.text()
    assert connections.shops() == []


def confirm_removal(qtbot: QtBot, box: QMessageBox | None) -> None:
    assert box is not None and box.isVisible()
    [remove] = [b for b in box.buttons() if b.text() == "Remove"]
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)


def test_remove_deletes_the_secrets_from_the_keyring(
    qtbot: QtBot, connections: Connections, secret_store: SecretStore, fakes: Fakes
) -> None:
    shop_id = connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    fake = fakes.aliexpress
    connections.connect_aliexpress(fake.app_key, fake.app_secret, fake.issue_code())
    assert len(secret_store.keys()) == 4
    dialog = open_dialog(qtbot, connections)
    shop = dialog.shop_panel

    qtbot.mouseClick(shop.remove_button, Qt.MouseButton.LeftButton)
    box = shop.confirmation
    assert box is not None and "deletes them from the system keyring" in box.text()
    [cancel] = [b for b in box.buttons() if b.text() == "Cancel"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert keyring_value(secret_store, SecretKey.shopify_access_token(DOMAIN)) == ACCESS_TOKEN

    qtbot.mouseClick(shop.remove_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.changed):
        confirm_removal(qtbot, shop.confirmation)
    wait_idle(qtbot, dialog)
    assert keyring_value(secret_store, SecretKey.shopify_access_token(DOMAIN)) is None
    [row] = connections.shops()
    assert (row.id, row.auth_kind) == (shop_id, AUTH_NONE)
    assert shop.shop_choice.currentText() == f"{DOMAIN} (disconnected)"
    assert not shop.remove_button.isEnabled()

    ae = dialog.aliexpress_panel
    qtbot.mouseClick(ae.remove_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.changed):
        confirm_removal(qtbot, ae.confirmation)
    wait_idle(qtbot, dialog)
    assert secret_store.keys() == []
    assert ae.account.text() == "not connected"


def test_connection_expiring_within_a_week_warns(
    qtbot: QtBot, connections: Connections, ledger: Ledger
) -> None:
    now = datetime.now(UTC)
    with ledger.session() as session:
        settings.put(session, "aliexpress_app_key", "503912")
        settings.put(
            session, "aliexpress_access_expires_at", (now + timedelta(hours=5)).isoformat()
        )
        settings.put(
            session, "aliexpress_refresh_expires_at", (now + timedelta(days=3)).isoformat()
        )
    dialog = open_dialog(qtbot, connections)
    label = dialog.aliexpress_panel.refresh_expiry
    assert "(in 3 days)" in label.text() and "reconnect before then" in label.text()
    assert "color" in label.styleSheet()
    with ledger.session() as session:
        settings.put(
            session, "aliexpress_refresh_expires_at", (now + timedelta(days=9)).isoformat()
        )
    dialog.aliexpress_panel.reload()
    assert "reconnect" not in label.text()


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_screen_explains_and_offline_work_goes_on(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes
) -> None:
    with ledger.session() as session:
        session.add(Shop(domain=DOMAIN, name="Kept shop"))
    connections = Connections(ledger, SecretStore(service="Dropdesk-test-none"), fakes.connector())
    dialog = open_dialog(qtbot, connections)

    assert dialog.keyring is None
    text = dialog.banner.text()
    assert "cannot be used" in text and "No keyring was found" in text
    assert "gnome-keyring" in text  # what to install
    shop, ae = dialog.shop_panel, dialog.aliexpress_panel
    assert not shop.save_button.isEnabled() and not shop.remove_button.isEnabled()
    assert not ae.connect_button.isEnabled()
    assert shop.token.placeholderText() == "cannot be stored: no keyring"
    assert shop.shop_choice.currentText() == DOMAIN

    # Testing a typed token needs no keyring.
    qtbot.keyClicks(shop.token, ACCESS_TOKEN)
    qtbot.mouseClick(shop.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert "Connected to Dropdesk Test Shop" in shop.status.text()

    window = MainWindow(ledger)  # the ledger itself opens and shows as usual
    qtbot.addWidget(window)
    assert window.model.rowCount() == 0 and "0 supplier orders" in window.count_label.text()


def test_a_new_shop_with_client_credentials_needs_a_client_id(
    qtbot: QtBot, connections: Connections
) -> None:
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    dialog = open_dialog(qtbot, connections)
    shop = dialog.shop_panel
    assert shop.remove_button.isEnabled()
    shop.shop_choice.setCurrentIndex(shop.shop_choice.count() - 1)
    assert shop.shop_choice.currentText() == "Add a shop…"
    assert not shop.remove_button.isEnabled() and not shop.domain.isReadOnly()
    qtbot.keyClicks(shop.domain, "acme-outlet")
    shop.use_client.setChecked(True)
    assert shop.client_id.isVisibleTo(dialog) and not shop.token.isVisibleTo(dialog)
    qtbot.mouseClick(shop.save_button, Qt.MouseButton.LeftButton)
    assert not shop.runner.busy  # refused before any background call
    assert shop.status.kind is Kind.ERROR and "client ID" in shop.status.text()
    assert [s.domain for s in connections.shops()] == [DOMAIN]


def test_closing_the_screen_while_a_call_runs_is_harmless(
    qtbot: QtBot, connections: Connections, fakes: Fakes
) -> None:
    fakes.shopify.stall_seconds = 0.5
    fakes.shopify.fail_next("timeout")  # the answer comes, half a second late
    dialog = ConnectionsDialog(connections)  # not qtbot's: this test deletes it
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring is not None)
    shop = dialog.shop_panel
    qtbot.keyClicks(shop.domain, DOMAIN)
    shop.use_token.setChecked(True)  # a custom app made before 2026
    qtbot.keyClicks(shop.token, ACCESS_TOKEN)
    qtbot.mouseClick(shop.test_button, Qt.MouseButton.LeftButton)
    job = shop.runner.job
    assert job is not None
    with qtbot.waitSignal(dialog.destroyed):
        dialog.deleteLater()
    qtbot.waitUntil(job.done.is_set, timeout=5_000)
    qtbot.wait(100)  # the job's answer is delivered (to nobody) without an error
    assert [e.status for e in fakes.shopify.log] == [200]


def used_and_closed_screen(
    qtbot: QtBot, connections: Connections
) -> weakref.ref[ConnectionsDialog]:
    """A screen that ran background calls (the keyring check, a test), closed and let go of."""
    dialog = ConnectionsDialog(connections)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring is not None)
    shop = dialog.shop_panel
    qtbot.keyClicks(shop.domain, DOMAIN)
    shop.use_token.setChecked(True)  # a custom app made before 2026
    qtbot.keyClicks(shop.token, ACCESS_TOKEN)
    qtbot.mouseClick(shop.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert shop.status.kind is Kind.SUCCESS, shop.status.text()
    dialog.close()
    return weakref.ref(dialog)


def test_a_closed_screen_dies_with_its_last_reference(
    qtbot: QtBot, connections: Connections, fakes: Fakes
) -> None:
    """No reference cycle holds the screen after its background calls: in one, Python's cycle
    collector would destroy the window later, on whichever thread it ran (a worker's,
    mid-sync), and Qt would crash."""
    gc.disable()
    try:
        gone = used_and_closed_screen(qtbot, connections)
        assert gone() is None
    finally:
        gc.enable()
