"""Connecting a merchant's AliExpress account: authorize URL, code exchange, token refresh.

Nothing here stores a secret. `exchange_code` and `refresh_tokens` return a `TokenSet`; the
caller keeps the two tokens in the keyring (core.secrets) and may keep the expiry instants
(not secret) in the ledger. `RefreshingTokens` hands out a valid access token to the API calls
and refreshes it once when it expires, telling the caller through `on_refresh` so it can save
the new tokens.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from urllib.parse import parse_qs, urlencode, urlsplit

from core.aliexpress.client import GatewayClient
from core.aliexpress.errors import (
    ReconnectRequiredError,
    UnexpectedResponseError,
    register_secrets,
)
from core.aliexpress.gateway import Gateway
from core.texts import Text

TOKEN_CREATE_PATH = "/auth/token/create"
TOKEN_REFRESH_PATH = "/auth/token/refresh"
#: Warn the merchant this long before the refresh token (and so the connection) expires, or
#: in the last quarter of the token's life when it lives shorter (test apps: two days).
REFRESH_WARNING_LEAD = timedelta(days=7)
REFRESH_WARNING_SHARE = 4
#: Refresh an access token this long before it expires rather than have a call refused.
ACCESS_EXPIRY_MARGIN = timedelta(minutes=5)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def authorize_url(
    app_key: str, redirect_uri: str, *, state: str | None = None, gateway: Gateway | None = None
) -> str:
    """The page where the merchant signs in to AliExpress and gets a code (valid 3 minutes)."""
    query = {
        "response_type": "code",
        "force_auth": "true",
        "redirect_uri": redirect_uri,
        "client_id": app_key,
    }
    if state:
        query["state"] = state
    return f"{(gateway or Gateway()).authorize_url}?{urlencode(query)}"


def extract_code(pasted: str) -> str:
    """The authorization code from what the merchant pasted: the code or the whole address."""
    text = pasted.strip()
    if "?" in text or text.startswith(("http://", "https://")):
        codes = parse_qs(urlsplit(text).query).get("code", [])
        text = codes[0].strip() if codes else ""
    if not text or any(ch.isspace() for ch in text):
        raise ValueError("No AliExpress authorization code found in what was pasted.")
    return text


@dataclass(frozen=True)
class TokenSet:
    """The merchant's grant. The two tokens are secrets: they never appear in repr()."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    access_expires_at: datetime
    refresh_expires_at: datetime
    user_id: str = ""
    seller_id: str = ""
    user_nick: str = ""
    account: str = ""
    #: When the refresh token was issued (None: not known, e.g. stored by an older Dropdesk).
    refresh_issued_at: datetime | None = None

    def access_expired(self, now: datetime, margin: timedelta = ACCESS_EXPIRY_MARGIN) -> bool:
        return now >= self.access_expires_at - margin

    @classmethod
    def from_response(
        cls, body: Mapping[str, Any], now: datetime, previous: TokenSet | None = None
    ) -> TokenSet:
        """Read a token answer; a refresh that returns no new refresh token keeps `previous`'s."""
        access = _text(body.get("access_token"))
        refresh = _text(body.get("refresh_token"))
        if not access:
            raise UnexpectedResponseError(
                Text(
                    "core.aliexpress.oauth",
                    "AliExpress' token answer carried no access token.",
                )
            )
        access_expires = _expiry(body, "expire_time", "expires_in", now)
        refresh_expires = _expiry(body, "refresh_token_valid_time", "refresh_expires_in", now)
        refresh_issued: datetime | None = _issued(body, refresh_expires, now)
        if not refresh:
            if previous is None:
                raise UnexpectedResponseError(
                    Text(
                        "core.aliexpress.oauth",
                        "AliExpress' token answer carried no refresh token.",
                    )
                )
            refresh, refresh_expires = previous.refresh_token, previous.refresh_expires_at
            refresh_issued = previous.refresh_issued_at
        if access_expires is None or refresh_expires is None:
            raise UnexpectedResponseError(
                Text(
                    "core.aliexpress.oauth",
                    "AliExpress' token answer has no expiry times.",
                )
            )
        register_secrets(access, refresh)
        return cls(
            access_token=access,
            refresh_token=refresh,
            access_expires_at=access_expires,
            refresh_expires_at=refresh_expires,
            user_id=_text(body.get("user_id")),
            seller_id=_text(body.get("seller_id")),
            user_nick=_text(body.get("user_nick")),
            account=_text(body.get("account")),
            refresh_issued_at=refresh_issued,
        )


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _expiry(body: Mapping[str, Any], at_key: str, in_key: str, now: datetime) -> datetime | None:
    try:
        millis = int(body[at_key])
        if millis > 0:
            return datetime.fromtimestamp(millis / 1000, UTC)
    except (KeyError, TypeError, ValueError):
        pass
    try:
        return now + timedelta(seconds=int(body[in_key]))
    except (KeyError, TypeError, ValueError):
        return None


