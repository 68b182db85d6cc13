"""Bulk loading: secondary indexes and the search trigger are set aside and rebuilt once.

Building an index from sorted data after a million inserts is several times faster than
keeping it current row by row; so is indexing the new rows for search in one statement.
Everything runs inside the caller's transaction, so a failure leaves the schema as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from core.ledger import search_index
from core.ledger.dialect import is_sqlite

SEARCH_TABLE = "supplier_order_search"
#: FTS5's own default for the memory it gathers new index entries in before writing them out.
FTS5_HASHSIZE = 1024 * 1024
#: Enough for the search entries of a million orders: they are written as one segment instead
#: of hundreds of 1 MB segments merged over and over (about 40% less work, a smaller index).
BULK_HASHSIZE = 512 * 1024 * 1024


@contextmanager
def deferred_indexes(cursor: Any, tables: tuple[str, ...]) -> Iterator[None]:
    """Drop the named tables' secondary indexes for the block, then recreate them.

    Only for writers that insert into otherwise idle tables (a new ledger, a big import):
    queries inside the block run without those indexes.
    """
    if not is_sqlite(cursor):  # a server ledger keeps its indexes (other instances read)
        with search_index.deferred(cursor):
            yield
        return
    marks = ", ".join("?" * len(tables))
    indexes = cursor.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    for name, _sql in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    with search_in_one_segment(cursor), search_index.deferred(cursor):
        yield
    for _name, sql in indexes:
        cursor.execute(sql)


@contextmanager
def search_in_one_segment(cursor: Any) -> Iterator[None]:
    """Let the search index gather the block's new entries in memory (up to BULK_HASHSIZE)
    and write them once; FTS5's setting is stored in the file, so it is put back after.

    An SQLite without FTS5's `hashsize` option just builds the index the usual way.
    """
    (saved,) = cursor.execute(
        f"SELECT coalesce(max(v), {FTS5_HASHSIZE}) FROM {SEARCH_TABLE}_config WHERE k = 'hashsize'"
    ).fetchone()
    try:
        _set_hashsize(cursor, BULK_HASHSIZE)
    except sqlite3.OperationalError:
        yield
        return
    yield
    _set_hashsize(cursor, int(saved))


def _set_hashsize(cursor: Any, size: int) -> None:
    cursor.execute(
        f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES ('hashsize', ?)", (size,)
    )
