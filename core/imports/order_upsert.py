"""Bulk upsert of imported orders into customer_order and customer_order_line.

Orders are matched by Shopify's numeric id (`legacy_id`), else by name among orders that have
no id yet (an earlier import of a file without the Id column), so importing the same or a newer
export updates and never duplicates. Only the target shop's orders and shopless ones are
matched; an id stored under another shop refuses its row (the rule is in
core.imports.shop_target). Only columns the file has are compared and written: a
file without "Created at" leaves the stored creation time alone. An order's lines are replaced
only when they differ, so lines that came from the API keep their gids when the export agrees.

Reads and writes go through the DB-API in chunks (ORM objects one by one are two orders of
magnitude slower; Core statements cost more to compile, `IN` lists of 500 included, than
SQLite takes to run them), in the ledger's storage format (core.ledger.types); with
`write=False` it only classifies, for a dry run. Writing requires that the transaction
already holds SQLite's write lock (the import writes its Event first), because new ids are
assigned here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import StrEnum
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, DateTime, Table

from core.imports.shop_target import ShopTarget
from core.imports.shopify_rows import LineRecord, OrderRecord
from core.imports.summary import Refusal
from core.ledger.models import CustomerOrder, CustomerOrderLine
from core.ledger.types import OrderSource, from_db, to_db
from core.texts import Text

CHUNK = 500
_ORDERS: Table = CustomerOrder.__table__  # type: ignore[attr-defined]
_LINES: Table = CustomerOrderLine.__table__  # type: ignore[attr-defined]
_LINE_FIELDS = LineRecord._fields
_ALL_LINE_FIELDS = frozenset(_LINE_FIELDS)


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class Upserted(NamedTuple):  # a tuple: made once per order, 3x cheaper than a frozen dataclass
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
        id_column: str = "Id",
        target: ShopTarget | None = None,
    ) -> None:
        self.connection = connection
        self.name_column = name_column  # as the file spells it, for refusals
        self.id_column = id_column
        self.target = target or ShopTarget()
        self.with_id = 0  # orders read that carry a Shopify id
        self.collided = 0  # of those, the ones whose id belongs to another shop
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
        keyed = [(record, record.legacy_id) for record in records]
        target = self.target.shop_id
        by_legacy: dict[int, dict[str, Any]] = {}
        elsewhere: dict[int, dict[str, Any]] = {}  # ids stored only under another shop
        legacy_ids = [legacy_id for _, legacy_id in keyed if legacy_id is not None]
        if legacy_ids:
            for row in self._stored_orders("legacy_id", legacy_ids):
                legacy = row["legacy_id"]
                if row["shop_id"] in (target, None):  # the target's own order before a shopless one
                    current = by_legacy.get(legacy)
                    if current is None or (current["shop_id"] != target == row["shop_id"]):
                        by_legacy[legacy] = row
                else:
                    elsewhere.setdefault(legacy, row)
        by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
        names = [record.name for record, legacy_id in keyed if legacy_id not in by_legacy]
        if names:
            for row in self._stored_orders("name", names):
                if row["shop_id"] in (target, None):
                    by_name[row["name"]].append(row)
        matches: dict[int, dict[str, Any] | None] = {}
        refusals: list[tuple[OrderRecord, Refusal]] = []
        for record, legacy_id in keyed:
            if legacy_id is not None:
                self.with_id += 1
                if legacy_id in by_legacy:
                    matches[id(record)] = by_legacy[legacy_id]
                    continue
                if legacy_id in elsewhere:
                    self.collided += 1
                    refusals.append((record, self._other_shops(record, elsewhere[legacy_id])))
                    continue
            candidates = [c for c in by_name.get(record.name, []) if c["legacy_id"] is None]
            if legacy_id is None:
                candidates = by_name.get(record.name, [])
            if len(candidates) > 1:
                refusals.append(
                    (
                        record,
                        Refusal(
                            record.line,
                            self.name_column,
                            Text(
                                "core.imports.order_upsert",
                                "{count} orders in the ledger are named {name}; "
                                "this file has no Id to tell them apart",
                                count=len(candidates),
                                name=record.name,
                            ),
                        ),
                    )
                )
                continue
            matches[id(record)] = candidates[0] if candidates else None
        return matches, refusals

    def _other_shops(self, record: OrderRecord, stored: dict[str, Any]) -> Refusal:
        owner = self.target.owner(stored["shop_id"])
        target = self.target.domain
        if target:
            return Refusal(
                record.line,
                self.id_column,
                Text(
                    "core.imports.order_upsert",
                    "order id {id} is order {name} of {owner} in the ledger and this import is "
                    "for {target}: the other shop's order is left as it is",
                    id=record.legacy_id,
                    name=stored["name"],
                    owner=owner,
                    target=target,
                ),
            )
        return Refusal(
            record.line,
            self.id_column,
            Text(
                "core.imports.order_upsert",
                "order id {id} is order {name} of {owner} in the ledger and this import is "
                "for no shop: the other shop's order is left as it is",
                id=record.legacy_id,
                name=stored["name"],
                owner=owner,
            ),
        )

    def _stored_orders(self, key: str, values: list[Any]) -> list[dict[str, Any]]:
        """The stored orders whose `key` column is one of `values`, oldest first, as the values
        the records carry (instants aware), so that the two compare."""
        wanted = [
            "id",
            "legacy_id",
            "name",
            "shop_id",
            *[c for c in self.columns if c not in _KEYS],
        ]
        found = self._cursor().execute(
            f"SELECT {', '.join(wanted)} FROM customer_order "
            f"WHERE {key} IN ({', '.join('?' * len(values))}) ORDER BY id",
            values,
        )
        times = [c for c in wanted if c in _TIME_COLUMNS]
        rows = []
        for values_found in found:
            row = dict(zip(wanted, values_found, strict=True))
            for column in times:
                row[column] = _from_db(row[column])
            rows.append(row)
        return rows

    def _stored_lines(self, matches: Iterable[dict[str, Any]]) -> dict[int, list[LineRecord]]:
        ids = [int(m["id"]) for m in matches]
        found: dict[int, list[LineRecord]] = defaultdict(list)
        if not ids or not self.has_lines:
            return found
        rows = self._cursor().execute(
            f"SELECT order_id, {', '.join(_LINE_FIELDS)} FROM customer_order_line "
            f"WHERE order_id IN ({', '.join('?' * len(ids))}) ORDER BY id",
            ids,
        )
        for order_id, *values in rows:
            found[order_id].append(LineRecord(*values))
        return found

    # --- writing -----------------------------------------------------------------------------

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
        keys = list(records[0].values)
        defaults = {**_ORDER_DEFAULTS, "source": OrderSource.CSV.value}
        fixed = [c for c in defaults if c not in records[0].values]
        columns = [*keys, *fixed, "id"]
        tail = [defaults[c] for c in fixed]
        times = [i for i, key in enumerate(keys) if key in _TIME_COLUMNS]
        read = itemgetter(*keys)  # keys: at least the name and the currency, so a tuple
        rows = []
        for record, order_id in zip(records, ids, strict=True):
            row = [*read(record.values), *tail, order_id]
            for i in times:
                row[i] = to_db(row[i])
            rows.append(row)
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
#: customer_order columns that hold instants (UTC text in the file, aware datetimes here).
_TIME_COLUMNS = frozenset(
    column.name
    for column in _ORDERS.columns
    if isinstance(getattr(column.type, "impl_instance", column.type), DateTime)
)
_KEYS = ("legacy_id", "name", "shop_id")


def _db(value: Any) -> Any:
    return to_db(value) if isinstance(value, datetime) else value


def _from_db(text: str | datetime | None) -> datetime | None:
    """A stored instant as SQLAlchemy reads it (any ISO layout SQLite may hold; a server
    ledger's datetime), aware UTC."""
    return from_db(text)
