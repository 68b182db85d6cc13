"""core.connections against the real Secret Service and the fakes of Shopify and AliExpress.

Run under tests/with-keyring.sh; the keyring tests skip (or fail under CI) without one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from keyring.backends import SecretService
from sqlmodel import select

from core import settings
from core.aliexpress import SignatureError
from core.connections import (
    ALIEXPRESS_CONNECTED,
    AUTH_CLIENT_CREDENTIALS,
    AUTH_NONE,
    AUTH_TOKEN,
    SHOP_REMOVED,
    AliExpressConnection,
    Connections,
    Connector,
    NotConnectedError,
    ShopDraft,
    explain,
)
from core.ledger import Ledger
from core.ledger.models import CustomerOrder, Event, Shop, SupplierOrder
from core.secrets import KeyringUnavailableError, SecretKey, SecretStore, SecretStoreError
from core.shopify import ApiVersionError, ShopDomainError, ShopifyAuthError, ShopInfo
from tests.catalogue import in_german
from tests.connections_support import Fakes, add_supplier_orders, running_fakes
from tests.fakes.aliexpress_gateway import FakeOrder
from tests.fakes.shopify_server import ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, DOMAIN

WRONG_TOKEN = "shpat_" + "0badc0de" * 4


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    with running_fakes() as started:
        yield started


@pytest.fixture
def connections(ledger: Ledger, secret_store: SecretStore, fakes: Fakes) -> Connections:
    return Connections(ledger, secret_store, fakes.connector())


def stored(store: SecretStore, key: SecretKey) -> str | None:
    """Read straight from keyring's SecretService backend, not through our own store."""
    backend = store.backend
    assert isinstance(backend, SecretService.Keyring)
    return backend.get_password(store.service, key.entry)


def ledger_bytes(ledger: Ledger) -> bytes:
    wal = ledger.path.with_name(ledger.path.name + "-wal")
    return ledger.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


# --- Shopify ------------------------------------------------------------------------------


def test_test_and_save_a_shop_with_a_token(
    connections: Connections, secret_store: SecretStore, ledger: Ledger
) -> None:
    draft = ShopDraft("https://admin.shopify.com/store/dropdesk-test", token=ACCESS_TOKEN)
    info = connections.test_shop(draft)
    assert info == ShopInfo("Dropdesk Test Shop", "EUR", DOMAIN)

    shop_id = connections.save_shop(draft, info)

    assert stored(secret_store, SecretKey.shopify_access_token(DOMAIN)) == ACCESS_TOKEN
    [shop] = connections.shops()
    assert (shop.id, shop.domain, shop.name, shop.auth_kind) == (
        shop_id,
        DOMAIN,
        "Dropdesk Test Shop",
        AUTH_TOKEN,
    )
    assert ACCESS_TOKEN.encode() not in ledger_bytes(ledger)
    with ledger.session() as session:
        kinds = [e.kind for e in session.exec(select(Event))]
    assert "connection.shop_saved" in kinds


def test_saved_shop_tests_with_the_stored_token(connections: Connections) -> None:
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    [shop] = connections.shops()
    assert shop.name == "dropdesk-test"  # not tested yet: named after the domain
    # An empty token field means "the one in the keyring"; the test names the saved shop.
    assert connections.test_shop(ShopDraft(DOMAIN)).name == "Dropdesk Test Shop"
    assert [shop.name for shop in connections.shops()] == ["Dropdesk Test Shop"]


def test_wrong_token_is_a_clear_error_without_the_token(connections: Connections) -> None:
    with pytest.raises(ShopifyAuthError) as raised:
        connections.test_shop(ShopDraft(DOMAIN, token=WRONG_TOKEN))
    message = str(explain(raised.value))
    assert "refused the access token" in message
    assert WRONG_TOKEN not in message and "0badc0de" not in message


