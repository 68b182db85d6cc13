"""Keeping the stored `supplier_order.ship_by` right when its inputs change.

ship_by is stored (and indexed) so the ledger can sort and filter a million orders by it in SQL;
the price is that every change of paid_at, of a supplier's window, calendar or time zone, or of
the defaults for orders without a supplier must recompute it. Single-record changes go through
the ORM and write an Event; bulk recomputes read and write through the raw DB-API connection in
batches (executemany), write only rows whose value changed, and leave one summary Event to the
use case that caused them.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection
from sqlmodel import Session

from core import clocks, settings
from core.ledger import journal
from core.ledger.models import Supplier, SupplierOrder
from core.ledger.types import to_db

log = logging.getLogger(__name__)

BATCH_SIZE = 20_000
_IN_CHUNK = 900  # ids per `IN (...)`, well below SQLite's variable limit
MAX_WINDOW_DAYS = 366
MAX_SPAN_DAYS = 40 * 366  # payments older than this take the slow path
BULK_CACHE_KIB = 131_072  # SQLite page cache during a bulk recompute (restored after)


@dataclass(frozen=True)
class SupplierClock:
    """What a ship window is counted with: N working days, in a country's calendar and zone."""

    window_days: int
    country: str
    tz: str

    def ship_by(self, paid_at: datetime | None) -> datetime | None:
        if paid_at is None:
            return None
        return clocks.ship_by(paid_at, self.window_days, self.country, self.tz)


def clock_of(supplier: Supplier) -> SupplierClock:
    return SupplierClock(supplier.ship_window_days, supplier.holiday_country, supplier.time_zone)


def default_clock(db: Session | Connection) -> SupplierClock:
    """The clock of orders without a supplier: the ledger-wide settings."""
    with _settings_session(db) as session:
        return SupplierClock(
            int(settings.get(session, "ship_window_days")),
            str(settings.get(session, "supplier_country")),
            str(settings.get(session, "supplier_time_zone")),
        )


def clock_for(session: Session, order: SupplierOrder) -> SupplierClock:
    """The clock that governs `order`: its supplier's, or the defaults."""
    supplier = session.get(Supplier, order.supplier_id) if order.supplier_id is not None else None
    return clock_of(supplier) if supplier is not None else default_clock(session)


# --- single-record use cases (ORM + one Event each) -----------------------------------------


def set_paid_at(session: Session, order_id: int, paid_at: datetime | None) -> SupplierOrder:
    """Record when a supplier order was paid and move its ship_by with it."""
    order = _order(session, order_id)
    previous_paid, previous_ship_by = order.paid_at, order.ship_by
    order.paid_at = paid_at
    order.ship_by = clock_for(session, order).ship_by(paid_at)
    if (previous_paid, previous_ship_by) == (order.paid_at, order.ship_by):
        return order
    session.add(order)
    journal.record(
        session,
        "paid_at_changed",
        "supplier_order",
        order_id,
        {
            "paid_at": _iso(paid_at),
            "previous_paid_at": _iso(previous_paid),
            "ship_by": _iso(order.ship_by),
            "previous_ship_by": _iso(previous_ship_by),
        },
    )
    return order


def refresh_ship_by(session: Session, order_id: int) -> SupplierOrder:
    """Recompute one order's ship_by (e.g. after its supplier was set); journals a change."""
    order = _order(session, order_id)
    previous = order.ship_by
    order.ship_by = clock_for(session, order).ship_by(order.paid_at)
    if order.ship_by != previous:
        session.add(order)
        journal.record(
            session,
            "ship_by_recomputed",
            "supplier_order",
            order_id,
            {"ship_by": _iso(order.ship_by), "previous_ship_by": _iso(previous)},
        )
    return order


def update_supplier_clock(
    session: Session,
    supplier_id: int,
    *,
    ship_window_days: int | None = None,
    holiday_country: str | None = None,
    time_zone: str | None = None,
) -> int:
    """Change a supplier's window, calendar or zone and recompute its orders' ship_by.

    Refuses values no clock can use. Returns how many orders' ship_by changed; one Event on the
    supplier tells what changed and how many orders moved.
    """
    supplier = session.get(Supplier, supplier_id)
    if supplier is None:
        raise LookupError(f"no supplier {supplier_id}")
    before = clock_of(supplier)
    after = SupplierClock(
        before.window_days if ship_window_days is None else ship_window_days,
        before.country if holiday_country is None else holiday_country,
        before.tz if time_zone is None else time_zone,
    )
    _validate(after)
    if after == before:
        return 0
    supplier.ship_window_days = after.window_days
    supplier.holiday_country = after.country
    supplier.time_zone = after.tz
    session.add(supplier)
    changed = recompute_ship_by(session, supplier_id=supplier_id)
    journal.record(
        session,
        "supplier_clock_changed",
        "supplier",
        supplier_id,
        {"before": _clock_payload(before), "after": _clock_payload(after), "recomputed": changed},
    )
    return changed


