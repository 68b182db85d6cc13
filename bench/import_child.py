"""Child process of the import benchmark, so that each side's peak memory is its own.

`python -m bench.import_child dropdesk LEDGER CSV`: import_shopify_csv into a new ledger.
`python -m bench.import_child floor DB CSV`: the csv module and executemany of the same records
into one table of text columns, in one transaction, with the ledger's journal settings.
Either prints one JSON object: seconds (the import alone, not opening the database), the CPU
seconds the process spent meanwhile (steadier than wall time on a shared machine), the peak
resident memory before and after, and what was written.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import time
from pathlib import Path

from bench.memory import peak_rss_mb


def dropdesk(ledger_path: Path, export: Path) -> dict[str, object]:
    from core.imports import import_shopify_csv
    from core.ledger import open_ledger

    ledger = open_ledger(ledger_path)
    try:
        before = peak_rss_mb()
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = import_shopify_csv(ledger, export)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    finally:
        ledger.close()
    if summary.refused:
        raise SystemExit(f"the import refused {len(summary.refused)} orders: {summary.refused[0]}")
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "rss_before_mb": before,
        "peak_rss_mb": peak_rss_mb(),
        "written": summary.added,
    }


def floor(db_path: Path, export: Path) -> dict[str, object]:
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        with export.open(encoding="utf-8-sig", newline="") as source:
            width = len(next(csv.reader(source)))
        columns = ", ".join(f"c{i} TEXT" for i in range(width))
        connection.execute(f"CREATE TABLE export ({columns})")
        insert = f"INSERT INTO export VALUES ({', '.join('?' * width)})"
        before = peak_rss_mb()
        started, cpu_started = time.perf_counter(), time.process_time()
        with export.open(encoding="utf-8-sig", newline="") as source:
            records = csv.reader(source)
            next(records)
            connection.execute("BEGIN")
            connection.executemany(insert, records)
            connection.execute("COMMIT")
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        written = connection.execute("SELECT count(*) FROM export").fetchone()[0]
    finally:
        connection.close()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "rss_before_mb": before,
        "peak_rss_mb": peak_rss_mb(),
        "written": written,
    }


if __name__ == "__main__":
    kind, target, export = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    print(json.dumps((dropdesk if kind == "dropdesk" else floor)(target, export)))
