"""A ledger's state as one hash, to tell "the state before or after a transaction" from "half".

Every table's rows (and the schema, triggers included: an import drops and recreates one inside
its transaction) go into the hash, except columns that hold the wall clock at the moment of
writing and so differ between two runs of the same work. The search index is hashed through
its virtual table, so an index out of step with its orders shows as a different state.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

# Columns written from the wall clock (datetime.now), not from the data being stored.
VOLATILE = {
    "event": {"at"},
    "shop": {"last_sync_at"},
    "supplier_order": {"updated_at"},
}
_SHADOW_PREFIX = "supplier_order_search_"  # FTS5's own tables: hashed via the virtual table


def fingerprint(path: Path, *, skip: frozenset[str] = frozenset()) -> str:
    """A hash of everything the ledger at `path` holds (tables in `skip` left out).

    Opens the file read-write, as Dropdesk would, so committed pages still in the WAL count.
    """
    digest = hashlib.sha256()
    with sqlite3.connect(path) as db:
        schema = db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
        digest.update(repr(schema).encode())
        tables = [
            name
            for kind, name, _sql in schema
            if kind == "table" and not name.startswith(_SHADOW_PREFIX) and name not in skip
        ]
        for table in tables:
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            kept = [c for c in columns if c not in VOLATILE.get(table, set())]
            select = ", ".join(f'"{c}"' for c in kept) or "rowid"
            digest.update(f"\x00{table}\x00".encode())
            for row in db.execute(f"SELECT rowid, {select} FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
    return digest.hexdigest()[:16]


def search_index_problems(path: Path) -> str | None:
    """FTS5's own check of the search index against its content; None when it is sound."""
    with sqlite3.connect(path) as db:
        try:
            db.execute(
                "INSERT INTO supplier_order_search(supplier_order_search) VALUES('integrity-check')"
            )
        except sqlite3.DatabaseError as error:
            return str(error)
    return None


def row_count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
