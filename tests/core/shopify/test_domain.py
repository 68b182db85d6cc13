"""Shop domain normalisation: what a merchant pastes becomes name.myshopify.com, or is refused."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.shopify import ShopDomainError, ShopifyClient, normalize_shop_domain
from core.shopify.auth import AccessToken

RESULT = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.myshopify\.com", re.ASCII)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my-shop", "my-shop.myshopify.com"),
        ("my-shop--de", "my-shop--de.myshopify.com"),  # double hyphens elsewhere are plain
        ("  My-Shop  ", "my-shop.myshopify.com"),
        ("my-shop.myshopify.com", "my-shop.myshopify.com"),
        ("MY-SHOP.MYSHOPIFY.COM.", "my-shop.myshopify.com"),
        ("https://my-shop.myshopify.com", "my-shop.myshopify.com"),
        ("https://my-shop.myshopify.com/admin", "my-shop.myshopify.com"),
        ("https://my-shop.myshopify.com:443/admin/orders/1", "my-shop.myshopify.com"),
        ("my-shop.myshopify.com/admin/orders?x=1", "my-shop.myshopify.com"),
        ("https://admin.shopify.com/store/my-shop", "my-shop.myshopify.com"),
        ("https://admin.shopify.com/store/my-shop/orders/5512", "my-shop.myshopify.com"),
        ("admin.shopify.com/store/shop42/", "shop42.myshopify.com"),
    ],
)
def test_accepted_forms(text: str, expected: str) -> None:
    assert normalize_shop_domain(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "http://my-shop.myshopify.com",
        "ftp://my-shop.myshopify.com",
        "https://evil.com",
        "https://my-shop.myshopify.com.evil.com",
        "https://evil.com/my-shop.myshopify.com",
        "https://evil.com#.myshopify.com",
        "https://evil.com?.myshopify.com",
        "https://user:pw@my-shop.myshopify.com",
        "xn--shp-mna",  # an encoded Unicode name ("shöp"), in every form
        "xn--shp-mna.myshopify.com",
        "https://admin.shopify.com/store/xn--shp-mna",
        "ab--cd.myshopify.com",
        "https://evil.com\\@my-shop.myshopify.com",
        "https://my-shop.myshopify.com@evil.com",
        "https://my-shop.myshopify.com:8443",
        "https://a.b.myshopify.com",
        "https://-shop.myshopify.com",
        "https://.myshopify.com",
        "https://admin.shopify.com/",
        "https://admin.shopify.com/store/",
        "https://admin.shopify.com/store/ev!l",
        "https://shopify.com/store/my-shop",
        "my shop",
        "my_shop",
        "mу-shop",  # Cyrillic у
        "my-shop\n.myshopify.com",
        "https://[::1]/",
        "https://my-shop.myshopify.com:99999",
    ],
)
def test_refused_forms(text: str) -> None:
    with pytest.raises(ShopDomainError) as info:
        normalize_shop_domain(text)
    assert "Shopify" in str(info.value) or "shop" in str(info.value)


def test_message_does_not_repeat_a_pasted_token() -> None:
    token = "shpat_" + "ab12" * 8
    with pytest.raises(ShopDomainError) as info:
        normalize_shop_domain(token)
    assert token not in str(info.value)


def test_client_refuses_a_foreign_host_before_any_request() -> None:
    with pytest.raises(ShopDomainError):
        ShopifyClient("https://evil.example", AccessToken("shpat_" + "1" * 32))


_host_chars = st.sampled_from([*"abcxyz019-._@:/\\#?%[]", "myshopify", ".com", "shopify"])
_hosts = st.lists(_host_chars, min_size=1, max_size=12).map("".join)


@given(st.text(max_size=80))
def test_any_text_is_normalised_or_refused_cleanly(text: str) -> None:
    try:
        result = normalize_shop_domain(text)
    except ShopDomainError:
        return
    assert RESULT.fullmatch(result)


@given(
    scheme=st.sampled_from(["https://", "http://", "", "HTTPS://", "//"]),
    host=_hosts,
    rest=st.sampled_from(["", "/", "/admin", "/store/shop", ":443", "?a=b", "#x"]),
)
def test_urls_never_yield_anything_but_a_myshopify_host(scheme: str, host: str, rest: str) -> None:
    text = scheme + host + rest
    try:
        result = normalize_shop_domain(text)
    except ShopDomainError:
        return
    assert RESULT.fullmatch(result)
    # The shop name really was the host the merchant gave (or the store in an admin URL).
    name = result.removesuffix(".myshopify.com")
    assert name in text.lower()


@given(host=st.from_regex(r"[a-z0-9-]{1,20}(\.[a-z0-9-]{1,20}){1,3}", fullmatch=True))
def test_other_hosts_are_refused(host: str) -> None:
    if host.endswith(".myshopify.com"):
        return
    if host == "admin.shopify.com":
        return
    with pytest.raises(ShopDomainError):
        normalize_shop_domain(f"https://{host}/store/shop/admin")
