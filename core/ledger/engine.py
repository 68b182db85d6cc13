"""The SQLite engine: WAL, foreign keys, synchronous NORMAL on every connection; a write that
fails for lack of space raises LedgerWriteError, which says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from core.ledger.errors import write_failure


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 15},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "handle_error")
    def _say_why(context: Any) -> None:  # a full disk in words (raw DB-API writers: store.py)
        failure = write_failure(path, context.original_exception)
        if failure is not None:
            raise failure

    return engine
