"""Bulk loading: secondary indexes and the search trigger are set aside and rebuilt once.

Building an index from sorted data after a million inserts is several times faster than
keeping it current row by row; so is indexing the new rows for search in one statement.
Everything runs inside the caller's transaction, so a failure leaves the schema as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from core.ledger import search_index


@contextmanager
def deferred_indexes(cursor: Any, tables: tuple[str, ...]) -> Iterator[None]:
    """Drop the named tables' secondary indexes for the block, then recreate them.

    Only for writers that insert into otherwise idle tables (a new ledger, a big import):
    queries inside the block run without those indexes.
    """
    marks = ", ".join("?" * len(tables))
    indexes = cursor.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    for name, _sql in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    with search_index.deferred(cursor):
        yield
    for _name, sql in indexes:
        cursor.execute(sql)
