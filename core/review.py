"""The refund review: what cancellations, refunds and disputes cost, aggregated in SQLite.

Every figure is an aggregate query; Python only receives groups (a few hundred rows at most)
or the window of lines a table shows. Amounts stay in their own currency: a customer refund in
EUR and a supplier refund in USD are never added, every total is per currency.

Each refund is attributed to an order "case" (its customer order, else its supplier order),
to a supplier (its supplier order's, through the cancellation or the customer order when the
refund names none) and to a date (issued, else completed, else expected from, else when the
cancellation began). Within a case:

- refunded: refunds to the customer that were issued or received;
- recovered: refunds from the supplier that were received;
- still expected: refunds from the supplier expected or issued, not yet received; overdue
  when their `expected_until` has passed;
- out of pocket: customer refunds of cases where the supplier has paid nothing back and
  nothing is pending (no supplier refund, or only failed ones);
- awaiting recovery: customer refunds of cases where supplier money is still expected.

Whether a case is recovered is judged on all its refunds, whatever the filter shows.
Months are calendar months in UTC.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.clocks import day_end, day_start
from core.exports import CsvCell, write_csv
from core.ledger.types import Fault, Reason, RefundDirection, RefundState, to_db
from core.money import to_decimal
from core.redaction import redact

if TYPE_CHECKING:
    from sqlalchemy import Engine

REASON_LABELS: dict[str, str] = {
    Reason.NOT_AS_DESCRIBED: "Not as described",
    Reason.DAMAGED: "Damaged",
    Reason.WRONG_SIZE: "Wrong size",
    Reason.CHANGED_MIND: "Changed mind",
    Reason.OUT_OF_STOCK: "Out of stock",
    Reason.FRAUD: "Fraud",
    Reason.OTHER: "Other",
}
FAULT_LABELS: dict[str, str] = {
    Fault.SUPPLIER: "Supplier",
    Fault.MERCHANT: "Merchant (own)",
    Fault.CUSTOMER: "Customer",
    Fault.CARRIER: "Carrier",
    Fault.UNKNOWN: "Unknown",
}
DIRECTION_LABELS: dict[str, str] = {
    RefundDirection.TO_CUSTOMER: "To customer",
    RefundDirection.FROM_SUPPLIER: "From supplier",
}
STATE_LABELS: dict[str, str] = {
    RefundState.EXPECTED: "Expected",
    RefundState.ISSUED: "Issued",
    RefundState.RECEIVED: "Received",
    RefundState.FAILED: "Failed",
}
CASE_LABELS: dict[str, str] = {
    "recovered": "Recovered",
    "awaiting": "Awaiting supplier",
    "out_of_pocket": "Out of pocket",
}
NO_SUPPLIER = "(no supplier)"


def label(labels: dict[str, str], value: str | None) -> str:
    """The readable name of an enum value; unknown values are shown as they are stored."""
    if value is None:
        return ""
    return labels.get(value, value)


@dataclass(frozen=True, order=True)
class Amount:
    """Integer minor units of one currency."""

    currency: str
    minor: int


@dataclass(frozen=True)
class ReviewFilter:
    """What the merchant asked to see. `start` is inclusive, `end` exclusive (aware instants);
    empty tuples mean "all"."""

    start: datetime | None = None
    end: datetime | None = None
    supplier_ids: tuple[int, ...] = ()
    reasons: tuple[str, ...] = ()
    states: tuple[str, ...] = ()

    @classmethod
    def for_days(
        cls, first: date | None, last: date | None, tz: str = "Europe/Berlin", **rest: Any
    ) -> ReviewFilter:
        """Whole local days `first`..`last` (both included) in the merchant's zone."""
        start = day_start(first, tz) if first else None
        end = day_end(last, tz) if last else None
        return cls(start=start, end=end, **rest)

    def clauses(self, *, at: str, supplier: str, reason: str | None, state: str | None) -> Where:
        """SQL conditions on the given column expressions (trusted names, bound values)."""
        where = Where()
        if self.start is not None:
            where.add(f"{at} >= ?", to_db(self.start))
        if self.end is not None:
            where.add(f"{at} < ?", to_db(self.end))
        if self.supplier_ids:
            where.add_in(supplier, self.supplier_ids)
        if self.reasons and reason:
            where.add_in(reason, self.reasons)
        if self.states and state:
            where.add_in(state, self.states)
        return where


