"""The customer's language of a shop order (Shopify's customerLocale), so that messages to the
customer are written in it (core.outgoing), whatever language the window speaks.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "customer_order",
        sa.Column("customer_locale", sa.String(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("customer_order", "customer_locale")
