"""Initial ledger: every table of DESIGN.md, and the full-text search index of the order table.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


APPLICATION_ID = 0x44524F50  # "DROP": marks the file as a Dropdesk ledger

# Trigram full-text index over what the merchant types into the search box: order name, customer,
# AliExpress order id and tracking number. rowid = supplier_order.id; triggers keep it current.
_SEARCH_ROW = """
    SELECT so.id, coalesce(co.name, ''), coalesce(co.customer_name, ''), so.ae_order_id,
           so.tracking_number
    FROM supplier_order AS so LEFT JOIN customer_order AS co ON co.id = so.customer_order_id
"""
SEARCH_INDEX = [
    """CREATE VIRTUAL TABLE supplier_order_search USING fts5(
           order_name, customer_name, ae_order_id, tracking_number, tokenize = 'trigram')""",
    f"""CREATE TRIGGER supplier_order_search_ai AFTER INSERT ON supplier_order BEGIN
           INSERT INTO supplier_order_search(rowid, order_name, customer_name, ae_order_id,
                                             tracking_number)
           {_SEARCH_ROW} WHERE so.id = NEW.id;
       END""",
    f"""CREATE TRIGGER supplier_order_search_au
           AFTER UPDATE OF customer_order_id, ae_order_id, tracking_number ON supplier_order BEGIN
           DELETE FROM supplier_order_search WHERE rowid = OLD.id;
           INSERT INTO supplier_order_search(rowid, order_name, customer_name, ae_order_id,
                                             tracking_number)
           {_SEARCH_ROW} WHERE so.id = NEW.id;
       END""",
    """CREATE TRIGGER supplier_order_search_ad AFTER DELETE ON supplier_order BEGIN
           DELETE FROM supplier_order_search WHERE rowid = OLD.id;
       END""",
    f"""CREATE TRIGGER customer_order_search_au
           AFTER UPDATE OF name, customer_name ON customer_order BEGIN
           DELETE FROM supplier_order_search WHERE rowid IN
               (SELECT id FROM supplier_order WHERE customer_order_id = NEW.id);
           INSERT INTO supplier_order_search(rowid, order_name, customer_name, ae_order_id,
                                             tracking_number)
           {_SEARCH_ROW} WHERE so.customer_order_id = NEW.id;
       END""",
]

# PostgreSQL: the same index as a table of its own with a trigram (pg_trgm) GIN index over one
# lower-cased document per order (the fields apart by a unit separator, so that a search term
# never matches across two of them), kept current by the same triggers in PL/pgSQL. The
# application id goes into a marker table (PostgreSQL has no header to put it in).
PG_MARKER = "dropdesk_ledger"
PG_SEARCH_INDEX = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE TABLE supplier_order_search (
           rowid integer PRIMARY KEY, order_name text NOT NULL, customer_name text NOT NULL,
           ae_order_id text NOT NULL, tracking_number text NOT NULL,
           document text GENERATED ALWAYS AS (lower(
               order_name || chr(31) || customer_name || chr(31) || ae_order_id || chr(31)
               || tracking_number)) STORED)""",
    """CREATE INDEX supplier_order_search_trgm ON supplier_order_search
           USING gin (document gin_trgm_ops)""",
    f"""CREATE FUNCTION supplier_order_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
           -- bulk writers index their new rows at once (core.ledger.search_index.deferred)
           IF TG_OP = 'INSERT' AND current_setting('dropdesk.defer_search', true) = 'on' THEN
               RETURN NULL;
           END IF;
           IF TG_OP <> 'INSERT' THEN
               DELETE FROM supplier_order_search WHERE rowid = OLD.id;
           END IF;
           IF TG_OP <> 'DELETE' THEN
               INSERT INTO supplier_order_search(rowid, order_name, customer_name, ae_order_id,
                                                 tracking_number)
               {_SEARCH_ROW} WHERE so.id = NEW.id;
           END IF;
           RETURN NULL;
       END $$""",
    f"""CREATE FUNCTION customer_order_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
           DELETE FROM supplier_order_search WHERE rowid IN
               (SELECT id FROM supplier_order WHERE customer_order_id = NEW.id);
           INSERT INTO supplier_order_search(rowid, order_name, customer_name, ae_order_id,
                                             tracking_number)
           {_SEARCH_ROW} WHERE so.customer_order_id = NEW.id;
           RETURN NULL;
       END $$""",
    """CREATE TRIGGER supplier_order_search_ai AFTER INSERT ON supplier_order
           FOR EACH ROW EXECUTE FUNCTION supplier_order_search_sync()""",
    """CREATE TRIGGER supplier_order_search_au
           AFTER UPDATE OF customer_order_id, ae_order_id, tracking_number ON supplier_order
           FOR EACH ROW EXECUTE FUNCTION supplier_order_search_sync()""",
    """CREATE TRIGGER supplier_order_search_ad AFTER DELETE ON supplier_order
           FOR EACH ROW EXECUTE FUNCTION supplier_order_search_sync()""",
    """CREATE TRIGGER customer_order_search_au AFTER UPDATE OF name, customer_name
           ON customer_order FOR EACH ROW EXECUTE FUNCTION customer_order_search_sync()""",
]


