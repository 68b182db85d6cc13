"""What needs the merchant now: every clock of every order, for `dropdesk due`, the tray and
the "Needs me" view.

Four sources, each answered in SQL on an index whose size follows the open work, not the
ledger (mostly shipped history):
- ship windows of supplier orders awaiting shipment: the (order_status, ship_by) index;
- an order inside an open cancellation or dispute leaves those (supplier_order.in_open_run);
  the run's own deadline takes its place (cancellation.next_deadline, indexed; only open runs
  have one);
- paid Shopify orders with no supplier order yet (`buy`): the partial index of open orders.
"""

from __future__ import annotations

import json
import sqlite3
import textwrap
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache
from typing import TYPE_CHECKING, Any

from core import clocks, protection, settings, withdrawal
from core.cancel.states import FINAL, State
from core.chargebacks.store import chargeback_deadlines
from core.clocks import Urgency
from core.deadline_entries import Deadline as Deadline  # re-exported: the one deadline type
from core.deadline_entries import Kind as Kind
from core.display_text import display_text
from core.ledger.types import AWAITING_SHIPMENT_STATUSES, OPEN_SHOP_ORDER, from_db, to_db

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

    from core.ledger import Ledger

DEFAULT_WITHIN_HOURS = 48

#: Cancellation states of a run still under way.
OPEN_RUN_STATES = tuple(state.value for state in State if state not in FINAL)
#: Awaiting shipment and in no open cancellation or dispute (supplier_order.in_open_run, kept
#: by triggers): the orders whose ship window is the clock. The terms are those of the partial
#: index ix_supplier_order_waiting_ship_by, so the counts read that index alone.
_AWAITING = (
    f"so.order_status IN ({', '.join('?' * len(AWAITING_SHIPMENT_STATUSES))})"
    " AND so.shipped_at IS NULL AND so.in_open_run = 0"
)
_FROM = """
    FROM supplier_order AS so
    LEFT JOIN customer_order AS co ON co.id = so.customer_order_id
    LEFT JOIN supplier AS s ON s.id = so.supplier_id
"""
_SELECT = (
    "SELECT so.id, coalesce(co.name, ''), so.external_order_id, coalesce(s.name, ''), so.ship_by,"
    " (so.ship_by_estimated OR so.paid_estimated), so.customer_order_id" + _FROM
)


@dataclass(frozen=True)
class DueRow:
    """A supplier order whose ship window closes soon (or has closed), as of `now` of the query."""

    id: int
    order_name: str  # the customer order's name ("#1001"), "" when not linked
    external_order_id: str
    supplier_name: str  # "" when no supplier is set
    ship_by: datetime
    remaining: timedelta  # negative when overdue
    #: ship_by is an estimate: paid_at is the Shopify payment time, or the window counts days
    #: of a year whose official holiday arrangement is not known yet.
    estimated: bool = False
    customer_order_id: int | None = None


@dataclass(frozen=True)
class Thresholds:
    """The urgency thresholds of the ledger's settings."""

    soon_hours: float
    urgent_hours: float

    def urgency(self, delta: timedelta) -> Urgency:
        return clocks.urgency(delta, self.soon_hours, self.urgent_hours)


def thresholds(reader: sqlite3.Connection) -> Thresholds:
    """warn_lead_hours (soon) and urgent_hours from the ledger's settings."""
    return Thresholds(
        float(settings.read(reader, "warn_lead_hours")),
        float(settings.read(reader, "urgent_hours")),
    )


def due_orders(
    db: Session | Connection,
    now: datetime,
    within_hours: float = DEFAULT_WITHIN_HOURS,
    *,
    limit: int | None = None,
) -> list[DueRow]:
    """Orders awaiting shipment whose window closes within `within_hours` of `now`, and the
    overdue ones, soonest first."""
    horizon = _utc(now) + timedelta(hours=within_hours)
    sql = f"{_SELECT} WHERE {_AWAITING} AND so.ship_by <= ? ORDER BY so.ship_by, so.id"
    params: list[Any] = [*AWAITING_SHIPMENT_STATUSES, to_db(horizon)]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_row(raw, now) for raw in _execute(db, sql, tuple(params))]


def count_closing_within(db: Session | Connection, now: datetime, lead_hours: float) -> int:
    """How many open windows close within `lead_hours` (not yet overdue): the tray badge."""
    start = _utc(now)
    return _count(db, start, start + timedelta(hours=lead_hours))


