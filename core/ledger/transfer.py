"""Moving a ledger between engines: a SQLite file into an empty PostgreSQL database, or back.

Both ledgers are opened (so both are at this Dropdesk's schema), every table of the models is
copied in foreign-key order through SQLAlchemy Core (the same column types on both sides: an
instant stays the same instant, a flag the same flag), in one transaction on the target, and
then compared row for row, ordered by primary key. The search index is not copied: the
target's own triggers build it from the copied orders. The source is only read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from core.ledger.errors import LedgerError
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Connection, Table

    from core.ledger.store import Ledger

log = logging.getLogger(__name__)
BATCH = 5_000


@dataclass
class Transfer:
    """What was copied: rows per table (all verified equal)."""

    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """The ledger's tables, parents before children."""
    from sqlmodel import SQLModel

    import core.ledger.models  # noqa: F401  (registers the tables)

    return list(SQLModel.metadata.sorted_tables)


def copy_ledger(
    source: Ledger, target: Ledger, *, progress: Callable[[str, int], None] | None = None
) -> Transfer:
    """Copy every row of `source` into the empty ledger `target`, then verify them row for row.
    LedgerError when the target holds rows already, or when a row differs after the copy
    (then the target's transaction is rolled back and it stays empty)."""
    from sqlalchemy import func, select

    done = Transfer()
    with source.engine.connect() as reading, target.engine.begin() as writing:
        for table in tables():
            if writing.execute(select(func.count()).select_from(table)).scalar_one():
                raise _not_empty(target, table.name)
        for table in tables():
            copied = 0
            for batch in _batches(reading, table):
                writing.execute(table.insert(), batch)
                copied += len(batch)
                if progress is not None:
                    progress(table.name, copied)
            done.rows[table.name] = copied
        for table in tables():
            difference = _first_difference(reading, writing, table)
            if difference is not None:
                raise LedgerError(
                    target.path,
                    Text(
                        "core.ledger.transfer",
                        "The copy of table {table_name} differs from the original "
                        "({difference}); nothing was kept in {target_location}.",
                        table_name=table.name,
                        difference=difference,
                        target_location=target.location,
                    ),
                )
    log.info("Copied %s rows from %s to %s", done.total, source.location, target.location)
    return done


def _ordered(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    from sqlalchemy import select

    query = select(table).order_by(*table.primary_key.columns)
    for row in connection.execution_options(yield_per=BATCH).execute(query).mappings():
        yield dict(row)


def _batches(connection: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in _ordered(connection, table):
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _first_difference(reading: Connection, writing: Connection, table: Table) -> str | None:
    key = [column.name for column in table.primary_key.columns]
    for number, (original, copy) in enumerate(
        zip_longest(_ordered(reading, table), _ordered(writing, table)), start=1
    ):
        if original != copy:
            where = {k: (original or copy or {}).get(k) for k in key}
            return f"row {number}, {where}"
    return None


def verify(source: Ledger, target: Ledger) -> str | None:
    """The first row that differs between two ledgers (None: every table equal)."""
    with source.engine.connect() as left, target.engine.connect() as right:
        for table in tables():
            difference = _first_difference(left, right, table)
            if difference is not None:
                return f"{table.name}: {difference}"
    return None


def _not_empty(target: Ledger, table: str) -> LedgerError:
    return LedgerError(
        target.path,
        Text(
            "core.ledger.transfer",
            "{target_location} already holds rows (table {table}): a ledger is "
            "copied only into an empty one. Nothing was changed.",
            target_location=target.location,
            table=table,
        ),
    )
