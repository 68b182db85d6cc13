"""`import`: a generated 100,000-line Shopify orders export into a new ledger, beside the floor:
the same file read with the csv module and executemany'd into one empty SQLite table.

(The module is not called `import`, which is a keyword, nor `csv`, which would shadow the
standard library's module inside this package.) Each side runs in its own child process
(bench/import_child.py), so its peak resident memory (VmHWM) is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.report import Result, at_most
from bench.workspace import ROOT, child_env, say, workspace
from core.imports.generate import generate_export

LINES = 100_000
SEED = 42


def _child(kind: str, target: Path, export: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.import_child", kind, str(target), str(export)],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"import_child {kind} failed ({done.returncode}): {done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def run(size: int | None = None) -> Result:
    lines = size or LINES
    with workspace("import") as folder:
        export = folder / "orders_export.csv"
        say(f"import: writing a {lines:,}-line export…")
        started = time.monotonic()
        made = generate_export(export, rows=lines, seed=SEED)
        generated_s = time.monotonic() - started
        megabytes = export.stat().st_size / 1e6
        say("import: the floor (csv + executemany)…")
        floor = _child("floor", folder / "floor.sqlite", export)
        say("import: Dropdesk's import…")
        mine = _child("dropdesk", folder / "ledger.sqlite", export)
    if mine["written"] != made.orders or floor["written"] != made.rows:
        raise RuntimeError(f"wrote {mine['written']} orders / {floor['written']} rows, made {made}")
    import_s, floor_s = mine["seconds"], floor["seconds"]
    figures = {
        "import_s": round(import_s, 2),
        "floor_s": round(floor_s, 2),
        "ratio": round(import_s / floor_s, 2),
        "peak_rss_mb": round(mine["peak_rss_mb"], 1),
    }
    return Result(
        f"Import of a {lines:,}-line Shopify export ({made.orders:,} orders, {megabytes:.0f} MB)",
        figures,
        targets=dict([at_most("ratio", 2.5)]),
        notes=[
            "import_s: core.imports.import_shopify_csv into a new ledger (opening it not counted)",
            "floor_s: csv.reader + executemany of every record into one table of text columns, "
            "one transaction, WAL and synchronous=NORMAL like the ledger",
            f"peak_rss_mb: the importing process's peak (VmHWM); it was "
            f"{mine['rss_before_mb']:.0f} MB before the import began (the floor's peak: "
            f"{floor['peak_rss_mb']:.0f} MB)",
            f"CPU time (steadier than wall time when other work shares the machine): import "
            f"{mine['cpu_seconds']:.2f} s, floor {floor['cpu_seconds']:.2f} s, ratio "
            f"{mine['cpu_seconds'] / floor['cpu_seconds']:.2f}",
            f"the export was generated in {generated_s:.0f} s (not counted)",
        ],
    )