def _issued(body: Mapping[str, Any], expires: datetime | None, now: datetime) -> datetime:
    """When the refresh token was issued: its expiry less the lifetime the answer states (both
    from AliExpress' clock), else the moment the answer arrived."""
    try:
        lifetime = timedelta(seconds=int(body["refresh_expires_in"]))
    except (KeyError, TypeError, ValueError, OverflowError):
        return now
    if expires is None or lifetime <= timedelta(0):
        return now
    try:
        return min(expires - lifetime, now)
    except OverflowError:
        return now


def exchange_code(client: GatewayClient, pasted: str, *, now: datetime | None = None) -> TokenSet:
    """Trade the pasted authorization code for tokens (`/auth/token/create`)."""
    code = extract_code(pasted)
    started = now or _utcnow()
    body = client.rest(TOKEN_CREATE_PATH, {"code": code}, idempotent=False)
    return TokenSet.from_response(body, started)


def refresh_tokens(
    client: GatewayClient, tokens: TokenSet, *, now: datetime | None = None
) -> TokenSet:
    """New tokens from the refresh token (`/auth/token/refresh`)."""
    moment = now or _utcnow()
    if moment >= tokens.refresh_expires_at:
        raise ReconnectRequiredError(
            Text(
                "core.aliexpress.oauth",
                "The AliExpress connection has expired. Connect AliExpress again to continue.",
            )
        )
    body = client.rest(TOKEN_REFRESH_PATH, {"refresh_token": tokens.refresh_token})
    return TokenSet.from_response(body, moment, previous=tokens)


def refresh_warning_lead(issued_at: datetime | None, expires_at: datetime) -> timedelta:
    """How long before `expires_at` to ask the merchant to reconnect: a week, or the last
    quarter of the token's life when it lives less than four weeks (unknown issue: a week)."""
    if issued_at is None or issued_at >= expires_at:
        return REFRESH_WARNING_LEAD
    return min(REFRESH_WARNING_LEAD, (expires_at - issued_at) / REFRESH_WARNING_SHARE)


def refresh_warning(tokens: TokenSet, now: datetime) -> bool:
    """True in the last week (or quarter) of the refresh token's life: reconnect soon."""
    lead = refresh_warning_lead(tokens.refresh_issued_at, tokens.refresh_expires_at)
    return now >= tokens.refresh_expires_at - lead


def reconnect_required(tokens: TokenSet, now: datetime) -> bool:
    """True once the refresh token has expired: only "Connect AliExpress" helps."""
    return now >= tokens.refresh_expires_at


class TokenProvider(Protocol):
    """Where API calls get the access token (`session`) from."""

    def access_token(self) -> str:
        """A token believed valid now."""
        ...

    def renew(self, rejected: str) -> str:
        """A replacement for `rejected`, which AliExpress refused as expired."""
        ...


class StaticToken:
    """A fixed access token without refresh (a one-off call, or a caller that refreshes)."""

    def __init__(self, token: str) -> None:
        self._token = token
        register_secrets(token)

    def access_token(self) -> str:
        return self._token

    def renew(self, rejected: str) -> str:
        raise ReconnectRequiredError(
            Text(
                "core.aliexpress.oauth",
                "The AliExpress connection has expired. Connect AliExpress again to continue.",
            )
        )

    def __repr__(self) -> str:
        return "StaticToken(***)"


class RefreshingTokens:
    """Thread-safe access tokens that refresh themselves, once, however many calls notice.

    `on_refresh(new_tokens)` runs (under the lock) after each refresh so the caller can store
    the new tokens in the keyring and the expiry times in the ledger.
    """

    def __init__(
        self,
        client: GatewayClient,
        tokens: TokenSet,
        *,
        on_refresh: Callable[[TokenSet], None] | None = None,
        now: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._client = client
        self._tokens = tokens
        register_secrets(tokens.access_token, tokens.refresh_token)
        self._on_refresh = on_refresh
        self._now = now
        self._lock = threading.Lock()
        self.refreshes = 0

    @property
    def tokens(self) -> TokenSet:
        with self._lock:
            return self._tokens

    def access_token(self) -> str:
        with self._lock:
            if self._tokens.access_expired(self._now()):
                self._refresh()
            return self._tokens.access_token

    def renew(self, rejected: str) -> str:
        with self._lock:
            if self._tokens.access_token == rejected:
                self._refresh()
            return self._tokens.access_token

    def _refresh(self) -> None:
        fresh = refresh_tokens(self._client, self._tokens, now=self._now())
        self._tokens = fresh
        self.refreshes += 1
        if self._on_refresh is not None:
            self._on_refresh(fresh)

    def __repr__(self) -> str:
        return f"RefreshingTokens({self._tokens!r})"
