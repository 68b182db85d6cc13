"""The refund review: what cancellations, refunds and disputes cost, aggregated in SQL.

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

The same SQL runs on a ledger file (SQLite) and a server ledger (PostgreSQL): what the two
say differently (the day and month of an instant) is written once, in `_day_sql` and
`_month_sql`; NULLs in a UNION are typed, ties are broken by id and NULLs sorted last, so that
both engines give the same answer for the same data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.clocks import day_end, day_start
from core.exports import CsvCell, write_csv
from core.ledger.types import Fault, Reason, RefundDirection, RefundState, from_db, to_db
from core.money import converted, net_cost, profit, to_decimal, to_minor
from core.rates import (
    ECB,
    MANUAL,
    MANUAL_RATES,
    REPORTING_CURRENCY,
    EcbTable,
    Rate,
    Rates,
    parse_manual,
)
from core.redaction import redact
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from core.ledger import Ledger

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
    "out_of_pocket": "Not recovered",
}
ORIGIN_LABELS: dict[str, str] = {
    "dropdesk": "Dropdesk",
    "shop": "Shopify (order date)",
}
NO_SUPPLIER = "(no supplier)"
_DIMENSION_LABELS: dict[str, dict[str, str]] = {"reason": REASON_LABELS, "fault": FAULT_LABELS}


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
        return " AND ".join(self.parts) if self.parts else "1 = 1"


@dataclass(frozen=True)
class Measures:
    """A group's figures in one currency (minor units); `customer_refunds` counts refunds.

    net_cost follows the money model (core.money.net_cost, docs/DESIGN.md): customer refunds,
    less supplier refunds received, plus the supplier cost and less the customer's payment of
    the sales the refunds undid. from_shop: the part of `refunded` known only from Shopify
    (the export or the sync), dated by its order. expected: supplier money in flight."""

    currency: str
    customer_refunds: int = 0
    refunded: int = 0
    recovered: int = 0
    out_of_pocket: int = 0
    awaiting: int = 0
    expected: int = 0
    overdue: int = 0
    lines: int = 0  # refunds of either direction in the group
    net_cost: int = 0
    from_shop: int = 0


#: What the review shows, most important first: the net cost of refunds, then what was
#: refunded, recovered, what is still in flight from suppliers and of that what is overdue.
MEASURES = ("net_cost", "refunded", "recovered", "expected", "overdue")
#: Every summed measure (the converted figures have them all).
ALL_MEASURES = (
    "customer_refunds",
    "refunded",
    "recovered",
    "out_of_pocket",
    "awaiting",
    "expected",
    "overdue",
    "lines",
    "net_cost",
    "from_shop",
)
_COUNTS = frozenset({"customer_refunds", "lines"})


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
class RateUse:
    """How one currency was converted for a summary: `latest` is the rate of its newest day,
    `days` how many days' rates were used, from `first_day` to `last_day`."""

    currency: str
    latest: Rate
    first_day: date | None
    last_day: date | None
    days: int

    def describe(self) -> Text:
        """ "1 USD = 0.9231 EUR (ECB, 2026-05-08); rates of 12 days from 2026-04-01"."""
        latest = self.latest.describe()
        if self.days <= 1 or self.latest.origin != ECB or self.first_day is None:
            return latest
        first = self.first_day.isoformat()
        return Text(
            "core.review",
            "{latest}; the rate of each day, {days} days from {first}",
            latest=latest,
            days=self.days,
            first=first,
        )


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
    # The same figures in one reporting currency, each amount at the rate of its day.
    currency: str = "EUR"
    converted: Measures | None = None
    converted_groups: dict[str, tuple[GroupRow, ...]] = field(default_factory=dict)
    rates: tuple[RateUse, ...] = ()
    unconverted: tuple[str, ...] = ()  # currencies nobody has a rate for: left out of the sums

    def reporting(self, measure: str) -> int:
        """A measure's total in the reporting currency (minor units)."""
        return getattr(self.converted, measure) if self.converted else 0

    def in_reporting(self, dimension: str) -> tuple[GroupRow, ...]:
        """A breakdown (reason, fault, supplier, month) in the reporting currency."""
        return self.converted_groups.get(dimension, ())

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


def _day_sql(instant: str, dialect: str) -> str:
    """SQL for the UTC day ('YYYY-MM-DD' text) of a stored instant: SQLite stores instants as
    text (core.ledger.types.to_db), PostgreSQL as timestamps."""
    if dialect == "postgresql":
        return f"to_char({instant}, 'YYYY-MM-DD')"
    return f"substr({instant}, 1, 10)"


def _month_sql(instant: str, dialect: str) -> str:
    """SQL for the UTC month ('YYYY-MM') of a stored instant."""
    if dialect == "postgresql":
        return f"to_char({instant}, 'YYYY-MM')"
    return f"substr({instant}, 1, 7)"


