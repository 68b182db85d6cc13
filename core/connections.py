"""The merchant's connections to Shopify and AliExpress: public facts in the ledger, secrets in
the OS keyring, and clients built from the two.

The connections screen and the sync actions call this; it has no Qt, so every use case is
tested without a window. A `Connector` decides how clients reach the outside world: production
uses it as is (https to the official hosts); tests hand it the fakes' loopback transport and
gateway. The clients' own address checks are the same either way.

Methods marked "keyring" may block on an unlock prompt, and those marked "network" on the
internet: call them off the GUI thread. The rest read the ledger only.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from sqlmodel import col, select

from core import redaction, settings
from core.aliexpress import (
    AliExpressError,
    DropshipApi,
    Gateway,
    GatewayClient,
    OrderNotFoundError,
    RateLimiter,
    RefreshingTokens,
    RetryPolicy,
    SyncSummary,
    TokenSet,
    authorize_url,
    exchange_code,
    sync_order_statuses,
)
from core.aliexpress.client import DEFAULT_CALLS_PER_SECOND
from core.aliexpress.oauth import refresh_warning_lead
from core.ledger import Ledger, journal
from core.ledger.models import Shop, SupplierOrder
from core.ledger.types import stored_instant
from core.secrets import SecretKey, SecretStore, SecretStoreError
from core.shopify import (
    DEFAULT_API_VERSION,
    AccessToken,
    ClientCredentials,
    Credentials,
    ShopDomainError,
    ShopifyClient,
    ShopifyError,
    ShopInfo,
    SyncReport,
    check_connection,
    normalize_shop_domain,
    sync_orders,
)
from core.shopify.versions import check_api_version
from core.texts import Text

AUTH_TOKEN = "token"
AUTH_CLIENT_CREDENTIALS = "client_credentials"
AUTH_NONE = "none"
"""`Shop.auth_kind` of a shop whose credentials were removed: its orders stay in the ledger."""

SHOP_SAVED = "connection.shop_saved"
SHOP_REMOVED = "connection.shop_removed"
ALIEXPRESS_CONNECTED = "connection.aliexpress_connected"
ALIEXPRESS_REMOVED = "connection.aliexpress_removed"

#: Asked for when the ledger has no AliExpress order yet: "not found" still proves the token.
PROBE_ORDER_ID = "1000000000000000"

Progress = Callable[[int, int | None], None]
Cancelled = Callable[[], bool]


class NotConnectedError(Exception):
    """Nothing (or not enough) is stored to reach the service; `.text` says what to do."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.english())
        self.text = text


class DraftError(ValueError):
    """What the merchant typed for a shop is incomplete; `.text` says what is missing."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.english())
        self.text = text


# --- how clients reach the world ----------------------------------------------------------


def _default_limiter() -> RateLimiter:
    return RateLimiter(DEFAULT_CALLS_PER_SECOND)


@dataclass(frozen=True)
class Connector:
    """Builds the API clients. `Connector()` is production; tests pass the fakes' routes.

    `shopify_transport` makes a fresh httpx transport per client (a client closes its own);
    `aliexpress_gateway` may only be the official host or an explicit loopback fake.
    One `RateLimiter` is shared by every AliExpress client this connector makes.
    """

    shopify_transport: Callable[[], httpx.BaseTransport] | None = None
    aliexpress_gateway: Gateway = field(default_factory=Gateway)
    timeout: float = 30.0
    shopify_sleep: Callable[[float], None] = time.sleep
    aliexpress_retry: RetryPolicy = field(default_factory=RetryPolicy)
    aliexpress_limiter: RateLimiter = field(default_factory=_default_limiter)

    def shopify(
        self, domain: str, credentials: Credentials, *, api_version: str = DEFAULT_API_VERSION
    ) -> ShopifyClient:
        transport = self.shopify_transport() if self.shopify_transport else None
        return ShopifyClient(
            domain,
            credentials,
            api_version=api_version,
            timeout=self.timeout,
            sleep=self.shopify_sleep,
            transport=transport,
        )

    def aliexpress(self, app_key: str, app_secret: str) -> GatewayClient:
        return GatewayClient(
            app_key,
            app_secret,
            gateway=self.aliexpress_gateway,
            retry=self.aliexpress_retry,
            limiter=self.aliexpress_limiter,
            timeout=self.timeout,
        )

    def authorize_url(self, app_key: str, redirect_uri: str) -> str:
        return authorize_url(app_key, redirect_uri, gateway=self.aliexpress_gateway)


# --- what the screen shows ----------------------------------------------------------------


@dataclass(frozen=True)
class ShopConnection:
    """A shop's public facts (no secret)."""

    id: int
    domain: str
    name: str
    currency: str
    api_version: str
    auth_kind: str
    client_id: str | None
    last_sync_at: datetime | None

    @property
    def connected(self) -> bool:
        return self.auth_kind != AUTH_NONE

    @classmethod
    def of(cls, shop: Shop) -> ShopConnection:
        assert shop.id is not None
        return cls(
            shop.id,
            shop.domain,
            shop.name,
            shop.currency,
            shop.api_version,
            shop.auth_kind,
            shop.client_id,
            shop.last_sync_at,
        )


