"""Disk full: a write that fails for lack of space rolls back and says so.

Two ways to run out of room. `ulimit -f` (RLIMIT_FSIZE) works for any user on any POSIX
system: a process importing or syncing may not grow any file more than a little past the
ledger's size; Python ignores SIGXFSZ, so write() fails with EFBIG and SQLite reports an I/O
error. A real full file system (ENOSPC, SQLite's "database or disk is full") needs a small
tmpfs, which only root can mount: those tests skip elsewhere.

Each time: LedgerWriteError with a message for the merchant, the ledger exactly as before the
failed transaction (whole pages of a sync kept), SQLite finds no damage, and once there is room
again the same work succeeds.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from graphql import GraphQLSchema

from core.exports import write_csv
from core.imports import import_shopify_csv
from core.imports.generate import generate_export
from core.ledger import LedgerWriteError, check_integrity, migrate, open_ledger
from core.ledger.backup import backup, backups
from core.ledger.engine import make_engine
from core.ledger.header import stored_revision
from core.shopify import AccessToken, ShopifyClient, ShopInfo, save_shop, sync_orders
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN, FakeShopify, LoopbackTransport
from tests.reliability.crash_checks import fresh_copy
from tests.reliability.crash_harness import Child
from tests.reliability.fingerprint import fingerprint, row_count
from tests.reliability.ledger_at import ledger_at

ORDERS = 1_200
SAID = "Nothing of this change was saved"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("disk-full")


@pytest.fixture(scope="module")
def export(folder: Path) -> Path:
    path = folder / "orders.csv"
    generate_export(path, orders=ORDERS, seed=21)
    return path


@pytest.fixture(scope="module")
def template(folder: Path) -> Path:
    path = folder / "template.sqlite"
    ledger = open_ledger(path)
    save_shop(
        ledger, ShopInfo("Full disk", "EUR", DOMAIN), api_version="2026-10", auth_kind="token"
    )
    ledger.close()
    return path


def after_the_failure(child: Child) -> str:
    lines = child.finish()
    (full,) = [line for line in lines if line.startswith("FULL ")]
    return full.removeprefix("FULL ")


# -- ulimit -f --------------------------------------------------------------------------------


def test_an_import_without_room_rolls_back_and_says_so(template: Path, export: Path) -> None:
    path = fresh_copy(template)
    before = fingerprint(path)
    child = Child(
        "import",
        path.with_suffix(".out"),
        {"ledger": str(path), "files": [str(export)], "fsize_headroom": 64 * 1024},
    )
    message = after_the_failure(child)
    assert f"could not save to {path.name}" in message and SAID in message
    assert check_integrity(path, quick=False) == []
    assert fingerprint(path) == before  # not one order of the file

    ledger = open_ledger(path)  # room again: the same import goes through
    try:
        assert import_shopify_csv(ledger, export).added == ORDERS
    finally:
        ledger.close()


@pytest.fixture(scope="module")
def fake_shop(shopify_schema: GraphQLSchema) -> Iterator[FakeShopify]:
    with FakeShopify(shopify_schema) as fake:
        fake.state.add_orders(300, start=datetime(2026, 5, 4, 8, 0, tzinfo=UTC))
        yield fake


def _sync(path: Path, fake: FakeShopify) -> None:
    ledger = open_ledger(path)
    client = ShopifyClient(
        DOMAIN, AccessToken(ACCESS_TOKEN), transport=LoopbackTransport({DOMAIN: fake.url})
    )
    try:
        sync_orders(ledger, client, 1, page_size=20)
    finally:
        client.close()
        ledger.close()


def test_a_sync_without_room_keeps_whole_pages_and_says_so(
    template: Path, fake_shop: FakeShopify
) -> None:
    clean = fresh_copy(template)
    _sync(clean, fake_shop)

    path = fresh_copy(template)
    child = Child(
        "sync",
        path.with_suffix(".out"),
        {
            "ledger": str(path),
            "shop_url": fake_shop.url,
            "shop_id": 1,
            "page_size": 20,
            "fsize_headroom": 96 * 1024,
        },
    )
    message = after_the_failure(child)
    pages = sum(line.startswith("COMMITTED") for line in child.lines())
    print(f"\npages stored before the disk ran out: {pages}")
    assert SAID in message and 1 <= pages < 15
    assert check_integrity(path, quick=False) == []
    assert row_count(path, "customer_order") == pages * 20  # the failed page left nothing

    _sync(path, fake_shop)  # room again: the sync resumes and completes
    assert fingerprint(path, skip=frozenset({"event"})) == fingerprint(
        clean, skip=frozenset({"event"})
    )


# -- a full file system (root only) ----------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs, private to this test; skipped where it cannot be mounted."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root; the ulimit -f tests cover the rest")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir(mode=0o700)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """A file that takes all free space on `disk` but `leave` bytes."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(free - leave, 0))
    return filler


