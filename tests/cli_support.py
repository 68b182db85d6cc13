"""The command line as a scheduler or a shell runs it: a child process of this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_dropdesk(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`dropdesk ARGS` in a child process (English, offscreen), its output captured."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PYTHONPATH": path, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DROPDESK_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
