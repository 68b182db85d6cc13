"""Online backups beside the ledger (SQLite's backup API, safe while the ledger is open)."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.ledger.errors import write_failure
from core.partial_files import create_partial

BACKUP_MARK = ".backup-"


def backup(path: Path, label: str = "", keep: int = 7) -> Path:
    """Copy the ledger to `<file>.backup-<UTC stamp>[-label]` and keep the newest `keep`.

    The copy is made under a hidden name, private (0600) from its first byte, and renamed into
    place only when complete: a backup that fails (a full disk) leaves nothing behind that
    could later be offered for a restore. LedgerWriteError says when the disk was the cause.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.name}{BACKUP_MARK}{stamp}{'-' + label if label else ''}")
    handle, partial = create_partial(target, "backup")  # cleaned after a kill: partial_files
    os.close(handle)
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        os.replace(partial, target)
    except BaseException as error:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
        failure = write_failure(target, error)
        if failure is not None:
            raise failure from error
        raise
    target.chmod(0o600)
    for old in backups(path)[keep:]:
        old.unlink(missing_ok=True)
    return target


def backups(path: Path) -> list[Path]:
    """This ledger's backups, newest first."""
    found = path.parent.glob(f"{path.name}{BACKUP_MARK}*")
    return sorted((p for p in found if not p.name.endswith(("-wal", "-shm"))), reverse=True)


def latest_backup(path: Path) -> Path | None:
    found = backups(path)
    return found[0] if found else None


def backup_if_due(
    path: Path, keep: int, now: datetime, every: timedelta = timedelta(days=1)
) -> Path | None:
    """The daily backup: made when the newest one is older than `every` (run off the GUI
    thread; the backup API copies a live ledger page by page without blocking writers long)."""
    newest = latest_backup(path)
    if newest is not None:
        made = datetime.fromtimestamp(newest.stat().st_mtime, UTC)
        if now - made < every:
            return None
    return backup(path, label="daily", keep=keep)
