"""INSERT ... ON CONFLICT for the ledger's engine: SQLite and PostgreSQL spell it alike, but
SQLAlchemy builds it from each dialect's own `insert`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table


def insert(connection: Connection, table: Table) -> Any:
    """The dialect's INSERT for `table` (with `.excluded` and `.on_conflict_do_update`)."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)
