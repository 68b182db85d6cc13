"""Values as the ledger stores them: UTC instants as text and the domain's string enums.

Standard library only, so the window can read its first rows before SQLAlchemy has loaded."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from core.status_words import AWAITING_SHIPMENT

#: How an instant is written in the file (SQLAlchemy's SQLite layout, UTC, fixed width), so
#: bulk paths that bypass the ORM write byte-identical, sortable text.
DB_TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def to_db(moment: datetime | None) -> str | None:
    """Format an aware instant the way UTCDateTime stores it (for raw executemany paths)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("naive datetime: Dropdesk stores only aware instants")
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    # isoformat is C code and 5x faster than strftime; bulk paths call this millions of times.
    return moment.isoformat(" ", "microseconds")[:26]


def from_db(text: str | datetime | None) -> datetime | None:
    """An instant as the ledger hands it over, aware in UTC: the text of a UTCDateTime column
    (SQLite, naive UTC: `to_db`), the datetime a server ledger's driver gives (naive UTC), or
    the ISO 8601 text a journal payload or JSON setting keeps (its offset is honoured). The one
    conversion from the database: raw SQL reads work on both engines through it."""
    if text is None:
        return None
    # fromisoformat is C code, ~10x faster than strptime(DB_TIME_FORMAT): lists parse many.
    moment = text if isinstance(text, datetime) else datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def stored_instant(value: object) -> datetime | None:
    """`from_db` for a value that may be missing or damaged (a journal payload, a setting):
    None rather than an error, so that a damaged entry is skipped, not trusted."""
    if not value or not isinstance(value, str | datetime):
        return None
    try:
        return from_db(value)
    except ValueError:
        return None


class OrderSource(StrEnum):
    API = "api"
    CSV = "csv"
    MANUAL = "manual"
    DEMO = "demo"


class Reason(StrEnum):
    """Why an order is cancelled or refunded; one list for the whole app."""

    NOT_AS_DESCRIBED = "not_as_described"
    DAMAGED = "damaged"
    WRONG_SIZE = "wrong_size"
    CHANGED_MIND = "changed_mind"
    OUT_OF_STOCK = "out_of_stock"
    FRAUD = "fraud"
    OTHER = "other"

    @property
    def shopify_cancel_reason(self) -> str:
        """Shopify's OrderCancelReason for this reason."""
        return _SHOPIFY_CANCEL_REASON[self]


_SHOPIFY_CANCEL_REASON = {
    Reason.NOT_AS_DESCRIBED: "OTHER",
    Reason.DAMAGED: "OTHER",
    Reason.WRONG_SIZE: "CUSTOMER",
    Reason.CHANGED_MIND: "CUSTOMER",
    Reason.OUT_OF_STOCK: "INVENTORY",
    Reason.FRAUD: "FRAUD",
    Reason.OTHER: "OTHER",
}


def reason_of_shopify(cancel_reason: str | None) -> Reason:
    """The reason behind Shopify's OrderCancelReason (an order cancelled outside Dropdesk);
    the inverse of Reason.shopify_cancel_reason where that is one to one, else OTHER."""
    return _REASON_OF_SHOPIFY.get((cancel_reason or "").upper(), Reason.OTHER)


_REASON_OF_SHOPIFY = {
    "CUSTOMER": Reason.CHANGED_MIND,
    "INVENTORY": Reason.OUT_OF_STOCK,
    "FRAUD": Reason.FRAUD,
}


class Fault(StrEnum):
    """Whose fault a refund was: the review groups by it."""

    SUPPLIER = "supplier"
    MERCHANT = "merchant"
    CUSTOMER = "customer"
    CARRIER = "carrier"
    UNKNOWN = "unknown"


class RefundDirection(StrEnum):
    TO_CUSTOMER = "to_customer"
    FROM_SUPPLIER = "from_supplier"


class RefundState(StrEnum):
    EXPECTED = "expected"
    ISSUED = "issued"
    RECEIVED = "received"
    FAILED = "failed"


class DisputeState(StrEnum):
    OPEN = "open"
    ESCALATED = "escalated"
    CASE_TEAM = "case_team"
    CLOSED = "closed"


#: Statuses under which the parcel has not left the supplier yet (the vocabulary's group, named
#: here for the many queries that read it).
AWAITING_SHIPMENT_STATUSES = AWAITING_SHIPMENT

#: Shopify orders neither cancelled nor fulfilled: the condition of the partial index
#: ix_customer_order_open_paid, repeated word for word by the queries that use it.
OPEN_SHOP_ORDER = "cancelled_at IS NULL AND fulfillment_status IN ('', 'unfulfilled')"