def count_overdue(db: Session | Connection, now: datetime) -> int:
    """How many orders awaiting shipment are past their ship_by."""
    return _count(db, None, _utc(now))


def next_change(db: Session | Connection, now: datetime, lead_hours: float) -> datetime | None:
    """The first moment after `now` at which count_overdue, count_closing_within or
    entered_lead would answer differently (None: never, unless the ledger changes): until
    then a ticking caller can skip asking. Two index look-ups."""
    start, lead = _utc(now), timedelta(hours=lead_hours)
    sql = f"SELECT min(so.ship_by) FROM supplier_order AS so WHERE {_AWAITING} AND so.ship_by > ?"
    connection = _connection(db)
    moments = []
    for after, shift in ((start, timedelta(0)), (start + lead, lead)):
        params = (*AWAITING_SHIPMENT_STATUSES, to_db(after))
        found = from_db(_execute(connection, sql, params).scalar_one())
        if found is not None:  # overdue from ship_by on; within the lead from ship_by - lead
            moments.append(found - shift)
    return min(moments, default=None)


def entered_lead(
    db: Session | Connection, since: datetime, now: datetime, lead_hours: float
) -> list[DueRow]:
    """Orders that came within `lead_hours` of their ship_by between `since` and `now`.

    A timer that calls this with its previous tick as `since` sees each order once, which is
    what a "closing soon" notification needs (remembering across restarts is the caller's).
    """
    lead = timedelta(hours=lead_hours)
    sql = (
        f"{_SELECT} WHERE {_AWAITING} AND so.ship_by > ? AND so.ship_by <= ?"
        " ORDER BY so.ship_by, so.id"
    )
    params = (*AWAITING_SHIPMENT_STATUSES, to_db(_utc(since) + lead), to_db(_utc(now) + lead))
    return [_row(raw, now) for raw in _execute(db, sql, params)]


# --- every kind of deadline -----------------------------------------------------------------


@cache
def _run_kinds() -> dict[str, Kind]:
    """The run's state -> the kind of its next deadline (core.cancel.next_deadline's order);
    any other open state with a deadline waits for the supplier's refund. (Read on first use:
    the workflow's modules load SQLModel, which the window's first frame does without.)"""
    from core.cancel.next_deadline import MERCHANT_STEPS

    return {
        State.SUPPLIER_CANCEL_REQUESTED.value: Kind.SUPPLIER_ANSWER,
        State.TRACKING_REQUESTED.value: Kind.TRACKING_REQUEST,
        State.DISPUTE_OPEN.value: Kind.DISPUTE,
        # The merchant's own steps (the kinds are named alike):
        **{state.value: Kind(step.value) for state, step in MERCHANT_STEPS.items()},
    }


#: Shopify financial statuses of an order the customer has paid (as the ledger spells them).
PAID_STATUSES = ("paid", "partially_paid", "partially_refunded")


def _of_ship_window(row: DueRow) -> Deadline:
    return Deadline(
        Kind.SHIP_WINDOW,
        row.ship_by,
        row.remaining,
        row.order_name,
        supplier_order_id=row.id,
        customer_order_id=row.customer_order_id,
        external_order_id=row.external_order_id,
        supplier_name=row.supplier_name,
        estimated=row.estimated,
    )


def deadlines(
    db: Session | Connection,
    now: datetime,
    within_hours: float = DEFAULT_WITHIN_HOURS,
    *,
    limit: int | None = None,
) -> list[Deadline]:
    """Every deadline that closes within `within_hours` of `now` or has passed, soonest first."""
    horizon = _utc(now) + timedelta(hours=within_hours)
    found = [_of_ship_window(row) for row in due_orders(db, now, within_hours, limit=limit)]
    found += run_deadlines(db, now, until=horizon) + buy_deadlines(db, now, until=horizon)
    found += protection.deadlines(db, now, within_hours)
    found += withdrawal.deadlines(db, now, within_hours)
    found += [d for d in chargeback_deadlines(db, now) if d.deadline <= horizon]
    found.sort(key=_soonest)
    return found if limit is None else found[:limit]


def ledger_deadlines(
    ledger: Ledger, now: datetime, within_hours: float = DEFAULT_WITHIN_HOURS
) -> list[Deadline]:
    """deadlines() on a read-only connection of its own (Needs me and `dropdesk due`)."""
    with ledger.engine.connect() as connection:
        return deadlines(connection, now, within_hours)


