"""Whether a ledger is still new: nothing imported, synced or typed in yet.

The window shows its ways in (import, connect, demo) instead of an empty table while this holds.
It reads through the ledger's plain sqlite3 reader, so the first frame can ask it.
"""

from __future__ import annotations

import sqlite3


def has_orders(reader: sqlite3.Connection) -> bool:
    """True once the ledger holds any customer order or supplier order (an imported export can
    bring customer orders that have no supplier order yet)."""
    row = reader.execute(
        "SELECT EXISTS (SELECT 1 FROM customer_order) OR EXISTS (SELECT 1 FROM supplier_order)"
    ).fetchone()
    return bool(row[0])
