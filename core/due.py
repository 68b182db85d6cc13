"""Which supplier orders must ship soon, or should have: `dropdesk due`, the tray badge, alerts.

Everything is answered in SQL on the (order_status, ship_by) index, so the cost follows the
number of orders still awaiting shipment, not the size of the ledger: a ledger holds mostly
shipped history whose ship_by lies in the past, which a plain ship_by range would walk through.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from core import clocks, settings
from core.clocks import Urgency
from core.display_text import display_text
from core.ledger.types import AWAITING_SHIPMENT_STATUSES, from_db, to_db

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

DEFAULT_WITHIN_HOURS = 48

_AWAITING = (
    f"so.order_status IN ({', '.join('?' * len(AWAITING_SHIPMENT_STATUSES))})"
    " AND so.shipped_at IS NULL"
)
_FROM = """
    FROM supplier_order AS so
    LEFT JOIN customer_order AS co ON co.id = so.customer_order_id
    LEFT JOIN supplier AS s ON s.id = so.supplier_id
"""
_SELECT = (
    "SELECT so.id, coalesce(co.name, ''), so.ae_order_id, coalesce(s.name, ''), so.ship_by,"
    " so.ship_by_estimated" + _FROM
)


@dataclass(frozen=True)
class DueRow:
    """A supplier order whose ship window closes soon (or has closed), as of `now` of the query."""

    id: int
    order_name: str  # the customer order's name ("#1001"), "" when not linked
    ae_order_id: str
    supplier_name: str  # "" when no supplier is set
    ship_by: datetime
    remaining: timedelta  # negative when overdue
    #: ship_by counts days of a year whose official holiday arrangement is not known yet.
    estimated: bool = False


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
    return [_row(raw, now) for raw in _connection(db).exec_driver_sql(sql, tuple(params))]


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
        found = from_db(connection.exec_driver_sql(sql, params).scalar_one())
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
    return [_row(raw, now) for raw in _connection(db).exec_driver_sql(sql, params)]


# --- output for the CLI -------------------------------------------------------------------------


def render_text(rows: Sequence[DueRow], now: datetime, *, within_hours: float | None = None) -> str:
    """A plain table for a terminal or a scheduler's mail; times in the zone of `now`."""
    _utc(now)
    if not rows:
        span = f" within {within_hours:g} h" if within_hours is not None else ""
        return f"No supplier order is due{span} or overdue.\n"
    header = ("Ship by", "Left", "Order", "AliExpress order", "Supplier")
    table = [header] + [
        (
            row.ship_by.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M %Z").strip()
            + (" (estimated)" if row.estimated else ""),
            clocks.format_countdown(row.ship_by - now),
            row.order_name or "-",
            row.ae_order_id,
            row.supplier_name or "-",
        )
        for row in rows
    ]
    widths = [max(len(line[column]) for line in table) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    overdue = sum(1 for row in rows if row.ship_by <= now)
    lines.append(f"{len(rows)} order(s), {overdue} overdue.")
    if any(row.estimated for row in rows):
        lines.append(
            "(estimated): counted with a holiday calendar that is not official yet for that year."
        )
    return "\n".join(lines) + "\n"


def to_json(rows: Sequence[DueRow], now: datetime, *, within_hours: float | None = None) -> str:
    """Machine-readable output: instants in UTC ISO 8601, time left in whole seconds."""
    document = {
        "now": _utc(now).isoformat(),
        "within_hours": within_hours,
        "orders": [
            {
                "id": row.id,
                "order_name": row.order_name or None,
                "ae_order_id": row.ae_order_id,
                "supplier": row.supplier_name or None,
                "ship_by": row.ship_by.isoformat(),
                "remaining_seconds": int((row.ship_by - now).total_seconds()),
                "remaining": clocks.format_countdown(row.ship_by - now),
                "overdue": row.ship_by <= now,
                "estimated": row.estimated,
            }
            for row in rows
        ],
    }
    return json.dumps(document, indent=2)


# --- plumbing ---------------------------------------------------------------------------------


def _count(db: Session | Connection, after: datetime | None, until: datetime) -> int:
    sql = f"SELECT count(*) FROM supplier_order AS so WHERE {_AWAITING} AND so.ship_by <= ?"
    params: list[Any] = [*AWAITING_SHIPMENT_STATUSES, to_db(until)]
    if after is not None:
        sql += " AND so.ship_by > ?"
        params.append(to_db(after))
    return int(_connection(db).exec_driver_sql(sql, tuple(params)).scalar_one())


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
    )


def _connection(db: Session | Connection) -> Connection:
    from sqlalchemy import Connection  # already loaded: `db` came from it

    return db if isinstance(db, Connection) else db.connection()


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: give `now` with its zone")
    return moment.astimezone(UTC)
