"""What every crash trial checks after its SIGKILL, whatever the job was.

A trial's ledger is a file or (the same trials on the other engine) a database on the test
PostgreSQL cluster, named by its postgresql:// address; copies of a server template are made
with CREATE DATABASE ... TEMPLATE and dropped with `drop`.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload

import pytest

from core.ledger import check_integrity, open_ledger
from core.ledger.server import open_server_ledger
from core.ledger.server_address import is_server_address, parse
from core.ledger.store import Ledger
from tests.reliability.fingerprint import Target, fingerprint, search_index_problems

_opening = threading.Lock()  # Alembic's script machinery is process-global
_names = iter(range(1_000_000))


@overload
def fresh_copy(template: Path) -> Path: ...
@overload
def fresh_copy(template: str) -> str: ...
def fresh_copy(template: Target) -> Target:
    """A copy of a closed template ledger, under a new name beside it (on a server: a new
    database copied from the template database)."""
    if is_server_address(template):
        address = parse(str(template))
        name = f"{address.database}_trial_{next(_names)}"
        with _admin(str(template)) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{address.database}"')
        return dataclasses.replace(address, database=name).url
    assert isinstance(template, Path)
    path = template.with_name(f"trial-{next(_names)}.sqlite")
    shutil.copyfile(template, path)
    return path


def empty_ledger(engine: str, folder: Path, request: pytest.FixtureRequest) -> Target:
    """A migrated, empty, closed ledger to copy: a file in `folder`, or a database copied from
    the session's PostgreSQL template (`pg_template`)."""
    if engine == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        return fresh_copy(cluster.local_url(request.getfixturevalue("pg_template")))
    template = folder / "template.sqlite"
    open_ledger(template).close()
    return template


def drop(target: Target) -> None:
    """Remove a server ledger made by `fresh_copy` (a file stays with its temporary folder)."""
    if is_server_address(target):
        with _admin(str(target)) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{parse(str(target)).database}" WITH (FORCE)')


def _admin(url: str) -> Any:
    import psycopg

    return psycopg.connect(url, dbname="postgres", autocommit=True)


def out_file(folder: Path, target: Target) -> Path:
    """Where the child working on `target` reports."""
    name = parse(target).database if isinstance(target, str) else target.stem
    return folder / f"{name}.out"


def open_again(target: Target) -> Ledger:
    with _opening:
        if is_server_address(target):
            return open_server_ledger(parse(str(target)), None)
        return open_ledger(target)


def whole_state(path: Target, states: Sequence[str], reached: Sequence[str]) -> int:
    """Check the killed ledger: SQLite finds no damage (a server checks its own pages), the
    search index agrees with its content, and the ledger is in one of the reference states
    (before or after each transaction), never between. Returns which state.

    `reached` are the lines the child wrote before it died: every transaction it reported
    committed must be there (nothing lost), and none whose work it had not finished (nothing
    made up).
    """
    if isinstance(path, Path):
        assert check_integrity(path, quick=False) == []
    else:
        _wait_until_unused(path)
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


def _wait_until_unused(url: str, timeout: float = 30.0) -> None:
    """Until the killed child's server session has ended: a COMMIT it sent just before its
    death is then applied or not, for good, before the state is read."""
    database = parse(url).database
    deadline = time.monotonic() + timeout
    with _admin(url) as admin:
        while admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (database,)
        ).fetchone()[0]:
            assert time.monotonic() < deadline, f"{database}: the killed session lingers"
            time.sleep(0.005)


def kill_moments(count: int, seconds: float, rng: random.Random) -> list[float]:
    """Random moments in a clean run of `seconds` (a busy machine stretches the trials, so
    they still fall inside the work)."""
    return [rng.uniform(0.0, seconds) for _ in range(count)]
