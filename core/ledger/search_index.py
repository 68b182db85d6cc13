"""The trigram search index of supplier orders (table `supplier_order_search`, made by the
first migration and kept current by triggers).

Bulk writers defer it: row-by-row trigger upkeep costs ~70 s per million inserts, one
INSERT ... SELECT at the end under a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from core.ledger.dialect import is_sqlite

INSERT_TRIGGER = "supplier_order_search_ai"

# Rows that the update triggers already indexed inside the block are left out, not doubled.
_INDEX_NEW_ROWS = """
    INSERT INTO supplier_order_search(rowid, order_name, customer_name, external_order_id,
                                      tracking_number)
    SELECT so.id, coalesce(co.name, ''), coalesce(co.customer_name, ''), so.external_order_id,
           so.tracking_number
    FROM supplier_order AS so LEFT JOIN customer_order AS co ON co.id = so.customer_order_id
    WHERE so.id > ?1
      AND so.id NOT IN (SELECT rowid FROM supplier_order_search WHERE rowid > ?1)
"""


#: PostgreSQL: the insert trigger skips rows while this transaction-local setting is on
#: (migration 0001's supplier_order_search_sync); no DDL, so other instances are not locked out.
PG_DEFER = "dropdesk.defer_search"


@contextmanager
def deferred(cursor: Any) -> Iterator[None]:
    """Within the caller's transaction: index supplier orders inserted in the block at its end.

    Only inserts are deferred; updates and deletes inside the block keep their triggers. A
    block inside another one does nothing of its own: the outer one indexes its rows (so a
    long import defers once, not once per batch: each DROP/CREATE TRIGGER makes SQLite reload
    the schema and prepare every statement again).
    """
    if not is_sqlite(cursor):
        with _deferred_on_server(cursor):
            yield
        return
    found = cursor.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (INSERT_TRIGGER,)
    ).fetchone()
    if found is None:  # already deferred by an enclosing block
        yield
        return
    (trigger_sql,) = found
    (last_id,) = cursor.execute("SELECT coalesce(max(id), 0) FROM supplier_order").fetchone()
    cursor.execute(f"DROP TRIGGER {INSERT_TRIGGER}")
    yield
    cursor.execute(_INDEX_NEW_ROWS, (last_id,))
    cursor.execute(trigger_sql)


@contextmanager
def _deferred_on_server(cursor: Any) -> Iterator[None]:
    (state,) = cursor.execute("SELECT current_setting(?, true)", (PG_DEFER,)).fetchone()
    if state == "on":  # already deferred by an enclosing block
        yield
        return
    (last_id,) = cursor.execute("SELECT coalesce(max(id), 0) FROM supplier_order").fetchone()
    cursor.execute("SELECT set_config(?, 'on', true)", (PG_DEFER,))
    yield
    cursor.execute(_INDEX_NEW_ROWS, (last_id,))
    cursor.execute("SELECT set_config(?, 'off', true)", (PG_DEFER,))
