"""Every clock of an order in one place: the orders still to buy, and estimated payments.

- (created_at, processed_at) over open Shopify orders only (not cancelled, nothing fulfilled):
  `dropdesk due` finds the paid orders with no supplier order yet from this small index instead
  of walking a million customer orders.
- supplier_order.paid_estimated: paid_at is the Shopify payment time, not the supplier's (an
  imported order with no supplier data), until the merchant or the status sync confirms it.
- supplier_order.in_open_run, kept by triggers on cancellation (whoever writes it: the
  workflow, the demo): an order inside an open cancellation or dispute is not waiting for a
  ship window any more. The tray's counts of the orders that are read the partial index
  (order_status, ship_by) over unshipped orders outside open runs alone, as before.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: models.OPEN_SHOP_ORDER as of this revision (core.due's query repeats it: SQLite matches the
#: partial index's condition by its text).
OPEN_SHOP_ORDER = "cancelled_at IS NULL AND fulfillment_status IN ('', 'unfulfilled')"


#: State values of a finished run (core.cancel.states.FINAL as of this revision). The workflow
#: opens at most one run per supplier order, so no trigger needs to look at the others.
_FINAL = "('done', 'abandoned')"
TRIGGERS = (
    f"""CREATE TRIGGER cancellation_open_run_ai AFTER INSERT ON cancellation
    WHEN new.supplier_order_id IS NOT NULL AND new.state NOT IN {_FINAL} BEGIN
        UPDATE supplier_order SET in_open_run = 1 WHERE id = new.supplier_order_id;
    END""",
    f"""CREATE TRIGGER cancellation_open_run_au AFTER UPDATE OF state, supplier_order_id
    ON cancellation BEGIN
        UPDATE supplier_order SET in_open_run = 0
        WHERE id = old.supplier_order_id AND old.state NOT IN {_FINAL};
        UPDATE supplier_order SET in_open_run = 1
        WHERE id = new.supplier_order_id AND new.state NOT IN {_FINAL};
    END""",
    f"""CREATE TRIGGER cancellation_open_run_ad AFTER DELETE ON cancellation
    WHEN old.state NOT IN {_FINAL} BEGIN
        UPDATE supplier_order SET in_open_run = 0 WHERE id = old.supplier_order_id;
    END""",
)

#: PostgreSQL: the same three triggers, as one PL/pgSQL function (its triggers run per row).
PG_TRIGGERS = (
    f"""CREATE FUNCTION cancellation_open_run_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' AND old.state NOT IN {_FINAL} THEN
            UPDATE supplier_order SET in_open_run = false WHERE id = old.supplier_order_id;
        END IF;
        IF TG_OP <> 'DELETE' AND new.supplier_order_id IS NOT NULL
                AND new.state NOT IN {_FINAL} THEN
            UPDATE supplier_order SET in_open_run = true WHERE id = new.supplier_order_id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER cancellation_open_run_ai AFTER INSERT ON cancellation
    FOR EACH ROW EXECUTE FUNCTION cancellation_open_run_sync()""",
    """CREATE TRIGGER cancellation_open_run_au AFTER UPDATE OF state, supplier_order_id
    ON cancellation FOR EACH ROW EXECUTE FUNCTION cancellation_open_run_sync()""",
    """CREATE TRIGGER cancellation_open_run_ad AFTER DELETE ON cancellation
    FOR EACH ROW EXECUTE FUNCTION cancellation_open_run_sync()""",
)
#: The partial index's condition on PostgreSQL, where a boolean is not compared with 0.
PG_WAITING = "shipped_at IS NULL AND NOT in_open_run"


def upgrade() -> None:
    op.create_index(
        "ix_customer_order_open_paid",
        "customer_order",
        ["created_at", "processed_at"],
        sqlite_where=sa.text(OPEN_SHOP_ORDER),
        postgresql_where=sa.text(OPEN_SHOP_ORDER),
    )
    # Plain ALTER TABLE (no batch copy): the search triggers refer to supplier_order.
    op.add_column(
        "supplier_order",
        sa.Column("paid_estimated", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "supplier_order",
        sa.Column("in_open_run", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.execute(
        f"UPDATE supplier_order SET in_open_run = {'true' if postgresql else '1'} WHERE id IN"
        f" (SELECT supplier_order_id FROM cancellation WHERE state NOT IN {_FINAL}"
        " AND supplier_order_id IS NOT NULL)"
    )
    for statement in PG_TRIGGERS if postgresql else TRIGGERS:
        op.execute(statement)
    op.create_index(
        "ix_supplier_order_waiting_ship_by",
        "supplier_order",
        # (ship_by, id) the list's sort; shipped_at and in_open_run make it cover the counts
        ["order_status", "ship_by", "id", "shipped_at", "in_open_run"],
        sqlite_where=sa.text("shipped_at IS NULL AND in_open_run = 0"),
        postgresql_where=sa.text(PG_WAITING),
    )


def downgrade() -> None:
    op.drop_index("ix_supplier_order_waiting_ship_by", "supplier_order")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION cancellation_open_run_sync() CASCADE")  # and its triggers
    else:
        for name in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER cancellation_open_run_{name}")
    op.drop_column("supplier_order", "in_open_run")
    op.drop_column("supplier_order", "paid_estimated")
    op.drop_index("ix_customer_order_open_paid", "customer_order")
