"""The app's start: the first frame needs none of the heavy libraries; the services follow."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from core.ledger.lockfile import LedgerLock
from core.secrets import SecretStore
from gui.app import Session, open_interactively
from gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

#: What the window must not wait for: each costs 0.1-0.6 s of imports.
HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "httpx", "keyring", "holidays", "PySide6.QtCharts")

FIRST_FRAME = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from gui.app import make_application
from gui.main_window import MainWindow
from core.ledger import open_ledger

app = make_application()
ledger = open_ledger(Path(sys.argv[1]))
window = MainWindow(ledger, defer_services=True)
window.show()
app.processEvents()
assert window.model.rowCount() > 0, "no rows in the first frame"
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {h.split(".")[0] for h in %r}
      and m.startswith(%r))))
ledger.close()
"""


def test_the_first_frame_loads_no_heavy_library(demo_template: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    ledger.write_bytes(demo_template.read_bytes())
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME % (HEAVY, HEAVY), str(ledger)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "DROPDESK_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_services_attach_after_the_first_frame(qtbot: QtBot, demo_ledger: Ledger) -> None:
    session = Session(demo_ledger, secrets=SecretStore(service="dropdesk-test-start"))
    window = session.window
    qtbot.addWidget(window)
    assert not window.cancel_action.isEnabled()  # nothing to cancel with yet
    assert window.tray is None
    session.window.first_frame_shown.connect(session.start)
    window.show()
    qtbot.waitUntil(lambda: session.ready, timeout=20_000)
    window.table.selectRow(0)  # an order awaiting shipment: it can be cancelled
    assert window.cancel_action.isEnabled()
    assert window.tray is not None
    assert window.connection_menu is not None
    assert window.connection_menu.label.isVisibleTo(window)
    session.close()


def quit_when_asked() -> list[str]:
    """Answer the next message box with Quit, as a merchant would; its text lands in the list."""
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Quit").click()

    QTimer.singleShot(0, answer)
    return asked


def _damage_the_orders(path: Path) -> None:
    """Overwrite the first page of the supplier orders and of each of their indexes: the schema
    still reads (the ledger opens), the orders do not."""
    with sqlite3.connect(path) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            row[0]
            for row in db.execute(
                "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'supplier_order' "
                "AND rootpage > 0"
            )
        ]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as raw:
        for root in roots:
            raw.seek((root - 1) * size)
            raw.write(b"\xa5" * size)


def test_damage_met_by_the_first_reads_offers_the_way_out(
    qtbot: QtBot, demo_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(demo_template.read_bytes())
    _damage_the_orders(path)
    asked = quit_when_asked()
    opened = open_interactively(path, lambda ledger: MainWindow(ledger, defer_services=True))
    assert opened is None
    assert asked and "damaged.sqlite is damaged" in asked[0]
    lock = LedgerLock(path)
    assert lock.acquire()  # the ledger was closed
    lock.release()


def test_a_ledger_damaged_where_the_first_frame_does_not_look_is_never_written(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    """The journal's pages are damaged: the window's first reads work, the check before the
    first write (off the GUI thread, before interrupted work resumes) finds it; the merchant
    is offered the way out once, and the file keeps every byte."""
    path = demo_ledger.path
    with sqlite3.connect(path) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'event'").fetchone()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as raw:
        raw.seek((root - 1) * size + 1)
        raw.write(b"\xff" * 15)
    before = path.read_bytes()
    session = Session(demo_ledger, secrets=SecretStore(service="dropdesk-test-start"))
    qtbot.addWidget(session.window)
    assert session.window.model.rowCount() > 0  # the first frame has its rows
    asked = quit_when_asked()
    session.window.first_frame_shown.connect(session.start)
    session.window.show()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert len(asked) == 1 and "demo.sqlite is damaged" in asked[0]
    assert session.ready
    assert path.read_bytes() == before


def test_damage_met_later_is_checked_and_reported_once(qtbot: QtBot, demo_ledger: Ledger) -> None:
    session = Session(demo_ledger, secrets=SecretStore(service="dropdesk-test-start"))
    qtbot.addWidget(session.window)
    _damage_the_orders(demo_ledger.path)
    asked = quit_when_asked()
    error = sqlite3.DatabaseError("database disk image is malformed")  # as a paint would meet it
    session.report_uncaught(error)
    session.report_uncaught(error)  # the same damage again, while the check runs
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert len(asked) == 1 and "demo.sqlite is damaged" in asked[0]
    session.report_uncaught(ValueError("not the file"))  # logged only: no check, no dialog
    assert not session._checking
