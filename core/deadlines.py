"""Keeping the stored `supplier_order.ship_by` right when its inputs change.

ship_by is stored (and indexed) so the ledger can sort and filter a million orders by it in SQL;
the price is that every change of paid_at, of a supplier's window, calendar or time zone, or of
the defaults for orders without a supplier must recompute it. `recompute_ship_by` does, inside
the caller's transaction (core.supplier_orders, core.ship_estimate): it reads and writes through
the raw DB-API connection in batches (executemany), writes only rows whose value changed, and
leaves the Event to the use case that caused it.

The calendar itself can change too: the merchant edits holidays and make-up working days
(core.calendar_days), or a newer `holidays` package knows a year's official arrangement. Then
`recompute_open_deadlines` moves the ship_by of the orders still awaiting shipment, batch by
batch, each batch its own transaction, and journals each moved order.
"""

from __future__ import annotations

import json
import logging
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection
from sqlmodel import Session

from core import calendar_days, clocks, settings
from core.ledger import journal
from core.ledger.dialect import is_sqlite
from core.ledger.models import Supplier, SupplierOrder
from core.ledger.types import AWAITING_SHIPMENT_STATUSES, from_db, to_db
from core.texts import Text

if TYPE_CHECKING:
    from core.ledger import Ledger

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

    def estimated(self, paid_at: datetime | None, ship_by: datetime | None) -> bool:
        """Whether the window counts days of a year without an official arrangement."""
        if paid_at is None or ship_by is None:
            return False
        return clocks.deadline_estimated(paid_at, ship_by, self.country, self.tz)


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
    calendar_days.apply(connection)
    computer = _Recomputer(connection, default_clock(db))
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    sqlite = is_sqlite(cursor)  # a server ledger keeps its own cache
    if sqlite:
        cache_size = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")  # index updates thrash it
    changed = read = 0
    try:
        for rows in _batches(cursor, supplier_id, order_ids, unassigned, batch_size):
            read += len(rows)
            updates = computer.updates(rows)
            if updates:
                cursor.executemany(_UPDATE, _written(updates))
                changed += len(updates)
            if progress is not None:
                progress(read)
    finally:
        if sqlite:
            cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
        cursor.close()
    if isinstance(db, Session):
        _expire_ship_by(db)
    log.info("recomputed ship_by: %d rows changed", changed)
    return changed


#: Orders whose ship window still runs: only these move when the calendar changes (shipped
#: history keeps the deadline it was measured against).
_OPEN = (
    f"order_status IN ({', '.join('?' * len(AWAITING_SHIPMENT_STATUSES))}) AND shipped_at IS NULL"
)
_UPDATE = "UPDATE supplier_order SET ship_by = ?, ship_by_estimated = ? WHERE id = ?"
_Row = tuple[int, int | None, str | None, str | None, int]


def _written(updates: list[_Update]) -> list[tuple[str | None, bool, int]]:
    """_UPDATE's parameters: the estimated mark as a bool (PostgreSQL's column is boolean;
    SQLite stores it as 1 or 0, as before)."""
    return [(value, bool(estimated), order_id) for value, estimated, order_id, _ in updates]


def _stored(cursor: Any, rows: list[Any]) -> list[_Row]:
    """Rows as SQLite stores them: a server ledger's driver hands over datetimes, and the
    recompute compares and computes the stored text."""
    if not rows or is_sqlite(cursor):
        return rows
    return [(i, s, _text(paid), _text(ship_by), int(e)) for i, s, paid, ship_by, e in rows]


def _text(moment: datetime | str | None) -> str | None:
    return to_db(moment.replace(tzinfo=UTC)) if isinstance(moment, datetime) else moment


#: (new ship_by, new estimated, id, previous ship_by) of a row whose stored values are stale.
_Update = tuple[str | None, int, int, str | None]


class _Recomputer:
    """Rows read from the ledger -> the updates they need, with one _ShipByTable per clock."""

    def __init__(self, connection: Connection, fallback: SupplierClock) -> None:
        self.clock_by_supplier = _supplier_clocks(connection)
        self.fallback = fallback
        self.span = _paid_span(connection)
        self.tables: dict[SupplierClock, _ShipByTable] = {}

    def updates(self, rows: list[_Row]) -> list[_Update]:
        found: list[_Update] = []
        for order_id, order_supplier, paid_text, stored, stored_estimated in rows:
            value, estimated = None, 0
            if paid_text is not None:
                clock = self.clock_by_supplier.get(order_supplier, self.fallback)
                table = self.tables.get(clock)
                if table is None:
                    table = self.tables[clock] = _ShipByTable(clock, self.span)
                value, estimated = table.ship_by(paid_text)
            if value != stored or estimated != int(stored_estimated or 0):
                found.append((value, estimated, order_id, stored))
        return found


