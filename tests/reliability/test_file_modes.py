"""Everything Dropdesk writes is readable by the user only: files 0600, its folders 0700.

The ledger (and SQLite's -wal and -shm beside it, the lock and the open-marker), the log files,
backups (daily, before a migration, restored copies), CSV exports and the diagnostics zip hold
customers' names and the merchant's money. Checked under umask 000, so that no mode comes from a
kind umask rather than from Dropdesk, starting the way the app starts: logging first, then the
ledger, in a DROPDESK_HOME that does not exist yet.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core import diagnostics, paths
from core.exports import write_csv
from core.imports import import_shopify_csv
from core.ledger import migrate, open_ledger
from core.ledger.backup import backup_if_due, backups
from core.logs import close_logging, configure_logging
from core.review import Review, ReviewFilter, write_review_csv

DATA = Path(__file__).parents[1] / "data"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def careless_umask() -> Iterator[None]:
    """umask 000: every mode below is Dropdesk's own doing."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fresh = tmp_path / "not-yet" / "dropdesk-home"
    monkeypatch.setenv("DROPDESK_HOME", str(fresh))
    return fresh


def test_everything_written_is_private(careless_umask: None, home: Path, tmp_path: Path) -> None:
    log_file = configure_logging()  # the app's start: logging first, then the ledger
    try:
        ledger = open_ledger(paths.default_ledger())
        import_shopify_csv(ledger, DATA / "orders_shopify.csv")  # writes the WAL
        daily = backup_if_due(ledger.path, keep=3, now=datetime.now(UTC))
        assert daily is not None
        exports = tmp_path / "exports"
        exports.mkdir(mode=0o755)  # the merchant's own folder: left as it is
        review = Review(ledger.engine)
        write_review_csv(review, ReviewFilter(), exports / "refunds.csv")
        write_csv(exports / "orders.csv", ["name"], [["#1001"]])
        diagnostics.save(exports / "diagnostics.zip", ledger.path, paths.log_dir())
        written = {
            "the data folder": home,
            "the log folder": paths.log_dir(),
            "the ledger": ledger.path,
            "its -wal": ledger.path.with_name("ledger.sqlite-wal"),
            "its -shm": ledger.path.with_name("ledger.sqlite-shm"),
            "its open-marker": ledger.path.with_name("ledger.sqlite.open"),
            "the log": log_file,
            "the daily backup": daily,
            "the refunds export": exports / "refunds.csv",
            "a CSV export": exports / "orders.csv",
            "the diagnostics": exports / "diagnostics.zip",
        }
        modes = {what: oct(mode(path)) for what, path in written.items()}
        ledger.close()
    finally:
        close_logging()
    folders = {"the data folder", "the log folder"}
    assert modes == {what: oct(0o700 if what in folders else 0o600) for what in written}
    assert mode(exports) == 0o755
    leftovers = [p.name for p in home.rglob("*") if p.is_file() and mode(p) & 0o077]
    assert leftovers == []


def test_migration_backups_and_restored_copies_are_private(
    careless_umask: None, tmp_path: Path
) -> None:
    path = tmp_path / "ledger.sqlite"
    ledger = open_ledger(path)
    previous = migrate.revisions_in_order()[-2]
    migrate.downgrade(ledger.engine, previous)  # as if written by the previous version
    ledger.close()
    ledger = open_ledger(path)  # migrates, after a backup
    ledger.close()
    (before_upgrade,) = backups(path)
    assert "before-" in before_upgrade.name and mode(before_upgrade) == 0o600

    from gui.ledger_problem import restore_copy  # what "Restore latest backup" does

    restored = restore_copy(path)
    assert restored is not None and mode(restored) == 0o600


def test_old_backups_beyond_the_kept_number_are_deleted(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    open_ledger(path).close()
    now = datetime.now(UTC)
    for day in range(5):
        made = backup_if_due(path, keep=2, now=now + timedelta(days=day))
        assert made is not None
        stamp = (now + timedelta(days=day)).timestamp()
        os.utime(made, (stamp, stamp))
    assert len(backups(path)) == 2
