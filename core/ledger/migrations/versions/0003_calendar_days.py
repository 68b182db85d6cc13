"""The merchant's calendar corrections, and which deadlines count estimated days.

- calendar_day: holidays and make-up working days the merchant adds or removes per country and
  date, on top of the `holidays` package (core.calendar_days).
- supplier_order.ship_by_estimated: ship_by counts days of a year whose official arrangement is
  not known yet. Existing rows start at 0; the calendar check at the next start recomputes the
  open orders (their calendar fingerprint is not stored yet).

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


def upgrade() -> None:
    op.create_table(
        "calendar_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_calendar_day_country_day", "calendar_day", ["country", "day"], unique=True)
    # Plain ALTER TABLE (no batch copy): the search triggers refer to supplier_order.
    op.add_column(
        "supplier_order",
        # sa.false(): 0 on SQLite, false on PostgreSQL (a boolean refuses the integer 0)
        sa.Column("ship_by_estimated", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("supplier_order", "ship_by_estimated")  # SQLite >= 3.35 drops in place
    op.drop_index("ux_calendar_day_country_day", "calendar_day")
    op.drop_table("calendar_day")