@dataclass
class Where:
    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def add_in(self, column: str, values: Sequence[Any]) -> None:
        self.add(f"{column} IN ({', '.join('?' * len(values))})", *values)

    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "1"


@dataclass(frozen=True)
class Measures:
    """A group's figures in one currency (minor units); `customer_refunds` counts refunds."""

    currency: str
    customer_refunds: int = 0
    refunded: int = 0
    recovered: int = 0
    out_of_pocket: int = 0
    awaiting: int = 0
    expected: int = 0
    overdue: int = 0
    lines: int = 0  # refunds of either direction in the group


MEASURES = ("refunded", "recovered", "out_of_pocket", "awaiting", "expected", "overdue")


@dataclass(frozen=True)
class GroupRow:
    """One group of a breakdown (a reason, fault, supplier or month) in one currency."""

    key: str
    label: str
    measures: Measures


@dataclass(frozen=True)
class SupplierRate:
    """A supplier's refund rate: orders with a customer refund per order paid in the period."""

    supplier_id: int
    name: str
    orders: int
    refunded_orders: int

    @property
    def per_mille(self) -> int:
        """Refunded orders per thousand orders, rounded half up (integers: exact ranking is
        done with fractions, this is for showing)."""
        if not self.orders:
            return 0
        return (self.refunded_orders * 2000 + self.orders) // (2 * self.orders)

    def percent_text(self) -> str:
        """ "3.4 %"."""
        if not self.orders:
            return "–"
        return f"{self.per_mille // 10}.{self.per_mille % 10} %"


@dataclass(frozen=True)
class DisputeCount:
    state: str
    currency: str
    count: int
    amount: int
    shipped_after_filing: int  # tracking began after the dispute was filed: money is owed


@dataclass(frozen=True)
class ReviewSummary:
    """Everything the review view, the CLI and the exports show above the table."""

    filter: ReviewFilter
    now: datetime
    refunds: int
    totals: tuple[Measures, ...]
    by_reason: tuple[GroupRow, ...]
    by_fault: tuple[GroupRow, ...]
    by_supplier: tuple[GroupRow, ...]
    by_month: tuple[GroupRow, ...]
    supplier_rates: tuple[SupplierRate, ...]
    cancellations: tuple[tuple[str, int], ...]  # (state, count)
    disputes: tuple[DisputeCount, ...]

    def total(self, measure: str) -> tuple[Amount, ...]:
        """A measure's non-zero totals, one per currency."""
        return tuple(
            Amount(row.currency, getattr(row, measure))
            for row in self.totals
            if getattr(row, measure)
        )

    @staticmethod
    def currencies(measure: str, groups: Sequence[GroupRow]) -> tuple[str, ...]:
        """The currencies in which `measure` is non-zero somewhere in `groups`."""
        return tuple(sorted({g.measures.currency for g in groups if getattr(g.measures, measure)}))


# --- SQL ---------------------------------------------------------------------------------------

# One row per refund with its case, supplier and date resolved.
_FACT = """
fact AS (
  SELECT r.id AS id, r.direction AS direction, r.amount_minor AS amount, r.currency AS currency,
         r.reason AS reason, r.fault AS fault, r.state AS state,
         r.expected_until AS expected_until, r.cancellation_id AS cancellation_id,
         coalesce(r.issued_at, r.completed_at, r.expected_from, c.created_at) AS at,
         so.id AS so_id, so.supplier_id AS supplier_id,
         coalesce(r.customer_order_id, c.customer_order_id, so.customer_order_id) AS order_id
  FROM refund AS r
  LEFT JOIN cancellation AS c ON c.id = r.cancellation_id
  LEFT JOIN supplier_order AS so ON so.id = coalesce(
      r.supplier_order_id, c.supplier_order_id,
      (SELECT min(x.id) FROM supplier_order AS x
       WHERE x.customer_order_id = coalesce(r.customer_order_id, c.customer_order_id)))
)"""

_REFUNDED = "(p.direction = 'to_customer' AND p.state IN ('issued', 'received'))"
_PENDING = "('expected', 'issued')"