# One row per refund with its case, supplier and date resolved: Dropdesk's own refunds ...
_OWN = """
own AS (
  SELECT r.id AS id, 'dropdesk' AS origin, r.direction AS direction, r.amount_minor AS amount,
         r.currency AS currency, r.reason AS reason, r.fault AS fault, r.state AS state,
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

# ... and what Shopify says was refunded on an order (the export's `Refunded Amount`, the
# sync's totalRefundedSet) beyond what Dropdesk recorded itself on that order in that
# currency: Shopify's total includes the refunds Dropdesk made through it, so the difference
# is what was refunded elsewhere (the admin, another app, before Dropdesk). Dated by the
# order (cancelled, else paid, else created): the export and the order carry no refund date.
_SHOP_REASON = """CASE lower(coalesce(co.cancel_reason, ''))
  WHEN 'fraud' THEN 'fraud' WHEN 'inventory' THEN 'out_of_stock'
  WHEN 'customer' THEN 'changed_mind' ELSE 'other' END"""
_SHOP_FAULT = """CASE lower(coalesce(co.cancel_reason, ''))
  WHEN 'customer' THEN 'customer' ELSE 'unknown' END"""
# Dropdesk's own refunds of order `co` in its currency, by each way a refund names its order
# (each sum answered from an index: the `+` keeps SQLite off the NULL indexes, and `|| ''`
# off the state index; PostgreSQL has no unary + on text, so the state's is the concatenation).
_OWN_REFUNDED = "r.direction = 'to_customer' AND (r.state || '') IN ('issued', 'received')"
_OWN_PAID = f"""(
  (SELECT coalesce(sum(r.amount_minor), 0) FROM refund AS r
   WHERE r.customer_order_id = co.id AND {_OWN_REFUNDED} AND r.currency = co.currency)
  + (SELECT coalesce(sum(r.amount_minor), 0)
     FROM cancellation AS c JOIN refund AS r ON r.cancellation_id = c.id
     WHERE c.customer_order_id = co.id AND +r.customer_order_id IS NULL AND {_OWN_REFUNDED}
       AND r.currency = co.currency)
  + (SELECT coalesce(sum(r.amount_minor), 0)
     FROM supplier_order AS x JOIN refund AS r ON r.supplier_order_id = x.id
     WHERE x.customer_order_id = co.id AND +r.customer_order_id IS NULL
       AND +r.cancellation_id IS NULL AND {_OWN_REFUNDED} AND r.currency = co.currency))"""
_SHOP = f"""
shop_paid AS (
  SELECT co.id AS order_id, co.refunded_minor - {_OWN_PAID} AS amount
  FROM customer_order AS co WHERE co.refunded_minor > 0),
shop AS (
  SELECT -co.id AS id, 'shop' AS origin, 'to_customer' AS direction,
         sp.amount AS amount, co.currency AS currency,
         {_SHOP_REASON} AS reason, {_SHOP_FAULT} AS fault, 'issued' AS state,
         CAST(NULL AS TIMESTAMP) AS expected_until, CAST(NULL AS INTEGER) AS cancellation_id,
         coalesce(co.cancelled_at, co.processed_at, co.created_at) AS at,
         so.id AS so_id, so.supplier_id AS supplier_id, co.id AS order_id
  FROM shop_paid AS sp
  JOIN customer_order AS co ON co.id = sp.order_id
  LEFT JOIN supplier_order AS so ON so.id =
      (SELECT min(x.id) FROM supplier_order AS x WHERE x.customer_order_id = co.id)
  WHERE sp.amount > 0
)"""


@cache
def _fact(dialect: str) -> str:
    """The CTEs `own`, `shop` and `fact` (every refund with its rate day)."""
    day = _day_sql("at", dialect)
    return f"""{_OWN},{_SHOP},
fact AS (SELECT *, {day} AS rate_day FROM own
         UNION ALL SELECT *, {day} FROM shop)"""


_REFUNDED = "(p.direction = 'to_customer' AND p.state IN ('issued', 'received'))"
_PENDING = "('expected', 'issued')"


# The money model's terms for a sale undone by its refunds (core.money.net_cost): the
# supplier cost (+, at its payment day) and the customer's payment (-, at the order's day),
# attributed to the case's first refund (its day, reason, fault, state, supplier; of refunds
# on the same instant, the lowest id's; a refund without a date only if none has one). A sale is
# undone when the order was cancelled, a Dropdesk cancellation took the cancel path, or the
# customer got at least the order's total back.
@cache
def _terms(dialect: str) -> str:
    """The CTEs `cases` (one row per refunded order, named by its first refund), `undone`,
    `terms` and `everything` (the refunds and the terms of the sales they undid)."""
    return f""",
