"""A supplier order's status and how it ended: the one vocabulary, in the merchant's words
(English and German) and as kinds the workflow acts on.

The vocabulary is AliExpress' documented words (the first supplier platform); every platform
classifies its own raw words into it (`core.supplier_platforms`), so the ledger, its indexes
and every screen read one set. The codes (WAIT_SELLER_SEND_GOODS, seller_send_goods_timeout)
are never shown to the merchant. A code Dropdesk does not know reads as a generic phrase; the
window puts the code itself in a tooltip, for support.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from core.texts import Text


class EndKind(StrEnum):
    """How a finished order ended, from its end reason(s)."""

    OPEN = "open"  # no end reason (yet)
    DELIVERED = "delivered"
    CANCELLED = "cancelled"  # closed before shipping, money back (cancel accepted, timeouts)
    REFUNDED = "refunded"  # closed by a dispute in the buyer's favour
    OTHER = "other"  # an end reason Dropdesk does not know: shown raw


# The end reasons AliExpress documents (order-level `end_reason` / `order_end_reason` of the
# seller and buyer order APIs; `child_order_list[].end_reason` of `aliexpress.trade.ds.order.get`
# which also uses upper-case words such as `CANCELED`). Compared in lower case.
DELIVERED_END_REASONS = frozenset(
    {
        "buyer_accept_goods",  # the buyer confirmed receipt
        "buyer_accept_goods_timeout",  # confirmed automatically when the window ran out
        "buyer_confirm_goods",  # the wording of the DS child orders for the same
        "buyer_confirm_goods_timeout",
    }
)
CANCEL_END_REASONS = frozenset(
    {
        "cancel_order_close_trade",  # a cancellation request went through
        "buyer_cancel_order_in_risk",
        "buyer_cancel_notpay_order",
        "buyer_pay_timeout",
        "pay_timeout",
        "risk_reject_closed",
        "seller_send_goods_timeout",  # the supplier missed the ship window: full refund
        "canceled",  # child orders (`CANCELED`)
        "cancelled",
    }
)
REFUND_END_REASONS = frozenset(
    {"seller_accept_issue_no_goods_return", "seller_response_issue_timeout"}
)
#: The stored statuses the workflow names.
FINISHED = "FINISH"
CANCEL_REQUESTED = "IN_CANCEL"
#: Order statuses under which the parcel has not left the supplier yet (the SQL of the ship
#: window's queries lists them in this order).
AWAITING_SHIPMENT = (
    "PLACE_ORDER_SUCCESS",
    "PAYMENT_PROCESSING",
    "WAIT_SELLER_EXAMINE_MONEY",
    "RISK_CONTROL",
    "RISK_CONTROL_HOLD",
    "WAIT_SELLER_SEND_GOODS",
    "WAIT_GROUP",
    "WAIT_COMPLETE_ADDRESS",
)
#: Order statuses of an order whose goods left the supplier (some or all of them).
SHIPPED_STATUSES = frozenset(
    {"SELLER_PART_SEND_GOODS", "WAIT_BUYER_ACCEPT_GOODS", "FUND_PROCESSING"}
)
#: The parcel's own state (`logistics_status`): every word the vocabulary has, and the shipped.
LOGISTICS_STATUSES = frozenset(
    {
        "DEFAULT",
        "WAIT_SELLER_SEND_GOODS",
        "SELLER_SEND_PART_GOODS",
        "SELLER_SEND_GOODS",
        "BUYER_ACCEPT_GOODS",
        "NO_LOGISTICS",
    }
)
DELIVERED_LOGISTICS = "BUYER_ACCEPT_GOODS"
SHIPPED_LOGISTICS = frozenset({"SELLER_SEND_PART_GOODS", "SELLER_SEND_GOODS", DELIVERED_LOGISTICS})

#: Separates the child orders' reasons when they are stored together (`end_reason` column).
REASON_SEPARATOR = ","


def end_kind(end_reason: str) -> EndKind:
    """The end of an order from its stored reason: one reason, or its child orders' reasons
    joined by commas (see `combined_end`)."""
    parts = end_reason.split(REASON_SEPARATOR)
    if len(parts) == 1:
        return _single_end_kind(parts[0])
    return combined_end(_single_end_kind(part) for part in parts)


def combined_end(kinds: Iterable[EndKind]) -> EndKind:
    """How an order ended when its child orders ended in different ways.

    - Any child without an end: the order has not ended yet (OPEN), so it is checked again.
    - Every child cancelled: CANCELLED (nothing was shipped, the whole amount comes back).
    - Any child delivered: DELIVERED; goods reached the customer, so the order must not count
      as cancelled even if other items were cancelled (their refund is partial).
    - Only cancelled and refunded children: REFUNDED (money back, no goods kept).
    - Anything else (a reason Dropdesk does not know among them): OTHER, shown raw.
    """
    found = list(kinds)
    if not found or EndKind.OPEN in found:
        return EndKind.OPEN
    distinct = set(found)
    if distinct == {EndKind.CANCELLED}:
        return EndKind.CANCELLED
    if EndKind.DELIVERED in distinct:
        return EndKind.DELIVERED
    if distinct <= {EndKind.CANCELLED, EndKind.REFUNDED}:
        return EndKind.REFUNDED
    return EndKind.OTHER


def _single_end_kind(end_reason: str) -> EndKind:
    reason = end_reason.strip().lower()
    if not reason:
        return EndKind.OPEN
    if reason in DELIVERED_END_REASONS:
        return EndKind.DELIVERED
    if reason in CANCEL_END_REASONS or "cancel" in reason:
        return EndKind.CANCELLED
    if reason in REFUND_END_REASONS:
        return EndKind.REFUNDED
    return EndKind.OTHER


def is_cancelled(order_status: str, end_reason: str) -> bool:
    """Closed without shipping and paid back: a cancellation went through."""
    return order_status == FINISHED and end_kind(end_reason) is EndKind.CANCELLED


def is_shipped(order_status: str, logistics_status: str, end_reason: str) -> bool:
    """The supplier has sent (part of) the goods."""
    if is_cancelled(order_status, end_reason):
        return False
    return (
        order_status in SHIPPED_STATUSES
        or logistics_status in SHIPPED_LOGISTICS
        or (order_status == FINISHED and end_kind(end_reason) is EndKind.DELIVERED)
    )


def is_settled(order_status: str, logistics_status: str, end_reason: str) -> bool:
    """True for a finished order whose end is known: a reason was read (its own, or one on
    every child order) or the buyer confirmed the goods. A finished order without either is
    checked again: the platform may tell the reason later, and a cancellation must not go
    unseen."""
    if order_status != FINISHED:
        return False
    return bool(end_reason.strip()) or logistics_status == DELIVERED_LOGISTICS


ORDER_STATUS: dict[str, Text] = {
    "PLACE_ORDER_SUCCESS": Text("core.status_words", "Awaiting payment"),
    "PAYMENT_PROCESSING": Text("core.status_words", "Payment processing"),
    "WAIT_SELLER_EXAMINE_MONEY": Text("core.status_words", "Payment check"),
    "RISK_CONTROL": Text("core.status_words", "Payment check"),
    "RISK_CONTROL_HOLD": Text("core.status_words", "Payment on hold"),
    "WAIT_SELLER_SEND_GOODS": Text("core.status_words", "Awaiting shipment"),
    "SELLER_PART_SEND_GOODS": Text("core.status_words", "Partly shipped"),
    "WAIT_BUYER_ACCEPT_GOODS": Text("core.status_words", "Shipped"),
    "FUND_PROCESSING": Text("core.status_words", "Shipped, payment settling"),
    "IN_ISSUE": Text("core.status_words", "Dispute open"),
    "IN_FROZEN": Text("core.status_words", "On hold at AliExpress"),
    "FINISH": Text("core.status_words", "Finished"),
    "IN_CANCEL": Text("core.status_words", "Cancel requested"),
    "WAIT_GROUP": Text("core.status_words", "Awaiting group"),
    "WAIT_COMPLETE_ADDRESS": Text("core.status_words", "Address needed"),
}

#: How a finished order ended (AliExpress' `end_reason`, lower case).
END_REASON: dict[str, Text] = {
    "buyer_accept_goods": Text("core.status_words", "Delivered"),
    "buyer_accept_goods_timeout": Text("core.status_words", "Delivered"),
    "buyer_cancel_order": Text("core.status_words", "Cancelled"),
    "cancel_order_close_trade": Text("core.status_words", "Cancelled at the supplier"),
    "buyer_cancel_order_in_risk": Text("core.status_words", "Cancelled"),
    "buyer_cancel_notpay_order": Text("core.status_words", "Cancelled before payment"),
    "buyer_pay_timeout": Text("core.status_words", "Closed: not paid in time"),
    "pay_timeout": Text("core.status_words", "Closed: not paid in time"),
    "risk_reject_closed": Text("core.status_words", "Closed by AliExpress' payment check"),
    "seller_send_goods_timeout": Text("core.status_words", "Closed: not shipped in time"),
    "seller_accept_issue_no_goods_return": Text("core.status_words", "Refunded after a dispute"),
    "seller_response_issue_timeout": Text("core.status_words", "Refunded after a dispute"),
}

#: How an order ended, for reasons without words of their own (child orders' `CANCELED`,
#: several child reasons together).
_ENDED: dict[EndKind, Text] = {
    EndKind.DELIVERED: Text("core.status_words", "Delivered"),
    EndKind.CANCELLED: Text("core.status_words", "Cancelled"),
    EndKind.REFUNDED: Text("core.status_words", "Refunded after a dispute"),
}

UNKNOWN_STATUS = Text("core.status_words", "Other AliExpress status")
NO_STATUS = Text.verbatim("")


def status_words(status: str, end_reason: str = "") -> Text:
    """The status as the merchant reads it; a finished order says how it ended."""
    code = status.strip()
    if code == "FINISH":
        exact = END_REASON.get(end_reason.strip().lower())
        return exact or _ENDED.get(end_kind(end_reason), ORDER_STATUS["FINISH"])
    if not code:
        return NO_STATUS
    return ORDER_STATUS.get(code, UNKNOWN_STATUS)


def known_status(status: str) -> bool:
    """Whether `status` has words of its own (empty counts: nothing to explain)."""
    return not status.strip() or status.strip() in ORDER_STATUS
