"""A realistic demo ledger: suppliers, customer orders and supplier orders in every state.

The ledger is written under a temporary name beside `path` and renamed into place only when
it is complete, so a crash never leaves half a demo at `path`. Bulk rows go through the
DB-API's executemany in one transaction, with indexes and the search index built once at the
end (ORM objects would take hours for a million orders). The same seed gives the same ledger,
relative to `now`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from core.demo.aftercare import add_aftercare
from core.demo.catalog import SUPPLIERS
from core.demo.chargebacks import insert_chargebacks
from core.demo.instants import Instants
from core.demo.rows import make_batch
from core.demo.tables import COLUMNS, TABLES, Rows
from core.ledger import Ledger, bulk, open_ledger
from core.ledger.types import to_db
from core.partial_files import partial_path

Progress = Callable[[int, int], None]
BATCH = 20_000  # orders per round of inserts


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    orders: int
    supplier_orders: int
    seconds: float


def write_demo(
    path: Path,
    orders: int = 2_000,
    seed: int = 7,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Create a new demo ledger at `path` (refusing to touch an existing file)."""
    path = path.expanduser()
    _refuse_existing(path)
    started = datetime.now(UTC)
    partial = partial_path(path, "demo")  # a killed demo's is removed at the next start
    leftovers = [partial.with_name(partial.name + s) for s in ("", "-wal", "-shm", ".open")]
    try:
        ledger = open_ledger(partial)
        try:
            made = _fill(ledger, orders, seed, now or started, progress)
        finally:
            ledger.close()
        _move_into_place(partial, path)
    finally:
        for leftover in [*leftovers, partial.with_name(partial.name + ".lock")]:
            leftover.unlink(missing_ok=True)
    seconds = (datetime.now(UTC) - started).total_seconds()
    return DemoSummary(path, orders, made, seconds)


def _refuse_existing(path: Path) -> None:
    if path.exists() and path.stat().st_size:
        raise FileExistsError(f"{path} already exists; the demo writes only new ledgers.")


def _move_into_place(partial: Path, path: Path) -> None:
    """Give the finished ledger its name, unless a file with content appeared there meanwhile."""
    try:
        os.link(partial, path)  # fails if `path` exists: nothing is ever written over
    except FileExistsError:
        _refuse_existing(path)
        os.replace(partial, path)  # an empty file: nothing to lose
    except OSError:  # a file system without hard links
        _refuse_existing(path)
        os.replace(partial, path)


def _fill(ledger: Ledger, orders: int, seed: int, now: datetime, progress: Progress | None) -> int:
    raw = ledger.engine.raw_connection()
    try:
        cursor = raw.cursor()
        # A new file under a temporary name, deleted if anything fails: no journal needed, and
        # writing it once (not into the WAL and again at the checkpoint) halves the disk traffic.
        cursor.execute("PRAGMA journal_mode = OFF")
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -65536")  # more was no faster, only bigger
        cursor.execute("PRAGMA temp_store = MEMORY")
        # The rows are made consistent (the tests check the keys): no look-up per reference.
        cursor.execute("PRAGMA foreign_keys = OFF")
        cursor.execute("BEGIN")
        _insert_suppliers(cursor, now)
        made = 0
        with bulk.deferred_indexes(cursor, tuple(COLUMNS)), _collector_paused():
            for done, batch in _generate(orders, seed, now):
                for table in TABLES:
                    table.insert(cursor, batch[table.name])
                made += len(batch["supplier_order"])
                if progress:
                    progress(done, orders)
        add_aftercare(cursor, now)  # after the indexes are back: its look-ups use them
        insert_chargebacks(cursor, now)
        cursor.execute("COMMIT")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")  # as every ledger is
        cursor.execute("PRAGMA optimize")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file alone is the whole ledger
        return made
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.close()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while rows are made: they hold no cycles, and its passes
    over millions of fresh tuples cost about a sixth of the generation."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _generate(orders: int, seed: int, now: datetime) -> Iterator[tuple[int, Rows]]:
    """(orders done, rows) per batch, in order.

    Worker processes were tried, and so was building the search index in a second thread
    beside the index builds: on these shared 2-vCPU machines they slowed the writer more than
    they saved, so everything is done in turn.
    """
    instants = Instants()
    for start in range(0, orders, BATCH):
        stop = min(orders, start + BATCH)
        yield stop, make_batch(start, stop, orders, seed, now, instants)


def _insert_suppliers(cursor: Any, now: datetime) -> None:
    for number, s in enumerate(SUPPLIERS, start=1):
        cursor.execute(
            "INSERT INTO supplier (id, platform, store_id, name, ship_window_days, "
            "cancel_answer_hours, tracking_due_days, holiday_country, time_zone, "
            "cancel_accepted_within_hours, returns_allowed_for, refund_days_min, refund_days_max, "
            "has_written_policy, policy_url, policy_reviewed_at) "
            "VALUES (?, 'aliexpress', ?, ?, ?, 72, 5, 'CN', 'Asia/Shanghai', ?, ?, ?, ?, ?, ?, ?)",
            (
                number,
                s.store_id,
                s.name,
                s.ship_window_days,
                s.cancel_within_hours,
                s.returns_allowed_for,
                *s.refund_days,
                s.written_policy,
                f"https://www.aliexpress.com/store/{s.store_id}" if s.written_policy else None,
                to_db(now - timedelta(days=30 * number)),
            ),
        )
