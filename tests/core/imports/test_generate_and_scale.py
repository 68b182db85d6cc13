"""The export generator, and imports at scale: memory flat, 100,000 lines."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from core.imports import import_shopify_csv
from core.imports.generate import EXCEL_DE, generate_export
from core.ledger import Ledger, open_ledger
from tests.core.imports.conftest import count, orders_in

ROOT = Path(__file__).parents[3]


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = generate_export(tmp_path / "a.csv", orders=300, seed=5)
    second = generate_export(tmp_path / "b.csv", orders=300, seed=5)
    other = generate_export(tmp_path / "c.csv", orders=300, seed=6)

    assert first == second and first.orders == 300 and 300 < first.rows <= 900
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.csv").read_bytes() != (tmp_path / "c.csv").read_bytes()
    assert other.ae_numbers > 0


def test_rows_budget_is_exact(tmp_path: Path) -> None:
    made = generate_export(tmp_path / "a.csv", rows=1_001, seed=1)
    assert made.rows == 1_001


def test_revision_changes_exactly_what_it_says(ledger: Ledger, tmp_path: Path) -> None:
    old = generate_export(tmp_path / "old.csv", rows=2_000, seed=8)
    new = generate_export(tmp_path / "new.csv", rows=2_000, seed=8, revision=1)
    import_shopify_csv(ledger, tmp_path / "old.csv")
    summary = import_shopify_csv(ledger, tmp_path / "new.csv")

    assert new.changed > 0
    assert summary.as_dict() == {
        "added": 0,
        "updated": new.changed,
        "unchanged": old.orders - new.changed,
        "refused": [],
    }
    assert count(ledger, "supplier_order") == old.ae_numbers


def test_numbers_found_over_many_link_batches_are_linked_and_indexed_once(
    ledger: Ledger, tmp_path: Path
) -> None:
    """More AliExpress numbers than one link batch (500) and orders than one upsert chunk: each
    becomes one supplier order, one event and one search row."""
    made = generate_export(tmp_path / "a.csv", rows=6_000, seed=4)
    summary = import_shopify_csv(ledger, tmp_path / "a.csv")

    assert made.ae_numbers > 1_000 and summary.linked == made.ae_numbers
    assert count(ledger, "supplier_order") == made.ae_numbers
    assert count(ledger, "supplier_order_search") == made.ae_numbers
    with ledger.engine.connect() as connection:
        unindexed = connection.exec_driver_sql(
            "SELECT count(*) FROM supplier_order AS so JOIN customer_order AS co"
            " ON co.id = so.customer_order_id WHERE so.id NOT IN"
            " (SELECT rowid FROM supplier_order_search WHERE order_name = co.name)"
        ).scalar_one()
        events = connection.exec_driver_sql(
            "SELECT count(*) FROM event WHERE kind = 'ae_order_linked'"
        ).scalar_one()
    assert (unindexed, events) == (0, made.ae_numbers)


def test_shopify_and_german_excel_styles_import_alike(tmp_path: Path) -> None:
    generate_export(tmp_path / "a.csv", orders=400, seed=2)
    generate_export(tmp_path / "b.csv", orders=400, seed=2, style=EXCEL_DE)
    results = []
    for name in ("a", "b"):
        ledger = open_ledger(tmp_path / f"{name}.sqlite")
        try:
            assert import_shopify_csv(ledger, tmp_path / f"{name}.csv").added == 400
            results.append(orders_in(ledger))
        finally:
            ledger.close()

    assert results[0] == results[1]


def test_memory_stays_flat_as_files_grow(tmp_path: Path) -> None:
    peaks = []
    for rows in (3_000, 12_000):
        generate_export(tmp_path / f"{rows}.csv", rows=rows, seed=3)
        ledger = open_ledger(tmp_path / f"{rows}.sqlite")
        tracemalloc.start()
        try:
            import_shopify_csv(ledger, tmp_path / f"{rows}.csv")
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
            ledger.close()

    assert peaks[1] < peaks[0] * 1.5, peaks  # four times the rows, not four times the memory


# VmHWM, not ru_maxrss: on Linux a child's ru_maxrss starts at its parent's peak (pytest's).
_MEASURE = """
import json, sys, time
from pathlib import Path
from core.imports import import_shopify_csv
from core.ledger import open_ledger
def peak_kb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
ledger = open_ledger(Path(sys.argv[1]))
before = peak_kb()
runs = []
for export in sys.argv[2:]:
    started = time.perf_counter()
    summary = import_shopify_csv(ledger, Path(export))
    runs.append({"seconds": round(time.perf_counter() - started, 2), **summary.as_dict()})
after = peak_kb()
print(json.dumps({"rss_before_kb": before, "rss_peak_kb": after, "runs": runs}))
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_100k_line_export(tmp_path: Path) -> None:
    """Imports a 100,000-line export, then a newer one, in a fresh process (for honest RSS)."""
    made = generate_export(tmp_path / "old.csv", rows=100_000, seed=42)
    newer = generate_export(tmp_path / "new.csv", rows=100_000, seed=42, revision=1)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _MEASURE,
            str(tmp_path / "l.sqlite"),
            str(tmp_path / "old.csv"),
            str(tmp_path / "new.csv"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report = json.loads(result.stdout)
    growth_mb = (report["rss_peak_kb"] - report["rss_before_kb"]) / 1024
    first, second = report["runs"]
    print(
        f"\n100k lines: {first['seconds']} s, re-import {second['seconds']} s, "
        f"peak RSS {report['rss_peak_kb'] / 1024:.0f} MB (+{growth_mb:.0f} MB while importing)"
    )

    assert (first["added"], first["refused"]) == (made.orders, [])
    assert (second["added"], second["updated"]) == (0, newer.changed)
    assert growth_mb < 100
