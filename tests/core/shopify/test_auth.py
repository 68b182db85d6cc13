"""Credentials: fixed token or client credentials; renewal; no secret in any text."""

from __future__ import annotations

import logging

import pytest

from core.shopify import (
    AccessToken,
    ClientCredentials,
    ShopifyAuthError,
    check_connection,
    get_order,
)
from core.shopify.auth import IssuedToken
from tests.core.shopify.conftest import MakeClient
from tests.fakes.shopify_server import ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, FakeShopify


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _credentials() -> ClientCredentials:
    return ClientCredentials(CLIENT_ID, CLIENT_SECRET)


def test_reprs_hide_secrets(make_client: MakeClient) -> None:
    token = AccessToken(ACCESS_TOKEN)
    credentials = _credentials()
    issued = IssuedToken("shpca_" + "f" * 32, 86399.0)
    client = make_client(credentials)
    texts = [repr(token), str(token), repr(credentials), str(credentials), repr(issued)]
    texts += [repr(client), str(client), repr(make_client(token))]
    joined = "\n".join(texts)
    assert ACCESS_TOKEN not in joined
    assert CLIENT_SECRET not in joined
    assert issued.value not in joined
    assert CLIENT_ID in repr(credentials)  # the public half stays visible
    assert "hidden" in repr(token)


def test_bad_token_text_is_refused_without_quoting_it() -> None:
    bad = "shpat_abc\ndef0123"
    with pytest.raises(ValueError) as info:
        AccessToken(bad)
    assert bad not in str(info.value)


def test_client_credentials_token_is_fetched_once_and_reused(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake_shopify.access_token = None  # only issued tokens are accepted
    client = make_client(_credentials())
    check_connection(client)
    check_connection(client)
    assert len(fake_shopify.tokens_issued) == 1
    assert client.tokens_issued == 1
    assert [e.path for e in fake_shopify.log].count("/admin/oauth/access_token") == 1


def test_token_is_renewed_before_it_expires(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake_shopify.access_token = None
    fake_shopify.token_lifetime = 3600.0
    clock = ManualClock()
    client = make_client(_credentials(), clock=clock)
    check_connection(client)
    clock.now += 3600 - 301  # not yet within 5 minutes of expiry
    check_connection(client)
    assert len(fake_shopify.tokens_issued) == 1
    clock.now += 2  # now within the renewal margin: a fresh token before the old one expires
    check_connection(client)
    assert len(fake_shopify.tokens_issued) == 2
    assert fake_shopify.tokens_issued[0] != fake_shopify.tokens_issued[1]
    assert all(e.status == 200 for e in fake_shopify.log)  # never a 401 on the way


def test_token_is_renewed_once_on_401(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    fake_shopify.access_token = None
    client = make_client(_credentials())
    check_connection(client)
    fake_shopify.expire_tokens()  # Shopify thinks it expired, the client does not
    info = check_connection(client)
    assert info.myshopify_domain == fake_shopify.domain
    assert len(fake_shopify.tokens_issued) == 2
    assert [e.status for e in fake_shopify.graphql_log()] == [200, 200]
    assert [e.status for e in fake_shopify.log if e.operation is None and e.status == 401] == [401]


def test_persistent_401_is_not_retried_forever(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake_shopify.access_token = None
    client = make_client(_credentials())
    check_connection(client)
    fake_shopify.fail_next("401", times=5)
    with pytest.raises(ShopifyAuthError, match="freshly issued") as info:
        check_connection(client)
    assert len(fake_shopify.tokens_issued) == 2  # one renewal, then give up
    assert [e.failure for e in fake_shopify.log].count("401") == 2
    assert fake_shopify.tokens_issued[-1] not in str(info.value)


def test_wrong_fixed_token_says_so_without_the_token(
    make_client: MakeClient, fake_shopify: FakeShopify, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "shpat_" + "deadbeef" * 4
    client = make_client(AccessToken(wrong))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ShopifyAuthError, match="refused the access token") as info:
        get_order(client, 1001)
    assert wrong not in str(info.value)
    assert wrong not in caplog.text


def test_wrong_client_secret_says_so_without_the_secret(
    make_client: MakeClient, fake_shopify: FakeShopify, caplog: pytest.LogCaptureFixture
) -> None:
    wrong_secret = "not-the-secret-" + "7" * 20
    client = make_client(ClientCredentials(CLIENT_ID, wrong_secret))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ShopifyAuthError, match="client id and secret") as info:
        check_connection(client)
    assert info.value.code == "invalid_client"
    assert wrong_secret not in str(info.value)
    assert wrong_secret not in caplog.text
    assert fake_shopify.tokens_issued == []
