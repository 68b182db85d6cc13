"""What a ledger file says about itself (the SQLite header, its application id and the schema
revision it was migrated to), read with the standard library alone so that opening a ledger
that is already up to date never loads SQLAlchemy or Alembic."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from core.ledger import read_only

APPLICATION_ID = 0x44524F50  # "DROP"; written by the first migration, checked on open
SQLITE_MAGIC = b"SQLite format 3\x00"

#: The newest migration this code knows (core/ledger/migrations/versions). A ledger at this
#: revision opens without Alembic; tests keep it equal to Alembic's head.
SCHEMA_REVISION = "0008"


def read_header(path: Path) -> tuple[bool, int]:
    """(is SQLite, application id) from the first 100 bytes, without scanning the file."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return False, 0
    return True, int.from_bytes(header[68:72], "big")


def stored_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the file (None before the first migration).

    Raises sqlite3.DatabaseError (or UnicodeDecodeError for garbled schema text) when the
    file is damaged."""
    with closing(read_only.connect(path)) as probe:
        has_table = probe.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = probe.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None