firsts AS (
  SELECT p.*, co.total_minor AS total, co.currency AS order_currency,
         co.processed_at AS processed_at, co.created_at AS created_at,
         co.cancelled_at AS cancelled_at,
         sum(CASE WHEN p.currency = co.currency THEN p.amount ELSE 0 END)
           OVER (PARTITION BY p.order_id) AS refunded,
         row_number() OVER (PARTITION BY p.order_id
                            ORDER BY CASE WHEN p.at IS NULL THEN 1 ELSE 0 END, p.at, p.id) AS nth
  FROM fact AS p JOIN customer_order AS co ON co.id = p.order_id
  WHERE p.direction = 'to_customer' AND p.state IN ('issued', 'received')),
cases AS (
  SELECT f.order_id AS order_id, f.at AS at, f.reason AS reason, f.fault AS fault,
         f.state AS state, f.so_id AS so_id, f.supplier_id AS supplier_id,
         f.refunded AS refunded, f.total AS total, f.order_currency AS order_currency,
         coalesce(f.processed_at, f.created_at, f.at) AS paid_at,
         f.cancelled_at AS cancelled_at
  FROM firsts AS f WHERE f.nth = 1),
undone AS (
  SELECT * FROM cases AS k
  WHERE k.cancelled_at IS NOT NULL OR (k.total > 0 AND k.refunded >= k.total)
     OR EXISTS (SELECT 1 FROM cancellation AS c
                WHERE c.customer_order_id = k.order_id AND c.path = 'cancel')),
terms AS (
  SELECT CAST(NULL AS INTEGER) AS id, 'model' AS origin, 'sale' AS direction,
         k.total AS amount, k.order_currency AS currency, k.reason AS reason, k.fault AS fault,
         k.state AS state, CAST(NULL AS TIMESTAMP) AS expected_until,
         CAST(NULL AS INTEGER) AS cancellation_id, k.at AS at, k.so_id AS so_id,
         k.supplier_id AS supplier_id, k.order_id AS order_id,
         {_day_sql("k.paid_at", dialect)} AS rate_day
  FROM undone AS k
  UNION ALL
  SELECT NULL, 'model', 'supplier_cost', x.cost_minor, x.currency, k.reason, k.fault, k.state,
         NULL, NULL, k.at, k.so_id, k.supplier_id, k.order_id,
         {_day_sql("coalesce(x.paid_at, k.at)", dialect)}
  FROM undone AS k JOIN supplier_order AS x ON x.customer_order_id = k.order_id),
everything AS (SELECT * FROM fact UNION ALL SELECT * FROM terms)"""


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
  count(*) FILTER (WHERE origin <> 'model'),
  sum(refunded
      - CASE WHEN direction = 'from_supplier' AND state = 'received' THEN amount ELSE 0 END
      + CASE WHEN direction = 'supplier_cost' THEN amount ELSE 0 END
      - CASE WHEN direction = 'sale' THEN amount ELSE 0 END),
  sum(CASE WHEN origin = 'shop' THEN refunded ELSE 0 END)"""

_ROLLUP = (
    "sum(n), sum(refunded), sum(c3), sum(c4), sum(c5), sum(c6), sum(c7), sum(c8), sum(c9), sum(c10)"
)
_DIMENSIONS = {
    "reason": "reason",
    "fault": "fault",
    "supplier": "coalesce(CAST(supplier_id AS TEXT), '')",
    "month": "month",
    "total": "''",
}


def _group_key(key: str) -> str:
    """A dimension's key for GROUP BY: none for the total's constant (PostgreSQL refuses a
    constant there)."""
    return "" if key == "''" else f"{key}, "


_CUBE_ORDER = ALL_MEASURES  # the order of the cube query's sums


def _day(text: str | None, now: datetime) -> date:
    """The day whose rate converts a row (a refund without any date: today's)."""
    try:
        return date.fromisoformat(text) if text else now.date()
    except ValueError:
        return now.date()


def _rounded(currency: str, sums: dict[str, Decimal | int]) -> Measures:
    """Converted sums, rounded once to the reporting currency's minor units."""
    values = {
        name: int(value) if name in _COUNTS else to_minor(Decimal(value), currency)
        for name, value in sums.items()
    }
    return Measures(currency, **values)


def _rate_use(currency: str, used: list[tuple[date, Rate]]) -> RateUse:
    published = sorted({rate.day for _day_, rate in used if rate.day is not None})
    latest = max(used, key=lambda pair: (pair[1].day or date.min, pair[0]))[1]
    return RateUse(
        currency,
        latest,
        published[0] if published else None,
        published[-1] if published else None,
        len(published),
    )


def _setting(engine: Engine, key: str) -> Any:
    from core import settings

    with engine.connect() as connection:
        found = connection.exec_driver_sql(
            "SELECT value FROM setting WHERE key = ?", (key,)
        ).first()
    return json.loads(found[0]) if found is not None else settings.DEFAULTS[key]


