""" "How do I get this?" on both connection panels, in English and German; the defaults a new
merchant meets (client credentials for a new shop, AliExpress said to be optional).

Run under tests/with-keyring.sh (the panels read the keyring's state through Connections).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.connections import AUTH_CLIENT_CREDENTIALS, Connections
from core.ledger import Ledger
from core.secrets import SecretStore
from gui import i18n
from gui.connections.aliexpress_panel import AliExpressPanel
from gui.connections.help import (
    ALIEXPRESS,
    DEV_DASHBOARD_URL,
    SHOPIFY,
    SHOPIFY_SCOPES,
    ConnectionHelp,
)
from gui.connections.shop_panel import ShopPanel

EN_US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def connections(ledger: Ledger, secret_store: SecretStore) -> Connections:
    return Connections(ledger, secret_store)


@pytest.fixture(params=["en", "de"])
def language(
    request: pytest.FixtureRequest, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    yield i18n.install_translators(qapp, request.param)
    i18n.remove_translators(qapp)
    QLocale.setDefault(EN_US)


#: A sentence of each page, per language: proof the page is in the language asked for.
SAID = {
    ("en", SHOPIFY): ["Dev Dashboard", "Client ID and secret", "24 hours", "Protected customer"],
    ("de", SHOPIFY): ["Dev Dashboard", "Client-ID und Secret", "24 Stunden", "Geschützte Kunden"],
    ("en", ALIEXPRESS): ["You do not need this", "DSers", "notes", "Drop Shipping", "approve"],
    ("de", ALIEXPRESS): [
        "Sie brauchen das nicht",
        "DSers",
        "Notizen",
        "Drop Shipping",
        "freigegebene",
    ],
}


@pytest.mark.parametrize("side", [SHOPIFY, ALIEXPRESS])
def test_each_panel_opens_its_help_page(
    qtbot: QtBot, connections: Connections, language: str, side: str
) -> None:
    panel = ShopPanel(connections) if side == SHOPIFY else AliExpressPanel(connections)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.help_button, Qt.MouseButton.LeftButton)
    page = panel.help
    assert isinstance(page, ConnectionHelp) and page.isVisible() and page.side == side
    for said in SAID[(language, side)]:
        assert said in page.text, said
    if side == SHOPIFY:
        for scope in SHOPIFY_SCOPES:
            assert scope in page.text
        assert "60" in page.text  # why read_all_orders
        assert "shpat_" in page.text  # the older shops' token
    # the page fits a 1280x720 laptop
    assert page.width() <= 1280 and page.height() <= 720
    qtbot.mouseClick(panel.help_button, Qt.MouseButton.LeftButton)
    assert panel.help is page  # one page per panel, raised again


class Browser(QObject):
    """The desktop's browser, through Qt's own URL handler hook."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_a_link_on_the_page_opens_in_the_browser(qtbot: QtBot) -> None:
    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")  # type: ignore[arg-type]
    try:
        page = ConnectionHelp(SHOPIFY)
        qtbot.addWidget(page)
        page.show()
        html = page.page.toHtml()
        assert DEV_DASHBOARD_URL in html
        page.page.anchorClicked.emit(QUrl(DEV_DASHBOARD_URL))
        assert browser.opened == [DEV_DASHBOARD_URL]
        assert page.page.source().isEmpty()  # the page itself did not navigate away
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_a_new_shop_defaults_to_client_credentials(qtbot: QtBot, connections: Connections) -> None:
    panel = ShopPanel(connections)
    qtbot.addWidget(panel)
    panel.show()
    assert connections.shops() == []
    assert panel.use_client.isChecked() and not panel.use_token.isChecked()
    assert panel.client_id.isVisible() and panel.client_secret.isVisible()
    assert not panel.token.isVisible()
    assert panel.draft().auth_kind == AUTH_CLIENT_CREDENTIALS
    assert "Dev Dashboard" in panel.status.text()


def test_the_aliexpress_panel_says_it_is_optional(qtbot: QtBot, connections: Connections) -> None:
    panel = AliExpressPanel(connections)
    qtbot.addWidget(panel)
    panel.show()
    said = panel.optional.text()
    assert panel.optional.isVisible()
    assert "Optional" in said and "DSers" in said and "developer account" in said