# 2 = the case got supplier money back, 1 = supplier money is still expected, 0 = neither.
# Only evaluated for refunded customer refunds; the OR is answered from three indexes.
_RECOVERY = f"""
CASE WHEN {_REFUNDED} THEN (
  SELECT coalesce(max(CASE WHEN r2.state = 'received' THEN 2
                           WHEN r2.state IN {_PENDING} THEN 1 ELSE 0 END), 0)
  FROM refund AS r2
  WHERE r2.direction = 'from_supplier'
    AND (r2.cancellation_id = p.cancellation_id OR r2.supplier_order_id = p.so_id
         OR r2.customer_order_id = p.order_id))
END"""

_CUBE_COLUMNS = f"""
  count(*) FILTER (WHERE refunded > 0) AS n,
  sum(refunded) AS refunded,
  sum(CASE WHEN direction = 'from_supplier' AND state = 'received' THEN amount ELSE 0 END),
  sum(CASE WHEN recovery = 0 THEN refunded ELSE 0 END),
  sum(CASE WHEN recovery = 1 THEN refunded ELSE 0 END),
  sum(CASE WHEN direction = 'from_supplier' AND state IN {_PENDING} THEN amount ELSE 0 END),
  sum(CASE WHEN direction = 'from_supplier' AND state IN {_PENDING}
           AND expected_until < ? THEN amount ELSE 0 END),
  count(*)"""

_ROLLUP = "sum(n), sum(refunded), sum(c3), sum(c4), sum(c5), sum(c6), sum(c7), sum(c8)"
_DIMENSIONS = {
    "reason": "reason",
    "fault": "fault",
    "supplier": "coalesce(supplier_id, '')",
    "month": "month",
    "total": "''",
}


class LineKind(StrEnum):
    REFUNDS = "refunds"
    CANCELLATIONS = "cancellations"
    DISPUTES = "disputes"


@dataclass(frozen=True)
class LineColumn:
    key: str
    title: str
    kind: str = "text"  # text | time | money | flag


Cell = str | int | datetime | Amount | None

LINE_COLUMNS: dict[LineKind, tuple[LineColumn, ...]] = {
    LineKind.REFUNDS: (
        LineColumn("at", "Date", "time"),
        LineColumn("order", "Order"),
        LineColumn("ae_order", "AliExpress order"),
        LineColumn("supplier", "Supplier"),
        LineColumn("direction", "Direction"),
        LineColumn("amount", "Amount", "money"),
        LineColumn("reason", "Reason"),
        LineColumn("fault", "Fault"),
        LineColumn("state", "State"),
        LineColumn("expected_until", "Expected until", "time"),
        LineColumn("case", "Case"),
    ),
    LineKind.CANCELLATIONS: (
        LineColumn("at", "Started", "time"),
        LineColumn("order", "Order"),
        LineColumn("ae_order", "AliExpress order"),
        LineColumn("supplier", "Supplier"),
        LineColumn("reason", "Reason"),
        LineColumn("fault", "Fault"),
        LineColumn("state", "State"),
        LineColumn("path", "Path"),
        LineColumn("answer", "Supplier answer"),
        LineColumn("closed_at", "Closed", "time"),
        LineColumn("note", "Abandoned because"),
    ),
    LineKind.DISPUTES: (
        LineColumn("at", "Opened", "time"),
        LineColumn("order", "Order"),
        LineColumn("ae_order", "AliExpress order"),
        LineColumn("supplier", "Supplier"),
        LineColumn("state", "State"),
        LineColumn("escalate_after", "Escalate after", "time"),
        LineColumn("case_team_at", "Case team", "time"),
        LineColumn("first_tracking_at", "First tracking", "time"),
        LineColumn("late", "Shipped after filing", "flag"),
        LineColumn("outcome", "Outcome"),
        LineColumn("amount", "Amount", "money"),
    ),
}