def test_not_a_shop_address_is_refused_before_anything_is_stored(
    connections: Connections, secret_store: SecretStore
) -> None:
    with pytest.raises(ShopDomainError, match="not a Shopify shop address"):
        connections.save_shop(ShopDraft("evil.example.com", token=ACCESS_TOKEN))
    assert secret_store.keys() == []
    assert connections.shops() == []


def test_client_credentials_replace_the_token(
    connections: Connections, secret_store: SecretStore
) -> None:
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    draft = ShopDraft(
        DOMAIN, AUTH_CLIENT_CREDENTIALS, client_id=CLIENT_ID, client_secret=CLIENT_SECRET
    )
    assert connections.test_shop(draft).name == "Dropdesk Test Shop"
    connections.save_shop(draft)

    assert stored(secret_store, SecretKey.shopify_client_secret(DOMAIN)) == CLIENT_SECRET
    assert stored(secret_store, SecretKey.shopify_access_token(DOMAIN)) is None
    [shop] = connections.shops()
    assert (shop.auth_kind, shop.client_id) == (AUTH_CLIENT_CREDENTIALS, CLIENT_ID)
    with connections.shopify_client(shop.id) as client:
        assert client.run("shop")["shop"]["name"] == "Dropdesk Test Shop"
        assert client.tokens_issued == 1


def test_missing_secret_says_what_to_paste(connections: Connections) -> None:
    with pytest.raises(NotConnectedError, match="Paste the Admin API access token"):
        connections.test_shop(ShopDraft(DOMAIN))
    with pytest.raises(ValueError, match="client ID"):
        connections.test_shop(ShopDraft(DOMAIN, AUTH_CLIENT_CREDENTIALS, client_secret="x" * 20))
    with pytest.raises(ValueError, match="API version"):
        connections.test_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN, api_version="2026-05"))


def test_a_version_before_2026_01_is_refused_when_typed_and_when_stored(
    connections: Connections, ledger: Ledger, fakes: Fakes
) -> None:
    with pytest.raises(ApiVersionError, match="too old") as raised:
        connections.test_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN, api_version="2025-10"))
    said = in_german(explain(raised.value))
    assert "2026-01" in said and "zu alt" in said
    shop_id = connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    with ledger.session() as session:  # a shop saved by an older Dropdesk
        shop = session.get(Shop, shop_id)
        assert shop is not None
        shop.api_version = "2025-07"
        session.add(shop)
    sent = len(fakes.shopify.log)
    with pytest.raises(ApiVersionError, match="2025-07 is too old"):
        connections.sync_shop(shop_id)
    assert len(fakes.shopify.log) == sent, "refused before anything is sent"


def test_sync_then_remove_keeps_orders_and_forgets_secrets(
    connections: Connections, secret_store: SecretStore, ledger: Ledger, fakes: Fakes
) -> None:
    fakes.shopify.state.add_orders(30, start=datetime(2026, 11, 1, tzinfo=UTC))
    shop_id = connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    seen: list[tuple[int, int | None]] = []

    report = connections.sync_shop(shop_id, progress=lambda d, t: seen.append((d, t)))

    assert (report.orders, report.cancelled) == (30, False)
    assert seen[0] == (0, 30) and seen[-1] == (30, 30)
    last = connections.last_shopify_sync()
    assert last is not None and abs(last - datetime.now(UTC)) < timedelta(minutes=1)

    connections.remove_shop(shop_id)

    assert stored(secret_store, SecretKey.shopify_access_token(DOMAIN)) is None
    assert secret_store.keys() == []
    [shop] = connections.shops()
    assert (shop.auth_kind, shop.connected, shop.last_sync_at) == (AUTH_NONE, False, last)
    with ledger.session() as session:
        assert len(session.exec(select(CustomerOrder)).all()) == 30
        removed = session.exec(select(Event).where(Event.kind == SHOP_REMOVED)).all()
    assert [e.entity_id for e in removed] == [shop_id]
    with pytest.raises(NotConnectedError, match="not connected"):
        connections.sync_shop(shop_id)