def reporting_currency(engine: Engine) -> str:
    """The merchant's reporting currency: as set, else the shop's, else EUR."""
    chosen = _setting(engine, REPORTING_CURRENCY)
    if chosen:
        return str(chosen).upper()
    with engine.connect() as connection:
        shop = connection.exec_driver_sql("SELECT currency FROM shop ORDER BY id LIMIT 1").first()
    return str(shop[0]).upper() if shop and shop[0] else "EUR"


def rates_of_ledger(
    engine: Engine, currency: str | None = None, table: EcbTable | None = None
) -> Rates:
    """Rates into `currency` (default: the reporting currency), with the manual rates the
    ledger's settings hold."""
    target = currency or reporting_currency(engine)
    return Rates(target, table, manual_rates(engine))


def manual_rates(engine: Engine) -> dict[tuple[str, str], Decimal]:
    """The rates the merchant set by hand, as stored (pairs that do not parse left out)."""
    return parse_manual(_setting(engine, MANUAL_RATES))


def store_reporting_currency(ledger: Ledger, code: str) -> None:
    """Keep the chosen reporting currency with the ledger."""
    from core import settings

    with ledger.session() as session:
        settings.put(session, REPORTING_CURRENCY, code)


def store_manual_rates(ledger: Ledger, rates: dict[str, str]) -> None:
    """Keep rates set by hand ({"USD/EUR": "0.92"}; empty: the ECB's again)."""
    from core import settings

    with ledger.session() as session:
        settings.put(session, MANUAL_RATES, rates)


class LineKind(StrEnum):
    REFUNDS = "refunds"
    CANCELLATIONS = "cancellations"
    DISPUTES = "disputes"
    ORDERS = "orders"  # refunded orders with their profit (the money model per order)


@dataclass(frozen=True)
class LineColumn:
    key: str
    title: str
    kind: str = "text"  # text | time | money | flag