@dataclass(frozen=True)
class AliExpressConnection:
    """The AliExpress connection's public facts, from the ledger's settings."""

    app_key: str
    account: str
    access_expires_at: datetime | None
    refresh_expires_at: datetime | None
    last_refresh_at: datetime | None  # the last "Refresh from AliExpress" that completed
    refresh_issued_at: datetime | None = None  # None: stored by an older Dropdesk

    def reconnect_soon(self, now: datetime) -> bool:
        """In the refresh token's last week, or last quarter when it lives shorter (test apps'
        tokens live two days): the merchant should reconnect."""
        expiry = self.refresh_expires_at
        if expiry is None:
            return False
        return now >= expiry - refresh_warning_lead(self.refresh_issued_at, expiry)

    def expired(self, now: datetime) -> bool:
        return self.refresh_expires_at is None or now >= self.refresh_expires_at


@dataclass(frozen=True)
class KeyringStatus:
    """The keyring works: its backend, and which of Dropdesk's secrets it holds."""

    backend: str
    stored: frozenset[SecretKey]

    def has(self, key: SecretKey) -> bool:
        return key in self.stored


@dataclass(frozen=True)
class ShopDraft:
    """What the merchant typed for a shop. An empty secret means "keep the stored one"."""

    domain: str
    auth_kind: str = AUTH_TOKEN
    token: str = field(default="", repr=False)
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    api_version: str = DEFAULT_API_VERSION

    def check(self) -> str:
        """The normalised domain, or a ValueError about what is typed (no keyring needed)."""
        domain = normalize_shop_domain(self.domain)
        if self.auth_kind not in (AUTH_TOKEN, AUTH_CLIENT_CREDENTIALS):
            raise ValueError(f"Unknown way to sign in: {self.auth_kind!r}.")
        if self.auth_kind == AUTH_CLIENT_CREDENTIALS and not self.client_id.strip():
            raise DraftError(
                Text(
                    "core.connections",
                    "Enter the app's client ID (Dev Dashboard > your app > Settings).",
                )
            )
        check_api_version(self.api_version)
        return domain


