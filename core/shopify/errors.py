"""Typed Shopify failures whose text a merchant can act on (and never contains a secret).

Callers branch on the class; str(error) is the English text, `text` has it in German too.
"""

from __future__ import annotations

from dataclasses import dataclass

from core import redaction
from core.texts import Text


class ShopifyError(Exception):
    """A problem talking to Shopify. `code` is Shopify's own error code when it gave one."""

    def __init__(self, message: Text | str, *, code: str | None = None, german: str = "") -> None:
        text = message if isinstance(message, Text) else Text.pair(message, german or message)
        # Redacted here, once for every subclass: messages quote Shopify's own words.
        self.text = text.map_fields(redaction.redact)
        super().__init__(self.text.english())
        self.code = code


class ShopifyAuthError(ShopifyError):
    """Shopify refused the access token or the client id and secret."""


class ShopifyScopeError(ShopifyError):
    """Shopify denied the app something the call needs: an access scope (`required` names it
    when Shopify did) or protected customer data (`protected`; granted in the app's
    configuration, not by scopes)."""

    def __init__(
        self,
        message: Text | str,
        *,
        required: tuple[str, ...] = (),
        german: str = "",
        protected: bool = False,
    ) -> None:
        super().__init__(message, code="ACCESS_DENIED", german=german)
        self.required = required
        self.protected = protected


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

    def __init__(self, message: Text | str, *, outcome_unknown: bool = False) -> None:
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

    def __init__(self, message: Text | str, details: tuple[UserErrorDetail, ...]) -> None:
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