def run_deadlines(
    db: Session | Connection,
    now: datetime,
    *,
    until: datetime | None = None,
    ids: Sequence[int] | None = None,
) -> list[Deadline]:
    """The next deadline of open cancellations (supplier answer, tracking, dispute, supplier
    refund, or the merchant's own step) up to `until` (or of the runs `ids`). Only open runs
    have a next_deadline (a closed run's is cleared): its index bounds the read."""
    where, params = _bounds("c.id", "c.next_deadline", until, ids)
    sql = f"""
        SELECT c.id, c.state, c.next_deadline, so.id, coalesce(co.name, ''),
               coalesce(so.external_order_id, ''), coalesce(s.name, ''), co.id
        FROM cancellation AS c
        LEFT JOIN supplier_order AS so ON so.id = c.supplier_order_id
        LEFT JOIN customer_order AS co ON co.id = coalesce(c.customer_order_id,
                                                           so.customer_order_id)
        LEFT JOIN supplier AS s ON s.id = so.supplier_id
        WHERE c.next_deadline IS NOT NULL{where}
          AND +c.state IN ({", ".join("?" * len(OPEN_RUN_STATES))})
    """
    found = []
    for raw in _execute(db, sql, (*params, *OPEN_RUN_STATES)):
        moment = from_db(raw[2])
        assert moment is not None  # the WHERE clause says so
        found.append(
            Deadline(
                _run_kinds().get(raw[1], Kind.SUPPLIER_REFUND),
                moment,
                moment - now,
                display_text(raw[4]),
                supplier_order_id=raw[3],
                customer_order_id=raw[7],
                cancellation_id=raw[0],
                external_order_id=display_text(raw[5]),
                supplier_name=display_text(raw[6]),
            )
        )
    return found


def buy_deadlines(
    db: Session | Connection,
    now: datetime,
    *,
    until: datetime | None = None,
    ids: Sequence[int] | None = None,
) -> list[Deadline]:
    """Paid, open Shopify orders with no supplier order yet, whose buy clock closes by `until`
    (or the customer orders `ids`): order from the supplier within the `buy_within_hours`
    setting of the payment (Shopify's processed time, else its creation)."""
    connection = _connection(db)
    buy_within = timedelta(hours=float(settings.fetch(connection, "buy_within_hours")))
    paid_by = None if until is None else _utc(until) - buy_within
    where, params = _bounds("co.id", _PAID_AT, paid_by, ids)
    found = []
    for raw in _execute(connection, f"{_TO_BUY}{where}", (*PAID_STATUSES, *params)):
        paid = from_db(raw[2])
        assert paid is not None
        moment = paid + buy_within
        found.append(
            Deadline(Kind.BUY, moment, moment - now, display_text(raw[1]), customer_order_id=raw[0])
        )
    return found


_PAID_AT = "coalesce(co.processed_at, co.created_at)"
#: Open (partial index), paid, and no supplier order links to it.
_TO_BUY = f"""
    SELECT co.id, co.name, {_PAID_AT}
    FROM customer_order AS co
    WHERE {" AND ".join("co." + term for term in OPEN_SHOP_ORDER.split(" AND "))}
      AND co.financial_status IN ({", ".join("?" * len(PAID_STATUSES))})
      AND {_PAID_AT} IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM supplier_order AS so WHERE so.customer_order_id = co.id)
"""


def _bounds(
    id_column: str, moment: str, until: datetime | None, ids: Sequence[int] | None
) -> tuple[str, list[Any]]:
    where, params = "", list[Any]()
    if until is not None:
        where += f" AND {moment} <= ?"
        params.append(to_db(until))
    if ids is not None:
        where += f" AND {id_column} IN ({', '.join('?' * len(ids)) or 'NULL'})"
        params.extend(ids)
    return where, params


