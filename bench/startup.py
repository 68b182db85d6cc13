"""`startup`: Dropdesk on a 100,000-order ledger, from process start to the main window shown,
beside a bare PySide6 window measured the same way in the same run.

Both are child processes started here (`python -m bench.window_probe`); the clock runs from
just before the child is spawned to the end of the first frame its main window paints, read
with time.monotonic() (one clock for every process on Linux, macOS and Windows). Runs alternate
(bare, app, bare, app, …) after one unmeasured warm-up of each, and each starts with no saved
window state, as on first launch. Without a display Qt paints offscreen.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.ledgers import make_demo_ledger
from bench.report import Result, Target
from bench.workspace import ROOT, child_env, say, workspace

ORDERS = 100_000
ROUNDS = 5


def _platform() -> str:
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"]
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    return "offscreen" if sys.platform.startswith("linux") and not has_display else ""


def _shown_after(args: list[str], home: Path, platform: str) -> float:
    """Seconds from spawning `python -m bench.window_probe ARGS` to its window's first frame."""
    extra = {"DROPDESK_HOME": str(home), **({"QT_QPA_PLATFORM": platform} if platform else {})}
    env = child_env(**extra)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "bench.window_probe", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    shown = [line for line in done.stdout.splitlines() if line.startswith("shown ")]
    if done.returncode != 0 or not shown:
        raise RuntimeError(f"window_probe {args[0]} failed ({done.returncode}): {done.stderr}")
    return float(shown[0].split()[1]) - started


def run(size: int | None = None) -> Result:
    orders = size or ORDERS
    rounds, warm_ups = (ROUNDS, 1) if size is None else (1, 0)  # resized: a smoke test
    platform = _platform()
    # An installed Dropdesk starts from compiled bytecode (pip and PyInstaller write it); a
    # checkout run with PYTHONDONTWRITEBYTECODE would recompile every module on every start.
    for package in ("core", "gui", "resources"):
        compileall.compile_dir(ROOT / package, quiet=1)
    with workspace("startup") as folder:
        ledger = folder / "ledger.sqlite"
        say(f"startup: writing a {orders:,}-order demo ledger…")
        made = make_demo_ledger(ledger, orders)
        bare, app = ["bare"], ["app", str(ledger)]
        say(f"startup: {warm_ups} warm-up and {rounds} measured starts of each…")
        floors: list[float] = []
        apps: list[float] = []
        for number in range(warm_ups + rounds):
            floor_s = _shown_after(bare, folder / f"home-bare-{number}", platform)
            app_s = _shown_after(app, folder / f"home-app-{number}", platform)
            if number >= warm_ups:  # a warm-up round fills the disk cache for both
                floors.append(floor_s)
                apps.append(app_s)
    app_s, floor_s = statistics.median(apps), statistics.median(floors)
    figures = {
        "app_s": round(app_s, 3),
        "floor_s": round(floor_s, 3),
        "ratio": round(app_s / floor_s, 2),
    }
    return Result(
        f"Start-up, {orders:,}-order ledger, process start to main window shown",
        figures,
        targets={"ratio": Target("<= 1.5", lambda f: f["ratio"] <= 1.5)},
        notes=[
            f"medians of {rounds} alternating starts after a warm-up; Qt platform: "
            f"{platform or 'default'}",
            "app: `dropdesk --ledger LEDGER` (core.cli.main) until its first frame is painted, "
            "the ledger table's rows included (the services attach after it)",
            "floor: an empty PySide6 QMainWindow of the same size, same Python, same probe",
            f"app runs, s: {', '.join(f'{s:.2f}' for s in apps)}; "
            f"floor runs, s: {', '.join(f'{s:.2f}' for s in floors)}",
            f"demo ledger written in {made:.0f} s (not counted)",
        ],
    )
