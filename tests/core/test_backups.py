"""Backups: checked before kept, ordered and rotated by sequence (never by the clock), found by
the ledger's exact name, and pre-upgrade ones kept through retries and daily rotation."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core.ledger import LedgerError, open_ledger
from core.ledger.backup import (
    BackupCheckError,
    backup,
    backup_if_due,
    backups,
    latest_backup,
    latest_verified,
    listing,
)
from core.ledger.header import SCHEMA_REVISION
from core.ledger.models import CustomerOrder, Event
from core.ledger.read_only import uri
from tests.catalogue import in_english, in_german

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _ledger(path: Path, orders: int) -> Path:
    ledger = open_ledger(path)
    with ledger.session() as session:
        for number in range(orders):
            session.add(CustomerOrder(name=f"#{1000 + number}"))
            session.add(Event(at=NOW, kind="test", entity="customer_order", entity_id=number))
    ledger.close()
    return path


def _add_orders(path: Path, orders: int) -> None:
    ledger = open_ledger(path)
    with ledger.session() as session:
        for number in range(orders):
            session.add(CustomerOrder(name=f"#late{number}"))
            session.add(Event(at=NOW, kind="test", entity="customer_order", entity_id=number))
    ledger.close()


def _orders(path: Path) -> int:
    with sqlite3.connect(uri(path), uri=True) as db:
        return int(db.execute("SELECT count(*) FROM customer_order").fetchone()[0])


def _set_time(path: Path, moment: datetime) -> None:
    os.utime(path, (moment.timestamp(), moment.timestamp()))


def _damage_pages(path: Path, table: str) -> None:
    """Overwrite the root page of `table` and its indexes: the schema still reads, quick_check
    does not pass."""
    with sqlite3.connect(path) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            row[0]
            for row in db.execute(
                "SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0", (table,)
            )
        ]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as raw:
        for root in roots:
            raw.seek((root - 1) * size)
            raw.write(b"\xa5" * size)


# Verification


def test_a_copy_that_fails_its_check_is_removed_and_said(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 50)
    kept = backup(path, label="daily")
    _damage_pages(path, "customer_order")
    with pytest.raises(BackupCheckError, match="failed its check") as refused:
        backup(path, label="daily")
    assert "ledger.sqlite" in str(refused.value) and "Prüfung" in in_german(refused.value.text)
    assert backups(path) == [kept]  # nothing of the failed copy is left, the good one stays
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []


def test_a_file_of_another_program_is_not_kept_as_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE alembic_version (version_num TEXT)")
        db.execute("INSERT INTO alembic_version VALUES ('0002')")
    with pytest.raises(BackupCheckError, match="not a Dropdesk ledger"):
        backup(path)
    assert backups(path) == []


def test_a_backup_damaged_later_is_never_offered(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 30)
    older = backup(path, label="daily")
    _add_orders(path, 10)
    newest = backup(path, label="daily")
    _damage_pages(newest, "customer_order")
    assert backups(path)[0] == newest  # still listed (left for support) ...
    assert latest_backup(path) == older  # ... but not offered

    from gui.ledger_problem import restore_copy  # what "Restore latest backup" does

    restored = restore_copy(path)
    assert restored is not None and _orders(restored) == 30


# Clock jumps


def test_a_backup_made_with_the_clock_ahead_does_not_stay_the_latest(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 20)
    assert backup_if_due(path, keep=7, now=NOW) is not None
    ahead = backup_if_due(path, keep=7, now=NOW + 730 * DAY)  # the clock two years ahead
    assert ahead is not None
    _add_orders(path, 80)  # the clock is right again; the merchant works on
    back = backup_if_due(path, keep=7, now=NOW + DAY)  # the newest looks future: due anyway
    assert back is not None and backups(path)[0] == back
    verified = latest_verified(path)
    assert verified is not None and verified.path == back and _orders(back) == 100


def test_a_week_with_the_clock_behind_keeps_each_new_daily_backup(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 5)
    for day in range(3):
        assert backup_if_due(path, keep=3, now=NOW + day * DAY) is not None
    behind = NOW - 400 * DAY
    for day in range(7):
        _add_orders(path, 1)
        made = backup_if_due(path, keep=3, now=behind + day * DAY)
        assert made is not None and made.exists(), f"day {day}: the new backup was deleted"
        assert backups(path)[0] == made and latest_backup(path) == made
        assert _orders(made) == 6 + day
    assert len(backups(path)) == 3
    assert backup_if_due(path, keep=3, now=behind + 6 * DAY + timedelta(hours=2)) is None


def test_a_daily_backup_is_due_when_the_newest_lies_in_the_future(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 5)
    made = backup_if_due(path, keep=7, now=NOW)
    assert made is not None
    assert backup_if_due(path, keep=7, now=NOW + timedelta(hours=20)) is None
    _set_time(made, NOW + 3 * DAY)  # written while the clock was ahead
    assert backup_if_due(path, keep=7, now=NOW + timedelta(hours=20)) is not None


def test_the_pre_upgrade_backup_survives_daily_rotation_and_a_clock_behind(
    tmp_path: Path,
) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 12)
    before = backup(path, label=f"before-{SCHEMA_REVISION}", now=NOW - 3650 * DAY)  # clock behind
    for day in range(5):
        _add_orders(path, 1)
        assert backup_if_due(path, keep=1, now=NOW + day * DAY) is not None
    assert before.exists() and len(backups(path)) == 2
    assert _orders(before) == 12


def test_legacy_clock_named_backups_are_listed_and_rotated_first(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 3)
    legacy = path.with_name(f"{path.name}.backup-20991231-235959-000000-daily")  # clock ahead
    shutil.copyfile(backup(path, label="daily"), legacy)
    for old in backups(path):
        if old != legacy:
            old.unlink()
    for side in ("-wal", "-shm"):  # an old WAL-mode backup that was read once
        legacy.with_name(legacy.name + side).write_bytes(b"")
    made = backup_if_due(path, keep=1, now=NOW)
    assert made is not None and backups(path) == [made] and not legacy.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if "20991231" in p.name) == []


# Names with glob characters, and neighbours


@pytest.mark.parametrize(
    ("name", "neighbour"),
    [
        ("shop [de].sqlite", "shop d.sqlite"),
        ("shop*.sqlite", "shop-x.sqlite"),
        ("shop?.sqlite", "shop1.sqlite"),
        ("shop.sqlite", "shop.sqlite2"),
        ("shop.sqlite", "shop.sqlite.backup-x.sqlite"),
        ("shop.sqlite", "shop.sqlite.backup-000009-ev1-daily.sqlite"),
    ],
)
def test_backups_belong_to_their_ledger_by_exact_name(
    tmp_path: Path, name: str, neighbour: str
) -> None:
    template = _ledger(tmp_path / "template.sqlite", 4)
    other_template = _ledger(tmp_path / "other-template.sqlite", 9)
    path = tmp_path / name
    other = tmp_path / neighbour
    shutil.copyfile(template, path)
    shutil.copyfile(other_template, other)
    theirs = [backup(other, label="daily", keep=7) for _ in range(3)]
    ours = [backup(path, label="daily", keep=1) for _ in range(3)]  # rotation runs each time
    assert backups(path) == [ours[-1]]
    assert backups(other) == theirs[::-1]  # the neighbour's backups are all still there
    verified = latest_verified(path)
    assert verified is not None and _orders(verified.path) == 4
    assert latest_verified(other) is not None and _orders(theirs[-1]) == 9


def test_a_ledger_with_brackets_in_its_name_opens_and_backs_up(tmp_path: Path) -> None:
    neighbour = _ledger(tmp_path / "shop d.sqlite", 7)
    backup(neighbour, label="daily")
    path = _ledger(tmp_path / "shop [de].sqlite", 2)
    assert latest_backup(path) is None  # not the neighbour's
    made = backup_if_due(path, keep=1, now=NOW)
    assert made is not None and made.name.startswith("shop [de].sqlite.backup-000001-ev")
    assert len(backups(neighbour)) == 1


# Retries of a failing upgrade


def _break_the_upgrade(path: Path) -> str:
    """Downgrade to the previous revision and make the version stamp refuse to move, as a
    ledger that some fault keeps from upgrading: every try to upgrade now fails (and, being
    one transaction, leaves the previous revision)."""
    from core.ledger import migrate

    previous = migrate.revisions_in_order()[-2]
    ledger = open_ledger(path)
    migrate.downgrade(ledger.engine, previous)
    ledger.close()
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TRIGGER stuck BEFORE UPDATE ON alembic_version "
            "BEGIN SELECT RAISE(ABORT, 'the upgrade fails'); END"
        )
    return migrate.head_revision()


def test_retrying_a_failing_upgrade_keeps_the_good_backup(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 40)
    target = _break_the_upgrade(path)
    for _attempt in range(7):
        with pytest.raises((LedgerError, sqlite3.Error)):
            open_ledger(path)
    before = [b for b in listing(path) if b.before_upgrade]
    assert len(before) == 1 and before[0].label == f"before-{target}"
    assert latest_backup(path) == before[0].path and _orders(before[0].path) == 40


def test_retries_after_the_ledger_changed_keep_the_first_and_the_newest(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 40)
    target = _break_the_upgrade(path)
    first = backup(path, label=f"before-{target}")  # the first try's backup, of the good file
    with sqlite3.connect(path) as db:  # what a broken try might leave: most orders gone
        db.execute("DELETE FROM customer_order WHERE id > 8")
        db.execute(
            "INSERT INTO event (at, kind, entity, entity_id, payload) VALUES "
            "('2026-12-07 12:00:00.000000', 'x', 'y', 1, '{}')"
        )
    for _attempt in range(7):
        with pytest.raises((LedgerError, sqlite3.Error)):
            open_ledger(path)
    before = [b.path for b in listing(path) if b.before_upgrade]
    assert len(before) == 2 and first in before and _orders(first) == 40
    for _day in range(10):  # daily rotation never reaches them
        backup(path, label="daily", keep=1)
    assert first.exists()


# How old, in words


def test_the_offer_says_how_old_the_backup_is(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "ledger.sqlite", 3)
    made = backup(path, label="daily", now=NOW - 4 * DAY)
    verified = latest_verified(path)
    assert verified is not None and verified.path == made
    change = NOW.astimezone()
    when = verified.when(NOW)
    assert in_english(when) == f"{change:%Y-%m-%d %H:%M %Z} (its last change; copied 4 days ago)"
    assert in_german(when) == f"{change:%Y-%m-%d %H:%M %Z} (letzte Änderung; vor 4 Tagen kopiert)"
    assert made.name in in_english(verified.describe(NOW))
    _set_time(made, NOW + 30 * DAY)
    assert "future" in in_english(latest_verified(path).when(NOW))  # type: ignore[union-attr]