@dataclass(frozen=True)
class OpenClocks:
    """The instants of every deadline that is not a ship window, sorted: a tray classifies
    them at each tick in memory and reads them again only when the ledger changed, so its
    count is the count of `deadlines` (the "Needs me" list) without a query per tick.

    The open runs' and orders-to-buy deadlines are kept as instants (names are read for a
    notification only); protection, withdrawal and chargeback deadlines come named from their
    modules and are kept whole (`named`). A protection deadline leaves the list when its window
    closes (`ends`, sorted): it is overdue from its act-by moment until then. Read with a
    horizon, the protection deadlines after `until` are not in it: the counts hold while
    now + lead <= until (`holds`), then it is read again."""

    moments: list[datetime]
    keys: list[tuple[Kind, int]]  # (kind, cancellation | customer order | … id), same order
    ends: list[datetime] = field(default_factory=list)
    named: dict[tuple[str, int], Deadline] = field(default_factory=dict)
    until: datetime | None = None  # None: every deadline was read

    def holds(self, now: datetime, lead_hours: float) -> bool:
        return self.until is None or now + timedelta(hours=lead_hours) <= self.until

    def count(self, after: datetime | None, until: datetime) -> int:
        start = 0 if after is None else bisect_right(self.moments, after)
        return max(0, bisect_right(self.moments, until) - start)

    def between(self, after: datetime, until: datetime) -> list[tuple[Kind, int]]:
        return self.keys[bisect_right(self.moments, after) : bisect_right(self.moments, until)]

    def first_after(self, moment: datetime) -> datetime | None:
        index = bisect_right(self.moments, moment)
        return self.moments[index] if index < len(self.moments) else None

    def first_end_after(self, moment: datetime) -> datetime | None:
        index = bisect_right(self.ends, moment)
        return self.ends[index] if index < len(self.ends) else None

    def classify(
        self, since: datetime, now: datetime, lead_hours: float
    ) -> tuple[int, int, list[tuple[Kind, int]]]:
        """(closing within the lead, overdue, keys that came within the lead since `since`)."""
        lead = timedelta(hours=lead_hours)
        entered = self.between(since + lead, now + lead) if since < now else []
        # An end falls on or after its act-by moment: every ended entry is among the overdue.
        overdue = self.count(None, now) - bisect_right(self.ends, now)
        return self.count(now, now + lead), overdue, entered


def open_clocks(
    db: Session | Connection, now: datetime | None = None, within_hours: float | None = None
) -> OpenClocks:
    """Every deadline `deadlines` lists except the ship windows, as of `now` (protection
    windows already closed then are left out): the open runs', the orders to buy, purchase
    protection, withdrawals and chargebacks. `within_hours` bounds the protection deadlines
    (a ledger ships thousands of orders a month: each is one), and sets `until`."""
    connection = _connection(db)
    now = _utc(now) if now is not None else datetime.now(UTC)
    found: list[tuple[datetime, Kind, int]] = []
    states = ", ".join("?" * len(OPEN_RUN_STATES))
    runs = (
        "SELECT c.id, c.state, c.next_deadline FROM cancellation AS c"
        f" WHERE c.next_deadline IS NOT NULL AND +c.state IN ({states})"
    )
    for ident, state, moment in _execute(connection, runs, OPEN_RUN_STATES):
        found.append((_parsed(moment), _run_kinds().get(state, Kind.SUPPLIER_REFUND), ident))
    buy_within = timedelta(hours=float(settings.fetch(connection, "buy_within_hours")))
    for ident, _name, paid in _execute(connection, _TO_BUY, PAID_STATUSES):
        found.append((_parsed(paid) + buy_within, Kind.BUY, ident))
    named: dict[tuple[str, int], Deadline] = {}
    ends: list[datetime] = []
    for entry, closes in protection.open_windows(connection, now, within_hours):
        named[entry.key] = entry
        ends.append(closes)
    for entry in [*withdrawal.deadlines(connection, now), *chargeback_deadlines(connection, now)]:
        named[entry.key] = entry
    found += [(entry.deadline, entry.kind, key[1]) for key, entry in named.items()]
    found.sort(key=lambda item: (item[0], item[1].value, item[2]))
    until = None if within_hours is None else now + timedelta(hours=within_hours)
    moments, keys = [m for m, _, _ in found], [(k, i) for _, k, i in found]
    return OpenClocks(moments, keys, sorted(ends), named, until)


