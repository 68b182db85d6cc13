"""What every crash trial checks after its SIGKILL, whatever the job was."""

from __future__ import annotations

import random
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path

from core.ledger import check_integrity, open_ledger
from core.ledger.store import Ledger
from tests.reliability.fingerprint import fingerprint, search_index_problems

_opening = threading.Lock()  # Alembic's script machinery is process-global
_names = iter(range(1_000_000))


def fresh_copy(template: Path) -> Path:
    """A copy of a closed template ledger, under a new name beside it."""
    path = template.with_name(f"trial-{next(_names)}.sqlite")
    shutil.copyfile(template, path)
    return path


def open_again(path: Path) -> Ledger:
    with _opening:
        return open_ledger(path)


def whole_state(path: Path, states: Sequence[str], reached: Sequence[str]) -> int:
    """Check the killed ledger: SQLite finds no damage, the search index agrees with its
    content, and the ledger is in one of the reference states (before or after each
    transaction), never between. Returns which state.

    `reached` are the lines the child wrote before it died: every transaction it reported
    committed must be there (nothing lost), and none whose work it had not finished (nothing
    made up).
    """
    assert check_integrity(path, quick=False) == []
    assert search_index_problems(path) is None
    found = fingerprint(path)
    assert found in states, f"half a transaction: {found} is none of {list(states)}"
    state = states.index(found)
    committed = max(
        (int(line.split()[1]) for line in reached if line.startswith("COMMITTED")), default=0
    )
    assert state >= committed, f"committed transaction {committed} lost (state {state})"
    near = max((int(line.split()[1]) for line in reached if line.startswith("NEAR")), default=None)
    if near is not None:
        assert state <= near, f"state {state} although only {near} transactions were done"
    return state


def kill_moments(count: int, seconds: float, rng: random.Random) -> list[float]:
    """Random moments in a clean run of `seconds` (a busy machine stretches the trials, so
    they still fall inside the work)."""
    return [rng.uniform(0.0, seconds) for _ in range(count)]
