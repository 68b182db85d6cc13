"""Bulk upsert of imported orders into customer_order and customer_order_line.

Orders are matched by Shopify's numeric id (`legacy_id`), else by name among orders that have
no id yet (an earlier import of a file without the Id column), so importing the same or a newer
export updates and never duplicates. Only columns the file has are compared and written: a
file without "Created at" leaves the stored creation time alone. An order's lines are replaced
only when they differ, so lines that came from the API keep their gids when the export agrees.

Writes go through the DB-API's executemany in chunks (ORM objects one by one are two orders
of magnitude slower, Core executemany about two times); with `write=False` it only
classifies, for a dry run. Writing requires that the transaction already holds SQLite's
write lock (the import writes its Event first), because new ids are assigned here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Table, select

from core.imports.shopify_rows import LineRecord, OrderRecord
from core.imports.summary import Refusal
from core.ledger.models import CustomerOrder, CustomerOrderLine
from core.ledger.types import OrderSource, to_db

CHUNK = 500
_ORDERS: Table = CustomerOrder.__table__  # type: ignore[attr-defined]
_LINES: Table = CustomerOrderLine.__table__  # type: ignore[attr-defined]
_LINE_FIELDS = LineRecord._fields
_ALL_LINE_FIELDS = frozenset(_LINE_FIELDS)


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class Upserted:
    record: OrderRecord
    order_id: int | None  # None in a dry run for an order that would be added
    outcome: Outcome


class OrderUpserter:
    """Buffers orders and writes them a chunk at a time inside the caller's transaction."""

    def __init__(
        self,
        connection: Connection,
        columns: Iterable[str],
        line_fields: Iterable[str],
        *,
        name_column: str = "Name",
    ) -> None:
        self.connection = connection
        self.name_column = name_column  # as the file spells it, for refusals
        self.columns = sorted(set(columns))  # customer_order columns the file provides
        self.line_fields = frozenset(line_fields)  # customer_order_line fields it provides
        self.has_lines = bool(self.line_fields)
        self.write = True
        self._pending: list[OrderRecord] = []

    def add(self, record: OrderRecord) -> tuple[list[Upserted], list[Refusal]]:
        """Queue one order; when a chunk is full, write it and say what became of each."""
        self._pending.append(record)
        if len(self._pending) >= CHUNK:
            return self.flush()
        return [], []

    def flush(self) -> tuple[list[Upserted], list[Refusal]]:
        pending, self._pending = self._pending, []
        if not pending:
            return [], []
        matches, refusals = self._match(pending)
        refused = {id(r) for r, _ in refusals}
        stored = self._stored_lines([m for m in matches.values() if m is not None])
        done: list[Upserted] = []
        new: list[OrderRecord] = []
        changed_rows: list[dict[str, Any]] = []
        replace_lines: list[tuple[int, list[LineRecord]]] = []
        for record in pending:
            if id(record) in refused:
                continue
            match = matches.get(id(record))
            if match is None:
                new.append(record)
                continue
            order_id = int(match["id"])
            fields_differ = any(record.values.get(c) != match[c] for c in self.columns)
            old_lines = stored.get(order_id, [])
            new_lines = self._merged(old_lines, record.lines)
            lines_differ = self.has_lines and new_lines != old_lines
            if fields_differ:
                changed_rows.append({"_id": order_id, **record.values})
            if lines_differ:
                replace_lines.append((order_id, new_lines))
            outcome = Outcome.UPDATED if fields_differ or lines_differ else Outcome.UNCHANGED
            done.append(Upserted(record, order_id, outcome))
        new_ids: list[int | None] = [None] * len(new)
        if self.write:
            self._update(changed_rows)
            inserted = self._insert(new)
            self._replace_lines(
                replace_lines + list(zip(inserted, (r.lines for r in new), strict=True))
            )
            new_ids = list(inserted)
        done.extend(Upserted(r, i, Outcome.ADDED) for r, i in zip(new, new_ids, strict=True))
        return done, [refusal for _, refusal in refusals]

    def _merged(self, stored: list[LineRecord], read: list[LineRecord]) -> list[LineRecord]:
        """The lines to keep: what the file says, and for columns the file lacks what was
        stored, line by line (when the number of lines still matches)."""
        if len(stored) != len(read) or self.line_fields == _ALL_LINE_FIELDS:
            return read
        return [
            old._replace(**{f: getattr(new, f) for f in self.line_fields})
            for old, new in zip(stored, read, strict=True)
        ]

    # --- reading -----------------------------------------------------------------------------

    def _match(
        self, records: Sequence[OrderRecord]
    ) -> tuple[dict[int, dict[str, Any] | None], list[tuple[OrderRecord, Refusal]]]:
        wanted = [
            "id",
            "legacy_id",
            "name",
            *[c for c in self.columns if c not in ("legacy_id", "name")],
        ]
        cols = [_ORDERS.c[c] for c in wanted]
        by_legacy: dict[int, dict[str, Any]] = {}
        legacy_ids = [r.legacy_id for r in records if r.legacy_id is not None]
        if legacy_ids:
            query = select(*cols).where(_ORDERS.c.legacy_id.in_(legacy_ids)).order_by(_ORDERS.c.id)
            for row in self.connection.execute(query).mappings():
                by_legacy.setdefault(row["legacy_id"], dict(row))
        by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
        names = [r.name for r in records if r.legacy_id not in by_legacy]
        if names:
            query = select(*cols).where(_ORDERS.c.name.in_(names)).order_by(_ORDERS.c.id)
            for row in self.connection.execute(query).mappings():
                by_name[row["name"]].append(dict(row))
        matches: dict[int, dict[str, Any] | None] = {}
        refusals: list[tuple[OrderRecord, Refusal]] = []
        for record in records:
            if record.legacy_id is not None and record.legacy_id in by_legacy:
                matches[id(record)] = by_legacy[record.legacy_id]
                continue
            candidates = [c for c in by_name.get(record.name, []) if c["legacy_id"] is None]
            if record.legacy_id is None:
                candidates = by_name.get(record.name, [])
            if len(candidates) > 1:
                refusals.append(
                    (
                        record,
                        Refusal(
                            record.line,
                            self.name_column,
                            f"{len(candidates)} orders in the ledger are named {record.name}; "
                            "this file has no Id to tell them apart",
                        ),
                    )
                )
                continue
            matches[id(record)] = candidates[0] if candidates else None
        return matches, refusals

    def _stored_lines(self, matches: Iterable[dict[str, Any]]) -> dict[int, list[LineRecord]]:
        ids = [int(m["id"]) for m in matches]
        found: dict[int, list[LineRecord]] = defaultdict(list)
        if not ids or not self.has_lines:
            return found
        cols = [_LINES.c.order_id, *[_LINES.c[f] for f in _LINE_FIELDS]]
        query = select(*cols).where(_LINES.c.order_id.in_(ids)).order_by(_LINES.c.id)
        for order_id, *values in self.connection.execute(query):
            found[order_id].append(LineRecord(*values))
        return found

    # --- writing (raw DB-API executemany: Core's per-row overhead doubles an import's time) ---

    def _cursor(self) -> Any:
        return self.connection.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def _update(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        assignments = ", ".join(f"{c} = ?" for c in self.columns)
        self._cursor().executemany(
            f"UPDATE customer_order SET {assignments} WHERE id = ?",
            [[_db(row[c]) for c in self.columns] + [row["_id"]] for row in rows],
        )

    def _insert(self, records: list[OrderRecord]) -> list[int]:
        """Insert with ids assigned here, so no per-row round trip is needed to learn them.
        Safe because the caller holds SQLite's write lock (it wrote before it read), so no one
        else can take these ids meanwhile."""
        if not records:
            return []
        cursor = self._cursor()
        first = int(cursor.execute("SELECT coalesce(max(id), 0) FROM customer_order").fetchone()[0])
        ids = list(range(first + 1, first + 1 + len(records)))
        # Every record of a file has the same keys (the columns the file has, plus the currency),
        # so one column list fits them all; what the file lacks takes the table's defaults.
        columns = list(dict.fromkeys([*_ORDER_DEFAULTS, *records[0].values, "id", "source"]))
        base = {**_ORDER_DEFAULTS, "source": OrderSource.CSV.value}
        rows = []
        for record, order_id in zip(records, ids, strict=True):
            merged = {**base, **record.values, "id": order_id}
            rows.append([_db(merged[column]) for column in columns])
        placeholders = ", ".join("?" * len(columns))
        cursor.executemany(
            f"INSERT INTO customer_order ({', '.join(columns)}) VALUES ({placeholders})", rows
        )
        return ids

    def _replace_lines(self, orders: list[tuple[int, list[LineRecord]]]) -> None:
        if not orders or not self.has_lines:
            return
        cursor = self._cursor()
        ids = [order_id for order_id, _ in orders]
        cursor.execute(
            f"DELETE FROM customer_order_line WHERE order_id IN ({', '.join('?' * len(ids))})", ids
        )
        cursor.executemany(
            f"INSERT INTO customer_order_line (order_id, {', '.join(_LINE_FIELDS)}) "
            f"VALUES (?, {', '.join('?' * len(_LINE_FIELDS))})",
            [(order_id, *line) for order_id, lines in orders for line in lines],
        )


#: Python-side defaults of customer_order (raw INSERTs do not get them from SQLAlchemy).
_ORDER_DEFAULTS: dict[str, Any] = {
    column.name: column.default.arg  # type: ignore[attr-defined]
    for column in _ORDERS.columns
    if column.default is not None and column.default.is_scalar
}


def _db(value: Any) -> Any:
    return to_db(value) if isinstance(value, datetime) else value