def deadlines_of(
    db: Session | Connection,
    now: datetime,
    keys: Sequence[tuple[Kind, int]],
    clocks_now: OpenClocks | None = None,
) -> list[Deadline]:
    """The deadlines (with names) of OpenClocks keys, soonest first: for notifications. The
    kinds kept whole come from `clocks_now`."""
    named = clocks_now.named if clocks_now is not None else {}
    runs = [i for k, i in keys if k in {*_run_kinds().values(), Kind.SUPPLIER_REFUND}]
    buys = [i for k, i in keys if k is Kind.BUY]
    found = run_deadlines(db, now, ids=runs) if runs else []
    found += buy_deadlines(db, now, ids=buys) if buys else []
    for kind, ident in keys:
        entry = named.get((kind.value, ident))
        if entry is not None:
            found.append(replace(entry, remaining=entry.deadline - now))
    return sorted(found, key=_soonest)


#: The kinds of an open run's next deadline (run_deadlines).


@dataclass(frozen=True)
class TrayCounts:
    """What the tray shows as of one tick."""

    closing: int  # deadlines within the lead time, not passed
    overdue: int
    entered: list[Deadline]  # deadlines that came within the lead time since the last tick
    next_change: datetime | None  # nothing above changes before then (None: never)


def ship_window_counts(
    db: Session | Connection, since: datetime, now: datetime, lead_hours: float
) -> TrayCounts:
    """The ship windows' part of a tick, on their index; `next_change` is theirs alone."""
    entered = [_of_ship_window(row) for row in entered_lead(db, since, now, lead_hours)]
    return TrayCounts(
        count_closing_within(db, now, lead_hours),
        count_overdue(db, now),
        entered,
        next_change(db, now, lead_hours),
    )


def read_tray(
    ledger: Ledger,
    since: datetime,
    now: datetime,
    lead_hours: float,
    *,
    reread: bool,
    within_hours: float,
) -> tuple[OpenClocks | None, TrayCounts]:
    """The tray's read of one tick on one connection: the other kinds' clocks (only when
    `reread`: the ledger changed or they went stale; else None) and the ship windows."""
    with ledger.engine.connect() as connection:
        others = open_clocks(connection, now, within_hours) if reread else None
        return others, ship_window_counts(connection, since, now, lead_hours)


def named_deadlines(
    ledger: Ledger, now: datetime, keys: Sequence[tuple[Kind, int]], clocks_now: OpenClocks
) -> list[Deadline]:
    """deadlines_of on its own connection (the tray names new entries for a notification)."""
    with ledger.engine.connect() as connection:
        return deadlines_of(connection, now, keys, clocks_now)


def tray_counts(
    db: Session | Connection,
    since: datetime,
    now: datetime,
    lead_hours: float,
    clocks_now: OpenClocks | None = None,
) -> TrayCounts:
    """Every kind at once (what a tray shows): ship windows counted on their index, the other
    kinds classified in memory (`clocks_now`: open_clocks() as of
    the last ledger change; read here when not given); names read for new entries only."""
    now, since = _utc(now), _utc(since)
    others = clocks_now if clocks_now is not None else open_clocks(db, now)
    ship = ship_window_counts(db, since, now, lead_hours)
    closing, overdue, keys = others.classify(since, now, lead_hours)
    entered = sorted([*ship.entered, *deadlines_of(db, now, keys, others)], key=_soonest)
    lead = timedelta(hours=lead_hours)
    moments = [ship.next_change, others.first_after(now), others.first_after(now + lead)]
    if moments[2] is not None:
        moments[2] -= lead
    moments.append(others.first_end_after(now))
    return TrayCounts(
        ship.closing + closing,
        ship.overdue + overdue,
        entered,
        min((m for m in moments if m is not None), default=None),
    )


def _soonest(deadline: Deadline) -> tuple[datetime, str, tuple[str, int]]:
    return deadline.deadline, deadline.kind.value, deadline.key


def _parsed(text: str) -> datetime:
    moment = from_db(text)
    assert moment is not None
    return moment


# --- output for the CLI -------------------------------------------------------------------------