def upgrade() -> None:

    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index("ix_event_entity", ["entity", "entity_id", "id"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "shop",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("api_version", sa.String(), nullable=False),
        sa.Column("auth_kind", sa.String(), nullable=False),
        sa.Column("client_id", sa.String(), nullable=True),
        sa.Column("sync_cursor", sa.String(), nullable=True),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("domain"),
    )
    op.create_table(
        "supplier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("store_id", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("ship_window_days", sa.Integer(), nullable=False),
        sa.Column("cancel_answer_hours", sa.Integer(), nullable=False),
        sa.Column("tracking_due_days", sa.Integer(), nullable=False),
        sa.Column("holiday_country", sa.String(), nullable=False),
        sa.Column("time_zone", sa.String(), nullable=False),
        sa.Column("cancel_accepted_within_hours", sa.Integer(), nullable=True),
        sa.Column("returns_allowed_for", sa.String(), nullable=False),
        sa.Column("refund_days_min", sa.Integer(), nullable=False),
        sa.Column("refund_days_max", sa.Integer(), nullable=False),
        sa.Column("has_written_policy", sa.Boolean(), nullable=False),
        sa.Column("policy_url", sa.String(), nullable=True),
        sa.Column("policy_reviewed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supplier", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supplier_store_id"), ["store_id"], unique=False)

    op.create_table(
        "customer_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=True),
        sa.Column("shopify_gid", sa.String(), nullable=True),
        # 64-bit on PostgreSQL too (Shopify's ids pass 2**31); SQLite's INTEGER already is.
        sa.Column(
            "legacy_id", sa.Integer().with_variant(sa.BigInteger(), "postgresql"), nullable=True
        ),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("customer_name", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("processed_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("total_minor", sa.Integer(), nullable=False),
        sa.Column("refunded_minor", sa.Integer(), nullable=False),
        sa.Column("financial_status", sa.String(), nullable=False),
        sa.Column("fulfillment_status", sa.String(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("cancel_reason", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("tags", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["shop_id"], ["shop.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("shopify_gid"),
    )
    with op.batch_alter_table("customer_order", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_order_legacy_id"), ["legacy_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_customer_order_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_customer_order_shop_id"), ["shop_id"], unique=False)
        batch_op.create_index("ix_customer_order_updated_at", ["updated_at"], unique=False)

    op.create_table(
        "customer_order_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("shopify_gid", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("sku", sa.String(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.Column("fulfillment_status", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["customer_order.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("shopify_gid"),
    )
    with op.batch_alter_table("customer_order_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_order_line_order_id"), ["order_id"], unique=False
        )

    op.create_table(
        "supplier_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ae_order_id", sa.String(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("customer_order_id", sa.Integer(), nullable=True),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.Column("ship_by", sa.DateTime(), nullable=True),
        sa.Column("order_status", sa.String(), nullable=False),
        sa.Column("logistics_status", sa.String(), nullable=False),
        sa.Column("tracking_number", sa.String(), nullable=False),
        sa.Column("carrier", sa.String(), nullable=False),
        sa.Column("cost_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("shipped_at", sa.DateTime(), nullable=True),
        sa.Column("end_reason", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["customer_order_id"], ["customer_order.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["supplier_id"], ["supplier.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ae_order_id"),
    )
    with op.batch_alter_table("supplier_order", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supplier_order_customer_order_id"), ["customer_order_id"], unique=False
        )
        batch_op.create_index("ix_supplier_order_paid_at_id", ["paid_at", "id"], unique=False)
        batch_op.create_index("ix_supplier_order_ship_by_id", ["ship_by", "id"], unique=False)
        batch_op.create_index(
            "ix_supplier_order_status_ship_by", ["order_status", "ship_by"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supplier_order_supplier_id"), ["supplier_id"], unique=False
        )

    op.create_table(
        "cancellation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_order_id", sa.Integer(), nullable=True),
        sa.Column("customer_order_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("fault", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("next_deadline", sa.DateTime(), nullable=True),
        sa.Column("supplier_requested_at", sa.DateTime(), nullable=True),
        sa.Column("supplier_answer", sa.String(), nullable=False),
        sa.Column("supplier_answered_at", sa.DateTime(), nullable=True),
        sa.Column("tracking_requested_at", sa.DateTime(), nullable=True),
        sa.Column("shop_cancel_sent_at", sa.DateTime(), nullable=True),
        sa.Column("shop_job_id", sa.String(), nullable=True),
        sa.Column("refund_idempotency_key", sa.String(), nullable=True),
        sa.Column("shop_done_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("abandoned_reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["customer_order_id"], ["customer_order.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["supplier_order_id"], ["supplier_order.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cancellation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cancellation_customer_order_id"), ["customer_order_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cancellation_next_deadline"), ["next_deadline"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_cancellation_state"), ["state"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_cancellation_supplier_order_id"), ["supplier_order_id"], unique=False
        )

    op.create_table(
        "dispute",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_order_id", sa.Integer(), nullable=False),
        sa.Column("cancellation_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=True),
        sa.Column("escalate_after", sa.DateTime(), nullable=True),
        sa.Column("case_team_at", sa.DateTime(), nullable=True),
        sa.Column("first_tracking_at", sa.DateTime(), nullable=True),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["cancellation_id"], ["cancellation.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["supplier_order_id"], ["supplier_order.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dispute", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dispute_cancellation_id"), ["cancellation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dispute_supplier_order_id"), ["supplier_order_id"], unique=False
        )

    op.create_table(
        "refund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cancellation_id", sa.Integer(), nullable=True),
        sa.Column("customer_order_id", sa.Integer(), nullable=True),
        sa.Column("supplier_order_id", sa.Integer(), nullable=True),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("fault", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("expected_from", sa.DateTime(), nullable=True),
        sa.Column("expected_until", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("shopify_refund_gid", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["cancellation_id"], ["cancellation.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["customer_order_id"], ["customer_order.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["supplier_order_id"], ["supplier_order.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("refund", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_refund_cancellation_id"), ["cancellation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_refund_customer_order_id"), ["customer_order_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_refund_issued_at"), ["issued_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_refund_state"), ["state"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_refund_supplier_order_id"), ["supplier_order_id"], unique=False
        )

    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_SEARCH_INDEX:
            op.execute(statement)
        op.execute(
            f"CREATE TABLE {PG_MARKER} (application_id integer NOT NULL PRIMARY KEY);"
            f"INSERT INTO {PG_MARKER} VALUES ({APPLICATION_ID})"
        )
        return
    for statement in SEARCH_INDEX:
        op.execute(statement)
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS supplier_order_search")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TABLE IF EXISTS {PG_MARKER}")
        op.execute("DROP FUNCTION IF EXISTS supplier_order_search_sync() CASCADE")
        op.execute("DROP FUNCTION IF EXISTS customer_order_search_sync() CASCADE")

    with op.batch_alter_table("refund", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refund_supplier_order_id"))
        batch_op.drop_index(batch_op.f("ix_refund_state"))
        batch_op.drop_index(batch_op.f("ix_refund_issued_at"))
        batch_op.drop_index(batch_op.f("ix_refund_customer_order_id"))
        batch_op.drop_index(batch_op.f("ix_refund_cancellation_id"))

    op.drop_table("refund")
    with op.batch_alter_table("dispute", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispute_supplier_order_id"))
        batch_op.drop_index(batch_op.f("ix_dispute_cancellation_id"))

    op.drop_table("dispute")
    with op.batch_alter_table("cancellation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cancellation_supplier_order_id"))
        batch_op.drop_index(batch_op.f("ix_cancellation_state"))
        batch_op.drop_index(batch_op.f("ix_cancellation_next_deadline"))
        batch_op.drop_index(batch_op.f("ix_cancellation_customer_order_id"))

    op.drop_table("cancellation")
    with op.batch_alter_table("supplier_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_order_supplier_id"))
        batch_op.drop_index("ix_supplier_order_status_ship_by")
        batch_op.drop_index("ix_supplier_order_ship_by_id")
        batch_op.drop_index("ix_supplier_order_paid_at_id")
        batch_op.drop_index(batch_op.f("ix_supplier_order_customer_order_id"))

    op.drop_table("supplier_order")
    with op.batch_alter_table("customer_order_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_order_line_order_id"))

    op.drop_table("customer_order_line")
    with op.batch_alter_table("customer_order", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_order_updated_at")
        batch_op.drop_index(batch_op.f("ix_customer_order_shop_id"))
        batch_op.drop_index(batch_op.f("ix_customer_order_name"))
        batch_op.drop_index(batch_op.f("ix_customer_order_legacy_id"))

    op.drop_table("customer_order")
    with op.batch_alter_table("supplier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_store_id"))

    op.drop_table("supplier")
    op.drop_table("shop")
    op.drop_table("setting")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index("ix_event_entity")

    op.drop_table("event")
