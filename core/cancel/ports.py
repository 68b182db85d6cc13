"""What the workflow needs from Shopify and AliExpress, as two small protocols.

Offline or manual mode is simply `None` for a port. `ShopifyShop` adapts a `ShopifyClient`;
`DropshipApi` already is a `SupplierPort` (it is the status sync's `OrderSource`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.aliexpress.orders import AEOrder, Tracking
from core.shopify import (
    CancelJob,
    Money,
    Order,
    Refund,
    RefundLineRequest,
    RefundTransactionRequest,
    ShopifyClient,
    ShopifyJobError,
    SuggestedRefund,
    cancel_order,
    create_refund,
    get_order,
    suggest_refund,
)
from core.shopify.order_cancel import job_done


class SupplierPort(Protocol):
    """Fresh order status and tracking from AliExpress (`core.aliexpress.DropshipApi`)."""

    def order(self, external_order_id: str) -> AEOrder: ...

    def tracking(self, external_order_id: str) -> Tracking | None: ...


class ShopPort(Protocol):
    """The Shopify calls of the workflow; errors are `core.shopify` errors."""

    def get_order(self, order_id: str) -> Order: ...

    def cancel_order(
        self,
        order_id: str,
        *,
        reason: str,
        restock: bool,
        notify_customer: bool,
        staff_note: str | None,
    ) -> CancelJob: ...

    def job_done(self, job_id: str) -> bool | None:
        """True/False, or None when Shopify no longer knows the job."""
        ...

    def suggest_refund(
        self, order_id: str, lines: Sequence[RefundLineRequest], *, refund_shipping: bool
    ) -> SuggestedRefund: ...

    def create_refund(
        self,
        order_id: str,
        *,
        idempotency_key: str,
        lines: Sequence[RefundLineRequest],
        transactions: Sequence[RefundTransactionRequest],
        shipping: Money | None,
        note: str | None,
        notify: bool,
    ) -> Refund: ...


class ShopifyShop:
    """`ShopPort` over the Admin API client (one shop)."""

    def __init__(self, client: ShopifyClient) -> None:
        self.client = client

    def __repr__(self) -> str:
        return f"ShopifyShop({self.client.shop!r})"

    def get_order(self, order_id: str) -> Order:
        return get_order(self.client, order_id)

    def cancel_order(
        self,
        order_id: str,
        *,
        reason: str,
        restock: bool,
        notify_customer: bool,
        staff_note: str | None,
    ) -> CancelJob:
        return cancel_order(
            self.client,
            order_id,
            reason=reason,
            restock=restock,
            notify_customer=notify_customer,
            staff_note=staff_note,
        )

    def job_done(self, job_id: str) -> bool | None:
        try:
            return job_done(self.client, job_id)
        except ShopifyJobError:  # Shopify does not know the job (any more)
            return None

    def suggest_refund(
        self, order_id: str, lines: Sequence[RefundLineRequest], *, refund_shipping: bool
    ) -> SuggestedRefund:
        return suggest_refund(self.client, order_id, lines, refund_shipping=refund_shipping)

    def create_refund(
        self,
        order_id: str,
        *,
        idempotency_key: str,
        lines: Sequence[RefundLineRequest],
        transactions: Sequence[RefundTransactionRequest],
        shipping: Money | None,
        note: str | None,
        notify: bool,
    ) -> Refund:
        return create_refund(
            self.client,
            order_id,
            idempotency_key=idempotency_key,
            lines=lines,
            transactions=transactions,
            shipping=shipping,
            note=note,
            notify=notify,
        )
