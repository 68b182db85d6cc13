"""The way out of a damaged ledger offers only a backup that passes its check, and says how old
it is; a daily backup that fails its check is removed and the ledger checked."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from core.ledger.backup import backup, backups
from core.secrets import SecretStore
from gui.app import Session, open_interactively
from gui.main_window import MainWindow


def _damage(path: Path, table: str) -> None:
    """Overwrite the root pages of `table` and its indexes (the schema still reads)."""
    with sqlite3.connect(path) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            r[0]
            for r in db.execute(
                "SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0", (table,)
            )
        ]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as raw:
        for root in roots:
            raw.seek((root - 1) * size)
            raw.write(b"\xa5" * size)


def _answer(button: str) -> list[tuple[str, str]]:
    """Answer the next message box with `button`; its text and informative text are kept."""
    asked: list[tuple[str, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        asked.append((box.text(), box.informativeText()))
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer)
    return asked


def _supplier_orders(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM supplier_order").fetchone()[0])


def test_restore_skips_a_damaged_backup_and_says_how_old_the_offered_one_is(
    qtbot: QtBot, demo_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "shop [de].sqlite"
    shutil.copy(demo_template, path)
    good = backup(path, label="daily")
    four_days_ago = (datetime.now(UTC) - timedelta(days=4)).timestamp()
    os.utime(good, (four_days_ago, four_days_ago))
    newest = backup(path, label="daily")
    _damage(newest, "supplier_order")  # damaged since it was made: never offered
    _damage(path, "supplier_order")
    damaged = path.read_bytes()

    asked = _answer("Restore latest backup")
    window = open_interactively(path, lambda ledger: MainWindow(ledger, defer_services=True))
    assert window is not None
    qtbot.addWidget(window)
    text, informative = asked[0]
    assert "is damaged" in text and "copied 4 days ago" in informative
    restored = window.ledger.path
    assert restored != path and path.read_bytes() == damaged  # left for support
    assert _supplier_orders(restored) == _supplier_orders(demo_template)
    window.ledger.close()


def test_a_daily_backup_that_fails_its_check_is_removed_and_the_ledger_checked(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    session = Session(demo_ledger, secrets=SecretStore(service="dropdesk-test-restore"))
    qtbot.addWidget(session.window)
    _damage(demo_ledger.path, "supplier_order")
    asked = _answer("Quit")
    session.back_up_in_background()
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
    assert "demo.sqlite is damaged" in asked[0][0]
    assert backups(demo_ledger.path) == []
    assert not [p for p in demo_ledger.path.parent.iterdir() if "partial" in p.name]
    session.close()