# --- the service --------------------------------------------------------------------------


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Connections:
    """Use cases of the connections screen and the sync actions, over one ledger and keyring."""

    def __init__(
        self,
        ledger: Ledger,
        secrets: SecretStore,
        connector: Connector | None = None,
        *,
        now: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.ledger = ledger
        self.secrets = secrets
        self.connector = connector or Connector()
        self._now = now
        self._tokens_lock = threading.Lock()

    # -- reading (ledger only) ---------------------------------------------------------------

    def shops(self) -> list[ShopConnection]:
        with self.ledger.session() as session:
            rows = session.exec(select(Shop).order_by(col(Shop.domain))).all()
            return [ShopConnection.of(shop) for shop in rows]

    def connected_shops(self) -> list[ShopConnection]:
        return [shop for shop in self.shops() if shop.connected]

    def aliexpress(self) -> AliExpressConnection | None:
        """The connection, or None when AliExpress was never connected (or was removed)."""
        with self.ledger.session() as session:
            app_key = settings.get(session, "aliexpress_app_key")
            if not app_key:
                return None
            return AliExpressConnection(
                app_key=app_key,
                account=settings.get(session, "aliexpress_account") or "",
                access_expires_at=stored_instant(
                    settings.get(session, "aliexpress_access_expires_at")
                ),
                refresh_expires_at=stored_instant(
                    settings.get(session, "aliexpress_refresh_expires_at")
                ),
                last_refresh_at=stored_instant(settings.get(session, "aliexpress_last_refresh_at")),
                refresh_issued_at=stored_instant(
                    settings.get(session, "aliexpress_refresh_issued_at")
                ),
            )

    def last_shopify_sync(self) -> datetime | None:
        """When orders last came from Shopify (any shop), for the status bar."""
        times = [shop.last_sync_at for shop in self.shops() if shop.last_sync_at]
        return max(times) if times else None

    # -- keyring -----------------------------------------------------------------------------

    def keyring_status(self) -> KeyringStatus:
        """(keyring) Prove the keyring works and list the stored secrets; SecretStoreError."""
        backend = self.secrets.check()
        return KeyringStatus(backend, frozenset(self.secrets.keys()))

    # -- Shopify -----------------------------------------------------------------------------

    def shop_credentials(self, draft: ShopDraft) -> tuple[str, Credentials]:
        """(keyring) The normalised domain and credentials: typed ones, else the stored ones."""
        domain = draft.check()
        if draft.auth_kind == AUTH_TOKEN:
            token = draft.token.strip() or self.secrets.get(SecretKey.shopify_access_token(domain))
            if not token:
                raise NotConnectedError(
                    Text(
                        "core.connections",
                        "No access token is stored for {domain}. Paste the Admin API access "
                        "token (it starts with 'shpat_').",
                        domain=domain,
                    )
                )
            return domain, AccessToken(token)
        secret = draft.client_secret.strip() or self.secrets.get(
            SecretKey.shopify_client_secret(domain)
        )
        if not secret:
            raise NotConnectedError(
                Text(
                    "core.connections",
                    "No client secret is stored for {domain}. Paste the app's client secret.",
                    domain=domain,
                )
            )
        return domain, ClientCredentials(draft.client_id.strip(), secret)

    def test_shop(self, draft: ShopDraft) -> ShopInfo:
        """(keyring, network) The shop's name and currency, or an error that says what to fix.

        A saved shop's row takes the name and currency Shopify gave.
        """
        domain, credentials = self.shop_credentials(draft)
        with self.connector.shopify(domain, credentials, api_version=draft.api_version) as client:
            info = check_connection(client)
        with self.ledger.session() as session:  # a saved shop takes its current name
            shop = session.exec(select(Shop).where(Shop.domain == domain)).first()
            if shop is not None and shop.auth_kind != AUTH_NONE:
                shop.name, shop.currency = info.name, info.currency
                session.add(shop)
        return info

    def save_shop(self, draft: ShopDraft, info: ShopInfo | None = None) -> int:
        """(keyring) Store the secret and the shop's row; `info` (from a test) names the shop."""
        domain, credentials = self.shop_credentials(draft)
        token_key = SecretKey.shopify_access_token(domain)
        secret_key = SecretKey.shopify_client_secret(domain)
        if isinstance(credentials, AccessToken):
            kind, keep, drop, secret = AUTH_TOKEN, token_key, secret_key, credentials.token
        else:
            kind, keep, drop = AUTH_CLIENT_CREDENTIALS, secret_key, token_key
            secret = credentials.client_secret
        self.secrets.set(keep, secret)
        self.secrets.delete(drop)  # switching the way in leaves no stale secret behind
        if info is not None and info.myshopify_domain.lower() != domain:
            info = None
        with self.ledger.session() as session:
            shop = session.exec(select(Shop).where(Shop.domain == domain)).first()
            if shop is None:
                shop = Shop(domain=domain, name=domain.removesuffix(".myshopify.com"))
            if info is not None:
                shop.name, shop.currency = info.name, info.currency
            shop.api_version = draft.api_version
            shop.auth_kind = kind
            shop.client_id = (
                credentials.client_id if isinstance(credentials, ClientCredentials) else None
            )
            session.add(shop)
            session.flush()
            assert shop.id is not None
            journal.record(session, SHOP_SAVED, "shop", shop.id, {"domain": domain, "auth": kind})
            return shop.id

    def remove_shop(self, shop_id: int) -> None:
        """(keyring) Forget the shop's secrets and mark it disconnected; its orders stay."""
        with self.ledger.session() as session:
            shop = session.get(Shop, shop_id)
            if shop is None:
                raise NotConnectedError(
                    Text(
                        "core.connections",
                        "There is no shop {shop_id} in the ledger.",
                        shop_id=shop_id,
                    )
                )
            domain = shop.domain
        self.secrets.delete(SecretKey.shopify_access_token(domain))
        self.secrets.delete(SecretKey.shopify_client_secret(domain))
        with self.ledger.session() as session:
            shop = session.get(Shop, shop_id)
            assert shop is not None
            shop.auth_kind, shop.client_id = AUTH_NONE, None
            session.add(shop)
            journal.record(session, SHOP_REMOVED, "shop", shop_id, {"domain": domain})

    def shopify_client(self, shop_id: int) -> ShopifyClient:
        """(keyring) A client for a saved shop, from its stored secret."""
        with self.ledger.session() as session:
            shop = session.get(Shop, shop_id)
            if shop is None or shop.auth_kind == AUTH_NONE:
                name: Text | str = (
                    shop.domain
                    if shop
                    else Text("core.connections", "Shop {shop_id}", shop_id=shop_id)
                )
                raise NotConnectedError(
                    Text(
                        "core.connections",
                        "{name} is not connected. Add its access token in Connections.",
                        name=name,
                    )
                )
            draft = ShopDraft(shop.domain, shop.auth_kind, client_id=shop.client_id or "")
            version = shop.api_version
        domain, credentials = self.shop_credentials(draft)
        return self.connector.shopify(domain, credentials, api_version=version)

    def sync_shop(
        self, shop_id: int, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> SyncReport:
        """(keyring, network) Pull the shop's changed orders; safe to stop and run again."""
        stop = threading.Event()

        def report(done: int, total: int | None) -> None:
            if progress:
                progress(done, total)
            if cancelled and cancelled():
                stop.set()  # sync_orders looks at the event right after reporting a page

        if cancelled and cancelled():
            stop.set()
        with self.shopify_client(shop_id) as client:
            return sync_orders(self.ledger, client, shop_id, progress=report, cancel=stop)

    # -- AliExpress --------------------------------------------------------------------------

    def aliexpress_authorize_url(self, app_key: str, redirect_uri: str) -> str:
        """The page where the merchant allows Dropdesk and gets a code to paste (3 minutes)."""
        key = SecretKey.aliexpress_app_secret(app_key)  # validates the app key
        if not redirect_uri.startswith("https://"):
            raise ValueError(
                "Enter the app's callback URL exactly as registered in the AliExpress console "
                "(it starts with https://)."
            )
        return self.connector.authorize_url(key.owner, redirect_uri.strip())

    def connect_aliexpress(
        self, app_key: str, app_secret: str, pasted_code: str
    ) -> AliExpressConnection:
        """(keyring, network) Trade the pasted code for tokens and keep them in the keyring."""
        app_key = SecretKey.aliexpress_app_secret(app_key).owner
        secret = app_secret.strip() or self.secrets.get(SecretKey.aliexpress_app_secret(app_key))
        if not secret:
            raise NotConnectedError(
                Text("core.connections", "Paste the app secret from the AliExpress Open Platform.")
            )
        with self.connector.aliexpress(app_key, secret) as client:
            tokens = exchange_code(client, pasted_code, now=self._now())
        previous = self.aliexpress()
        if previous is not None and previous.app_key != app_key:
            self._forget_aliexpress_secrets(previous.app_key)
        self.secrets.set(SecretKey.aliexpress_app_secret(app_key), secret)
        self._store_tokens(app_key, tokens)
        with self.ledger.session() as session:
            settings.put(session, "aliexpress_app_key", app_key)
            settings.put(session, "aliexpress_account", _account(tokens))
            journal.record(
                session,
                ALIEXPRESS_CONNECTED,
                "aliexpress",
                0,
                {"app_key": app_key, "account": _account(tokens)},
            )
        connection = self.aliexpress()
        assert connection is not None
        return connection

    def remove_aliexpress(self) -> None:
        """(keyring) Forget the app secret and tokens, and the connection's public facts."""
        connection = self.aliexpress()
        if connection is None:
            return
        self._forget_aliexpress_secrets(connection.app_key)
        with self.ledger.session() as session:
            for key in (
                "aliexpress_app_key",
                "aliexpress_account",
                "aliexpress_access_expires_at",
                "aliexpress_refresh_expires_at",
                "aliexpress_refresh_issued_at",
            ):
                settings.put(session, key, None)
            journal.record(
                session, ALIEXPRESS_REMOVED, "aliexpress", 0, {"app_key": connection.app_key}
            )

    @contextmanager
    def aliexpress_api(self) -> Iterator[DropshipApi]:
        """(keyring) The dropshipping API on the stored tokens; refreshed tokens are stored."""
        connection = self.aliexpress()
        if connection is None:
            raise NotConnectedError(
                Text("core.connections", "AliExpress is not connected. Connect it in Connections.")
            )
        key = connection.app_key
        secret = self.secrets.get(SecretKey.aliexpress_app_secret(key))
        access = self.secrets.get(SecretKey.aliexpress_access_token(key))
        refresh = self.secrets.get(SecretKey.aliexpress_refresh_token(key))
        if not (secret and access and refresh) or connection.access_expires_at is None:
            raise NotConnectedError(
                Text(
                    "core.connections",
                    "The AliExpress tokens are missing from the keyring. Connect AliExpress again.",
                )
            )
        if connection.expired(self._now()):
            raise NotConnectedError(
                Text(
                    "core.connections",
                    "The AliExpress connection has expired. Connect AliExpress again to continue.",
                )
            )
        assert connection.refresh_expires_at is not None
        tokens = TokenSet(
            access,
            refresh,
            connection.access_expires_at,
            connection.refresh_expires_at,
            refresh_issued_at=connection.refresh_issued_at,
        )
        with self.connector.aliexpress(key, secret) as client:
            provider = RefreshingTokens(
                client, tokens, on_refresh=lambda fresh: self._store_tokens(key, fresh)
            )
            yield DropshipApi(client, provider)

    def test_aliexpress(self) -> str:
        """(keyring, network) One cheap call with the stored tokens; returns the account name.

        Asks for the newest order in the ledger (or a made-up one): "no such order" still
        proves that the app secret and the token are accepted.
        """
        with self.ledger.session() as session:
            newest = session.exec(
                select(SupplierOrder.external_order_id)
                .order_by(col(SupplierOrder.id).desc())
                .limit(1)
            ).first()
        with self.aliexpress_api() as api, suppress(OrderNotFoundError):
            api.order(newest or PROBE_ORDER_ID)
        connection = self.aliexpress()
        return connection.account if connection and connection.account else "AliExpress"

    def refresh_from_aliexpress(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Cancelled | None = None,
    ) -> SyncSummary:
        """(keyring, network) Status and tracking of every open supplier order."""
        with self.aliexpress_api() as api:
            summary = sync_order_statuses(
                self.ledger, api, progress=progress, cancel=cancelled or (lambda: False)
            )
        if not summary.interrupted:
            with self.ledger.session() as session:
                settings.put(session, "aliexpress_last_refresh_at", _iso(self._now()))
        return summary

    def _store_tokens(self, app_key: str, tokens: TokenSet) -> None:
        with self._tokens_lock:
            self.secrets.set(SecretKey.aliexpress_access_token(app_key), tokens.access_token)
            self.secrets.set(SecretKey.aliexpress_refresh_token(app_key), tokens.refresh_token)
            with self.ledger.session() as session:
                settings.put(
                    session, "aliexpress_access_expires_at", _iso(tokens.access_expires_at)
                )
                settings.put(
                    session, "aliexpress_refresh_expires_at", _iso(tokens.refresh_expires_at)
                )
                issued = tokens.refresh_issued_at
                settings.put(session, "aliexpress_refresh_issued_at", issued and _iso(issued))

    def _forget_aliexpress_secrets(self, app_key: str) -> None:
        for key in (
            SecretKey.aliexpress_app_secret(app_key),
            SecretKey.aliexpress_access_token(app_key),
            SecretKey.aliexpress_refresh_token(app_key),
        ):
            self.secrets.delete(key)


# --- helpers ------------------------------------------------------------------------------


def explain(error: BaseException) -> Text:
    """What to show the merchant for `error`: its own text when it was written for them, the
    problem and what to do for keyring errors; always redacted (str() of it for a log)."""
    own = getattr(error, "text", None)
    if isinstance(own, Text) and not isinstance(error, SecretStoreError):
        text = own
    elif isinstance(error, SecretStoreError):
        text = Text.verbatim(f"{error.problem}\n\n{error.hint}" if error.hint else error.problem)
    elif isinstance(
        error, ShopifyError | AliExpressError | NotConnectedError | ShopDomainError | ValueError
    ):
        text = Text.verbatim(str(error))
    elif isinstance(error, httpx.HTTPError):
        text = Text(
            "core.connections",
            "The connection failed ({kind}). Check the internet connection.",
            kind=type(error).__name__,
        )
    else:
        text = Text(
            "core.connections",
            "Something went wrong ({name}: {error}).",
            name=type(error).__name__,
            error=str(error),
        )
    return text.map_fields(redaction.redact)


def expected(error: BaseException) -> bool:
    """Whether `error` is a condition of the world, not a bug: no keyring or a locked one, a shop
    or AliExpress that is unreachable or refuses, a ledger problem, words written for the
    merchant, the cancel workflow's refusals. Such failures are logged as warnings without a
    traceback; anything else is a bug and keeps its traceback."""
    from core.cancel.errors import CancelError  # the workflow's refusals

    return isinstance(getattr(error, "text", None), Text) or isinstance(
        error,
        CancelError
        | SecretStoreError
        | ShopifyError
        | AliExpressError
        | NotConnectedError
        | ShopDomainError
        | httpx.TransportError
        | httpx.HTTPStatusError,
    )


def _account(tokens: TokenSet) -> str:
    return tokens.account or tokens.user_nick or tokens.user_id


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
