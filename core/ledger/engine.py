"""The SQLite engine: WAL, foreign keys, synchronous NORMAL on every connection; a write that
fails for lack of space raises LedgerWriteError, which says so.

The engine that changes the schema (`schema_changes=True`) runs every statement, DDL included,
inside the transaction SQLAlchemy begins. Python 3.11's sqlite3 (pysqlite) opens a transaction
only before INSERT/UPDATE/DELETE, so a CREATE TABLE or CREATE INDEX would commit on its own and
a killed upgrade would leave half a schema. SQLAlchemy's documented recipe for pysqlite
("Serializable isolation / Savepoints / Transactional DDL"): the driver in autocommit
(`isolation_level = None`) and an explicit BEGIN on SQLAlchemy's "begin" event. The pragmas
that are no-ops inside a transaction (journal_mode, foreign_keys) are set on connect, before it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from core.ledger import read_only as read_only_access
from core.ledger.errors import write_failure


def make_engine(path: Path, *, schema_changes: bool = False, read_only: bool = False) -> Engine:
    """`read_only`: for commands that only read (also on a read-only mount, where SQLite
    refuses a read-write open); the file's journal mode is left as it is."""
    if read_only:
        engine = create_engine(
            "sqlite://", creator=lambda: read_only_access.connect(path, check_same_thread=False)
        )
    else:
        engine = create_engine(
            f"sqlite:///{path}",
            connect_args={"check_same_thread": False, "timeout": 15},
        )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
        # Schema changes run with foreign keys off, as SQLite's ALTER TABLE procedure asks: a
        # table rebuilt by copy would otherwise cascade its DROP into the rows that refer to
        # it. migrate.upgrade runs foreign_key_check before it commits.
        cursor.execute(f"PRAGMA foreign_keys = {'OFF' if schema_changes else 'ON'}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()
        if schema_changes:
            dbapi_connection.isolation_level = None  # BEGIN is ours (below), DDL included

    if schema_changes:

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock at once

    @event.listens_for(engine, "handle_error")
    def _say_why(context: Any) -> None:  # a full disk in words (raw DB-API writers: store.py)
        failure = write_failure(path, context.original_exception)
        if failure is not None:
            raise failure

    return engine
