"""The ledger file: tables, pragmas, identity checks, and the journal."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, StatementError
from sqlmodel import select

from core.ledger import (
    Ledger,
    LedgerError,
    NotALedgerError,
    check_integrity,
    journal,
    open_ledger,
)
from core.ledger.header import APPLICATION_ID
from core.ledger.models import CustomerOrder, Supplier, SupplierOrder
from core.order_list import OrderQuery
from tests.catalogue import in_german


@pytest.mark.sqlite_only  # a server ledger's identity: tests/core/server/test_server_schema.py
def test_new_ledger_has_pragmas_and_identity(ledger: Ledger) -> None:
    with ledger.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    raw = ledger.path.read_bytes()[:100]
    assert int.from_bytes(raw[68:72], "big") == APPLICATION_ID
    assert ledger.path.stat().st_mode & 0o077 == 0


def test_instants_round_trip_as_aware_utc(ledger: Ledger) -> None:
    paid = datetime(2026, 2, 12, 15, 30, 12, 345678, tzinfo=timezone(timedelta(hours=8)))
    with ledger.session() as session:
        supplier = Supplier(name="Acme")
        session.add(supplier)
        session.flush()
        session.add(
            SupplierOrder(
                external_order_id="8100000000000001", supplier_id=supplier.id, paid_at=paid
            )
        )
    with ledger.session() as session:
        stored = session.exec(select(SupplierOrder)).one()
        assert stored.paid_at == paid
        assert stored.paid_at.tzinfo == UTC


def test_naive_datetimes_are_refused(ledger: Ledger) -> None:
    with pytest.raises(StatementError, match="naive"), ledger.session() as session:
        session.add(CustomerOrder(name="#1", created_at=datetime(2026, 1, 1)))


def test_foreign_keys_are_enforced(ledger: Ledger) -> None:
    with pytest.raises(IntegrityError), ledger.session() as session:
        session.add(SupplierOrder(external_order_id="1", supplier_id=999))


def test_search_index_follows_orders(ledger: Ledger) -> None:
    with ledger.session() as session:
        order = CustomerOrder(name="#1042", customer_name="Jane Roe")
        session.add(order)
        session.flush()
        session.add(SupplierOrder(external_order_id="8123456789012345", customer_order_id=order.id))
    with ledger.session() as session:
        order = session.exec(select(CustomerOrder)).one()
        order.customer_name = "Janet Roe"

    def search(term: str) -> list[int]:
        found = OrderQuery(search=term).matches(ledger.dialect)  # FTS5 or pg_trgm
        assert found is not None
        with ledger.engine.connect() as connection:
            rows = connection.exec_driver_sql(found[0], tuple(found[1]))
            return [row[0] for row in rows]

    assert search("Janet") == [1]
    assert search("Jane Roe") == []
    assert search("456789") == [1]


def test_journal_records_in_order(ledger: Ledger) -> None:
    with ledger.session() as session:
        journal.record(session, "created", "supplier_order", 7, {"by": "test"})
        journal.record(session, "paid", "supplier_order", 7)
        journal.record(session, "paid", "supplier_order", 8)
    with ledger.session() as session:
        events = journal.timeline(session, "supplier_order", 7)
    assert [e.kind for e in events] == ["created", "paid"]
    assert events[0].payload == '{"by": "test"}'


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    before = other.read_bytes()
    with pytest.raises(NotALedgerError, match="another program"):
        open_ledger(other)
    assert other.read_bytes() == before


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "orders.csv"
    other.write_text("Name,Email\n#1001,a@example.com\n" * 10)
    before = other.read_bytes()
    with pytest.raises(NotALedgerError, match="not an SQLite file") as refused:
        open_ledger(other)
    assert other.read_bytes() == before
    german = in_german(refused.value.text)
    assert german == "orders.csv ist kein Dropdesk-Auftragsbuch (keine SQLite-Datei)."


def test_damaged_ledger_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    ledger = open_ledger(path)
    with ledger.session() as session:
        for n in range(2000):
            session.add(CustomerOrder(name=f"#{n}", note="x" * 200))
    ledger.close()
    assert check_integrity(path) == []
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 512] = b"\xff" * 512  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    assert check_integrity(path, quick=False)
    assert check_integrity(path, quick=True)


def test_unclean_shutdown_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    open_ledger(path)  # never closed, as after a crash
    again = open_ledger(path)
    assert again.unclean
    again.close()
    assert not open_ledger(path).unclean


def test_second_process_is_refused_but_readers_are_welcome(tmp_path: Path) -> None:
    import subprocess
    import sys

    from core.ledger import LedgerInUseError

    path = tmp_path / "ledger.sqlite"
    open_ledger(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib; from core.ledger import open_ledger; "
            f"l = open_ledger(pathlib.Path({str(path)!r})); print('open', flush=True); "
            "sys.stdin.readline(); l.close()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(LedgerInUseError, match="open in another Dropdesk window"):
            open_ledger(path)
        reader = open_ledger(path, for_reading=True)
        with reader.session() as session:
            assert session.exec(select(CustomerOrder)).all() == []
        reader.close()
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=10)
    open_ledger(path).close()  # free again once the other process closed it


def test_reading_never_creates_a_ledger(tmp_path: Path) -> None:
    with pytest.raises(NotALedgerError, match="no ledger"):
        open_ledger(tmp_path / "missing.sqlite", for_reading=True)
    assert not (tmp_path / "missing.sqlite").exists()


def test_daily_backup_is_made_once_a_day_and_rotated(tmp_path: Path) -> None:
    import os

    from core.ledger.backup import backup_if_due, backups

    path = tmp_path / "ledger.sqlite"
    ledger = open_ledger(path)
    with ledger.session() as session:
        session.add(CustomerOrder(name="#1"))
    now = datetime.now(UTC)
    first = backup_if_due(path, keep=2, now=now)
    assert first is not None and first.stat().st_mode & 0o077 == 0
    assert backup_if_due(path, keep=2, now=now + timedelta(hours=23)) is None
    for day in (1, 2, 3):
        newest = backups(path)[0]
        old = (now - timedelta(days=day)).timestamp()
        os.utime(newest, (old, old))  # as if made earlier
        assert backup_if_due(path, keep=2, now=now) is not None
    assert len(backups(path)) == 2
    with sqlite3.connect(backups(path)[0]) as copy:
        assert copy.execute("SELECT name FROM customer_order").fetchall() == [("#1",)]
    ledger.close()


def test_a_symlink_planted_as_the_lock_is_not_followed(tmp_path: Path) -> None:
    """The lock is on the ledger itself (core.ledger.lockfile); a `.lock` symlink beside it,
    where an older Dropdesk kept its lock, is neither followed nor written through."""
    path = tmp_path / "ledger.sqlite"
    open_ledger(path).close()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    path.with_name("ledger.sqlite.lock").symlink_to(victim)
    try:
        open_ledger(path).close()
    except LedgerError as error:  # where the lock file beside the ledger is still used
        assert "cannot be locked" in str(error)
    assert victim.read_text() == "keep me"
