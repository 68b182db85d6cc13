"""Following the money: the refund the supplier owes, the refund paid to the customer.

Both are `refund` rows of the cancellation. The supplier's refund is expected once the
supplier accepted (its window starts then) and is re-dated when AliExpress reports the refund
completed; it is received when the merchant says the money arrived. What the customer got is
recorded when the Shopify step is done, from Shopify's answer or as entered by hand.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from core import clocks
from core.cancel.errors import CancelError
from core.cancel.next_deadline import pending_supplier_refund
from core.cancel.terms import terms_for
from core.ledger import journal
from core.ledger.models import Cancellation, Refund, SupplierOrder
from core.ledger.types import RefundDirection, RefundState
from core.texts import Text


def supplier_refunds(session: Session, cancellation_id: int) -> list[Refund]:
    query = (
        select(Refund)
        .where(
            Refund.cancellation_id == cancellation_id,
            Refund.direction == RefundDirection.FROM_SUPPLIER.value,
        )
        .order_by(col(Refund.id))
    )
    return list(session.exec(query))


def customer_refunds(session: Session, cancellation_id: int) -> list[Refund]:
    query = (
        select(Refund)
        .where(
            Refund.cancellation_id == cancellation_id,
            Refund.direction == RefundDirection.TO_CUSTOMER.value,
        )
        .order_by(col(Refund.id))
    )
    return list(session.exec(query))


def expect_from_supplier(
    session: Session,
    row: Cancellation,
    at: datetime,
    *,
    completed_at_supplier: bool,
    amount_minor: int | None = None,
    currency: str | None = None,
) -> Refund:
    """Create (or re-date) the supplier's refund: expected from `at` within its window.

    completed_at_supplier: AliExpress reports the refund done (state issued) rather than the
    supplier merely agreeing (expected).
    """
    assert row.id is not None
    supplier_order = (
        session.get(SupplierOrder, row.supplier_order_id) if row.supplier_order_id else None
    )
    terms = terms_for(session, supplier_order)
    earliest, latest = clocks.refund_expected(
        at, terms.refund_days_min, terms.refund_days_max, terms.merchant_country, terms.merchant_tz
    )
    refund = pending_supplier_refund(session, row.id)
    if refund is None:
        refund = Refund(
            cancellation_id=row.id,
            customer_order_id=row.customer_order_id,
            supplier_order_id=row.supplier_order_id,
            direction=RefundDirection.FROM_SUPPLIER.value,
            amount_minor=supplier_order.cost_minor if supplier_order else 0,
            currency=supplier_order.currency if supplier_order else "USD",
            reason=row.reason,
            fault=row.fault,
        )
    if amount_minor is not None:
        refund.amount_minor = amount_minor
    if currency is not None:
        refund.currency = currency
    refund.state = (RefundState.ISSUED if completed_at_supplier else RefundState.EXPECTED).value
    refund.issued_at = at
    refund.expected_from = earliest
    refund.expected_until = latest
    session.add(refund)
    session.flush()
    return refund


def receive_from_supplier(
    session: Session, row: Cancellation, at: datetime, amount_minor: int | None
) -> Refund:
    assert row.id is not None
    refund = pending_supplier_refund(session, row.id)
    if refund is None:
        raise CancelError(
            Text(
                "core.cancel.money_trail",
                "No refund from the supplier is expected for this cancellation.",
            )
        )
    if amount_minor is not None:
        if amount_minor < 0:
            raise CancelError(
                Text(
                    "core.cancel.money_trail",
                    "A refund amount cannot be negative.",
                )
            )
        refund.amount_minor = amount_minor
    refund.state = RefundState.RECEIVED.value
    refund.completed_at = at
    session.add(refund)
    session.flush()
    return refund


def record_to_customer(
    session: Session,
    row: Cancellation,
    at: datetime,
    amount_minor: int,
    currency: str,
    *,
    shopify_refund_gid: str | None = None,
) -> Refund | None:
    """The customer's refund (none when nothing was paid back)."""
    if amount_minor < 0:
        raise CancelError(
            Text(
                "core.cancel.money_trail",
                "A refund amount cannot be negative.",
            )
        )
    if amount_minor == 0:
        return None
    refund = Refund(
        cancellation_id=row.id,
        customer_order_id=row.customer_order_id,
        supplier_order_id=row.supplier_order_id,
        direction=RefundDirection.TO_CUSTOMER.value,
        amount_minor=amount_minor,
        currency=currency,
        reason=row.reason,
        fault=row.fault,
        state=RefundState.ISSUED.value,
        issued_at=at,
        completed_at=at,
        shopify_refund_gid=shopify_refund_gid,
    )
    session.add(refund)
    session.flush()
    assert refund.id is not None
    journal.record(
        session,
        "refund.issued_to_customer",
        "refund",
        refund.id,
        {"amount_minor": amount_minor, "currency": currency, "cancellation_id": row.id},
        at=at,
    )
    return refund
