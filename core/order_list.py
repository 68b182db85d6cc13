"""The ledger's list of supplier orders, read in windows: search, filter and sort happen in SQL.

A million-row ledger never leaves SQLite whole: the table asks for the count and for the window
of rows it is about to show. Windows near the end are read backwards so that OFFSET stays short.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from core.ledger.dialect import is_sqlite
from core.ledger.types import AWAITING_SHIPMENT_STATUSES, from_db, to_db

#: Statuses under which the ship window still matters (a cancel request does not stop it).
AWAITING_OR_CANCELLING = frozenset({*AWAITING_SHIPMENT_STATUSES, "IN_CANCEL"})

#: What a sort may be: a column of `supplier_order AS so` (the ledger table's columns name
#: theirs, each backed by an index that ends in `id`; see gui.ledger_columns).
_SORTABLE = re.compile(r"so\.[a-z_]+")

_COLUMNS = """
    SELECT so.id, coalesce(co.name, ''), coalesce(co.customer_name, ''), coalesce(s.name, ''),
           so.external_order_id, so.paid_at, so.ship_by, so.order_status, so.logistics_status,
           so.tracking_number, so.carrier, so.shipped_at, so.customer_order_id,
           coalesce(s.time_zone, 'Asia/Shanghai'),
           (SELECT c.state FROM cancellation AS c WHERE c.supplier_order_id = so.id
            ORDER BY c.id DESC LIMIT 1),
           (SELECT c.next_deadline FROM cancellation AS c WHERE c.supplier_order_id = so.id
            ORDER BY c.id DESC LIMIT 1),
           so.ship_by_estimated,
           so.paid_estimated,
           so.end_reason
"""
_JOINS = """
    LEFT JOIN customer_order AS co ON co.id = so.customer_order_id
    LEFT JOIN supplier AS s ON s.id = so.supplier_id
"""
_SELECT = f"{_COLUMNS} FROM supplier_order AS so {_JOINS}"


@dataclass(frozen=True)
class OrderRow:
    id: int
    order_name: str
    customer_name: str
    supplier_name: str
    external_order_id: str
    paid_at: datetime | None
    ship_by: datetime | None
    order_status: str
    logistics_status: str
    tracking_number: str
    carrier: str
    shipped_at: datetime | None
    customer_order_id: int | None
    supplier_time_zone: str
    cancel_state: str | None  # the latest cancellation run of this order, if any
    cancel_deadline: datetime | None
    #: ship_by counts days of a year whose official holiday arrangement is not known yet.
    ship_by_estimated: bool = False
    paid_estimated: bool = False  # paid_at (so ship_by) estimated from the Shopify payment
    end_reason: str = ""  # how a finished order ended (core.status_words)

    @property
    def awaiting_shipment(self) -> bool:
        """Still the supplier's move: the ship window is running."""
        return self.shipped_at is None and self.order_status in AWAITING_OR_CANCELLING

    @classmethod
    def from_sql(cls, row: Any) -> OrderRow:
        return cls(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            from_db(row[5]),
            from_db(row[6]),
            row[7],
            row[8],
            row[9],
            row[10],
            from_db(row[11]),
            row[12],
            row[13],
            row[14],
            from_db(row[15]),
            bool(row[16]),
            bool(row[17]),
            row[18] or "",
        )


@dataclass(frozen=True)
class OrderQuery:
    """What the merchant asked to see: a search text, status filter and a sort order."""

    search: str = ""
    sort: str = "so.ship_by"  # SQL: a column of supplier_order AS so
    descending: bool = False
    statuses: tuple[str, ...] = ()
    ship_by_from: datetime | None = None  # inclusive
    ship_by_until: datetime | None = None  # exclusive
    #: Only unshipped orders outside open cancellations and disputes: those whose ship window
    #: is the clock (an open run's own deadline is, in "Needs me").
    without_open_runs: bool = False

    @property
    def searching(self) -> bool:
        return len(self.search.strip()) >= 3

    def matches(self, dialect: str = "sqlite") -> tuple[str, list[Any]] | None:
        """The search as a query of the search index's rowids (the supplier order ids). On
        PostgreSQL the index is a pg_trgm GIN index over one lower-cased document per order
        (migration 0001), asked with LIKE."""
        term = self.search.strip()
        if dialect != "sqlite":
            if not term:
                return None
            escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            return "SELECT rowid FROM supplier_order_search WHERE document LIKE ?", [f"%{escaped}%"]
        if len(term) >= 3:
            return "SELECT rowid FROM supplier_order_search WHERE supplier_order_search MATCH ?", [
                '"' + term.replace('"', '""') + '"'
            ]
        if term and not any(c in term for c in "%_\\"):
            return "SELECT rowid FROM supplier_order_search WHERE supplier_order_search LIKE ?", [
                f"%{term}%"
            ]
        return None

    def where(self, *, walk_index: bool = False, dialect: str = "sqlite") -> tuple[str, list[Any]]:
        """The WHERE clause; with `walk_index` the search is only probed ("+" keeps SQLite
        from fetching the matches by id, so it walks the sort index: see order_by)."""
        clauses: list[str] = []
        params: list[Any] = []
        matches = self.matches(dialect)
        if matches is not None:
            plus = "+" if walk_index and dialect == "sqlite" else ""
            clauses.append(f"{plus}so.id IN ({matches[0]})")
            params.extend(matches[1])
        if self.statuses:
            clauses.append(f"so.order_status IN ({', '.join('?' * len(self.statuses))})")
            params.extend(self.statuses)
        if self.without_open_runs:
            # The terms of the partial index ix_supplier_order_waiting_ship_by, which covers
            # the count and is in the list's (ship_by, id) order.
            # PostgreSQL's is the same condition, as its boolean takes it (migration 0004).
            open_run = "so.in_open_run = 0" if dialect == "sqlite" else "NOT so.in_open_run"
            clauses.append(f"so.shipped_at IS NULL AND {open_run}")
        if self.ship_by_from is not None:
            clauses.append("so.ship_by >= ?")
            params.append(to_db(self.ship_by_from))
        if self.ship_by_until is not None:
            clauses.append("so.ship_by < ?")
            params.append(to_db(self.ship_by_until))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    @property
    def sort_sql(self) -> str:
        """The sort column, checked: it is written into the SQL, never bound."""
        if not _SORTABLE.fullmatch(self.sort):
            raise ValueError(f"not a sortable column of the order list: {self.sort!r}")
        return self.sort

    def order_by(
        self, *, reverse: bool = False, walk_index: bool = False, dialect: str = "sqlite"
    ) -> str:
        column = self.sort_sql
        direction = "DESC" if self.descending != reverse else "ASC"
        if dialect != "sqlite":  # SQLite's order of NULLs: first ascending, last descending
            nulls = "FIRST" if direction == "ASC" else "LAST"
            return f" ORDER BY {column} {direction} NULLS {nulls}, so.id {direction}"
        # With a search, the matching rows are sorted directly unless `walk_index` ("+" keeps
        # SQLite from walking the sort index and probing every row against the search).
        prefix = "+" if self.searching and not walk_index else ""
        return f" ORDER BY {prefix}{column} {direction}, so.id {direction}"


