"""A neutral external order id: supplier_order.ae_order_id becomes external_order_id.

AliExpress is the first supplier platform of several (core.supplier_platforms); an order's
platform is its supplier's (`Supplier.platform`, AliExpress without a supplier), so the order
needs no column of its own for it. The search index names the column too: its triggers (and
on SQLite the FTS5 table, whose columns cannot be renamed) are made again with the new name
and the index is filled again from the orders, inside the upgrade's one transaction.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD, NEW = "ae_order_id", "external_order_id"
_SEARCH_TRIGGERS = (
    "supplier_order_search_ai",
    "supplier_order_search_au",
    "supplier_order_search_ad",
    "customer_order_search_au",
)


def _search_row(column: str) -> str:
    return f"""
    SELECT so.id, coalesce(co.name, ''), coalesce(co.customer_name, ''), so.{column},
           so.tracking_number
    FROM supplier_order AS so LEFT JOIN customer_order AS co ON co.id = so.customer_order_id
"""


def _sqlite_search(column: str) -> list[str]:
    """Migration 0001's FTS5 index and triggers, with the order id column named `column`."""
    row = _search_row(column)
    insert = f"""INSERT INTO supplier_order_search(rowid, order_name, customer_name, {column},
                                             tracking_number)"""
    return [
        f"""CREATE VIRTUAL TABLE supplier_order_search USING fts5(
           order_name, customer_name, {column}, tracking_number, tokenize = 'trigram')""",
        f"{insert} {row}",  # every order, once
        f"""CREATE TRIGGER supplier_order_search_ai AFTER INSERT ON supplier_order BEGIN
           {insert}
           {row} WHERE so.id = NEW.id;
       END""",
        f"""CREATE TRIGGER supplier_order_search_au
           AFTER UPDATE OF customer_order_id, {column}, tracking_number ON supplier_order BEGIN
           DELETE FROM supplier_order_search WHERE rowid = OLD.id;
           {insert}
           {row} WHERE so.id = NEW.id;
       END""",
        """CREATE TRIGGER supplier_order_search_ad AFTER DELETE ON supplier_order BEGIN
           DELETE FROM supplier_order_search WHERE rowid = OLD.id;
       END""",
        f"""CREATE TRIGGER customer_order_search_au
           AFTER UPDATE OF name, customer_name ON customer_order BEGIN
           DELETE FROM supplier_order_search WHERE rowid IN
               (SELECT id FROM supplier_order WHERE customer_order_id = NEW.id);
           {insert}
           {row} WHERE so.customer_order_id = NEW.id;
       END""",
    ]


def _pg_search(column: str) -> list[str]:
    """Migration 0001's PL/pgSQL upkeep of the search table, with the column named `column`
    (the table's own column is renamed in place: its generated document follows)."""
    row = _search_row(column)
    insert = f"""INSERT INTO supplier_order_search(rowid, order_name, customer_name, {column},
                                                 tracking_number)"""
    return [
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
               {insert}
               {row} WHERE so.id = NEW.id;
           END IF;
           RETURN NULL;
       END $$""",
        f"""CREATE FUNCTION customer_order_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
           DELETE FROM supplier_order_search WHERE rowid IN
               (SELECT id FROM supplier_order WHERE customer_order_id = NEW.id);
           {insert}
           {row} WHERE so.customer_order_id = NEW.id;
           RETURN NULL;
       END $$""",
        """CREATE TRIGGER supplier_order_search_ai AFTER INSERT ON supplier_order
           FOR EACH ROW EXECUTE FUNCTION supplier_order_search_sync()""",
        f"""CREATE TRIGGER supplier_order_search_au
           AFTER UPDATE OF customer_order_id, {column}, tracking_number ON supplier_order
           FOR EACH ROW EXECUTE FUNCTION supplier_order_search_sync()""",
        """CREATE TRIGGER supplier_order_search_ad AFTER DELETE ON supplier_order
           FOR EACH ROW EXECUTE FUNCTION supplier_order_search_sync()""",
        """CREATE TRIGGER customer_order_search_au AFTER UPDATE OF name, customer_name
           ON customer_order FOR EACH ROW EXECUTE FUNCTION customer_order_search_sync()""",
    ]


def _rename(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        # The functions' bodies are text: drop them (and their triggers) before the rename.
        op.execute("DROP FUNCTION supplier_order_search_sync() CASCADE")
        op.execute("DROP FUNCTION customer_order_search_sync() CASCADE")
        op.execute(f"ALTER TABLE supplier_order RENAME COLUMN {old} TO {new}")
        op.execute(
            f"ALTER TABLE supplier_order RENAME CONSTRAINT supplier_order_{old}_key"
            f" TO supplier_order_{new}_key"
        )
        op.execute(f"ALTER TABLE supplier_order_search RENAME COLUMN {old} TO {new}")
        for statement in _pg_search(new):
            op.execute(statement)
        return
    # SQLite: a plain RENAME COLUMN (no batch copy of the table); the unique index follows.
    for name in _SEARCH_TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE supplier_order_search")
    op.execute(f"ALTER TABLE supplier_order RENAME COLUMN {old} TO {new}")
    for statement in _sqlite_search(new):
        op.execute(statement)


def upgrade() -> None:
    _rename(OLD, NEW)


def downgrade() -> None:
    _rename(NEW, OLD)
