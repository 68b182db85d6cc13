"""Where a token may go: only `https://<name>.myshopify.com` and the AliExpress gateway.

tests/core/shopify/test_domain.py fuzzes the shop-domain normaliser with ASCII URL pieces. This
adds the tricks an attacker (or a confused paste) would use: Unicode look-alikes and full-width
dots, percent-encoding, backslashes, userinfo, fragments and queries hiding a second host,
trailing dots, very long input, things that are not text at all; and it follows an accepted
address all the way: the client built from it sends its one request, token included, to that
host over https and nowhere else. The AliExpress gateway accepts only its official host (or an
explicit loopback fake).
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.aliexpress import Gateway
from core.shopify import AccessToken, ShopDomainError, ShopifyClient, ShopifyError
from core.shopify.domain import normalize_shop_domain
from tests.reliability.fuzzing import DEEP, QUICK, fuzz

RESULT = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.myshopify\.com", re.ASCII)
TOKEN = "shpat_" + "f" * 32

TRICKS = [
    "myshopify.com",
    ".myshopify.com",
    "ｍyshopify.com",
    "shop．myshopify．com",
    "shop.myshopify.com.",
    "shop.myshopify.com.evil.example",
    "evil.example#.myshopify.com",
    "evil.example?.myshopify.com",
    "evil.example\\.myshopify.com",
    "shop.myshopify.com@evil.example",
    "evil.example@shop.myshopify.com",
    "shop%2emyshopify.com",
    "xn--shp-mna.myshopify.com",  # an encoded Unicode name: refused
    "shop.myshopify.com:443",
    "shop.myshopify.com:8443",
    "admin.shopify.com/store/shop",
    "admin.shopify.com/store/../store/shop",
    "admin.shopify.com.evil.example/store/shop",
    "127.0.0.1",
    "[::1]",
    "localhost",
    "shop\u200b.myshopify.com",
    "shop\x00.myshopify.com",
    "-shop.myshopify.com",
    "shop-.myshopify.com",
    "a" * 64 + ".myshopify.com",
]
pieces = st.one_of(st.sampled_from(TRICKS), st.text(max_size=8), st.sampled_from([".", "/", "@"]))
addresses = st.tuples(
    st.sampled_from(["", "https://", "http://", "HTTPS://", "//", "javascript:", "file://"]),
    st.lists(pieces, min_size=1, max_size=4).map("".join),
).map("".join)


class Recorder(httpx.BaseTransport):
    """Answers every request itself and remembers where it was going and with what."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, int | None, bool]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        self.seen.append(
            (url.scheme, url.host, url.port, "x-shopify-access-token" in request.headers)
        )
        return httpx.Response(200, json={"data": {"shop": None}})


@fuzz(QUICK * 2)
@given(address=st.one_of(addresses, st.text(max_size=300)))
def test_a_token_goes_only_to_the_shop_the_address_names(address: str) -> None:
    token_goes_only_to(address)


@pytest.mark.slow
@fuzz(DEEP)
@given(address=st.one_of(addresses, st.text(max_size=300)))
def test_deep(address: str) -> None:
    token_goes_only_to(address)


def token_goes_only_to(address: str) -> None:
    try:
        shop = normalize_shop_domain(address)
    except ShopDomainError as error:
        assert str(error) and TOKEN not in str(error)
        return
    assert RESULT.fullmatch(shop)
    assert shop.removesuffix(".myshopify.com") in address.lower()
    recorder = Recorder()
    with ShopifyClient(address, AccessToken(TOKEN), transport=recorder) as client:
        try:
            assert client.run("shop") == {"shop": None}
        except ShopifyError as error:  # the client's own host check, before sending anything
            assert "Refusing to send" in str(error) and recorder.seen == []
            return
    assert recorder.seen == [("https", shop, None, True)]


@pytest.mark.parametrize("value", [None, 42, b"shop.myshopify.com", ["shop"], {"shop": 1}])
def test_what_is_not_text_is_refused(value: Any) -> None:
    with pytest.raises(ShopDomainError):
        normalize_shop_domain(value)


@fuzz(QUICK)
@given(
    url=st.one_of(
        addresses,
        st.sampled_from(
            [
                "https://api-sg.aliexpress.com.evil.example",
                "https://api-sg.aliexpress.com@evil.example",
                "http://api-sg.aliexpress.com",
                "https://api-sg.aliexpress.com:8443",
                "https://api-sg.aliexpress.com/sync",
                "https://api-sg.aliexpress.com?x=1",
                "https://API-SG.aliexpress.com.",
                "https://evil.example",
                "http://127.0.0.1:1",
            ]
        ),
    )
)
def test_the_aliexpress_gateway_is_the_official_host_or_nothing(url: str) -> None:
    try:
        gateway = Gateway(url)
    except ValueError:
        return
    assert gateway.base_url == "https://api-sg.aliexpress.com"
    assert gateway.sync_url == "https://api-sg.aliexpress.com/sync"


def test_a_loopback_gateway_must_be_asked_for_and_be_loopback() -> None:
    assert Gateway.for_loopback("http://127.0.0.1:8080").sync_url == "http://127.0.0.1:8080/sync"
    for url in ("http://10.0.0.1:8080", "http://evil.example", "http://127.0.0.1.evil.example"):
        with pytest.raises(ValueError):
            Gateway.for_loopback(url)
    with pytest.raises(ValueError):
        Gateway("http://127.0.0.1:8080")  # not without asking for a loopback fake