def test_cancelled_sync_stops_after_a_page(connections: Connections, fakes: Fakes) -> None:
    fakes.shopify.state.add_orders(300, start=datetime(2026, 11, 1, tzinfo=UTC))
    shop_id = connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    pages: list[int] = []

    report = connections.sync_shop(
        shop_id, progress=lambda d, _t: pages.append(d), cancelled=lambda: len(pages) > 1
    )

    assert report.cancelled and report.pages == 1 and 0 < report.orders < 300
    assert report.orders == pages[-1]
    # The next run resumes from the stored cursor (orders sharing its second come again).
    again = connections.sync_shop(shop_id)
    assert not again.cancelled and 300 - report.orders <= again.orders < 300


# --- AliExpress ---------------------------------------------------------------------------


def connect(connections: Connections, fakes: Fakes) -> AliExpressConnection:
    fake = fakes.aliexpress
    return connections.connect_aliexpress(fake.app_key, fake.app_secret, fake.issue_code())


def ae_keys(app_key: str) -> list[SecretKey]:
    return [
        SecretKey.aliexpress_app_secret(app_key),
        SecretKey.aliexpress_access_token(app_key),
        SecretKey.aliexpress_refresh_token(app_key),
    ]


def test_authorize_url_points_at_the_gateway(connections: Connections, fakes: Fakes) -> None:
    url = connections.aliexpress_authorize_url(" 500123 ", "https://shop.example/callback")
    assert url.startswith(fakes.aliexpress.base_url + "/oauth/authorize?")
    assert "client_id=500123" in url and "redirect_uri=https%3A%2F%2Fshop.example" in url
    with pytest.raises(ValueError, match="callback URL"):
        connections.aliexpress_authorize_url("500123", "")
    production = Connections(connections.ledger, connections.secrets, Connector())
    assert production.aliexpress_authorize_url("500123", "https://x.example/cb").startswith(
        "https://api-sg.aliexpress.com/oauth/authorize?"
    )


def test_connect_aliexpress_stores_tokens_and_expiry(
    connections: Connections, secret_store: SecretStore, fakes: Fakes, ledger: Ledger
) -> None:
    fake = fakes.aliexpress
    before = datetime.now(UTC)

    connection = connect(connections, fakes)

    assert connection.app_key == fake.app_key
    assert connection.account == "merchant@example.com"
    assert connection.access_expires_at is not None and connection.refresh_expires_at is not None
    assert timedelta(days=29) < connection.access_expires_at - before < timedelta(days=31)
    assert timedelta(days=59) < connection.refresh_expires_at - before < timedelta(days=61)
    assert not connection.reconnect_soon(datetime.now(UTC))
    assert connection.reconnect_soon(connection.refresh_expires_at - timedelta(days=6))
    values = [stored(secret_store, key) for key in ae_keys(fake.app_key)]
    assert values[0] == fake.app_secret
    assert all(value and len(value) > 20 for value in values[1:])
    with ledger.session() as session:
        assert settings.get(session, "aliexpress_app_key") == fake.app_key
        assert session.exec(select(Event).where(Event.kind == ALIEXPRESS_CONNECTED)).all()
    data = ledger_bytes(ledger)
    assert not any(value and value.encode() in data for value in values)
    assert connections.test_aliexpress() == "merchant@example.com"


def test_a_test_apps_two_day_connection_warns_in_its_last_quarter_not_at_once(
    connections: Connections, fakes: Fakes
) -> None:
    fakes.aliexpress.refresh_ttl = timedelta(days=2)
    connection = connect(connections, fakes)
    expiry = connection.refresh_expires_at
    assert expiry is not None and connection.refresh_issued_at is not None
    assert not connection.reconnect_soon(datetime.now(UTC) + timedelta(minutes=1))
    assert not connection.reconnect_soon(expiry - timedelta(hours=13))
    assert connection.reconnect_soon(expiry - timedelta(hours=11))
    connections.remove_aliexpress()
    with connections.ledger.session() as session:
        assert settings.get(session, "aliexpress_refresh_issued_at") is None


