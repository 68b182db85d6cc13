"""Shop domains: turn what a merchant pastes into `name.myshopify.com`, or refuse it.

The access token is only ever sent to the host this returns, so anything that is not plainly a
Shopify shop (another host, a look-alike, credentials or a port in the URL, plain http) is
refused rather than guessed at.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from core import redaction
from core.texts import Text

MYSHOPIFY_SUFFIX = ".myshopify.com"
ADMIN_HOST = "admin.shopify.com"

# Shop handles: ASCII letters, digits and inner hyphens (what Shopify allows for a store name),
# but no "xn--"-style label (hyphens 3rd and 4th): that is an encoded Unicode name, which
# HTTP libraries decode into a look-alike host.
_HANDLE = re.compile(r"(?![a-z0-9]{2}--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.ASCII)
_ADMIN_PATH = re.compile(r"/store/([^/?#]+)(?:/.*)?", re.ASCII | re.DOTALL)


def _help() -> Text:
    return Text(
        "core.shopify.domain",
        "Enter your shop as 'your-shop', 'your-shop.myshopify.com' or the address of your "
        "Shopify admin (https://admin.shopify.com/store/your-shop).",
    )


class ShopDomainError(ValueError):
    """The text is not a Shopify shop Dropdesk may send a token to; `.text` says why (for the
    window), `str()` in English."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.english())
        self.text = text


def _refused(original: str) -> ShopDomainError:
    return ShopDomainError(
        Text(
            "core.shopify.domain",
            "'{shown}' is not a Shopify shop address. {help}",
            shown=_shown(original),
            help=_help(),
        )
    )


def normalize_shop_domain(text: str) -> str:
    """`name.myshopify.com` for a shop name, a myshopify domain or a Shopify admin URL."""
    if not isinstance(text, str):
        raise ShopDomainError(
            Text("core.shopify.domain", "The shop address is missing. {help}", help=_help())
        )
    cleaned = text.strip()
    if not cleaned:
        raise ShopDomainError(
            Text("core.shopify.domain", "The shop address is empty. {help}", help=_help())
        )
    if not cleaned.isascii() or any(ch.isspace() or ord(ch) < 32 for ch in cleaned):
        raise _refused(cleaned)
    lowered = cleaned.lower()
    if _HANDLE.fullmatch(lowered):
        return lowered + MYSHOPIFY_SUFFIX
    if "://" not in lowered:
        lowered = "https://" + lowered
    return _from_url(lowered, cleaned)


def _from_url(url: str, original: str) -> str:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _refused(original) from None
    if parts.scheme != "https":
        raise ShopDomainError(
            Text(
                "core.shopify.domain",
                "'{shown}' does not use https. Dropdesk only talks to Shopify over https. {help}",
                shown=_shown(original),
                help=_help(),
            )
        )
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise _refused(original)
    if port not in (None, 443):
        raise _refused(original)
    host = (parts.hostname or "").rstrip(".")
    if host == ADMIN_HOST:
        match = _ADMIN_PATH.fullmatch(parts.path)
        if match and _HANDLE.fullmatch(match.group(1)):
            return match.group(1) + MYSHOPIFY_SUFFIX
        raise ShopDomainError(
            Text(
                "core.shopify.domain",
                "'{shown}' is a Shopify admin address without a shop in it. {help}",
                shown=_shown(original),
                help=_help(),
            )
        )
    if host.endswith(MYSHOPIFY_SUFFIX):
        handle = host[: -len(MYSHOPIFY_SUFFIX)]
        if _HANDLE.fullmatch(handle):
            return handle + MYSHOPIFY_SUFFIX
    raise _refused(original)


def _shown(text: str, limit: int = 80) -> str:
    """The merchant's input, shortened, printable and without credentials, for a message."""
    printable = redaction.redact("".join(ch if ch.isprintable() else "?" for ch in text))
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"
