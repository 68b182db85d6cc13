"""Connections that cannot write: for commands that promise only to read (`dropdesk review`,
`dropdesk due`), beside a running app that holds the ledger's lock.

Every connection opens the file with SQLite's `mode=ro` and sets `query_only`, so neither a
statement nor a journal-mode change can reach the file. A WAL ledger read this way needs its
`-shm`; where SQLite cannot create one (a folder this user may not write to) and no `-wal` is
there (no writer is working on it), the file is read as immutable instead.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from sqlalchemy import Engine


def uri(path: Path, *, immutable: bool = False) -> str:
    """The file as an SQLite URI (`?`, `#`, `%` and spaces in its name escaped)."""
    return f"file:{quote(str(path), safe='/')}?mode=ro" + ("&immutable=1" if immutable else "")


def connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection to the ledger at `path` (raises sqlite3 errors as SQLite does)."""
    connection = sqlite3.connect(
        uri(path), uri=True, timeout=15, check_same_thread=check_same_thread
    )
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file
    except sqlite3.OperationalError:
        connection.close()
        if path.with_name(path.name + "-wal").exists():
            raise
        connection = sqlite3.connect(
            uri(path, immutable=True), uri=True, timeout=15, check_same_thread=check_same_thread
        )
    connection.execute("PRAGMA query_only = ON")
    return connection


def make_engine(path: Path) -> Engine:
    """A SQLAlchemy engine whose every connection is `connect(path)`."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import QueuePool

    return create_engine(
        "sqlite://", creator=lambda: connect(path, check_same_thread=False), poolclass=QueuePool
    )
