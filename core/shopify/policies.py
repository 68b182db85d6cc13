"""Publishing a legal policy (the refund policy Dropdesk drafts) with shopPolicyUpdate."""

from __future__ import annotations

from core.shopify import parse
from core.shopify.client import ShopifyClient
from core.shopify.errors import ShopPolicyRefusedError
from core.shopify.results import ShopPolicy
from core.texts import Text

POLICY_TYPES = frozenset(
    {
        "REFUND_POLICY",
        "SHIPPING_POLICY",
        "PRIVACY_POLICY",
        "TERMS_OF_SERVICE",
        "TERMS_OF_SALE",
        "LEGAL_NOTICE",
        "SUBSCRIPTION_POLICY",
        "CONTACT_INFORMATION",
    }
)


def update_shop_policy(client: ShopifyClient, kind: str, body: str) -> ShopPolicy:
    """Replace the shop's policy of this kind (e.g. REFUND_POLICY) with `body` (HTML)."""
    if kind not in POLICY_TYPES:
        raise ValueError(f"{kind!r} is not one of Shopify's policy types.")
    data = client.run(
        "shop_policy_update", {"shopPolicy": {"type": kind, "body": body}}, repeatable=True
    )
    payload = parse.obj(data.get("shopPolicyUpdate"), "shopPolicyUpdate")
    details = parse.user_errors(payload.get("userErrors"))
    if details:
        said = "; ".join(detail.message for detail in details)
        raise ShopPolicyRefusedError(
            Text("core.shopify.policies", "Shopify would not save the policy: {said}.", said=said),
            details,
        )
    return parse.shop_policy(payload.get("shopPolicy"))