def test_a_full_disk_refuses_import_backup_and_export_cleanly(
    small_disk: Path, template: Path, export: Path
) -> None:
    path = small_disk / "ledger.sqlite"
    shutil.copyfile(template, path)
    path.chmod(0o600)
    ledger = open_ledger(path)
    try:
        import_shopify_csv(ledger, export)  # something to back up and export
        ledger.close()
        before = fingerprint(path)
        ledger = open_ledger(path)
        filler = fill(small_disk, leave=96 * 1024)

        with pytest.raises(LedgerWriteError, match="the disk is full") as refused:
            import_shopify_csv(ledger, generate_second_file(export))
        assert SAID in str(refused.value)
        assert fingerprint(path) == before

        with pytest.raises(LedgerWriteError, match="the disk is full"):
            backup(path)
        assert backups(path) == [] and not list(small_disk.glob(".*partial*"))

        target = small_disk / "refunds.csv"
        with pytest.raises(OSError, match="No space left"):
            write_csv(target, ["order", "note"], ([f"#{n}", "x" * 500] for n in range(1000)))
        assert not target.exists() and not list(small_disk.glob(".refunds.csv*"))

        filler.unlink()  # room again
        assert import_shopify_csv(ledger, generate_second_file(export)).updated > 0
        assert backups(path) == [] and backup(path) in backups(path)
    finally:
        ledger.close()
    assert check_integrity(path, quick=False) == []


def generate_second_file(export: Path) -> Path:
    """The same orders, moved on: importing it rewrites many of them (one transaction)."""
    later = export.with_name("orders-later.csv")
    if not later.exists():
        generate_export(later, orders=ORDERS, seed=21, revision=1)
    return later


def test_a_full_disk_during_an_upgrade_leaves_the_old_ledger(
    small_disk: Path, tmp_path: Path
) -> None:
    """The backup before the upgrade fits, the upgrade's own pages do not: it rolls back as
    one transaction, the message is true, and with room again the upgrade succeeds."""
    oldest = migrate.revisions_in_order()[0]
    path = small_disk / "ledger.sqlite"
    names = ledger_at(path, oldest, orders=3_000)
    schema_before = schema_of(path)
    needs = wal_of_an_upgrade(path, tmp_path / "reference.sqlite")
    assert needs > 64 * 1024
    # Room for the backup (a copy, and the -shm its reading makes), not for the upgrade's WAL.
    filler = fill(small_disk, leave=path.stat().st_size + 32 * 1024 + needs // 2)

    with pytest.raises(LedgerWriteError, match="the disk is full") as refused:
        open_ledger(path)
    assert SAID in str(refused.value)
    assert len(backups(path)) == 1  # the backup was made: the upgrade itself ran out of room
    assert stored_revision(path) == oldest and schema_of(path) == schema_before
    assert check_integrity(path, quick=False) == []

    filler.unlink()  # room again (on this 4 MB disk, also for the retry's own backup)
    backups(path)[0].unlink()
    open_ledger(path).close()
    assert stored_revision(path) == migrate.head_revision()
    with closing(sqlite3.connect(path)) as db:
        assert [n for (n,) in db.execute("SELECT name FROM customer_order ORDER BY id")] == names


def wal_of_an_upgrade(path: Path, reference: Path) -> int:
    """How far the WAL grows when a copy of the ledger at `path` is upgraded."""
    shutil.copyfile(path, reference)
    engine = make_engine(reference, schema_changes=True)
    try:
        migrate.upgrade(engine, reference)
        return reference.with_name(reference.name + "-wal").stat().st_size
    finally:
        engine.dispose()


def schema_of(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return db.execute("SELECT type, name FROM sqlite_master ORDER BY 1, 2").fetchall()
