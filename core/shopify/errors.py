"""Typed Shopify failures whose text a merchant can act on (and never contains a secret).

Callers branch on the class; the GUI shows str(error) as is.
"""

from __future__ import annotations

from dataclasses import dataclass

from core import redaction


class ShopifyError(Exception):
    """A problem talking to Shopify. `code` is Shopify's own error code when it gave one."""

    def __init__(self, message: str, *, code: str | None = None) -> None:
        # Redacted here, once for every subclass: messages quote Shopify's own words.
        super().__init__(redaction.redact(message))
        self.code = code


class ShopifyAuthError(ShopifyError):
    """Shopify refused the access token or the client id and secret."""


class ShopifyScopeError(ShopifyError):
    """The app lacks a permission (access scope) the call needs."""

    def __init__(self, message: str, *, required: tuple[str, ...] = ()) -> None:
        super().__init__(message, code="ACCESS_DENIED")
        self.required = required


class ShopNotFoundError(ShopifyError):
    """No shop answers at that myshopify domain."""


class ShopUnavailableError(ShopifyError):
    """The shop exists but is frozen, locked or closed."""


class OrderNotFoundError(ShopifyError):
    """The order does not exist in this shop (or the app may not see it)."""


class ShopifyThrottledError(ShopifyError):
    """Shopify kept answering THROTTLED for longer than Dropdesk is willing to wait."""


class ShopifyUnavailableError(ShopifyError):
    """Shopify could not be reached or kept failing after the retries.

    `outcome_unknown` is True when a change (mutation) may have been applied anyway: read the
    order again before sending it a second time.
    """

    def __init__(self, message: str, *, outcome_unknown: bool = False) -> None:
        super().__init__(message)  # redacted by ShopifyError
        self.outcome_unknown = outcome_unknown


class ShopifyRedirectError(ShopifyError):
    """Shopify answered with a redirect; it is not followed so the token stays with the shop."""


class ShopifyQueryError(ShopifyError):
    """Shopify rejected the request itself (a Dropdesk bug or an API change)."""


@dataclass(frozen=True)
class UserErrorDetail:
    """One entry of a mutation's userErrors."""

    message: str
    field: tuple[str, ...] = ()
    code: str | None = None


class ShopifyUserError(ShopifyError):
    """Shopify refused a change and said why (a mutation's userErrors)."""

    def __init__(self, message: str, details: tuple[UserErrorDetail, ...]) -> None:
        super().__init__(message, code=details[0].code if details else None)
        self.details = details


class OrderCancelRefusedError(ShopifyUserError):
    """Shopify would not cancel the order (fulfilled, already cancelled, ...)."""


class RefundRefusedError(ShopifyUserError):
    """Shopify would not create the refund (amount too high, nothing refundable, ...)."""


class ShopPolicyRefusedError(ShopifyUserError):
    """Shopify would not save the policy text (too long, ...)."""


class ShopifyJobError(ShopifyError):
    """A background job (order cancel) did not finish in time or finished without effect."""
