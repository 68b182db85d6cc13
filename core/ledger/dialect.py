"""Which engine a raw DB-API cursor or connection talks to (standard library only)."""

from __future__ import annotations

import sqlite3
from typing import Any


def is_sqlite(raw: Any) -> bool:
    """True for Python's sqlite3 cursors and connections; False for psycopg's (a server
    ledger, core.ledger.pg_driver)."""
    return isinstance(raw, sqlite3.Cursor | sqlite3.Connection)