class OrderList:
    """Reads windows of the supplier-order list for one query, through a plain DB-API
    connection (Ledger.reader): the window lists orders before SQLAlchemy has loaded."""

    def __init__(self, reader: sqlite3.Connection, dialect: str | None = None) -> None:
        self._reader = reader
        # The ledger's (Ledger.dialect): a server ledger's SQL differs. Told by the reader
        # when not given, so that no caller can run SQLite's SQL on a server by leaving it out.
        self._dialect = dialect or ("sqlite" if is_sqlite(reader) else "postgresql")

    def count(self, query: OrderQuery) -> int:
        matches = query.matches(self._dialect)
        if matches is not None and replace(query, search="").where()[0] == "":
            # Only a search: the index has one row per supplier order, kept by triggers.
            return self._scalar(f"SELECT count(*) FROM ({matches[0]}) AS found", matches[1])
        where, params = query.where(dialect=self._dialect)
        return self._scalar(f"SELECT count(*) FROM supplier_order AS so{where}", params)

    def window(self, query: OrderQuery, offset: int, limit: int, total: int) -> list[OrderRow]:
        """Rows [offset, offset + limit) of the list; `total` is what count() returned."""
        offset = max(0, min(offset, total))
        limit = max(0, min(limit, total - offset))
        if limit == 0:
            return []
        from_end = total - offset - limit
        backwards = from_end < offset  # nearer the end: read backwards with a short OFFSET
        # Many matches: walking the sort index meets the page's rows after about
        # (rows before it) x (orders / matches) entries, fewer than sorting every match.
        before = (from_end if backwards else offset) + limit
        walk = query.searching and before * self._orders_upper_bound() < total * total
        where, params = query.where(walk_index=walk, dialect=self._dialect)
        order = query.order_by(reverse=backwards, walk_index=walk, dialect=self._dialect)
        # The page's ids first, from the indexes alone; only its rows are joined and described.
        page = f"SELECT so.id FROM supplier_order AS so{where}{order} LIMIT ? OFFSET ?"
        sql = (
            f"{_COLUMNS} FROM ({page}) AS page JOIN supplier_order AS so ON so.id = page.id"
            f"{_JOINS}{order}"
        )
        rows = self._fetch(sql, [*params, limit, from_end if backwards else offset])
        if backwards:
            rows.reverse()
        return rows

    def row(self, order_id: int) -> OrderRow | None:
        rows = self._fetch(f"{_SELECT} WHERE so.id = ?", [order_id])
        return rows[0] if rows else None

    def position(self, query: OrderQuery, order_id: int) -> int | None:
        """Where an order stands in the list (to select it), or None if the query hides it."""
        column = query.sort_sql
        found = self._reader.execute(
            f"SELECT {column} FROM supplier_order AS so WHERE so.id = ?", [order_id]
        ).fetchone()
        if found is None:
            return None
        key = found[0]  # as stored, as the comparisons below need it
        where, params = query.where(dialect=self._dialect)
        op = ">" if query.descending else "<"
        # SQLite sorts NULLs first when ascending, last when descending.
        if key is None:
            not_null = f"{column} IS NOT NULL OR " if query.descending else ""
            before = f"({not_null}({column} IS NULL AND so.id {op} ?))"
            extra: list[Any] = [order_id]
        else:
            null_first = f"{column} IS NULL OR " if not query.descending else ""
            before = f"({null_first}{column} {op} ? OR ({column} = ? AND so.id {op} ?))"
            extra = [key, key, order_id]
        glue = " AND " if where else " WHERE "
        sql = f"SELECT count(*) FROM supplier_order AS so{where}{glue}{before}"
        inside = self._scalar(
            f"SELECT count(*) FROM supplier_order AS so{where}{glue}so.id = ?", [*params, order_id]
        )
        return self._scalar(sql, [*params, *extra]) if inside else None

    def _orders_upper_bound(self) -> int:
        return self._scalar("SELECT coalesce(max(id), 0) FROM supplier_order", [])

    def _scalar(self, sql: str, params: list[Any]) -> int:
        return int(self._reader.execute(sql, params).fetchone()[0])

    def _fetch(self, sql: str, params: list[Any]) -> list[OrderRow]:
        return [OrderRow.from_sql(r) for r in self._reader.execute(sql, params)]
