"""Where API calls go: the official gateway, or (explicitly) a loopback fake for tests.

A `Gateway` is the only way to give the client a URL, and it can only be made for the official
host over https or for a loopback address, so an app secret's signatures and the merchant's
access token are never sent anywhere else.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

OFFICIAL_HOST = "api-sg.aliexpress.com"
OFFICIAL_BASE_URL = f"https://{OFFICIAL_HOST}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Gateway:
    """The base URL of the Open Platform; validated on construction."""

    base_url: str = OFFICIAL_BASE_URL
    loopback: bool = False  # set only by Gateway.for_loopback(): a fake on this machine

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
            raise ValueError("the gateway URL must be a bare scheme://host[:port]")
        host = parts.hostname or ""
        if self.loopback:
            if parts.scheme not in ("http", "https") or not _is_loopback(host):
                raise ValueError(f"{self.base_url!r} is not a loopback URL")
        elif parts.scheme != "https" or host != OFFICIAL_HOST or parts.port not in (None, 443):
            raise ValueError(
                f"refusing to talk to {self.base_url!r}: only {OFFICIAL_BASE_URL} is AliExpress"
            )
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))

    @classmethod
    def official(cls) -> Gateway:
        return cls()

    @classmethod
    def for_loopback(cls, base_url: str) -> Gateway:
        """A fake gateway on 127.0.0.1/::1/localhost (tests and local experiments only)."""
        return cls(base_url, loopback=True)

    @property
    def sync_url(self) -> str:
        """Business API calls (`method=...`)."""
        return f"{self.base_url}/sync"

    def rest_url(self, api_path: str) -> str:
        """A `/rest` path call such as `/auth/token/create`."""
        if not api_path.startswith("/"):
            raise ValueError("an API path starts with '/'")
        return f"{self.base_url}/rest{api_path}"

    @property
    def authorize_url(self) -> str:
        return f"{self.base_url}/oauth/authorize"
