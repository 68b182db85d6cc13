"""Smoke test of the benchmarks: each runs at a tiny size and prints exactly its JSON keys.

The figures themselves are not asserted (they are goals, measured on purpose-sized data by
`python -m bench NAME`); what must not break is that every benchmark runs, cleans up after
itself and prints the one JSON object with the keys the benchmarks issue lists.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.table import PG_KEYS, available_on_postgresql

ROOT = Path(__file__).resolve().parents[1]
KEYS = {
    "startup": ["app_s", "floor_s", "ratio"],
    "table": ["open_s", "search_ms", "sort_ms", "scroll_ms", "tick_ms_1k", "tick_ms_1m", "rss_mb"],
    "import": ["import_s", "floor_s", "ratio", "peak_rss_mb"],
    "sync": ["sync_s", "bound_s", "ratio"],
    "demo": ["seconds"],
}
if available_on_postgresql():  # the same window on a server ledger
    KEYS["table"] = [*KEYS["table"], *PG_KEYS]
TINY = {"startup": 300, "table": 1000, "import": 2000, "sync": 120, "demo": 300}


class Run:
    def __init__(self, name: str, args: list[str], temp: Path) -> None:
        temp.mkdir()
        self.temp = temp
        # the checkout first; then what the test itself runs with (where psycopg may be)
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": path}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench", name, *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def result(self) -> tuple[int, str, str]:
        out, err = self.process.communicate(timeout=180)
        return self.process.returncode, out, err


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    """Every benchmark at once (they spend most of their time waiting on children and sleeps)."""
    base = tmp_path_factory.mktemp("bench")
    started = {
        name: Run(name, ["--json", "--size", str(size)], base / name) for name, size in TINY.items()
    }
    started["demo-table"] = Run("demo", ["--size", "50"], base / "demo-table")
    yield started
    for run in started.values():
        if run.process.poll() is None:
            run.process.kill()
            run.process.communicate()


@pytest.mark.parametrize("name", list(KEYS))
def test_prints_one_json_object_with_exactly_its_keys(runs: dict[str, Run], name: str) -> None:
    code, out, err = runs[name].result()
    assert code == 0, err
    figures = json.loads(out)  # the whole of stdout: one object, nothing else
    assert isinstance(figures, dict)
    assert list(figures) == KEYS[name]
    for key, value in figures.items():
        assert isinstance(value, int | float) and math.isfinite(value) and value >= 0, key
    left = [path.name for path in runs[name].temp.iterdir()]
    assert not [n for n in left if n.startswith("dropdesk-bench-")]  # it cleaned up


def test_prints_a_table_for_people(runs: dict[str, Run]) -> None:
    code, out, err = runs["demo-table"].result()
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Demo ledger of 50 orders"
    assert any(line.split()[:1] == ["seconds"] and "<= 60 s" in line for line in lines)