def test_wrong_app_secret_stores_nothing(
    connections: Connections, secret_store: SecretStore, fakes: Fakes
) -> None:
    fake = fakes.aliexpress
    with pytest.raises(SignatureError):
        connections.connect_aliexpress(fake.app_key, "wrong-secret-123456", fake.issue_code())
    assert connections.aliexpress() is None
    assert secret_store.keys() == []


def test_refresh_from_aliexpress_renews_and_stores_tokens(
    connections: Connections, secret_store: SecretStore, fakes: Fakes, ledger: Ledger
) -> None:
    fake = fakes.aliexpress
    ids = add_supplier_orders(ledger, 6)
    for order_id in ids:
        fake.add_order(FakeOrder(order_id))
    fake.ship(ids[0], "LP00123456789CN")
    connection = connect(connections, fakes)
    old_access = stored(secret_store, SecretKey.aliexpress_access_token(fake.app_key))
    fake.expire_access_tokens()
    progress: list[tuple[int, int | None]] = []

    summary = connections.refresh_from_aliexpress(progress=lambda d, t: progress.append((d, t)))

    assert (summary.total, summary.checked, summary.shipped) == (6, 6, (1,))
    assert progress[-1] == (6, 6)
    assert fake.refreshes == 1
    new_access = stored(secret_store, SecretKey.aliexpress_access_token(fake.app_key))
    assert new_access and new_access != old_access
    refreshed = connections.aliexpress()
    assert refreshed is not None and refreshed.last_refresh_at is not None
    assert connection.last_refresh_at is None
    with ledger.session() as session:
        shipped = session.exec(
            select(SupplierOrder).where(SupplierOrder.external_order_id == ids[0])
        )
        assert shipped.one().tracking_number == "LP00123456789CN"


def test_remove_aliexpress_forgets_everything(
    connections: Connections, secret_store: SecretStore, fakes: Fakes
) -> None:
    connect(connections, fakes)
    connections.remove_aliexpress()
    assert connections.aliexpress() is None
    assert all(stored(secret_store, key) is None for key in ae_keys(fakes.aliexpress.app_key))
    with pytest.raises(NotConnectedError, match="not connected"):
        connections.test_aliexpress()


def test_keyring_status_lists_what_is_stored(
    connections: Connections, secret_store: SecretStore
) -> None:
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    status = connections.keyring_status()
    assert status.backend == "keyring.backends.SecretService.Keyring"
    assert status.has(SecretKey.shopify_access_token(DOMAIN))
    assert not status.has(SecretKey.shopify_client_secret(DOMAIN))


# --- without a keyring --------------------------------------------------------------------


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_nothing_is_stored_and_reading_works(ledger: Ledger) -> None:
    with ledger.session() as session:
        session.add(
            Shop(domain=DOMAIN, name="Kept", last_sync_at=datetime(2026, 11, 1, tzinfo=UTC))
        )
    connections = Connections(ledger, SecretStore(service="Dropdesk-test-none"))

    with pytest.raises(KeyringUnavailableError) as raised:
        connections.keyring_status()
    text = str(explain(raised.value))
    assert "No keyring was found" in text and "gnome-keyring" in text
    with pytest.raises(SecretStoreError):
        connections.save_shop(ShopDraft("other-shop", token=ACCESS_TOKEN))
    assert [shop.name for shop in connections.shops()] == ["Kept"]
    assert connections.last_shopify_sync() == datetime(2026, 11, 1, tzinfo=UTC)


def test_explain_redacts_and_keeps_hints() -> None:
    failure = RuntimeError(f"boom with {ACCESS_TOKEN}")
    said = explain(failure)
    assert ACCESS_TOKEN not in str(said) and "RuntimeError" in str(said)
    assert ACCESS_TOKEN not in json.dumps(said.stored())  # redacted where it is kept, too
    keyring_error = SecretStoreError("The keyring is locked.", "Unlock it.")
    assert str(explain(keyring_error)) == "The keyring is locked.\n\nUnlock it."
