"""The demo ledger: realistic, consistent, deterministic, and never written over a file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

import core.demo as demo
from core.ledger.types import AWAITING_SHIPMENT_STATUSES

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    summary = demo.write_demo(path, orders=3_000, seed=3, now=NOW)
    assert summary.supplier_orders == 3_000
    return sqlite3.connect(path)


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
    from core.clocks import ship_by
    from core.ledger.types import from_db

    rows = demo_db.execute(
        "SELECT so.paid_at, so.ship_by, s.ship_window_days FROM supplier_order so "
        "JOIN supplier s ON s.id = so.supplier_id LIMIT 50"
    )
    for paid, deadline, days in rows:
        assert from_db(deadline) == ship_by(from_db(paid), days)


def test_same_seed_same_ledger_with_parallel_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "BATCH", 150)  # 4 batches: made by worker processes

    def dump(path: Path) -> list[tuple[object, ...]]:
        demo.write_demo(path, orders=600, seed=11, now=NOW)
        with sqlite3.connect(path) as db:
            return db.execute(
                "SELECT so.id, so.ae_order_id, so.ship_by, so.order_status, co.customer_name, "
                "co.total_minor FROM supplier_order so JOIN customer_order co "
                "ON co.id = so.customer_order_id ORDER BY so.id"
            ).fetchall()

    first, second = dump(tmp_path / "a.sqlite"), dump(tmp_path / "b.sqlite")
    assert len(first) == 600 and first == second


def test_refuses_to_write_over_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "precious.sqlite"
    path.write_bytes(b"merchant data")
    with pytest.raises(FileExistsError):
        demo.write_demo(path, orders=10)
    assert path.read_bytes() == b"merchant data"
