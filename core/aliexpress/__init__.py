"""AliExpress Open Platform (dropshipping): signing, OAuth tokens, orders, tracking, status sync.

Everything goes through `GatewayClient` (https to the official host only, or an explicit
loopback fake). Secrets are passed in and handed back, never stored here.
"""

from core.aliexpress.client import GatewayClient
from core.aliexpress.dropship import DropshipApi
from core.aliexpress.errors import (
    AliExpressError,
    CredentialsError,
    GatewayError,
    GatewayUnavailableError,
    OrderNotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ReconnectRequiredError,
    SignatureError,
    TimestampError,
    TokenExpiredError,
    UnexpectedResponseError,
)
from core.aliexpress.gateway import Gateway
from core.aliexpress.oauth import (
    RefreshingTokens,
    StaticToken,
    TokenProvider,
    TokenSet,
    authorize_url,
    exchange_code,
    reconnect_required,
    refresh_tokens,
    refresh_warning,
)
from core.aliexpress.orders import AEOrder, OrderStatus, Tracking
from core.aliexpress.rate_limit import RateLimiter
from core.aliexpress.retry import RetryPolicy
from core.aliexpress.signing import sign
from core.aliexpress.status_sync import SyncFailure, SyncSummary, sync_order_statuses
from core.status_words import EndKind

__all__ = [
    "AEOrder",
    "AliExpressError",
    "CredentialsError",
    "DropshipApi",
    "EndKind",
    "Gateway",
    "GatewayClient",
    "GatewayError",
    "GatewayUnavailableError",
    "OrderNotFoundError",
    "OrderStatus",
    "PermissionDeniedError",
    "RateLimitedError",
    "RateLimiter",
    "ReconnectRequiredError",
    "RefreshingTokens",
    "RetryPolicy",
    "SignatureError",
    "StaticToken",
    "SyncFailure",
    "SyncSummary",
    "TimestampError",
    "TokenExpiredError",
    "TokenProvider",
    "TokenSet",
    "Tracking",
    "UnexpectedResponseError",
    "authorize_url",
    "exchange_code",
    "reconnect_required",
    "refresh_tokens",
    "refresh_warning",
    "sign",
    "sync_order_statuses",
]
