"""Crash safety of the cancel-everywhere workflow, checked at the moment of the kill.

tests/core/cancel/test_crash.py kills the workflow at every step point and at random moments
and proves a fresh process finishes the run with exactly one cancel or refund on Shopify. This
suite reuses its runner, fakes and checks, and adds what that one does not look at: the ledger
as the kill left it, before anything resumed. SQLite must find no damage; every cancellation's
state must be the one its journal's last transition names, with an unbroken chain of
transitions from "started"; and every refund to a customer must have its journal event (a
transition lands with its event and its money rows, or not at all).
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from core.cancel.states import State
from core.ledger import check_integrity
from tests.core.cancel.test_crash import (  # the runner, fakes and fixtures of the cancel suite
    SCENARIOS,
    Fakes,
    Spawn,
    discover,
    fakes,  # noqa: F401  (fixture)
    folder,  # noqa: F401  (fixture)
    forked,  # noqa: F401  (fixture)
    prepare,
    server,  # noqa: F401  (fixture)
    template,  # noqa: F401  (fixture)
    verify,
)
from tests.reliability.crash_harness import count_kill

WORKERS = 2
_STATES = {state.value for state in State}


@pytest.fixture(scope="module")
def clean_runs(
    forked: Spawn,  # noqa: F811
    fakes: Fakes,  # noqa: F811
    folder: Path,  # noqa: F811
    template: Path,  # noqa: F811
) -> dict[str, tuple[list[str], float]]:
    """Each scenario's step points and how long a clean run takes (forked, as the trials)."""
    return {scenario: discover(forked, fakes, folder, scenario) for scenario in SCENARIOS}


def journal_agrees(path: Path) -> int:
    """Check the ledger a kill left; returns how many transitions the run had made."""
    assert check_integrity(path, quick=False) == []
    with sqlite3.connect(path) as db:
        runs = db.execute("SELECT id, state FROM cancellation").fetchall()
        assert len(runs) <= 1
        if not runs:  # killed before the run was opened: nothing else may be there
            assert db.execute(
                "SELECT count(*) FROM event WHERE entity = 'cancellation'"
            ).fetchone() == (0,)
            assert db.execute("SELECT count(*) FROM refund").fetchone() == (0,)
            return 0
        ((run_id, state),) = runs
        events = db.execute(
            "SELECT kind, payload FROM event WHERE entity = 'cancellation' AND entity_id = ? "
            "ORDER BY id",
            (run_id,),
        ).fetchall()
        kinds = [kind.removeprefix("cancellation.") for kind, _ in events]
        assert kinds[0] == "started"
        at = State.CHECKING.value
        transitions = 0
        for kind, (_, payload) in zip(kinds[1:], events[1:], strict=True):
            if kind in _STATES:
                assert json.loads(payload)["from"] == at, (kinds, at)
                at = kind
                transitions += 1
        assert at == state, f"the run is at {state} but its journal ends at {at}"
        refunds = db.execute(
            "SELECT id FROM refund WHERE cancellation_id = ? AND direction = 'to_customer'",
            (run_id,),
        ).fetchall()
        journaled = db.execute(
            "SELECT entity_id FROM event WHERE kind = 'refund.issued_to_customer'"
        ).fetchall()
        assert sorted(refunds) == sorted(journaled)
    return transitions


Plan = tuple[str, str | None, float]  # scenario, step point to wait for (or None), then delay


def trial(spawn: Spawn, fakes: Fakes, folder: Path, plan: Plan) -> bool:  # noqa: F811
    """Kill one run as planned, check the ledger as left, resume and verify the end."""
    scenario, point, delay = plan
    run = prepare(fakes, folder, scenario)
    child = spawn(run)
    child.wait_for(f"POINT {point}" if point else "READY")
    time.sleep(delay)
    killed = child.kill(strict=False)  # False: the run had finished first
    transitions = journal_agrees(run.path)
    spawn(run, resume=True).finish()
    verify(fakes, run)  # one cancel or one refund on Shopify, the run done, the money right
    if killed:
        count_kill(f"cancel ({scenario})", f"after {transitions} transitions")
    return killed


def plans(clean_runs: dict[str, tuple[list[str], float]], count: int, seed: int) -> list[Plan]:
    """Half at random moments of the run's length; half a few milliseconds after a random
    step point, so the kills spread over the whole run whatever the machine's speed."""
    rng = random.Random(seed)
    chosen: list[Plan] = []
    for i in range(count):
        scenario = SCENARIOS[i % len(SCENARIOS)]
        points, seconds = clean_runs[scenario]
        if i % 4 < 2:
            chosen.append((scenario, None, rng.uniform(0.0, seconds * 1.5)))
        else:
            chosen.append((scenario, rng.choice(points[:-1]), rng.uniform(0.0, 0.03)))
    return chosen


def run_trials(
    spawn: Spawn,
    fakes: Fakes,  # noqa: F811
    folder: Path,  # noqa: F811
    chosen: list[Plan],
) -> int:
    with ThreadPoolExecutor(WORKERS) as pool:
        return sum(pool.map(lambda plan: trial(spawn, fakes, folder, plan), chosen))


@pytest.mark.slow
def test_killed_cancellations_leave_a_whole_journal(
    forked: Spawn,  # noqa: F811
    fakes: Fakes,  # noqa: F811
    folder: Path,  # noqa: F811
    clean_runs: dict[str, tuple[list[str], float]],
) -> None:
    seed = int(time.time())
    print(f"\ncancel crash seed: {seed}")
    killed = run_trials(forked, fakes, folder, plans(clean_runs, 24, seed))
    print(f"cancel kill points checked before resuming: {killed} of 24 trials")
    assert killed >= 16