def on_supplier_changed(session: Session, supplier_id: int) -> int:
    """Bring a supplier's orders in line after its clock fields were edited elsewhere."""
    changed = recompute_ship_by(session, supplier_id=supplier_id)
    if changed:
        journal.record(
            session, "ship_by_recomputed", "supplier", supplier_id, {"recomputed": changed}
        )
    return changed


def update_default_clock(
    session: Session,
    *,
    ship_window_days: int | None = None,
    country: str | None = None,
    time_zone: str | None = None,
) -> int:
    """Change the defaults for orders without a supplier and recompute those orders."""
    before = default_clock(session)
    after = SupplierClock(
        before.window_days if ship_window_days is None else ship_window_days,
        before.country if country is None else country,
        before.tz if time_zone is None else time_zone,
    )
    _validate(after)
    if after == before:
        return 0
    settings.put(session, "ship_window_days", after.window_days)
    settings.put(session, "supplier_country", after.country)
    settings.put(session, "supplier_time_zone", after.tz)
    changed = recompute_ship_by(session, unassigned=True)
    journal.record(
        session,
        "default_clock_changed",
        "ledger",
        0,
        {"before": _clock_payload(before), "after": _clock_payload(after), "recomputed": changed},
    )
    return changed


# --- bulk recompute (raw executemany, no ORM objects) ---------------------------------------


