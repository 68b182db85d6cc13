"""End to end: after connecting, syncing, failing and exporting, no secret is anywhere on disk.

The merchant connects a shop and AliExpress through the connections screen, syncs with Shopify
and refreshes from AliExpress through the GUI actions (against the fakes; the AliExpress access
token expires on the way, so fresh tokens are issued and stored), a sync fails with a 401 while
the token is in play, a background job fails with an exception whose text holds secrets, and
the review is exported to CSV. Then every file Dropdesk wrote (the ledger and its -wal/-shm,
the log files, the UI settings, the exports) is searched, byte for byte, for every secret in
the spellings it could take (plain, URL-encoded, JSON-escaped).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from core import paths
from core.connections import Connections
from core.exports import write_csv
from core.ledger import Ledger, open_ledger
from core.ledger.models import CustomerOrder, Refund
from core.logs import close_logging, configure_logging
from core.review import LineKind, Review, ReviewFilter, write_review_csv
from core.secrets import SecretKey, SecretStore
from gui.connections import ConnectionsDialog
from gui.jobs import Job
from gui.sync_actions import SyncActions
from tests.connections_support import Fakes, add_supplier_orders, running_fakes
from tests.fakes.aliexpress_gateway import FakeOrder
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN

CALLBACK = "https://shop.example/aliexpress-callback"


@pytest.fixture
def home_ledger(dropdesk_home: Path) -> Iterator[Ledger]:
    """The ledger where the app keeps it: under DROPDESK_HOME, beside the logs."""
    ledger = open_ledger(paths.default_ledger())
    yield ledger
    ledger.close()


@pytest.fixture
def log_file(dropdesk_home: Path) -> Iterator[Path]:
    path = configure_logging(paths.log_dir(), level=logging.DEBUG)
    yield path
    close_logging()


def spellings(secret: str) -> set[bytes]:
    forms = {secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1]}
    return {form.encode() for form in forms} | {secret.encode("utf-16-le")}


def files_under(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())


class Browser(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def connect_through_the_screen(qtbot: QtBot, connections: Connections, fakes: Fakes) -> None:
    dialog = ConnectionsDialog(connections)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring is not None)
    shop, ae = dialog.shop_panel, dialog.aliexpress_panel
    qtbot.keyClicks(shop.domain, DOMAIN)
    shop.use_token.setChecked(True)  # a custom app made before 2026
    qtbot.keyClicks(shop.token, ACCESS_TOKEN)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(shop.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shop.runner.busy)
    fake = fakes.aliexpress
    qtbot.keyClicks(ae.app_key, fake.app_key)
    qtbot.keyClicks(ae.app_secret, fake.app_secret)
    qtbot.keyClicks(ae.callback, CALLBACK)
    browser = Browser()
    # The page opens in the "browser" below (PySide's stub wants bytes; only str works).
    QDesktopServices.setUrlHandler("http", browser, "open")  # type: ignore[arg-type]
    try:
        qtbot.mouseClick(ae.open_page_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert len(browser.opened) == 1  # and the callback URL is remembered in ui.ini
    qtbot.keyClicks(ae.code, fake.issue_code())
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(ae.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ae.runner.busy)
    dialog.close()


def stored_aliexpress_tokens(store: SecretStore, app_key: str) -> list[str]:
    keys = (SecretKey.aliexpress_access_token(app_key), SecretKey.aliexpress_refresh_token(app_key))
    values = [store.get(key) for key in keys]
    assert all(values)
    return [value for value in values if value]


def test_no_secret_in_the_ledger_logs_or_exports(
    qtbot: QtBot,
    secret_store: SecretStore,
    home_ledger: Ledger,
    log_file: Path,
    dropdesk_home: Path,
    tmp_path: Path,
) -> None:
    ledger = home_ledger
    exports = tmp_path / "exports"
    exports.mkdir()
    window = QWidget()
    qtbot.addWidget(window)
    with running_fakes() as fakes:
        fakes.shopify.state.add_orders(40, start=datetime(2026, 11, 1, tzinfo=UTC))
        fake = fakes.aliexpress
        for order_id in add_supplier_orders(ledger, 5):
            fake.add_order(FakeOrder(order_id))
        connections = Connections(ledger, secret_store, fakes.connector())
        connect_through_the_screen(qtbot, connections, fakes)
        secrets = [ACCESS_TOKEN, fake.app_secret]
        secrets += stored_aliexpress_tokens(secret_store, fake.app_key)

        # A sync, and a refresh during which the access token expires and is renewed.
        actions = SyncActions(connections, window)
        with qtbot.waitSignal(actions.synced, timeout=10_000):
            actions.sync_shopify()
        fake.expire_access_tokens()
        with qtbot.waitSignal(actions.synced, timeout=10_000):
            actions.refresh_aliexpress()
        assert fake.refreshes == 1
        secrets += stored_aliexpress_tokens(secret_store, fake.app_key)

        # Errors: Shopify answers 401 while the token is in play, and a job's exception
        # carries the secrets in its text (as a careless library might).
        fakes.shopify.fail_next("401")
        with qtbot.waitSignal(actions.failed, timeout=10_000) as refused:
            actions.sync_shopify()
        assert "refused the access token" in refused.args[0]
        careless = Job(
            lambda _p, _c: (_ for _ in ()).throw(RuntimeError(" ".join(secrets))),
        )  # the default describe_error, as every job of the connections GUI is made
        with qtbot.waitSignal(careless.failed, timeout=5_000) as crashed:
            careless.start()
        assert "[REDACTED]" in crashed.args[0]
        logging.getLogger("dropdesk.leak-test").warning("headers: %s", {"X": ACCESS_TOKEN})

    # An export of the review, with a refund on a synced order in it.
    with ledger.session() as session:
        order = session.exec(select(CustomerOrder)).first()
        assert order is not None and order.id is not None
        session.add(
            Refund(
                customer_order_id=order.id,
                direction="to_customer",
                amount_minor=1999,
                currency="EUR",
                issued_at=datetime.now(UTC) - timedelta(days=1),
            )
        )
    review = Review(ledger.engine)
    assert write_review_csv(review, ReviewFilter(), exports / "refunds.csv") == 1
    write_review_csv(review, ReviewFilter(), exports / "cancellations.csv", LineKind.CANCELLATIONS)
    write_csv(exports / "note.csv", ["note"], [[f"pasted by mistake: {ACCESS_TOKEN}"]])

    for handler in logging.getLogger().handlers:
        handler.flush()
    written = files_under(dropdesk_home, exports)
    names = {path.name for path in written}
    assert {"ledger.sqlite", "dropdesk.log", "refunds.csv", "ui.ini"} <= names
    assert "ledger.sqlite-wal" in names  # the open ledger's recent pages are searched too
    log_text = log_file.read_text(encoding="utf-8")
    assert "Background job failed" in log_text and "[REDACTED]" in log_text
    assert len(secrets) == 6 and len(set(secrets)) == 6
    leaks = [
        (path.name, secret[:6])
        for path in written
        for secret in secrets
        if any(form in path.read_bytes() for form in spellings(secret))
    ]
    assert leaks == []
