"""Shopify Admin GraphQL API: client, operations, and the order sync into the ledger.

Typical use (off the GUI thread):

    client = ShopifyClient("my-shop", AccessToken(token))
    info = check_connection(client)
    report = sync_orders(ledger, client, shop_id, progress=..., cancel=event)
"""

from core.shopify.auth import AccessToken, ClientCredentials, Credentials
from core.shopify.client import ClientStats, ShopifyClient
from core.shopify.connection import check_connection, save_shop
from core.shopify.domain import ShopDomainError, normalize_shop_domain
from core.shopify.errors import (
    OrderCancelRefusedError,
    OrderNotFoundError,
    RefundRefusedError,
    ShopifyAuthError,
    ShopifyError,
    ShopifyJobError,
    ShopifyQueryError,
    ShopifyRedirectError,
    ShopifyScopeError,
    ShopifyThrottledError,
    ShopifyUnavailableError,
    ShopifyUserError,
    ShopNotFoundError,
    ShopPolicyRefusedError,
    ShopUnavailableError,
    UserErrorDetail,
)
from core.shopify.order_cancel import cancel_order, cancel_order_and_wait, wait_for_job
from core.shopify.orders import (
    count_orders_updated_since,
    find_order_by_name,
    get_order,
    iter_order_pages,
    order_gid,
)
from core.shopify.policies import update_shop_policy
from core.shopify.refunds import (
    create_refund,
    create_refund_as_suggested,
    new_idempotency_key,
    suggest_refund,
)
from core.shopify.results import (
    CancelJob,
    Money,
    Order,
    OrderLine,
    OrderPage,
    Refund,
    RefundLineRequest,
    RefundTransactionRequest,
    ShopInfo,
    ShopPolicy,
    SuggestedRefund,
)
from core.shopify.sync import SyncReport, sync_orders
from core.shopify.versions import (
    DEFAULT_API_VERSION,
    OFFERED_API_VERSIONS,
    OLDEST_API_VERSION,
    ApiVersionError,
    check_api_version,
)

__all__ = [
    "DEFAULT_API_VERSION",
    "OFFERED_API_VERSIONS",
    "OLDEST_API_VERSION",
    "AccessToken",
    "ApiVersionError",
    "CancelJob",
    "ClientCredentials",
    "ClientStats",
    "Credentials",
    "Money",
    "Order",
    "OrderCancelRefusedError",
    "OrderLine",
    "OrderNotFoundError",
    "OrderPage",
    "Refund",
    "RefundLineRequest",
    "RefundRefusedError",
    "RefundTransactionRequest",
    "ShopDomainError",
    "ShopInfo",
    "ShopNotFoundError",
    "ShopPolicy",
    "ShopPolicyRefusedError",
    "ShopUnavailableError",
    "ShopifyAuthError",
    "ShopifyClient",
    "ShopifyError",
    "ShopifyJobError",
    "ShopifyQueryError",
    "ShopifyRedirectError",
    "ShopifyScopeError",
    "ShopifyThrottledError",
    "ShopifyUnavailableError",
    "ShopifyUserError",
    "SuggestedRefund",
    "SyncReport",
    "UserErrorDetail",
    "cancel_order",
    "cancel_order_and_wait",
    "check_api_version",
    "check_connection",
    "count_orders_updated_since",
    "create_refund",
    "create_refund_as_suggested",
    "find_order_by_name",
    "get_order",
    "iter_order_pages",
    "new_idempotency_key",
    "normalize_shop_domain",
    "order_gid",
    "save_shop",
    "suggest_refund",
    "sync_orders",
    "update_shop_policy",
    "wait_for_job",
]