class Review:
    """Aggregates and lines of the review, read from one ledger's engine (thread-safe: every
    call opens its own connection)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- summary -----------------------------------------------------------------------------

    def summary(self, flt: ReviewFilter, now: datetime | None = None) -> ReviewSummary:
        now = now or datetime.now(UTC)
        groups = self._groups(flt, now)
        names = dict(self.suppliers())

        def rows(dimension: str, labels: dict[str, str] | None) -> tuple[GroupRow, ...]:
            made = []
            for key, measures in groups.get(dimension, []):
                if dimension == "supplier":
                    text = names.get(int(key), key) if key else NO_SUPPLIER
                else:
                    text = label(labels, key) if labels else key
                made.append(GroupRow(key, text, measures))
            return tuple(made)

        totals = tuple(m for _key, m in groups.get("total", []))
        return ReviewSummary(
            filter=flt,
            now=now,
            refunds=sum(m.lines for m in totals),
            totals=totals,
            by_reason=rows("reason", REASON_LABELS),
            by_fault=rows("fault", FAULT_LABELS),
            by_supplier=rows("supplier", None),
            by_month=rows("month", None),
            supplier_rates=self.supplier_rates(flt),
            cancellations=self.cancellation_states(flt),
            disputes=self.dispute_counts(flt),
        )

    def _groups(self, flt: ReviewFilter, now: datetime) -> dict[str, list[tuple[str, Measures]]]:
        where = self._refund_where(flt)
        arms = " UNION ALL ".join(
            f"SELECT '{name}', {key}, currency, {_ROLLUP} FROM cube GROUP BY {key}, currency"
            for name, key in _DIMENSIONS.items()
        )
        sql = f"""
            WITH {_FACT},
            picked AS (SELECT * FROM fact AS p WHERE {where.sql()}),
            measured AS (
              SELECT p.*, substr(p.at, 1, 7) AS month,
                     CASE WHEN {_REFUNDED} THEN p.amount ELSE 0 END AS refunded,
                     {_RECOVERY} AS recovery
              FROM picked AS p),
            cube(reason, fault, supplier_id, month, currency, n, refunded, c3, c4, c5, c6, c7, c8)
              AS MATERIALIZED (
              SELECT reason, fault, supplier_id, month, currency, {_CUBE_COLUMNS}
              FROM measured GROUP BY reason, fault, supplier_id, month, currency)
            {arms}
            ORDER BY 1, 2, 3"""
        result: dict[str, list[tuple[str, Measures]]] = {}
        with self._engine.connect() as connection:
            cursor = connection.exec_driver_sql(sql, (*where.params, to_db(now)))
            for dimension, key, currency, *figures in cursor:
                measures = Measures(currency, *(int(value or 0) for value in figures))
                result.setdefault(dimension, []).append((str(key), measures))
        return result

    @staticmethod
    def _refund_where(flt: ReviewFilter, *, states: bool = True) -> Where:
        return flt.clauses(
            at="p.at",
            supplier="p.supplier_id",
            reason="p.reason",
            state="p.state" if states else None,
        )

    def supplier_rates(self, flt: ReviewFilter) -> tuple[SupplierRate, ...]:
        """Suppliers ranked by refund rate, highest first (the state filter does not apply:
        the rate is about refunded orders)."""
        where = self._refund_where(flt, states=False)
        period = Where()
        if flt.start is not None:
            period.add("x.paid_at >= ?", to_db(flt.start))
        if flt.end is not None:
            period.add("x.paid_at < ?", to_db(flt.end))
        only = Where()
        if flt.supplier_ids:
            only.add_in("s.id", flt.supplier_ids)
        sql = f"""
            WITH {_FACT},
            refunded AS (
              SELECT p.supplier_id AS supplier_id,
                     count(DISTINCT coalesce(p.order_id, -p.so_id, -1000000000 - p.id)) AS n
              FROM fact AS p WHERE {_REFUNDED} AND {where.sql()}
              GROUP BY p.supplier_id)
            SELECT s.id, s.name,
                   (SELECT count(*) FROM supplier_order AS x
                    WHERE x.supplier_id = s.id AND {period.sql()}),
                   coalesce(rf.n, 0)
            FROM supplier AS s LEFT JOIN refunded AS rf ON rf.supplier_id = s.id
            WHERE {only.sql()}"""
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(
                sql, (*where.params, *period.params, *only.params)
            ).all()
        rates = [SupplierRate(int(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]
        # Exact fractions, no float: suppliers without orders last, then by name.
        rates.sort(
            key=lambda r: (not r.orders, -Fraction(r.refunded_orders, r.orders or 1), r.name)
        )
        return tuple(rates)

    def cancellation_states(self, flt: ReviewFilter) -> tuple[tuple[str, int], ...]:
        where = flt.clauses(
            at="c.created_at", supplier="so.supplier_id", reason="c.reason", state=None
        )
        sql = f"""
            SELECT c.state, count(*) FROM cancellation AS c
            LEFT JOIN supplier_order AS so ON so.id = c.supplier_order_id
            WHERE {where.sql()} GROUP BY c.state ORDER BY count(*) DESC, c.state"""
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(sql, tuple(where.params)).all()
        return tuple((str(state), int(count)) for state, count in rows)

    def dispute_counts(self, flt: ReviewFilter) -> tuple[DisputeCount, ...]:
        where = flt.clauses(
            at="d.opened_at", supplier="so.supplier_id", reason="c.reason", state=None
        )
        sql = f"""
            SELECT d.state, d.currency, count(*), sum(d.amount_minor),
                   count(*) FILTER (WHERE d.first_tracking_at > d.opened_at)
            FROM dispute AS d
            LEFT JOIN supplier_order AS so ON so.id = d.supplier_order_id
            LEFT JOIN cancellation AS c ON c.id = d.cancellation_id
            WHERE {where.sql()} GROUP BY d.state, d.currency ORDER BY d.state, d.currency"""
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(sql, tuple(where.params)).all()
        return tuple(
            DisputeCount(str(r[0]), str(r[1]), int(r[2]), int(r[3] or 0), int(r[4])) for r in rows
        )

    def suppliers(self) -> list[tuple[int, str]]:
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT id, name FROM supplier ORDER BY name").all()
        return [(int(r[0]), str(r[1])) for r in rows]

    # --- lines -------------------------------------------------------------------------------

    def count(self, kind: LineKind, flt: ReviewFilter) -> int:
        source, where = self._source(kind, flt)
        if kind is LineKind.REFUNDS:
            sql = f"{source} SELECT count(*) FROM picked"
        else:
            sql = f"SELECT count(*) FROM ({source} WHERE {where.sql()})"
        with self._engine.connect() as connection:
            return int(connection.exec_driver_sql(sql, tuple(where.params)).scalar_one())

    def lines(
        self, kind: LineKind, flt: ReviewFilter, offset: int = 0, limit: int = 200
    ) -> list[tuple[Cell, ...]]:
        """Lines [offset, offset + limit), newest first."""
        sql, params = self._lines_sql(kind, flt, paged=True)
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(sql, (*params, limit, offset)).all()
        return [_cells(kind, row) for row in rows]

    def iter_lines(self, kind: LineKind, flt: ReviewFilter) -> Iterator[tuple[Cell, ...]]:
        """Every line, newest first, streamed from the cursor (for exports)."""
        sql, params = self._lines_sql(kind, flt, paged=False)
        with self._engine.connect() as connection:
            for row in connection.exec_driver_sql(sql, tuple(params)):
                yield _cells(kind, row)

    def _source(self, kind: LineKind, flt: ReviewFilter) -> tuple[str, Where]:
        if kind is LineKind.REFUNDS:
            where = self._refund_where(flt)
            return f"WITH {_FACT}, picked AS (SELECT * FROM fact AS p WHERE {where.sql()})", where
        if kind is LineKind.CANCELLATIONS:
            where = flt.clauses(
                at="c.created_at", supplier="so.supplier_id", reason="c.reason", state=None
            )
            return _CANCELLATION_FROM, where
        where = flt.clauses(
            at="d.opened_at", supplier="so.supplier_id", reason="c.reason", state=None
        )
        return _DISPUTE_FROM, where

    def _lines_sql(
        self, kind: LineKind, flt: ReviewFilter, *, paged: bool
    ) -> tuple[str, list[Any]]:
        source, where = self._source(kind, flt)
        window = " LIMIT ? OFFSET ?" if paged else ""
        if kind is LineKind.REFUNDS:
            # Page first, then join names and judge the case for the page's rows only.
            sql = f"""{source},
                page AS (SELECT * FROM picked ORDER BY at DESC, id DESC{window})
                SELECT p.at, co.name, so.ae_order_id, s.name, p.direction, p.amount, p.currency,
                       p.reason, p.fault, p.state, p.expected_until, {_RECOVERY}
                FROM page AS p
                LEFT JOIN customer_order AS co ON co.id = p.order_id
                LEFT JOIN supplier_order AS so ON so.id = p.so_id
                LEFT JOIN supplier AS s ON s.id = p.supplier_id
                ORDER BY p.at DESC, p.id DESC"""
            return sql, where.params
        order = "c.created_at" if kind is LineKind.CANCELLATIONS else "d.opened_at"
        alias = order.split(".")[0]
        sql = f"{source} WHERE {where.sql()} ORDER BY {order} DESC, {alias}.id DESC{window}"
        return sql, where.params


_CANCELLATION_FROM = """
    SELECT c.created_at, co.name, so.ae_order_id, s.name, c.reason, c.fault, c.state, c.path,
           c.supplier_answer, c.closed_at, c.abandoned_reason
    FROM cancellation AS c
    LEFT JOIN supplier_order AS so ON so.id = c.supplier_order_id
    LEFT JOIN customer_order AS co ON co.id = coalesce(c.customer_order_id, so.customer_order_id)
    LEFT JOIN supplier AS s ON s.id = so.supplier_id"""

_DISPUTE_FROM = """
    SELECT d.opened_at, co.name, so.ae_order_id, s.name, d.state, d.escalate_after,
           d.case_team_at, d.first_tracking_at, d.first_tracking_at > d.opened_at, d.outcome,
           d.amount_minor, d.currency
    FROM dispute AS d
    LEFT JOIN cancellation AS c ON c.id = d.cancellation_id
    LEFT JOIN supplier_order AS so ON so.id = d.supplier_order_id
    LEFT JOIN customer_order AS co ON co.id = so.customer_order_id
    LEFT JOIN supplier AS s ON s.id = so.supplier_id"""


def _instant(text: str | None) -> datetime | None:
    """A stored UTC instant (the C parser: from_db's strptime is slow for a 70,000-line export)."""
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _cells(kind: LineKind, row: Sequence[Any]) -> tuple[Cell, ...]:
    if kind is LineKind.REFUNDS:
        recovery = row[11]
        case = {2: "recovered", 1: "awaiting", 0: "out_of_pocket"}.get(recovery, "")
        return (
            _instant(row[0]),
            _text(row[1]),
            _text(row[2]),
            _text(row[3]),
            label(DIRECTION_LABELS, row[4]),
            Amount(str(row[6]), int(row[5])),
            label(REASON_LABELS, row[7]),
            label(FAULT_LABELS, row[8]),
            label(STATE_LABELS, row[9]),
            _instant(row[10]),
            CASE_LABELS.get(case, ""),
        )
    if kind is LineKind.CANCELLATIONS:
        return (
            _instant(row[0]),
            _text(row[1]),
            _text(row[2]),
            _text(row[3]),
            label(REASON_LABELS, row[4]),
            label(FAULT_LABELS, row[5]),
            _text(row[6]).replace("_", " "),
            _text(row[7]),
            _text(row[8]),
            _instant(row[9]),
            redact(_text(row[10])),  # free text the merchant typed
        )
    return (
        _instant(row[0]),
        _text(row[1]),
        _text(row[2]),
        _text(row[3]),
        _text(row[4]).replace("_", " "),
        _instant(row[5]),
        _instant(row[6]),
        _instant(row[7]),
        "yes" if row[8] else "",
        redact(_text(row[9])),
        Amount(str(row[11]), int(row[10] or 0)),
    )


def csv_header(kind: LineKind) -> list[str]:
    """Column titles of a CSV export: an amount becomes two columns, amount and currency."""
    titles: list[str] = []
    for column in LINE_COLUMNS[kind]:
        if column.kind == "money":
            titles += [column.title, "Currency"]
        elif column.kind == "time":
            titles.append(f"{column.title} (UTC)")
        else:
            titles.append(column.title)
    return titles


def csv_row(cells: Sequence[Cell]) -> list[CsvCell]:
    """One line as CSV values: amounts as exact decimals beside their currency."""
    values: list[CsvCell] = []
    for cell in cells:
        if isinstance(cell, Amount):
            values += [to_decimal(cell.minor, cell.currency), cell.currency]
        else:
            values.append(cell)
    return values


def write_review_csv(
    review: Review, flt: ReviewFilter, path: Path, kind: LineKind = LineKind.REFUNDS
) -> int:
    """Export every line of the review (refunds by default) to `path`; returns the count."""
    rows = (csv_row(cells) for cells in review.iter_lines(kind, flt))
    return write_csv(path, csv_header(kind), rows)