def _batches(
    cursor: Any,
    supplier_id: int | None,
    order_ids: Iterable[int] | None,
    unassigned: bool,
    batch_size: int,
    *,
    open_only: bool = False,
    after_id: int = 0,
) -> Iterator[list[_Row]]:
    conditions: list[str] = []
    params: list[Any] = []
    if open_only:
        conditions.append(_OPEN)
        params.extend(AWAITING_SHIPMENT_STATUSES)
    if supplier_id is not None:
        conditions.append("supplier_id = ?")
        params.append(supplier_id)
    if unassigned:
        conditions.append("supplier_id IS NULL")
    columns = _COLUMNS
    if order_ids is not None:
        ids = sorted(set(order_ids))
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            in_list = [*conditions, f"id IN ({', '.join('?' * len(chunk))})"]
            query = f"{columns} WHERE {' AND '.join(in_list)} ORDER BY id"
            yield _stored(cursor, cursor.execute(query, [*params, *chunk]).fetchall())
        return
    last_id = after_id
    keyset = " AND ".join([*conditions, "id > ?"])
    while True:
        rows = _stored(
            cursor,
            cursor.execute(
                f"{columns} WHERE {keyset} ORDER BY id LIMIT ?", [*params, last_id, batch_size]
            ).fetchall(),
        )
        if not rows:
            return
        yield rows
        last_id = rows[-1][0]


# --- calendar changes: the open orders, batch by batch, one journal event per moved order ---


@dataclass(frozen=True)
class CalendarRecompute:
    """What a recompute after a calendar change did."""

    read: int  # open orders looked at
    moved: int  # orders whose ship_by moved (each has a `ship_by_moved` event)
    fingerprint: str  # the calendar data the stored deadlines now follow


def calendar_outdated(ledger: Ledger) -> bool:
    """Whether the stored deadlines were computed from other calendar data than now (an edit
    not yet applied, a newer `holidays` package, a ledger from before the fingerprint)."""
    with ledger.session() as session:
        days = calendar_days.apply(session)  # and count with this ledger's overrides from now on
        return calendar_days.stored_fingerprint(session) != calendar_days.fingerprint(days)


