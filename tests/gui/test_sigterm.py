"""SIGTERM (logout, `kill`, a service manager) closes the window as Ctrl+Q does: exit 0, the
ledger closed cleanly (no unclean-shutdown marker, the WAL checkpointed), no traceback."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_sigterm_quits_the_window_cleanly(demo_template: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    shutil.copy(demo_template, ledger)
    home = tmp_path / "home"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DROPDESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "gui", "--ledger", str(ledger)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    log = home / "logs" / "dropdesk.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and app.poll() is None:
        if log.exists() and "Daily backup" in log.read_text():  # the event loop runs
            break
        time.sleep(0.2)
    assert app.poll() is None, app.stderr.read() if app.stderr else ""
    assert ledger.with_name(ledger.name + ".open").exists()

    app.send_signal(signal.SIGTERM)
    _out, err = app.communicate(timeout=30)

    assert app.returncode == 0, err
    assert b"Traceback" not in err
    assert not ledger.with_name(ledger.name + ".open").exists()  # closed, not crashed
    assert not ledger.with_name(ledger.name + "-wal").exists()
