"""Crash safety of the CSV import: a process importing two large exports (one transaction each:
the second updates many orders of the first) is killed with SIGKILL at random moments and just
before its commits. After each kill SQLite finds no damage and the ledger holds the state before
the first import, after it, or after both; never half. Importing what is missing then gives
exactly the ledger of a clean run.

The same trials run on a PostgreSQL ledger (`crash_engine`; a sample of the kills by default,
all with the slow marker): its state is a row-level dump of every table, the trigram search
table is checked against its orders, and the rerun must give the clean run's rows.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.imports import import_shopify_csv
from core.imports.generate import generate_export
from tests.reliability.crash_checks import (
    drop,
    empty_ledger,
    fresh_copy,
    kill_moments,
    open_again,
    out_file,
    whole_state,
)
from tests.reliability.crash_harness import Child, Reference, count_kill, reference_run
from tests.reliability.fingerprint import Target, content_difference, content_fingerprint

ORDERS = 800  # per file: a few tenths of a second to import each
WORKERS = 2


@dataclass(frozen=True)
class Case:
    engine: str
    folder: Path
    template: Target
    files: tuple[Path, Path]
    reference: Reference
    clean: Target  # the ledger of the clean run
    final: str  # its content_fingerprint


@pytest.fixture(scope="module")
def case(
    tmp_path_factory: pytest.TempPathFactory, crash_engine: str, request: pytest.FixtureRequest
) -> Iterator[Case]:
    folder = tmp_path_factory.mktemp(f"crash-import-{crash_engine}")
    template = empty_ledger(crash_engine, folder, request)
    first, second = folder / "orders.csv", folder / "orders-later.csv"
    generate_export(first, orders=ORDERS, seed=11)
    changed = generate_export(second, orders=ORDERS, seed=11, revision=1).changed
    assert changed > 100  # the second import rewrites many orders the first one wrote
    files = (first, second)
    path, timed = fresh_copy(template), fresh_copy(template)
    reference = reference_run(
        "import", _params(path, files), _params(timed, files), out_file(folder, path)
    )
    assert len(set(reference.states)) == 3  # empty, first file, both files: all different
    yield Case(crash_engine, folder, template, files, reference, path, content_fingerprint(path))
    for made in (path, timed, template):
        drop(made)


def _params(path: Target, files: tuple[Path, ...]) -> dict[str, object]:
    return {"ledger": str(path), "files": [str(file) for file in files]}


Plan = tuple[str, float]  # ("at", seconds after READY) or ("near <n>", seconds after NEAR n)


def trial(case: Case, plan: Plan) -> bool:
    """Kill one import as planned, check the ledger, finish the work; True if it was a kill."""
    path = fresh_copy(case.template)
    try:
        child = Child("import", out_file(case.folder, path), _params(path, case.files))
        child.wait_for("READY")
        when, delay = plan
        if when.startswith("near"):
            child.wait_for(when.replace("near", "NEAR"))
        time.sleep(delay)
        killed = child.kill()
        reached = child.lines()
        states = case.reference.states
        state = whole_state(path, states, reached)

        ledger = open_again(path)
        try:
            unfinished = killed and "DONE" not in reached and state < len(case.files)
            if unfinished and isinstance(path, Path):
                assert ledger.unclean  # the next start knows to check the file
            for file in case.files[state:]:
                import_shopify_csv(ledger, file)
        finally:
            ledger.close()
        # exactly what a clean run leaves
        assert content_fingerprint(path) == case.final, content_difference(path, case.clean)
    finally:
        drop(path)
    if killed:
        count_kill(f"import ({case.engine})", f"state {state} of 0..{len(states) - 1}")
    return killed


def run_trials(case: Case, plans: list[Plan]) -> int:
    with ThreadPoolExecutor(WORKERS) as pool:
        return sum(pool.map(lambda plan: trial(case, plan), plans))


def plans(case: Case, moments: int, near_commit: int, rng: random.Random) -> list[Plan]:
    chosen: list[Plan] = [("at", t) for t in kill_moments(moments, case.reference.seconds, rng)]
    chosen += [(f"near {1 + i % 2}", rng.uniform(0.0, 0.004)) for i in range(near_commit)]
    rng.shuffle(chosen)
    return chosen


def test_killed_imports_leave_whole_states(case: Case) -> None:
    moments = 3 if case.engine == "sqlite" else 1  # the server's: a sample (slow: all)
    killed = run_trials(case, plans(case, moments, near_commit=2, rng=random.Random(5)))
    print(f"\nimport kill points: {killed} of {moments + 2} trials")
    assert killed >= moments


@pytest.mark.slow
def test_many_killed_imports_leave_whole_states(case: Case) -> None:
    seed = int(time.time())
    print(f"\nimport crash seed: {seed}")
    killed = run_trials(case, plans(case, moments=18, near_commit=8, rng=random.Random(seed)))
    print(f"import kill points: {killed} of 26 trials")
    assert killed >= 20
