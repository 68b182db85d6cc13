""" "Test connection": prove that the shop address, the credentials and the API version work."""

from __future__ import annotations

from sqlmodel import select

from core.ledger import Ledger
from core.ledger.models import Shop
from core.shopify import parse
from core.shopify.client import ShopifyClient
from core.shopify.domain import normalize_shop_domain
from core.shopify.errors import ShopifyError
from core.shopify.results import ShopInfo
from core.texts import Text


def check_connection(client: ShopifyClient) -> ShopInfo:
    """The shop's name and currency, or a ShopifyError that says what to fix."""
    info = parse.shop_info(client.run("shop"))
    if info.myshopify_domain.lower() != client.shop:
        raise ShopifyError(
            Text(
                "core.shopify.connection",
                "{client_shop} answered as {info_myshopify_domain}. Check the shop address.",
                client_shop=client.shop,
                info_myshopify_domain=info.myshopify_domain,
            )
        )
    return info


def save_shop(
    ledger: Ledger,
    info: ShopInfo,
    *,
    api_version: str,
    auth_kind: str,
    client_id: str | None = None,
) -> int:
    """Create or update the ledger's row for this shop (no secret goes in); returns its id."""
    if auth_kind not in ("token", "client_credentials"):
        raise ValueError(f"unknown auth kind {auth_kind!r}")
    domain = normalize_shop_domain(info.myshopify_domain)
    with ledger.session() as session:
        shop = session.exec(select(Shop).where(Shop.domain == domain)).first()
        if shop is None:
            shop = Shop(domain=domain)
        shop.name = info.name
        shop.currency = info.currency
        shop.api_version = api_version
        shop.auth_kind = auth_kind
        shop.client_id = client_id if auth_kind == "client_credentials" else None
        session.add(shop)
        session.flush()
        assert shop.id is not None
        return shop.id
