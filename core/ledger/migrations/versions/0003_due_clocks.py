"""Every clock of an order in one place: the orders still to buy, and estimated payments.

- (created_at, processed_at) over open Shopify orders only (not cancelled, nothing fulfilled):
  `dropdesk due` finds the paid orders with no supplier order yet from this small index instead
  of walking a million customer orders.
- supplier_order.paid_estimated: paid_at is the Shopify payment time, not the supplier's (an
  imported order with no supplier data), until the merchant or the status sync confirms it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: models.OPEN_SHOP_ORDER as of this revision (core.due's query repeats it: SQLite matches the
#: partial index's condition by its text).
OPEN_SHOP_ORDER = "cancelled_at IS NULL AND fulfillment_status IN ('', 'unfulfilled')"


def upgrade() -> None:
    op.create_index(
        "ix_customer_order_open_paid",
        "customer_order",
        ["created_at", "processed_at"],
        sqlite_where=sa.text(OPEN_SHOP_ORDER),
    )
    # Plain ALTER TABLE (no batch copy): the search triggers refer to supplier_order.
    op.add_column(
        "supplier_order",
        sa.Column("paid_estimated", sa.Boolean(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_column("supplier_order", "paid_estimated")
    op.drop_index("ix_customer_order_open_paid", "customer_order")