def recompute_ship_by(
    db: Session | Connection,
    supplier_id: int | None = None,
    order_ids: Iterable[int] | None = None,
    *,
    unassigned: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Recompute the stored ship_by of many orders inside the caller's transaction.

    Scope: every order by default; one supplier's orders; the given order ids; or (unassigned)
    the orders without a supplier. Filters combine. Rows are read in id order, batch by batch,
    computed in Python with the cached calendars, and only changed values are written back.
    Writes no Event (the use case that changed an input does). Returns the number of rows
    changed. `progress` gets the number of rows read so far after each batch (a job runner
    can raise from it to cancel: the caller's transaction then rolls back).
    """
    connection = _connection(db)
    clock_by_supplier = _supplier_clocks(connection)
    fallback = default_clock(db)
    span = _paid_span(connection)
    tables: dict[SupplierClock, _ShipByTable] = {}
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cache_size = cursor.execute("PRAGMA cache_size").fetchone()[0]
    cursor.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")  # index updates thrash the default
    changed = read = 0
    try:
        for rows in _batches(cursor, supplier_id, order_ids, unassigned, batch_size):
            read += len(rows)
            updates = []
            for order_id, order_supplier, paid_text, stored in rows:
                value = None
                if paid_text is not None:
                    clock = clock_by_supplier.get(order_supplier, fallback)
                    table = tables.get(clock)
                    if table is None:
                        table = tables[clock] = _ShipByTable(clock, span)
                    value = table.ship_by(paid_text)
                if value != stored:
                    updates.append((value, order_id))
            if updates:
                cursor.executemany("UPDATE supplier_order SET ship_by = ? WHERE id = ?", updates)
                changed += len(updates)
            if progress is not None:
                progress(read)
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
        cursor.close()
    if isinstance(db, Session):
        _expire_ship_by(db)
    log.info("recomputed ship_by: %d rows changed", changed)
    return changed


def _batches(
    cursor: Any,
    supplier_id: int | None,
    order_ids: Iterable[int] | None,
    unassigned: bool,
    batch_size: int,
) -> Iterator[list[tuple[int, int | None, str | None, str | None]]]:
    conditions: list[str] = []
    params: list[int] = []
    if supplier_id is not None:
        conditions.append("supplier_id = ?")
        params.append(supplier_id)
    if unassigned:
        conditions.append("supplier_id IS NULL")
    columns = "SELECT id, supplier_id, paid_at, ship_by FROM supplier_order"
    if order_ids is not None:
        ids = sorted(set(order_ids))
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            in_list = [*conditions, f"id IN ({', '.join('?' * len(chunk))})"]
            query = f"{columns} WHERE {' AND '.join(in_list)} ORDER BY id"
            yield cursor.execute(query, [*params, *chunk]).fetchall()
        return
    last_id = 0
    keyset = " AND ".join([*conditions, "id > ?"])
    while True:
        rows = cursor.execute(
            f"{columns} WHERE {keyset} ORDER BY id LIMIT ?", [*params, last_id, batch_size]
        ).fetchall()
        if not rows:
            return
        yield rows
        last_id = rows[-1][0]


class _ShipByTable:
    """Stored paid_at text -> stored ship_by text for one clock, without parsing datetimes.

    Stored instants are fixed-width UTC text that sorts chronologically, so a payment's local
    day is found by bisecting the UTC texts of the zone's local midnights over the ledger's
    span of payments; the result per local day is computed once.
    """

    def __init__(self, clock: SupplierClock, span: tuple[int, int]) -> None:
        _validate(clock)
        self.clock = clock
        self.zone = ZoneInfo(clock.tz)
        self.first_day = span[0]
        self.midnights = [
            str(to_db(clocks.day_start(date.fromordinal(day), clock.tz)))
            for day in range(span[0], span[1] + 2)
        ]
        self.by_day: dict[int, str] = {}

    def ship_by(self, paid_text: str) -> str:
        index = bisect_right(self.midnights, paid_text) - 1
        if 0 <= index < len(self.midnights) - 1:
            day = self.first_day + index
        else:  # outside the span read up front (written meanwhile): the slow, exact way
            paid = datetime.fromisoformat(paid_text).replace(tzinfo=UTC)
            day = paid.astimezone(self.zone).toordinal()
        value = self.by_day.get(day)
        if value is None:
            due = clocks.nth_working_day(
                date.fromordinal(day), self.clock.window_days, self.clock.country
            )
            value = self.by_day[day] = str(to_db(clocks.day_end(due, self.clock.tz)))
        return value


def _paid_span(connection: Connection) -> tuple[int, int]:
    """Local-day ordinals that cover every stored paid_at in any zone (index-only min/max)."""
    low, high = connection.exec_driver_sql(
        "SELECT min(paid_at), max(paid_at) FROM supplier_order"
    ).one()
    if low is None or high is None:
        return (0, -1)
    last = datetime.fromisoformat(high).toordinal() + 1  # zones are within a day of UTC
    first = max(datetime.fromisoformat(low).toordinal() - 1, last - MAX_SPAN_DAYS)
    return first, last


def _supplier_clocks(connection: Connection) -> dict[int | None, SupplierClock]:
    rows = connection.exec_driver_sql(
        "SELECT id, ship_window_days, holiday_country, time_zone FROM supplier"
    )
    found: dict[int | None, SupplierClock] = {}
    for supplier_id, window, country, tz in rows:
        found[supplier_id] = SupplierClock(int(window), str(country), str(tz))
    return found


def _validate(clock: SupplierClock) -> None:
    if not 0 <= clock.window_days <= MAX_WINDOW_DAYS:
        raise ValueError(f"a ship window must be 0 to {MAX_WINDOW_DAYS} working days")
    problem = clocks.calendar_problem(clock.country, clock.tz)
    if problem:
        raise ValueError(problem)


# --- plumbing -------------------------------------------------------------------------------


def _connection(db: Session | Connection) -> Connection:
    if isinstance(db, Session):
        db.flush()  # pending ORM changes (a new paid_at, a supplier's window) must be visible
        return db.connection()
    return db


@contextmanager
def _settings_session(db: Session | Connection) -> Iterator[Session]:
    """A Session for reading settings that joins the caller's connection and transaction."""
    if isinstance(db, Session):
        yield db
        return
    with Session(bind=db) as session:
        yield session


def _expire_ship_by(session: Session) -> None:
    """Raw SQL bypassed the ORM: make loaded SupplierOrder objects re-read ship_by."""
    for instance in list(session.identity_map.values()):
        if isinstance(instance, SupplierOrder):
            session.expire(instance, ["ship_by"])


def _order(session: Session, order_id: int) -> SupplierOrder:
    order = session.get(SupplierOrder, order_id)
    if order is None:
        raise LookupError(f"no supplier order {order_id}")
    return order


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _clock_payload(clock: SupplierClock) -> dict[str, object]:
    return {"window_days": clock.window_days, "country": clock.country, "tz": clock.tz}
