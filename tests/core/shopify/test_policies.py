"""Publishing the refund policy with shopPolicyUpdate."""

from __future__ import annotations

import pytest

from core.shopify import ShopifyScopeError, ShopPolicyRefusedError, update_shop_policy
from tests.core.shopify.conftest import MakeClient
from tests.fakes.shopify_server import FakeShopify


def test_policy_is_published(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    body = "<p>All sales are final unless the item arrived wrong or damaged.</p>"
    policy = update_shop_policy(make_client(), "REFUND_POLICY", body)
    assert policy.kind == "REFUND_POLICY" and policy.body == body
    assert policy.url.endswith("/policies/refund-policy")
    assert fake_shopify.state.policies["REFUND_POLICY"]["body"] == body


def test_too_long_policy_is_refused(make_client: MakeClient) -> None:
    with pytest.raises(ShopPolicyRefusedError, match="too big") as info:
        update_shop_policy(make_client(), "REFUND_POLICY", "x" * (513 * 1024))
    assert info.value.code == "TOO_BIG"


def test_policy_needs_its_scope(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    fake_shopify.scopes.discard("write_legal_policies")
    with pytest.raises(ShopifyScopeError, match="write_legal_policies"):
        update_shop_policy(make_client(), "REFUND_POLICY", "<p>x</p>")


def test_unknown_policy_type(make_client: MakeClient) -> None:
    with pytest.raises(ValueError, match="policy types"):
        update_shop_policy(make_client(), "RETURNS", "x")
