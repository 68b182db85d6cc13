"""Connections that cannot write: for commands that promise only to read (`dropdesk review`,
`dropdesk due`, beside a running app that holds the ledger's lock), for probing a file before
it is opened, and for ledgers on a read-only mount.

Every connection opens the file with SQLite's `mode=ro` (its name escaped, so `?`, `#` and `%`
in a file name are not read as URI syntax) and sets `query_only`, so neither a statement nor a
journal-mode change can reach the file. A WAL ledger read this way needs its `-shm`; where
SQLite cannot make one (a read-only mount, a folder this user may not write to) and no `-wal`
holds changes (no writer is working on it), the file is read as immutable instead: on such a
mount nothing can change it while it is read. Without that, SQLite refuses with "unable to
open database file", which reads like damage. Standard library only: the first frame uses it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

READ_ONLY_MOUNT = "read-only file system"


def uri(path: Path, *, immutable: bool = False) -> str:
    """The file as a read-only SQLite URI."""
    return f"file:{quote(str(path), safe='/')}?mode=ro" + ("&immutable=1" if immutable else "")


def connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection to the ledger at `path` (raises sqlite3 errors as SQLite does)."""
    wal = path.with_name(path.name + "-wal")
    unchanging = not (wal.exists() and wal.stat().st_size)
    frozen = unchanging and why_read_only(path) == READ_ONLY_MOUNT
    connection = _connect(uri(path, immutable=frozen), check_same_thread)
    if not frozen:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens it
        except sqlite3.OperationalError:  # no -shm can be made here
            connection.close()
            if not unchanging:
                raise
            connection = _connect(uri(path, immutable=True), check_same_thread)
    connection.execute("PRAGMA query_only = ON")
    return connection


def _connect(address: str, check_same_thread: bool) -> sqlite3.Connection:
    return sqlite3.connect(address, uri=True, timeout=15, check_same_thread=check_same_thread)


def why_read_only(where: Path) -> str:
    """Why `where` cannot be written, in words (for the merchant's message)."""
    try:
        mounted_read_only = bool(os.statvfs(where).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        mounted_read_only = False
    return READ_ONLY_MOUNT if mounted_read_only else "no permission to change it"
