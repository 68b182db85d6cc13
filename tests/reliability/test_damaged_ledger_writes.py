"""A damaged ledger is never written: before its first write the ledger is checked (the full
integrity_check after an unclean shutdown, the quick_check after a clean one) and a failure is
CorruptLedgerError, which offers the latest backup. `dropdesk import` (a real process) goes
through the same guard: it exits 1 with the message, and the file keeps every byte."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from core.cli.import_orders import run_import
from core.ledger import CorruptLedgerError, check_integrity, open_ledger
from core.ledger.backup import backup
from core.ledger.models import CustomerOrder
from tests.catalogue import in_german

ROOT = Path(__file__).parents[2]
DATA = ROOT / "tests" / "data"


def imported(path: Path) -> Path:
    code = run_import(path, DATA / "orders_shopify.csv", as_json=True, mode="rest", dry_run=False)
    assert code == 0
    return path


def page_of(path: Path, table: str) -> tuple[int, int]:
    """(offset, size) of the table's root page, after a checkpoint put it in the file."""
    with closing(sqlite3.connect(path)) as db:
        size = int(db.execute("PRAGMA page_size").fetchone()[0])
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return (int(root[0]) - 1) * size, size


def scribble_over_a_page(path: Path) -> None:
    """Bytes damaged inside a page of the orders (its header and cell pointers): SQLite's
    quick_check sees it."""
    offset, _size = page_of(path, "customer_order")
    with path.open("r+b") as raw:
        raw.seek(offset + 1)  # the page type byte stays: the table still reads as a table
        raw.write(b"\xff" * 15)


def change_a_name_behind_its_index(path: Path) -> None:
    """One order's name changed in the table's page only: the page is well formed (the
    quick_check passes), only the full integrity_check sees the index disagree."""
    offset, size = page_of(path, "customer_order")
    data = bytearray(path.read_bytes())
    at = data.index(b"#1002", offset, offset + size)
    data[at : at + 5] = b"#1992"
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_in_a_process(path: Path) -> subprocess.CompletedProcess[str]:
    export = DATA / "orders_shopify_v2.csv"
    return subprocess.run(
        [sys.executable, "-m", "gui", "import", "shopify-csv", str(export), "--ledger", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_import_into_a_damaged_ledger_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    path = imported(tmp_path / "ledger.sqlite")
    saved = backup(path)
    scribble_over_a_page(path)
    assert check_integrity(path, quick=False)
    before = digest(path)
    done = import_in_a_process(path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ledger.sqlite is damaged" in done.stderr and "writes nothing" in done.stderr
    assert "Traceback" not in done.stderr
    assert digest(path) == before
    wal = path.with_name("ledger.sqlite-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing waits in the WAL either
    # What the window offers then: the latest backup, which holds the orders.
    from core.ledger.backup import latest_backup

    assert latest_backup(path) == saved and check_integrity(saved, quick=False) == []


def test_after_an_unclean_shutdown_the_full_check_runs_before_the_first_write(
    tmp_path: Path,
) -> None:
    path = imported(tmp_path / "ledger.sqlite")
    change_a_name_behind_its_index(path)
    assert check_integrity(path) == [] and check_integrity(path, quick=False)
    path.with_name("ledger.sqlite.open").touch()  # the last run did not close it
    before = digest(path)
    ledger = open_ledger(path)
    assert ledger.unclean
    assert ledger.reader.execute("SELECT count(*) FROM customer_order").fetchone()[0] == 4
    with (
        pytest.raises(CorruptLedgerError, match="missing from index") as refused,
        ledger.session() as session,
    ):
        session.add(CustomerOrder(name="#2000"))
    assert "ist beschädigt" in in_german(refused.value.text)
    with ledger.engine.connect() as connection:  # reading still works (to choose a backup)
        assert connection.exec_driver_sql("SELECT count(*) FROM customer_order").scalar() == 4
    with pytest.raises(CorruptLedgerError), ledger.engine.begin() as connection:  # every try
        connection.exec_driver_sql("DELETE FROM event")
    ledger.close()
    assert digest(path) == before


def test_a_clean_start_is_checked_quickly_and_a_sound_ledger_written(tmp_path: Path) -> None:
    path = imported(tmp_path / "ledger.sqlite")
    ledger = open_ledger(path)
    assert not ledger.unclean
    with ledger.session() as session:
        session.add(CustomerOrder(name="#2000"))
    ledger.close()
    assert imported(path) == path  # and a later import, too
