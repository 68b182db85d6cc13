"""Indexes for the review and the countdowns; Shopify note attributes kept.

- (supplier_id, paid_at): supplier refund rates by period.
- (order_status, ship_by) over unshipped orders only: the tray's counts per tick read the index
  alone, so they cost the same for a thousand orders as for a million.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Each step is skipped when already done: Dropdesk versions before upgrades ran as one
    # transaction committed these statements one by one, so a ledger killed during this
    # upgrade may hold some of them while its stamp still says 0001.
    op.create_index(
        "ix_supplier_order_supplier_paid_at",
        "supplier_order",
        ["supplier_id", "paid_at"],
        if_not_exists=True,
    )
    op.create_index(
        "ix_supplier_order_unshipped_status_ship_by",
        "supplier_order",
        ["order_status", "ship_by", "shipped_at"],  # shipped_at: the index covers the query
        sqlite_where=sa.text("shipped_at IS NULL"),
        postgresql_where=sa.text("shipped_at IS NULL"),
        if_not_exists=True,
    )
    columns = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("customer_order")}
    if "note_attributes" not in columns:
        # Plain ALTER TABLE (no batch copy): the search triggers refer to customer_order.
        op.add_column(
            "customer_order",
            sa.Column("note_attributes", sa.String(), nullable=False, server_default=""),
        )


def downgrade() -> None:
    op.drop_column("customer_order", "note_attributes")  # SQLite >= 3.35 drops in place
    op.drop_index("ix_supplier_order_unshipped_status_ship_by", "supplier_order")
    op.drop_index("ix_supplier_order_supplier_paid_at", "supplier_order")
