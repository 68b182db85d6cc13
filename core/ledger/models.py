"""The ledger's tables. Money is integer minor units plus an ISO currency; instants are UTC.

No column holds a secret: tokens live in the OS keyring (core.secrets).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, false, text
from sqlmodel import Field, SQLModel

from core.ledger.types import OPEN_SHOP_ORDER
from core.ledger.utc_datetime import UTCDateTime

#: An integer that may pass 2**31 (Shopify's ids): INTEGER on SQLite (64-bit already, and the
#: schema text of existing files stays as it is), BIGINT on PostgreSQL.
LEGACY_ID = Integer().with_variant(BigInteger(), "postgresql")


def _time(*, index: bool = False, nullable: bool = True) -> datetime | None:
    column: datetime | None = Field(
        default=None, sa_type=UTCDateTime, index=index, nullable=nullable
    )
    return column


def _fk(target: str, *, nullable: bool = True, ondelete: str = "RESTRICT") -> int | None:
    column: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True
        ),
    )
    return column


class Shop(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    domain: str = Field(unique=True)  # name.myshopify.com
    name: str = ""
    currency: str = "EUR"
    api_version: str = "2026-10"
    auth_kind: str = "token"  # token | client_credentials
    client_id: str | None = None  # public half of client credentials; the secret is in the keyring
    sync_cursor: str | None = None  # updated_at of the last order synced
    last_sync_at: datetime | None = _time()


class Supplier(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    platform: str = "aliexpress"
    store_id: str | None = Field(default=None, index=True)
    name: str
    ship_window_days: int = 7
    cancel_answer_hours: int = 72
    tracking_due_days: int = 5
    holiday_country: str = "CN"
    time_zone: str = "Asia/Shanghai"
    # Policy, as the supplier states it (None = unknown).
    cancel_accepted_within_hours: int | None = None
    returns_allowed_for: str = ""  # comma-separated Reason values
    refund_days_min: int = 3
    refund_days_max: int = 15
    has_written_policy: bool = False
    policy_url: str | None = None
    policy_reviewed_at: datetime | None = _time()


class CustomerOrder(SQLModel, table=True):
    __tablename__ = "customer_order"
    __table_args__ = (
        Index("ix_customer_order_updated_at", "updated_at"),
        # The open Shopify orders only: `due` finds those still to buy without a full scan.
        Index(
            "ix_customer_order_open_paid",
            "created_at",
            "processed_at",
            sqlite_where=text(OPEN_SHOP_ORDER),
            postgresql_where=text(OPEN_SHOP_ORDER),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    shop_id: int | None = _fk("shop.id")
    shopify_gid: str | None = Field(default=None, unique=True)
    # Shopify's numeric order id (13 digits): 64-bit. SQLite's INTEGER is; PostgreSQL's is not.
    legacy_id: int | None = Field(default=None, index=True, sa_type=LEGACY_ID)
    name: str = Field(index=True)  # "#1001"
    customer_name: str = ""
    email: str = ""
    created_at: datetime | None = _time()
    processed_at: datetime | None = _time()
    updated_at: datetime | None = _time()
    currency: str = "EUR"
    total_minor: int = 0
    refunded_minor: int = 0
    financial_status: str = ""
    fulfillment_status: str = ""
    cancelled_at: datetime | None = _time()
    cancel_reason: str | None = None
    note: str = ""
    note_attributes: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # The customer's language as Shopify has it ("de", "en-US"): messages to them use it.
    customer_locale: str = Field(default="", sa_column_kwargs={"server_default": ""})
    tags: str = ""
    source: str = "manual"


class CustomerOrderLine(SQLModel, table=True):
    __tablename__ = "customer_order_line"

    id: int | None = Field(default=None, primary_key=True)
    order_id: int | None = _fk("customer_order.id", nullable=False, ondelete="CASCADE")
    shopify_gid: str | None = Field(default=None, unique=True)
    title: str = ""
    sku: str = ""
    quantity: int = 1
    price_minor: int = 0
    fulfillment_status: str = ""


class SupplierOrder(SQLModel, table=True):
    __tablename__ = "supplier_order"
    __table_args__ = (
        Index("ix_supplier_order_ship_by_id", "ship_by", "id"),
        Index("ix_supplier_order_paid_at_id", "paid_at", "id"),
        Index("ix_supplier_order_status_ship_by", "order_status", "ship_by"),
        Index("ix_supplier_order_supplier_paid_at", "supplier_id", "paid_at"),
        Index(
            "ix_supplier_order_unshipped_status_ship_by",
            "order_status",
            "ship_by",
            "shipped_at",
            sqlite_where=text("shipped_at IS NULL"),
            postgresql_where=text("shipped_at IS NULL"),
        ),
        # Awaiting a shipment, and in no open cancellation: the ship windows `due` counts.
        Index(
            "ix_supplier_order_waiting_ship_by",
            "order_status",
            "ship_by",
            "id",  # the list's sort (ship_by, id) is the index's order
            "shipped_at",  # with in_open_run: the index covers the counts (no table reads)
            "in_open_run",
            sqlite_where=text("shipped_at IS NULL AND in_open_run = 0"),
            postgresql_where=text("shipped_at IS NULL AND NOT in_open_run"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    external_order_id: str = Field(unique=True)
    supplier_id: int | None = _fk("supplier.id")
    customer_order_id: int | None = _fk("customer_order.id", ondelete="SET NULL")
    paid_at: datetime | None = _time()
    # paid_at is the Shopify payment time (no supplier data yet): ship_by is an estimate.
    paid_estimated: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    # Inside an open cancellation or dispute (kept by triggers on cancellation, migration 0004).
    in_open_run: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    ship_by: datetime | None = _time()  # stored; recomputed when paid_at, window or calendar change
    # True when ship_by counts days of a year whose official arrangement is not known yet.
    ship_by_estimated: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    order_status: str = "WAIT_SELLER_SEND_GOODS"  # AliExpress' raw string, unknown kept as is
    logistics_status: str = ""
    tracking_number: str = ""
    carrier: str = ""
    cost_minor: int = 0
    currency: str = "USD"
    shipped_at: datetime | None = _time()
    end_reason: str = ""
    updated_at: datetime | None = _time()


#: A cancellation run not done or abandoned (core.cancel.states.FINAL): the condition of the
#: unique index that allows one open run per supplier order (migration one_open_run).
OPEN_RUN = "state NOT IN ('done', 'abandoned')"


class Cancellation(SQLModel, table=True):
    """One run of the cancel-everywhere wizard."""

    __table_args__ = (
        # Two instances (or threads) starting a run for one order at once: the second insert
        # fails here, and core.cancel.workflow shows the first run instead.
        Index(
            "ux_cancellation_open_run",
            "supplier_order_id",
            unique=True,
            sqlite_where=text(OPEN_RUN),
            postgresql_where=text(OPEN_RUN),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    supplier_order_id: int | None = _fk("supplier_order.id")
    customer_order_id: int | None = _fk("customer_order.id")
    reason: str = "other"
    fault: str = "unknown"
    state: str = Field(default="checking", index=True)
    path: str = ""  # cancel | refund
    created_at: datetime | None = _time()
    updated_at: datetime | None = _time()
    next_deadline: datetime | None = _time(index=True)
    supplier_requested_at: datetime | None = _time()
    supplier_answer: str = ""  # accepted | refused | ""
    supplier_answered_at: datetime | None = _time()
    tracking_requested_at: datetime | None = _time()
    shop_cancel_sent_at: datetime | None = _time()
    shop_job_id: str | None = None
    refund_idempotency_key: str | None = None
    shop_done_at: datetime | None = _time()
    closed_at: datetime | None = _time()
    abandoned_reason: str = ""


class Refund(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    cancellation_id: int | None = _fk("cancellation.id")
    customer_order_id: int | None = _fk("customer_order.id")
    supplier_order_id: int | None = _fk("supplier_order.id")
    direction: str  # RefundDirection
    amount_minor: int = 0
    currency: str = "EUR"
    reason: str = "other"
    fault: str = "unknown"
    state: str = Field(default="expected", index=True)
    issued_at: datetime | None = _time(index=True)
    expected_from: datetime | None = _time()
    expected_until: datetime | None = _time()
    completed_at: datetime | None = _time()
    shopify_refund_gid: str | None = None


class Dispute(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    supplier_order_id: int | None = _fk("supplier_order.id", nullable=False)
    cancellation_id: int | None = _fk("cancellation.id")
    opened_at: datetime | None = _time()
    escalate_after: datetime | None = _time()
    case_team_at: datetime | None = _time()
    first_tracking_at: datetime | None = _time()
    state: str = "open"
    outcome: str = ""
    amount_minor: int = 0
    currency: str = "USD"


class Event(SQLModel, table=True):
    """Append-only journal: every state change and every external call writes one."""

    __table_args__ = (Index("ix_event_entity", "entity", "entity_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime | None = _time(nullable=False)
    kind: str
    entity: str
    entity_id: int
    payload: str = "{}"  # JSON


class CalendarDay(SQLModel, table=True):
    """The merchant's correction of one date in one country's working-day calendar."""

    __tablename__ = "calendar_day"
    __table_args__ = (Index("ux_calendar_day_country_day", "country", "day", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    country: str  # as a supplier's holiday_country: "CN", "DE-BY"
    day: date
    kind: str  # holiday | working_day
    name: str = ""


class Setting(SQLModel, table=True):
    """Ledger-wide settings (clock thresholds, default calendars); JSON values."""

    key: str = Field(primary_key=True)
    value: str = "null"


class Chargeback(SQLModel, table=True):
    """A Shopify Payments dispute (chargeback or inquiry), as the last sync saw it."""

    __table_args__ = (Index("ix_chargeback_status_due", "status", "evidence_due_by"),)

    id: int | None = Field(default=None, primary_key=True)
    shop_id: int | None = _fk("shop.id")
    shopify_gid: str = Field(unique=True)  # gid://shopify/ShopifyPaymentsDispute/...
    customer_order_id: int | None = _fk("customer_order.id", ondelete="SET NULL")
    order_gid: str | None = None
    order_name: str = ""
    kind: str = "CHARGEBACK"  # DisputeType
    reason: str = "GENERAL"  # ShopifyPaymentsDisputeReason, unknown kept as is
    network_reason_code: str = ""
    amount_minor: int = 0
    currency: str = "EUR"
    status: str = "NEEDS_RESPONSE"  # DisputeStatus
    evidence_due_by: datetime | None = _time()
    evidence_sent_on: datetime | None = _time()
    initiated_at: datetime | None = _time()
    finalized_on: datetime | None = _time()
    evidence_saved_at: datetime | None = _time()  # text evidence saved (not yet submitted)
    updated_at: datetime | None = _time()
