"""The app's start: the first frame needs none of the heavy libraries; the services follow."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from core.secrets import SecretStore
from gui.app import Session

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
    assert window.cancel_action.isEnabled()
    assert window.tray is not None
    assert window.connection_menu is not None
    assert window.connection_menu.label.isVisibleTo(window)
    session.close()
