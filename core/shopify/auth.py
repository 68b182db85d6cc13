"""Shopify credentials, and the access token they yield, kept in memory only.

Two ways in: a fixed Admin API token (`shpat_...`, custom apps made before 2026), or the client
id and secret of a Dev Dashboard app exchanged (client-credentials grant) for a token that lasts
about a day. The latter is renewed shortly before it expires, and at once when Shopify answers
401. Neither the secret nor a token ever appears in repr(), str() or an exception text.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from core import redaction

#: Renew an expiring token this long before Shopify says it expires (at most half its life).
RENEW_BEFORE_SECONDS = 300.0


def _check_secret(value: str, what: str) -> None:
    # Validated here, with a message that never quotes the value: httpx would otherwise
    # report an illegal header value *with* the value in its exception text.
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"The {what} is empty.")
    if value != value.strip() or not value.isascii() or not value.isprintable():
        raise ValueError(f"The {what} contains spaces or characters a token never has.")
    if len(value) < redaction.MIN_SECRET_LENGTH:
        raise ValueError(f"The {what} is too short to be a Shopify credential.")
    redaction.register_secret(value)


@dataclass(frozen=True)
class AccessToken:
    """A fixed Admin API access token (does not expire)."""

    token: str = field(repr=False)

    def __post_init__(self) -> None:
        _check_secret(self.token, "access token")

    def __repr__(self) -> str:
        return "AccessToken(token=<hidden>)"


@dataclass(frozen=True)
class ClientCredentials:
    """A Dev Dashboard app's client id (public) and secret."""

    client_id: str
    client_secret: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.client_id.strip() or not self.client_id.isascii():
            raise ValueError("The client id is empty or not plain text.")
        _check_secret(self.client_secret, "client secret")

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret=<hidden>)"


Credentials = AccessToken | ClientCredentials


@dataclass(frozen=True)
class IssuedToken:
    """A token from the client-credentials grant; `expires_in` in seconds (None: no expiry)."""

    value: str = field(repr=False)
    expires_in: float | None
    scope: str = ""

    def __repr__(self) -> str:
        return f"IssuedToken(value=<hidden>, expires_in={self.expires_in!r}, scope={self.scope!r})"


class TokenSource:
    """Hands out the access token for each request; renews it when it can.

    `fetch` performs the client-credentials grant (the client passes its own HTTP path in, so
    the same host check, timeouts and retries apply to it).
    """

    def __init__(
        self,
        credentials: Credentials,
        *,
        clock: Callable[[], float] = time.monotonic,
        renew_before: float = RENEW_BEFORE_SECONDS,
    ) -> None:
        self._credentials = credentials
        self._clock = clock
        self._renew_before = renew_before
        self._lock = threading.Lock()
        self._token: str | None = None
        self._renew_at: float | None = None
        self.issued = 0  # how many tokens the grant has produced (for status and tests)

    @property
    def renewable(self) -> bool:
        return isinstance(self._credentials, ClientCredentials)

    def __repr__(self) -> str:
        return f"TokenSource({self._credentials!r})"

    def current(self, fetch: Callable[[ClientCredentials], IssuedToken]) -> str:
        """The token to send now, fetching a fresh one first when none is valid."""
        credentials = self._credentials
        if isinstance(credentials, AccessToken):
            return credentials.token
        with self._lock:
            now = self._clock()
            if self._token is None or (self._renew_at is not None and now >= self._renew_at):
                issued = fetch(credentials)
                _check_secret(issued.value, "access token Shopify issued")
                self._token = issued.value
                self._renew_at = self._renewal_time(now, issued.expires_in)
                self.issued += 1
            return self._token

    def invalidate(self) -> None:
        """Forget the cached token (after a 401) so the next request fetches a new one."""
        with self._lock:
            self._token = None
            self._renew_at = None

    def _renewal_time(self, now: float, expires_in: float | None) -> float | None:
        if expires_in is None:
            return None
        margin = min(self._renew_before, expires_in / 2)
        return now + max(expires_in - margin, 0.0)
