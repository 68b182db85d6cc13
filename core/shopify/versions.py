"""Which Shopify Admin API versions Dropdesk talks to, and the refusal of any other.

Refunds are sent with `@idempotent` (a retried refund is never paid twice); API versions before
2026-01 reject that directive, so they are refused up front rather than failing at the first
refund. Every `.graphql` document is validated against the schema of each offered version's
oldest and newest dump (tests/contracts/shopify).
"""

from __future__ import annotations

import re

from core.texts import Text

DEFAULT_API_VERSION = "2026-10"
#: The oldest version with `@idempotent` on `refundCreate`.
OLDEST_API_VERSION = "2026-01"
#: What the connections screen offers, newest first (a newer one may also be typed).
OFFERED_API_VERSIONS = ("2026-10", "2026-07", "2026-04", "2026-01")
_STABLE = re.compile(r"\d{4}-(?:01|04|07|10)", re.ASCII)


class ApiVersionError(ValueError):
    """A version Dropdesk does not talk to; `text` says so in English and German."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.english())
        self.text = text


def check_api_version(version: str) -> str:
    """`version` if Dropdesk can use it (stable, from 2026-01 on), else ApiVersionError."""
    shown = version.strip()[:40]
    if not _STABLE.fullmatch(shown):
        raise ApiVersionError(
            Text(
                "core.shopify.versions",
                "'{shown}' is not a Shopify API version such as {default_api_version}. "
                "Choose a version from {oldest_api_version} on.",
                shown=shown,
                default_api_version=DEFAULT_API_VERSION,
                oldest_api_version=OLDEST_API_VERSION,
            )
        )
    if shown < OLDEST_API_VERSION:
        raise ApiVersionError(
            Text(
                "core.shopify.versions",
                "Shopify API version {shown} is too old for Dropdesk: choose "
                "{oldest_api_version} or newer (Connections > the shop > API version). "
                "Older versions refuse the duplicate-safe refunds Dropdesk sends.",
                shown=shown,
                oldest_api_version=OLDEST_API_VERSION,
            )
        )
    return shown
