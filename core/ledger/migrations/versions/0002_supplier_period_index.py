"""Supplier refund rates by period: an index on (supplier_id, paid_at); note attributes kept.

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
    op.create_index(
        "ix_supplier_order_supplier_paid_at", "supplier_order", ["supplier_id", "paid_at"]
    )
    # Plain ALTER TABLE (no batch copy): the search triggers refer to customer_order.
    op.add_column(
        "customer_order",
        sa.Column("note_attributes", sa.String(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("customer_order", "note_attributes")  # SQLite >= 3.35 drops in place
    op.drop_index("ix_supplier_order_supplier_paid_at", "supplier_order")