def render_text(
    rows: Sequence[Deadline],
    now: datetime,
    *,
    within_hours: float | None = None,
    width: int = 100,
    zone: tzinfo | None = None,
) -> str:
    """A plain table for a terminal or a scheduler's mail, `width` characters wide: times in
    `zone` (default: this machine's) with its abbreviation; "What" comes last and wraps in
    what is left."""
    _utc(now)
    if not rows:
        span = f" within {within_hours:g} h" if within_hours is not None else ""
        return f"Nothing is due{span} or overdue.\n"
    header = ("Deadline", "Left", "Order", "AliExpress order", "Supplier", "What")
    table = [header] + [
        (
            clocks.local_moment(row.deadline, zone)[0],  # "(estimated)" ends its What
            clocks.format_countdown(row.deadline - now),
            row.order_name or "-",
            row.external_order_id or "-",
            row.supplier_name or "-",
            str(row.what),
        )
        for row in rows
    ]
    gap, least, roomy = "  ", 24, 36
    widths = [max(len(line[column]) for line in table) for column in range(len(header) - 1)]
    others = sum(widths[:4]) + len(gap) * 5
    # The supplier gives way first (cut with "…"); "What" wraps in what is left, or, on a
    # narrow terminal, goes under its row in the whole width.
    widths[4] = max(12, min(widths[4], width - others - roomy))
    inline = others + widths[4] + least <= width
    if not inline:
        widths[4] = max(8, min(max(len(line[4]) for line in table), width - others + len(gap)))
    indent = sum(widths) + len(gap) * 5 if inline else 4
    what_width = max(least, width - indent)
    lines = []
    for number, line in enumerate(table):
        cells = gap.join(_cut(cell, w).ljust(w) for cell, w in zip(line[:-1], widths, strict=True))
        wrapped = textwrap.wrap(line[-1], what_width, break_on_hyphens=False) or [""]
        if inline:
            lines.append((cells + gap + wrapped[0]).rstrip())
            lines += [" " * indent + more for more in wrapped[1:]]
        else:
            lines.append(cells.rstrip())
            if number:  # the header's "What" goes without saying
                lines += [" " * indent + more for more in wrapped]
    overdue = sum(1 for row in rows if row.deadline <= now)
    lines.append(f"{len(rows)} deadline(s), {overdue} overdue.")
    if any(row.estimated for row in rows):
        lines.append(
            textwrap.fill(
                "(estimated): counted from the Shopify payment time, or with a holiday "
                "calendar that is not official yet for that year.",
                max(width, 40),
            )
        )
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_json(rows: Sequence[Deadline], now: datetime, *, within_hours: float | None = None) -> str:
    """Machine-readable output: instants in UTC ISO 8601, time left in whole seconds; one
    entry per deadline (`kind`), the ship-window fields of earlier versions kept."""
    document = {
        "now": _utc(now).isoformat(),
        "within_hours": within_hours,
        "orders": [row.to_json(now) for row in rows],
    }
    return json.dumps(document, indent=2)


# --- plumbing ---------------------------------------------------------------------------------


def _count(db: Session | Connection, after: datetime | None, until: datetime) -> int:
    sql = f"SELECT count(*) FROM supplier_order AS so WHERE {_AWAITING} AND so.ship_by <= ?"
    params: list[Any] = [*AWAITING_SHIPMENT_STATUSES, to_db(until)]
    if after is not None:
        sql += " AND so.ship_by > ?"
        params.append(to_db(after))
    return int(_execute(db, sql, tuple(params)).scalar_one())


def _row(raw: Any, now: datetime) -> DueRow:
    ship_by = from_db(raw[4])
    assert ship_by is not None  # the WHERE clause compares it
    # Names come from Shopify and suppliers: shown without control and bidi characters.
    return DueRow(
        raw[0],
        display_text(raw[1] or ""),
        display_text(raw[2] or ""),
        display_text(raw[3] or ""),
        ship_by,
        ship_by - now,
        bool(raw[5]),
        raw[6],
    )


#: This module's SQLite-only terms -> PostgreSQL's: the boolean compared with 0 (SQLite matches
#: the partial index's condition by its text), and the unary + that keeps SQLite's planner off
#: the state index (PostgreSQL has no such operator on text).
_SERVER_TERMS = (("so.in_open_run = 0", "NOT so.in_open_run"), ("+c.state", "c.state"))


def _execute(db: Session | Connection, sql: str, params: Any) -> Any:
    """exec_driver_sql in the ledger's dialect."""
    connection = _connection(db)
    if connection.dialect.name != "sqlite":
        for sqlite_term, server_term in _SERVER_TERMS:
            sql = sql.replace(sqlite_term, server_term)
    return connection.exec_driver_sql(sql, params)


def _connection(db: Session | Connection) -> Connection:
    from sqlalchemy import Connection  # already loaded: `db` came from it

    return db if isinstance(db, Connection) else db.connection()


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give `now` with its zone")
    return moment.astimezone(UTC)
