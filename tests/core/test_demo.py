"""The demo ledger: realistic, consistent, deterministic, a valid ledger, and never written over
a file or left half-written."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import SQLModel

import core.demo as demo
from core.clocks import ship_by
from core.demo.instants import QUARTER, ShipBy, stamper
from core.ledger import check_integrity, open_ledger
from core.ledger.header import SCHEMA_REVISION, stored_revision
from core.ledger.types import AWAITING_SHIPMENT_STATUSES, from_db, to_db

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    summary = demo.write_demo(path, orders=3_000, seed=3, now=NOW)
    assert summary.supplier_orders == 3_000
    return path


@pytest.fixture(scope="module")
def demo_db(demo_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(demo_path)


def test_every_table_is_filled_and_consistent(demo_db: sqlite3.Connection) -> None:
    count = {
        t: demo_db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in (
            "supplier",
            "customer_order",
            "customer_order_line",
            "supplier_order",
            "cancellation",
            "refund",
            "dispute",
            "event",
            "supplier_order_search",
        )
    }
    assert count["supplier"] >= 5
    assert count["customer_order"] == count["supplier_order"] == 3_000
    assert 3_000 < count["customer_order_line"] <= 9_000
    assert count["cancellation"] > 30 and count["refund"] > 30 and count["dispute"] > 0
    assert count["supplier_order_search"] == 3_000
    assert demo_db.execute("PRAGMA foreign_key_check").fetchall() == []
    windows = {r[0] for r in demo_db.execute("SELECT ship_window_days FROM supplier")}
    assert len(windows) >= 3


def test_orders_in_every_state(demo_db: sqlite3.Connection) -> None:
    now = NOW.strftime("%Y-%m-%d %H:%M:%S")
    awaiting = ", ".join(f"'{s}'" for s in AWAITING_SHIPMENT_STATUSES)

    def count(where: str) -> int:
        return demo_db.execute(f"SELECT count(*) FROM supplier_order WHERE {where}").fetchone()[0]

    closing_soon = count(
        f"order_status IN ({awaiting}) AND ship_by > '{now}' "
        f"AND ship_by < datetime('{now}', '+2 days')"
    )
    closing_far = count(f"order_status IN ({awaiting}) AND ship_by > datetime('{now}', '+4 days')")
    overdue = count(f"order_status IN ({awaiting}) AND ship_by < '{now}'")
    shipped = count("tracking_number != '' AND shipped_at IS NOT NULL")
    cancelled = count("end_reason = 'buyer_cancel_order'")
    in_cancel = count("order_status = 'IN_CANCEL'")
    assert min(closing_soon, closing_far, overdue, shipped, cancelled, in_cancel) > 0
    paid_range = demo_db.execute("SELECT min(paid_at), max(paid_at) FROM supplier_order").fetchone()
    assert paid_range[0] >= "2026-10-14" and paid_range[1] <= now


def test_ship_by_comes_from_the_supplier_calendar(demo_db: sqlite3.Connection) -> None:
    rows = demo_db.execute(
        "SELECT so.paid_at, so.ship_by, s.ship_window_days FROM supplier_order so "
        "JOIN supplier s ON s.id = so.supplier_id"
    ).fetchall()
    assert len(rows) == 3_000
    for paid, deadline, days in rows:
        paid_at = from_db(paid)
        assert paid_at is not None and from_db(deadline) == ship_by(paid_at, days)


def test_the_demo_is_a_valid_ledger(demo_path: Path, demo_db: sqlite3.Connection) -> None:
    assert check_integrity(demo_path, quick=False) == []
    demo_db.execute(
        "INSERT INTO supplier_order_search(supplier_order_search) VALUES ('integrity-check')"
    )
    assert stored_revision(demo_path) == SCHEMA_REVISION
    assert demo_db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    ledger = open_ledger(demo_path)
    try:
        assert not ledger.unclean
        with ledger.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": False})
            differences = [
                d
                for d in compare_metadata(context, SQLModel.metadata)
                if "supplier_order_search" not in str(d)
            ]
    finally:
        ledger.close()
    assert differences == []


def test_the_schema_and_search_settings_are_a_fresh_ledgers(
    demo_db: sqlite3.Connection, tmp_path: Path
) -> None:
    fresh = open_ledger(tmp_path / "fresh.sqlite")
    fresh.close()
    with sqlite3.connect(fresh.path) as db:
        expected_schema = _schema(db)
        expected_config = dict(db.execute("SELECT k, v FROM supplier_order_search_config"))
    assert _schema(demo_db) == expected_schema  # indexes and search trigger all back
    config = dict(demo_db.execute("SELECT k, v FROM supplier_order_search_config"))
    assert config.pop("hashsize", 1024 * 1024) == 1024 * 1024  # FTS5's default, put back
    assert config == expected_config


def _schema(db: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Tables, indexes and triggers with their SQL (statistics aside)."""
    rows = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    return [row for row in rows if row[1] != "sqlite_stat1"]