def recompute_open_deadlines(
    ledger: Ledger,
    *,
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> CalendarRecompute:
    """Bring the ship_by of every order awaiting shipment in line with the current calendar.

    Each batch is its own transaction (other writers get the ledger between batches; a crash
    loses nothing done so far, and a rerun only redoes what is still stale). Each moved order
    gets a `ship_by_moved` event that says from when to when and why. The fingerprint is
    stored last, so an interrupted run is finished at the next start. `progress` gets the
    number of orders read so far; raising from it stops after the last finished batch.
    """
    at = to_db(now or datetime.now(UTC))
    with ledger.session() as session:
        days = calendar_days.apply(session)
        fallback = default_clock(session)
        computer = _Recomputer(session.connection(), fallback)
    read = moved = 0
    last_id = 0
    while True:
        with ledger.session() as session:
            connection = session.connection()
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                rows = next(
                    _batches(
                        cursor, None, None, False, batch_size, open_only=True, after_id=last_id
                    ),
                    [],
                )
                if not rows:
                    break
                updates = computer.updates(rows)
                # Only a moved ship_by is news for the timeline; a changed estimated mark alone
                # is written quietly (the deadline shows it).
                shifted = [u for u in updates if u[0] != u[3]]
                if updates:
                    cursor.executemany(_UPDATE, _written(updates))
                if shifted:
                    cursor.executemany(
                        "INSERT INTO event (at, kind, entity, entity_id, payload) "
                        "VALUES (?, 'ship_by_moved', 'supplier_order', ?, ?)",
                        [(at, u[2], _moved_payload(u[0], u[1], u[3])) for u in shifted],
                    )
            finally:
                cursor.close()
        read += len(rows)
        moved += len(shifted)
        last_id = rows[-1][0]
        if progress is not None:
            progress(read)
    cancellations = recompute_open_cancellations(ledger, now=now)
    value = calendar_days.fingerprint(days)
    with ledger.session() as session:
        calendar_days.store_fingerprint(session, value)
        if moved:
            journal.record(
                session,
                "calendar_recomputed",
                "ledger",
                0,
                {"read": read, "moved": moved, "cancellations_moved": cancellations},
            )
    log.info("calendar changed: %d of %d open orders' ship_by moved", moved, read)
    return CalendarRecompute(read, moved, value)


def recompute_open_cancellations(ledger: Ledger, *, now: datetime | None = None) -> int:
    """Re-date what open cancellations wait on that counts working days: the supplier's
    refund window (merchant calendar) and the deadline the run waits on next (a tracking
    number is due in supplier working days). Open runs are few, so this goes through the ORM,
    one transaction, one event per moved run. Returns how many runs moved."""
    from sqlmodel import col, select

    from core.cancel.next_deadline import next_deadline, pending_supplier_refund
    from core.cancel.states import FINAL
    from core.cancel.terms import terms_for
    from core.ledger.models import Cancellation

    at = now or datetime.now(UTC)
    moved = 0
    with ledger.session() as session:
        calendar_days.apply(session)
        final = [state.value for state in FINAL]
        query = select(Cancellation).where(col(Cancellation.state).not_in(final))
        for row in session.exec(query).all():
            assert row.id is not None
            changes: dict[str, Any] = {}
            refund = pending_supplier_refund(session, row.id)
            if refund is not None and refund.issued_at is not None:
                order = (
                    session.get(SupplierOrder, row.supplier_order_id)
                    if row.supplier_order_id
                    else None
                )
                terms = terms_for(session, order)
                window = clocks.refund_expected(
                    refund.issued_at,
                    terms.refund_days_min,
                    terms.refund_days_max,
                    terms.merchant_country,
                    terms.merchant_tz,
                )
                if window != (refund.expected_from, refund.expected_until):
                    changes["expected_until"] = (refund.expected_until, window[1])
                    refund.expected_from, refund.expected_until = window
                    session.add(refund)
                    session.flush()
            deadline = next_deadline(session, row)[0]
            if deadline != row.next_deadline:
                changes["next_deadline"] = (row.next_deadline, deadline)
                row.next_deadline = deadline
                session.add(row)
            if changes:
                moved += 1
                before, after = changes.get("next_deadline") or changes["expected_until"]
                message = Text(
                    "core.deadlines",
                    "Deadline moved from {shown_moment} to {shown_moment2}: calendar changed",
                    shown_moment=_shown_moment(before),
                    shown_moment2=_shown_moment(after),
                )
                payload: dict[str, Any] = {k: [_iso(a), _iso(b)] for k, (a, b) in changes.items()}
                payload["message"] = message.stored()
                payload["cause"] = "calendar_changed"
                journal.record(session, "deadline_moved", "cancellation", row.id, payload, at=at)
    return moved


def _shown_moment(moment: datetime | None) -> str:
    return "none" if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


@lru_cache(maxsize=4096)
def _moved_payload(new: str | None, estimated: int, previous: str | None) -> str:
    """The event payload of a moved ship_by (orders paid the same local day share one)."""
    before, after = _shown(previous), _shown(new)
    message = Text(
        "core.deadlines",
        "Ship-by moved from {before} to {after}: calendar changed",
        before=before,
        after=after,
    )
    if estimated:
        message = Text(
            "core.deadlines",
            "{message} (estimated: no official holiday arrangement for that year yet)",
            message=message,
        )
    payload = {
        "message": message.stored(),
        "previous_ship_by": _iso(from_db(previous)),
        "ship_by": _iso(from_db(new)),
        "estimated": bool(estimated),
        "cause": "calendar_changed",
    }
    return json.dumps(payload, sort_keys=True)


def _shown(stored: str | None) -> str:
    """A stored instant as the journal's message tells it: UTC, to the minute."""
    return _shown_moment(from_db(stored))


_COLUMNS = "SELECT id, supplier_id, paid_at, ship_by, ship_by_estimated FROM supplier_order"


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
        self.by_day: dict[int, tuple[str, int]] = {}

    def ship_by(self, paid_text: str) -> tuple[str, int]:
        """(ship_by as stored, 1 if it counts estimated days else 0)."""
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
            years = range(date.fromordinal(day).year, due.year + 1)
            estimated = any(clocks.is_estimated(self.clock.country, year) for year in years)
            text = str(to_db(clocks.day_end(due, self.clock.tz)))
            value = self.by_day[day] = (text, int(estimated))
        return value


def _paid_span(connection: Connection) -> tuple[int, int]:
    """Local-day ordinals that cover every stored paid_at in any zone (index-only min/max)."""
    low, high = connection.exec_driver_sql(
        "SELECT min(paid_at), max(paid_at) FROM supplier_order"
    ).one()
    if low is None or high is None:
        return (0, -1)
    # from_db: the stored text, or a server ledger's datetime
    last = _day(high).toordinal() + 1  # zones are within a day of UTC
    first = max(_day(low).toordinal() - 1, last - MAX_SPAN_DAYS)
    return first, last


def _day(stored: str | datetime) -> datetime:
    moment = from_db(stored)
    assert moment is not None
    return moment


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


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()
