"""What the Admin API answers, as frozen dataclasses (money as Decimal + currency, aware UTC)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from core import money


@dataclass(frozen=True)
class Money:
    """An amount in one currency, exact; `minor` gives the integer minor units the ledger keeps."""

    amount: Decimal
    currency: str

    @property
    def minor(self) -> int:
        return money.to_minor(self.amount, self.currency)

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        return cls(money.to_decimal(minor, currency), currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


@dataclass(frozen=True)
class ShopInfo:
    """The answer to "test connection"."""

    name: str
    currency: str
    myshopify_domain: str


@dataclass(frozen=True)
class OrderLine:
    gid: str
    title: str
    sku: str
    quantity: int  # as ordered
    current_quantity: int  # after removals and refunds
    unfulfilled_quantity: int
    unit_price: Money

    @property
    def fulfillment_status(self) -> str:
        """fulfilled | partial | unfulfilled | removed, from the quantities Shopify reports."""
        if self.current_quantity <= 0:
            return "removed"
        if self.unfulfilled_quantity <= 0:
            return "fulfilled"
        if self.unfulfilled_quantity < self.current_quantity:
            return "partial"
        return "unfulfilled"


@dataclass(frozen=True)
class Order:
    gid: str
    legacy_id: int
    name: str
    created_at: datetime
    processed_at: datetime
    updated_at: datetime
    cancelled_at: datetime | None
    cancel_reason: str | None  # Shopify's OrderCancelReason
    currency: str
    total: Money
    refunded: Money
    financial_status: str  # OrderDisplayFinancialStatus, "" when Shopify gives none
    fulfillment_status: str  # OrderDisplayFulfillmentStatus
    refundable: bool
    customer_name: str
    email: str
    note: str
    tags: tuple[str, ...]
    custom_attributes: tuple[tuple[str, str], ...]
    lines: tuple[OrderLine, ...]
    customer_locale: str = ""  # "de", "en-US": the language to write the customer in

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


@dataclass(frozen=True)
class OrderPage:
    """One page of an orders listing; `end_cursor` continues it."""

    orders: tuple[Order, ...]
    end_cursor: str | None
    has_next_page: bool


@dataclass(frozen=True)
class CancelJob:
    """The background job Shopify runs for orderCancel."""

    order_gid: str
    job_id: str
    done: bool


@dataclass(frozen=True)
class SuggestedRefundLine:
    line_item_gid: str
    quantity: int
    restock_type: str
    price: Money
    subtotal: Money


@dataclass(frozen=True)
class SuggestedTransaction:
    amount: Money
    maximum_refundable: Money | None
    gateway: str | None
    kind: str
    parent_id: str | None


@dataclass(frozen=True)
class SuggestedRefund:
    """Shopify's preview of a refund: what it would pay back and through which transactions."""

    order_gid: str
    amount: Money
    maximum_refundable: Money
    subtotal: Money
    shipping: Money
    shipping_maximum: Money
    lines: tuple[SuggestedRefundLine, ...]
    transactions: tuple[SuggestedTransaction, ...]


@dataclass(frozen=True)
class RefundLineRequest:
    """A line to refund. restock_type: RETURN for fulfilled units, CANCEL for unfulfilled ones."""

    line_item_gid: str
    quantity: int
    restock_type: str = "NO_RESTOCK"


@dataclass(frozen=True)
class RefundTransactionRequest:
    """Money to send back through the payment it came from (`parent_id`)."""

    amount: Money
    gateway: str
    parent_id: str | None


@dataclass(frozen=True)
class Refund:
    gid: str
    legacy_id: int
    created_at: datetime | None
    total: Money
    note: str
    order_financial_status: str
    order_refunded: Money


@dataclass(frozen=True)
class ShopPolicy:
    gid: str
    kind: str  # ShopPolicyType, e.g. REFUND_POLICY
    title: str
    body: str
    url: str
    updated_at: datetime
