"""Shopify Payments disputes (chargebacks), read by core.chargebacks.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chargeback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=True),
        sa.Column("shopify_gid", sa.String(), nullable=False),
        sa.Column("customer_order_id", sa.Integer(), nullable=True),
        sa.Column("order_gid", sa.String(), nullable=True),
        sa.Column("order_name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("network_reason_code", sa.String(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("evidence_due_by", sa.DateTime(), nullable=True),
        sa.Column("evidence_sent_on", sa.DateTime(), nullable=True),
        sa.Column("initiated_at", sa.DateTime(), nullable=True),
        sa.Column("finalized_on", sa.DateTime(), nullable=True),
        sa.Column("evidence_saved_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["shop_id"], ["shop.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["customer_order_id"], ["customer_order.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("shopify_gid"),
    )
    op.create_index("ix_chargeback_shop_id", "chargeback", ["shop_id"])
    op.create_index("ix_chargeback_customer_order_id", "chargeback", ["customer_order_id"])
    op.create_index("ix_chargeback_status_due", "chargeback", ["status", "evidence_due_by"])


def downgrade() -> None:
    op.drop_index("ix_chargeback_status_due", "chargeback")
    op.drop_index("ix_chargeback_customer_order_id", "chargeback")
    op.drop_index("ix_chargeback_shop_id", "chargeback")
    op.drop_table("chargeback")