def test_search_finds_orders_by_what_the_merchant_types(demo_db: sqlite3.Connection) -> None:
    so_id, name, customer, ae_id, tracking = demo_db.execute(
        "SELECT so.id, co.name, co.customer_name, so.external_order_id, so.tracking_number "
        "FROM supplier_order so JOIN customer_order co ON co.id = so.customer_order_id "
        "WHERE so.tracking_number != '' ORDER BY so.id DESC LIMIT 1"
    ).fetchone()
    for column, typed in (
        ("order_name", name),
        ("customer_name", customer),
        ("external_order_id", ae_id[4:]),
        ("tracking_number", tracking),
    ):
        hits = demo_db.execute(
            f"SELECT rowid FROM supplier_order_search WHERE {column} MATCH ?", (f'"{typed}"',)
        ).fetchall()
        assert (so_id,) in hits, column
    search = demo_db.execute(
        "SELECT rowid, order_name, customer_name, external_order_id, tracking_number "
        "FROM supplier_order_search ORDER BY rowid"
    ).fetchall()
    stored = demo_db.execute(
        "SELECT so.id, co.name, co.customer_name, so.external_order_id, so.tracking_number "
        "FROM supplier_order so JOIN customer_order co ON co.id = so.customer_order_id "
        "ORDER BY so.id"
    ).fetchall()
    assert search == stored


def test_absent_values_are_null_not_empty(demo_db: sqlite3.Connection) -> None:
    """Rows travel with '' for an absent value; only NOT NULL text columns may keep it."""
    tables = [
        name
        for (name,) in demo_db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'supplier_order_search%'"
        )
    ]
    empty = [
        (table, column)
        for table in tables
        for _, column, _, not_null, _, _ in demo_db.execute(f"PRAGMA table_info({table})")
        if not not_null
        and demo_db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ''").fetchone()[0]
    ]
    assert empty == []
    assert (
        demo_db.execute("SELECT count(*) FROM refund WHERE supplier_order_id IS NULL").fetchone()[0]
        == demo_db.execute(
            "SELECT count(*) FROM refund WHERE direction = 'to_customer'"
        ).fetchone()[0]
    )


def test_same_seed_same_ledger_across_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "BATCH", 150)  # 4 batches, each with its own seeded generator

    def dump(path: Path, seed: int = 11) -> list[tuple[object, ...]]:
        demo.write_demo(path, orders=600, seed=seed, now=NOW)
        with sqlite3.connect(path) as db:
            return db.execute(
                "SELECT so.id, so.external_order_id, so.ship_by, so.order_status, so.shipped_at, "
                "co.customer_name, co.total_minor, co.updated_at FROM supplier_order so "
                "JOIN customer_order co ON co.id = so.customer_order_id ORDER BY so.id"
            ).fetchall()

    first, second = dump(tmp_path / "a.sqlite"), dump(tmp_path / "b.sqlite")
    assert len(first) == 600 and first == second
    assert dump(tmp_path / "c.sqlite", seed=12) != first


def test_refuses_to_write_over_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "precious.sqlite"
    path.write_bytes(b"merchant data")
    with pytest.raises(FileExistsError):
        demo.write_demo(path, orders=10)
    assert path.read_bytes() == b"merchant data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.sqlite"]


def test_the_ledger_appears_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    seen: list[bool] = []
    demo.write_demo(path, orders=500, progress=lambda done, total: seen.append(path.exists()))
    assert seen and not any(seen)  # nothing at `path` while it was being written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]


def test_an_interrupted_demo_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        demo.write_demo(path, orders=500, progress=interrupt)
    assert list(tmp_path.iterdir()) == []


@given(st.integers(min_value=0, max_value=4_102_444_799))  # 1970 to the end of 2099
def test_instant_text_is_what_to_db_writes(seconds: int) -> None:
    assert stamper()(seconds) == to_db(datetime.fromtimestamp(seconds, UTC))


def test_ship_by_per_quarter_hour_is_the_clocks(tmp_path: Path) -> None:
    deadlines = ShipBy(7, stamper())
    start = int(datetime(2026, 9, 28, tzinfo=UTC).timestamp())  # across Golden Week
    for paid in range(start, start + int(timedelta(days=12).total_seconds()), 599):
        deadline, text = deadlines[paid // QUARTER]
        expected = ship_by(datetime.fromtimestamp(paid, UTC), 7)
        assert deadline == expected.timestamp() and text == to_db(expected)


def test_the_demo_shows_protection_and_withdrawal_deadlines(demo_path: Path) -> None:
    """A demo shows what comes after shipping: protection running out on shipped orders (one
    with the end read off its order page) and withdrawals waiting for their refund."""
    from core import protection, withdrawal

    ledger = open_ledger(demo_path)
    try:
        with ledger.session() as session:
            guarded = protection.deadlines(session, NOW)
            near = protection.deadlines(session, NOW, within_hours=48)
            refunds = withdrawal.deadlines(session, NOW)
            sources = {order.window.source for order in protection.shipped_orders(session)}
    finally:
        ledger.close()
    assert len(guarded) > 10 and near, "shipped orders inside protection, some closing soon"
    assert sources == {"order", "supplier", "ledger"}
    assert len(refunds) == 3 and all(entry.kind == "withdrawal_refund" for entry in refunds)
    assert refunds[0].deadline - NOW < timedelta(days=2)  # one close to its legal deadline
    assert all(entry.deadline > NOW for entry in refunds)


def test_the_demo_has_open_chargebacks_with_evidence_deadlines(demo_path: Path) -> None:
    from core.chargebacks.store import chargeback_deadlines, list_chargebacks

    ledger = open_ledger(demo_path)
    try:
        rows = list_chargebacks(ledger)
        assert [r.status for r in rows].count("NEEDS_RESPONSE") == 3
        assert {r.status for r in rows} == {"NEEDS_RESPONSE", "UNDER_REVIEW", "WON"}
        assert all(r.customer_order_id is not None and r.order_name for r in rows)
        with ledger.engine.connect() as connection:
            found = chargeback_deadlines(connection, NOW)
        assert len(found) == 3
        assert [d.deadline - NOW for d in found] == [
            timedelta(hours=-5),
            timedelta(hours=30),
            timedelta(days=9),
        ]
    finally:
        ledger.close()