Cell = str | int | datetime | Amount | Rate | None

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
        LineColumn("origin", "Known from"),
        LineColumn("converted", "In reporting currency", "money"),
        LineColumn("rate", "Rate used", "rate"),
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
    LineKind.ORDERS: (
        LineColumn("at", "First refund", "time"),
        LineColumn("order", "Order"),
        LineColumn("supplier", "Supplier"),
        LineColumn("paid", "Paid", "money"),
        LineColumn("refunded", "Refunded", "money"),
        LineColumn("cost", "Supplier cost", "money"),
        LineColumn("recovered", "Recovered", "money"),
        LineColumn("undone", "Sale undone", "flag"),
        LineColumn("net", "Net cost", "money"),
        LineColumn("profit", "Profit", "money"),
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

    def __init__(self, engine: Engine, rates: Rates | None = None) -> None:
        self._engine = engine
        self._rates = rates
        self._dialect = engine.dialect.name

    # --- summary -----------------------------------------------------------------------------

    def summary(self, flt: ReviewFilter, now: datetime | None = None) -> ReviewSummary:
        now = now or datetime.now(UTC)
        groups = self._groups(flt, now)
        names = dict(self.suppliers())
        rates = self.rates()

        def text(dimension: str, key: str) -> str:
            labels = _DIMENSION_LABELS.get(dimension)
            if dimension == "supplier":
                return names.get(int(key), key) if key else NO_SUPPLIER
            return label(labels, key) if labels else key

        native: dict[str, tuple[GroupRow, ...]] = {}
        reporting: dict[str, tuple[GroupRow, ...]] = {}
        uses: dict[str, list[tuple[date, Rate]]] = {}
        unconverted: set[str] = set()
        for dimension, rows in groups.items():
            per_currency: dict[tuple[str, str], dict[str, int]] = {}
            per_key: dict[str, dict[str, Decimal | int]] = {}
            for key, currency, day, figures in rows:
                sums = per_currency.setdefault((key, currency), dict.fromkeys(ALL_MEASURES, 0))
                for name, value in figures.items():
                    sums[name] += value
                into = per_key.setdefault(key, dict.fromkeys(ALL_MEASURES, 0))
                for name in _COUNTS:
                    into[name] += figures[name]
                rate = rates.rate(currency, day)
                if rate is None:
                    unconverted.add(currency)
                    continue
                if dimension == "total":
                    uses.setdefault(currency, []).append((day, rate))
                for name, value in figures.items():
                    if name not in _COUNTS and value:
                        into[name] += converted(value, currency, rate.value)
            native[dimension] = tuple(
                GroupRow(key, text(dimension, key), Measures(currency, **sums))
                for (key, currency), sums in sorted(per_currency.items())
            )
            reporting[dimension] = tuple(
                GroupRow(key, text(dimension, key), _rounded(rates.target, sums))
                for key, sums in sorted(per_key.items())
            )
        totals = tuple(g.measures for g in native.get("total", ()))
        total = reporting.get("total", ())
        return ReviewSummary(
            filter=flt,
            now=now,
            refunds=sum(m.lines for m in totals),
            totals=totals,
            by_reason=native.get("reason", ()),
            by_fault=native.get("fault", ()),
            by_supplier=native.get("supplier", ()),
            by_month=native.get("month", ()),
            supplier_rates=self.supplier_rates(flt),
            cancellations=self.cancellation_states(flt),
            disputes=self.dispute_counts(flt),
            currency=rates.target,
            converted=total[0].measures if total else Measures(rates.target),
            converted_groups={k: v for k, v in reporting.items() if k != "total"},
            rates=tuple(_rate_use(c, used) for c, used in sorted(uses.items())),
            unconverted=tuple(sorted(unconverted)),
        )

    def use_rates(self, rates: Rates | None) -> None:
        """Convert with `rates` from now on (None: read the ledger's settings again)."""
        self._rates = rates

    def rates(self) -> Rates:
        """The rates into the reporting currency (given, or from the ledger's settings)."""
        if self._rates is None:
            self._rates = rates_of_ledger(self._engine)
        return self._rates

    def _groups(
        self, flt: ReviewFilter, now: datetime
    ) -> dict[str, list[tuple[str, str, date, dict[str, int]]]]:
        """Per dimension: (key, currency, day of the rate, figures) rows."""
        where = self._refund_where(flt)
        arms = " UNION ALL ".join(
            f"SELECT '{name}', {key}, currency, rate_day, {_ROLLUP} FROM cube "
            f"GROUP BY {_group_key(key)}currency, rate_day"
            for name, key in _DIMENSIONS.items()
        )
        sql = f"""
            WITH {_fact(self._dialect)}{_terms(self._dialect)},
            picked AS (SELECT * FROM everything AS p WHERE {where.sql()}),
            measured AS (
              SELECT p.*, {_month_sql("p.at", self._dialect)} AS month,
                     CASE WHEN {_REFUNDED} THEN p.amount ELSE 0 END AS refunded,
                     {_RECOVERY} AS recovery
              FROM picked AS p),
            cube(reason, fault, supplier_id, month, currency, rate_day,
                 n, refunded, c3, c4, c5, c6, c7, c8, c9, c10)
              AS MATERIALIZED (
              SELECT reason, fault, supplier_id, month, currency, rate_day, {_CUBE_COLUMNS}
              FROM measured GROUP BY reason, fault, supplier_id, month, currency, rate_day)
            {arms}
            ORDER BY 1, 2, 3, 4"""
        result: dict[str, list[tuple[str, str, date, dict[str, int]]]] = {}
        with self._engine.connect() as connection:
            cursor = connection.exec_driver_sql(sql, (*where.params, to_db(now)))
            for dimension, key, currency, day, *figures in cursor:
                values = dict(zip(_CUBE_ORDER, (int(v or 0) for v in figures), strict=True))
                result.setdefault(dimension, []).append(
                    (str(key), str(currency), _day(day, now), values)
                )
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
            WITH {_fact(self._dialect)},
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
        if kind in (LineKind.REFUNDS, LineKind.ORDERS):
            sql = f"{source} SELECT count(*) FROM picked"
        else:
            sql = f"SELECT count(*) FROM ({source} WHERE {where.sql()}) AS lines"
        with self._engine.connect() as connection:
            return int(connection.exec_driver_sql(sql, tuple(where.params)).scalar_one())

    def lines(
        self, kind: LineKind, flt: ReviewFilter, offset: int = 0, limit: int = 200
    ) -> list[tuple[Cell, ...]]:
        """Lines [offset, offset + limit), newest first."""
        sql, params = self._lines_sql(kind, flt, paged=True)
        with self._engine.connect() as connection:
            rows = connection.exec_driver_sql(sql, (*params, limit, offset)).all()
        return [self._cells(kind, row) for row in rows]

    def iter_lines(self, kind: LineKind, flt: ReviewFilter) -> Iterator[tuple[Cell, ...]]:
        """Every line, newest first, streamed from the cursor (for exports)."""
        sql, params = self._lines_sql(kind, flt, paged=False)
        with self._engine.connect() as connection:
            for row in connection.exec_driver_sql(sql, tuple(params)):
                yield self._cells(kind, row)

    def _cells(self, kind: LineKind, row: Sequence[Any]) -> tuple[Cell, ...]:
        """A line's cells; a refund's also in the reporting currency, with the rate used."""
        if kind is LineKind.ORDERS:
            return self._order_cells(row)
        cells = _cells(kind, row)
        if kind is not LineKind.REFUNDS:
            return cells
        amount = cells[5]
        assert isinstance(amount, Amount)
        rates = self.rates()
        rate = rates.rate(amount.currency, _day(row[13], datetime.now(UTC)))
        if rate is None:
            return (*cells, label(ORIGIN_LABELS, row[12]), None, None)
        value = to_minor(converted(amount.minor, amount.currency, rate.value), rates.target)
        return (*cells, label(ORIGIN_LABELS, row[12]), Amount(rates.target, value), rate)

    def _order_cells(self, row: Sequence[Any]) -> tuple[Cell, ...]:
        """A refunded order: its terms in their currencies, then its net cost and profit in
        the reporting currency (core.money), each term at the rate of its day; no profit where
        the supplier cost is unknown (no supplier order) or a rate is missing."""
        now = datetime.now(UTC)
        first = from_db(row[0])
        order_currency = str(row[4])
        paid = Amount(order_currency, int(row[3] or 0))
        refunded = Amount(order_currency, int(row[6] or 0))
        cost = Amount(str(row[8]), int(row[7])) if row[7] is not None else None
        back = Amount(str(row[11] or (cost.currency if cost else "USD")), int(row[10] or 0))
        undone = bool(row[13])
        rates = self.rates()
        terms: list[Decimal | None] = []
        for amount, day in (
            (paid, row[5]),
            (refunded, first.date().isoformat() if first else None),
            (cost, row[9]),
            (back, row[12]),
        ):
            if amount is None:
                terms.append(Decimal(0))
                continue
            rate = rates.rate(amount.currency, _day(day[:10] if day else None, now))
            terms.append(
                None if rate is None else converted(amount.minor, amount.currency, rate.value)
            )
        target = rates.target
        net_value: Amount | None = None
        profit_value: Amount | None = None
        if all(t is not None for t in terms):
            p, r_c, s, r_s = (to_minor(t, target) for t in terms if t is not None)
            net_value = Amount(
                target,
                net_cost(
                    paid=p, refunded=r_c, supplier_cost=s, recovered=r_s, reversed_sale=undone
                ),
            )
            if cost is not None:
                profit_value = Amount(
                    target, profit(paid=p, refunded=r_c, supplier_cost=s, recovered=r_s)
                )
        return (
            first,
            _text(row[1]),
            _text(row[2]),
            paid,
            refunded,
            cost,
            back if back.minor else None,
            "yes" if undone else "",
            net_value,
            profit_value,
        )

    def _source(self, kind: LineKind, flt: ReviewFilter) -> tuple[str, Where]:
        if kind is LineKind.REFUNDS:
            where = self._refund_where(flt)
            fact = _fact(self._dialect)
            return f"WITH {fact}, picked AS (SELECT * FROM fact AS p WHERE {where.sql()})", where
        if kind is LineKind.ORDERS:
            where = self._refund_where(flt)
            return (
                f"WITH {_fact(self._dialect)}{_terms(self._dialect)}, "
                f"picked AS (SELECT * FROM cases AS p WHERE {where.sql()})",
                where,
            )
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
                page AS (SELECT * FROM picked ORDER BY at DESC NULLS LAST, id DESC{window})
                SELECT p.at, co.name, so.external_order_id, s.name, p.direction, p.amount,
                       p.currency, p.reason, p.fault, p.state, p.expected_until, {_RECOVERY},
                       p.origin, p.rate_day
                FROM page AS p
                LEFT JOIN customer_order AS co ON co.id = p.order_id
                LEFT JOIN supplier_order AS so ON so.id = p.so_id
                LEFT JOIN supplier AS s ON s.id = p.supplier_id
                ORDER BY p.at DESC NULLS LAST, p.id DESC"""
            return sql, where.params
        if kind is LineKind.ORDERS:
            sql = f"""{source},
                page AS (SELECT * FROM picked ORDER BY at DESC NULLS LAST, order_id DESC{window})
                SELECT p.at, co.name, s.name, p.total, p.order_currency,
                       {_day_sql("p.paid_at", self._dialect)}, p.refunded,
                       cost.amount, cost.currency, cost.day,
                       back.amount, back.currency, back.day,
                       p.order_id IN (SELECT order_id FROM undone)
                FROM page AS p
                LEFT JOIN customer_order AS co ON co.id = p.order_id
                LEFT JOIN supplier AS s ON s.id = p.supplier_id
                LEFT JOIN (SELECT x.customer_order_id AS order_id, sum(x.cost_minor) AS amount,
                                  min(x.currency) AS currency,
                                  {_day_sql("min(x.paid_at)", self._dialect)} AS day
                           FROM supplier_order AS x
                           WHERE x.customer_order_id IN (SELECT order_id FROM page)
                           GROUP BY x.customer_order_id) AS cost
                       ON cost.order_id = p.order_id
                LEFT JOIN (SELECT f.order_id AS order_id, sum(f.amount) AS amount,
                                  min(f.currency) AS currency, max(f.rate_day) AS day
                           FROM fact AS f
                           WHERE f.direction = 'from_supplier' AND f.state = 'received'
                             AND f.order_id IN (SELECT order_id FROM page)
                           GROUP BY f.order_id) AS back
                       ON back.order_id = p.order_id
                ORDER BY p.at DESC NULLS LAST, p.order_id DESC"""
            return sql, where.params
        order = "c.created_at" if kind is LineKind.CANCELLATIONS else "d.opened_at"
        alias = order.split(".")[0]
        newest = f"ORDER BY {order} DESC NULLS LAST, {alias}.id DESC"
        sql = f"{source} WHERE {where.sql()} {newest}{window}"
        return sql, where.params


_CANCELLATION_FROM = """
    SELECT c.created_at, co.name, so.external_order_id, s.name, c.reason, c.fault, c.state, c.path,
           c.supplier_answer, c.closed_at, c.abandoned_reason
    FROM cancellation AS c
    LEFT JOIN supplier_order AS so ON so.id = c.supplier_order_id
    LEFT JOIN customer_order AS co ON co.id = coalesce(c.customer_order_id, so.customer_order_id)
    LEFT JOIN supplier AS s ON s.id = so.supplier_id"""

_DISPUTE_FROM = """
    SELECT d.opened_at, co.name, so.external_order_id, s.name, d.state, d.escalate_after,
           d.case_team_at, d.first_tracking_at, d.first_tracking_at > d.opened_at, d.outcome,
           d.amount_minor, d.currency
    FROM dispute AS d
    LEFT JOIN cancellation AS c ON c.id = d.cancellation_id
    LEFT JOIN supplier_order AS so ON so.id = d.supplier_order_id
    LEFT JOIN customer_order AS co ON co.id = so.customer_order_id
    LEFT JOIN supplier AS s ON s.id = so.supplier_id"""


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _cells(kind: LineKind, row: Sequence[Any]) -> tuple[Cell, ...]:
    if kind is LineKind.REFUNDS:
        recovery = row[11]
        case = {2: "recovered", 1: "awaiting", 0: "out_of_pocket"}.get(recovery, "")
        return (
            from_db(row[0]),
            _text(row[1]),
            _text(row[2]),
            _text(row[3]),
            label(DIRECTION_LABELS, row[4]),
            Amount(str(row[6]), int(row[5])),
            label(REASON_LABELS, row[7]),
            label(FAULT_LABELS, row[8]),
            label(STATE_LABELS, row[9]),
            from_db(row[10]),
            CASE_LABELS.get(case, ""),
        )
    if kind is LineKind.CANCELLATIONS:
        return (
            from_db(row[0]),
            _text(row[1]),
            _text(row[2]),
            _text(row[3]),
            label(REASON_LABELS, row[4]),
            label(FAULT_LABELS, row[5]),
            _text(row[6]).replace("_", " "),
            _text(row[7]),
            _text(row[8]),
            from_db(row[9]),
            redact(_text(row[10])),  # free text the merchant typed
        )
    return (
        from_db(row[0]),
        _text(row[1]),
        _text(row[2]),
        _text(row[3]),
        _text(row[4]).replace("_", " "),
        from_db(row[5]),
        from_db(row[6]),
        from_db(row[7]),
        "yes" if row[8] else "",
        redact(_text(row[9])),
        Amount(str(row[11]), int(row[10] or 0)),
    )


#: The German of every word the review's lines and CSV headers use (core has no Qt; the
#: window's catalogue says the same).
GERMAN: dict[str, str] = {
    "Date": "Datum",
    "Order": "Bestellung",
    "AliExpress order": "AliExpress-Bestellung",
    "Supplier": "Lieferant",
    "Direction": "Richtung",
    "Amount": "Betrag",
    "Reason": "Grund",
    "Fault": "Verschulden",
    "State": "Status",
    "Expected until": "Erwartet bis",
    "Case": "Fall",
    "Known from": "Bekannt aus",
    "In reporting currency": "In Berichtswährung",
    "Rate used": "Verwendeter Kurs",
    "Rate source": "Kursquelle",
    "Currency": "Währung",
    "Reporting currency": "Berichtswährung",
    "Started": "Begonnen",
    "Path": "Weg",
    "Supplier answer": "Antwort des Lieferanten",
    "Closed": "Abgeschlossen",
    "Abandoned because": "Aufgegeben, weil",
    "Opened": "Eröffnet",
    "Escalate after": "Eskalierbar ab",
    "Case team": "Fallteam",
    "First tracking": "Erster Scan",
    "Shipped after filing": "Nach Eröffnung versandt",
    "Outcome": "Ergebnis",
    "Not as described": "Nicht wie beschrieben",
    "Damaged": "Beschädigt",
    "Wrong size": "Falsche Größe",
    "Changed mind": "Meinung geändert",
    "Out of stock": "Nicht vorrätig",
    "Fraud": "Betrug",
    "Other": "Sonstiges",
    "Merchant (own)": "Händler (selbst)",
    "Customer": "Kunde",
    "Carrier": "Paketdienst",
    "Unknown": "Unbekannt",
    "To customer": "An Kunden",
    "From supplier": "Vom Lieferanten",
    "Expected": "Erwartet",
    "Issued": "Veranlasst",
    "Received": "Erhalten",
    "Failed": "Fehlgeschlagen",
    "Recovered": "Zurückerhalten",
    "Awaiting supplier": "Lieferant ausstehend",
    "Not recovered": "Nicht zurückerhalten",
    "Dropdesk": "Dropdesk",
    "Shopify (order date)": "Shopify (Bestelldatum)",
    "First refund": "Erste Erstattung",
    "Paid": "Bezahlt",
    "Refunded": "Erstattet",
    "Supplier cost": "Lieferantenkosten",
    "Sale undone": "Verkauf rückgängig",
    "Net cost": "Nettokosten",
    "Profit": "Gewinn",
    "yes": "ja",
}


def words(text: str, language: str) -> str:
    """`text` (one of the review's own words) in `language`; anything else as it is."""
    return GERMAN.get(text, text) if language == "de" else text


@dataclass(frozen=True)
class CsvLocale:
    """How a spreadsheet of that language expects a CSV: German Excel splits on `;` and reads
    "12,50" as a number."""

    language: str = "en"

    @property
    def delimiter(self) -> str:
        return ";" if self.language == "de" else ","

    @property
    def decimal(self) -> str:
        return "," if self.language == "de" else "."


def csv_header(kind: LineKind, language: str = "en") -> list[str]:
    """Column titles of a CSV export: an amount becomes two columns, amount and currency; a
    rate two, its value and where it comes from."""
    titles: list[str] = []
    for column in LINE_COLUMNS[kind]:
        title = words(column.title, language)
        if column.kind == "money":
            if column.key == "amount":
                titles += [title, words("Currency", language)]
            elif column.key in _REPORTING_KEYS:
                titles += [title, words("Reporting currency", language)]
            else:
                titles += [title, f"{title} – {words('Currency', language)}"]
        elif column.kind == "rate":
            titles += [title, words("Rate source", language)]
        elif column.kind == "time":
            titles.append(f"{title} (UTC)")
        else:
            titles.append(title)
    return titles


_REPORTING_KEYS = frozenset({"converted", "net", "profit"})


def csv_row(cells: Sequence[Cell], language: str = "en") -> list[CsvCell]:
    """One line as CSV values: amounts as exact decimals beside their currency, labels in
    `language`, names as they are."""
    values: list[CsvCell] = []
    for cell in cells:
        if isinstance(cell, Amount):
            values += [to_decimal(cell.minor, cell.currency), cell.currency]
        elif isinstance(cell, Rate):
            values += [cell.value, _rate_source(cell, language)]
        elif isinstance(cell, str):
            values.append(words(cell, language))
        else:
            values.append(cell)
    return values


def _padded(cells: Sequence[Cell], widths: Sequence[int]) -> list[Cell]:
    """Cells with an empty amount or rate (None) as two empty cells, like a filled one."""
    out: list[Cell] = []
    for cell, width in zip(cells, widths, strict=True):
        out.append(cell)
        if cell is None and width == 2:
            out.append(None)
    return out


def _rate_source(rate: Rate, language: str) -> str:
    if rate.origin == ECB and rate.day is not None:
        return f"{'EZB' if language == 'de' else 'ECB'} {rate.day.isoformat()}"
    if rate.origin == MANUAL:
        return "von Hand" if language == "de" else "set by hand"
    return ""


def write_review_csv(
    review: Review,
    flt: ReviewFilter,
    path: Path,
    kind: LineKind = LineKind.REFUNDS,
    *,
    language: str = "en",
) -> int:
    """Export every line of the review (refunds by default) to `path` for a spreadsheet in
    `language` (en: `,` and `.`; de: `;` and decimal comma, German headers); returns the
    count. Names and merchant text are never translated, only the review's own words."""
    locale = CsvLocale(language)
    widths = [2 if c.kind in ("money", "rate") else 1 for c in LINE_COLUMNS[kind]]
    rows = (csv_row(_padded(cells, widths), language) for cells in review.iter_lines(kind, flt))
    return write_csv(
        path,
        csv_header(kind, language),
        rows,
        delimiter=locale.delimiter,
        decimal=locale.decimal,
    )
