"""Start crash_child jobs, kill them with SIGKILL at chosen moments, and count the kills.

Children come from multiprocessing's fork server, which imports Dropdesk once (a fresh
interpreter costs two seconds or more per process on these machines); each child is still a
process of its own, with its own SQLite connections, killed like any other. Only kills that hit
a running child count as kill points; the tally is printed at the end of the session.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.reliability import crash_child

TIMEOUT = 90.0  # generous: other suites may be loading the machine

_CONTEXT = multiprocessing.get_context("forkserver")
# (psycopg and its dialect for the trials on PostgreSQL; the fork server skips what is missing)
_CONTEXT.set_forkserver_preload(
    ["tests.reliability.crash_child", "psycopg", "sqlalchemy.dialects.postgresql.psycopg"]
)

KILL_POINTS: Counter[str] = Counter()  # scenario -> kills that hit a running child
LANDED: Counter[str] = Counter()  # "scenario: where" -> kills that left the ledger there
_tally = threading.Lock()


def count_kill(scenario: str, where: str) -> None:
    """Count a kill that hit a running child and whose ledger passed every check."""
    with _tally:
        KILL_POINTS[scenario] += 1
        LANDED[f"{scenario}: {where}"] += 1


class Child:
    """One crash_child job in its own process; `out` collects the lines it reports."""

    def __init__(self, job: str, out: Path, params: dict[str, Any]) -> None:
        self.out = out
        out.unlink(missing_ok=True)
        self.process = _CONTEXT.Process(
            target=crash_child.run, args=(job, str(out), params), daemon=True
        )
        self.process.start()

    def lines(self) -> list[str]:
        try:
            return self.out.read_text().splitlines()
        except FileNotFoundError:
            return []

    def wait_for(self, prefix: str, timeout: float = TIMEOUT) -> list[str]:
        """Every line up to the first that starts with `prefix` (AssertionError if none comes)."""
        deadline = time.monotonic() + timeout
        while True:
            ended = not self.process.is_alive()
            lines = self.lines()
            for i, line in enumerate(lines):
                if line.startswith(prefix):
                    return lines[: i + 1]
                if line.startswith("ERROR"):
                    raise AssertionError(f"the child failed: {line}")
            if ended:
                raise AssertionError(f"the child ended before {prefix!r}: {lines[-5:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {prefix!r} within {timeout} s: {lines[-5:]}")
            time.sleep(0.002)

    def kill(self) -> bool:
        """SIGKILL now; True when the child was still at work (a kill point), False when it
        had already finished."""
        pid = self.process.pid
        assert pid is not None
        if self.process.is_alive():  # (a finished child's pid is never signalled)
            with contextlib.suppress(ProcessLookupError):  # ... unless it ends right now
                os.kill(pid, signal.SIGKILL)
        self.process.join(TIMEOUT)
        code = self.process.exitcode
        if code == -signal.SIGKILL:
            return True
        assert code == 0, f"the child failed ({code}): {self.lines()[-5:]}"
        return False

    def finish(self) -> list[str]:
        self.process.join(TIMEOUT)
        assert self.process.exitcode == 0, f"the child failed: {self.lines()[-5:]}"
        return self.lines()


@dataclass(frozen=True)
class Reference:
    """A clean run of a job: the ledger's state at every transaction boundary, in order, and
    how long the work takes from READY to DONE when nobody is recording states."""

    states: tuple[str, ...]
    seconds: float


def reference_run(
    job: str, params: dict[str, Any], timing_params: dict[str, Any], out: Path
) -> Reference:
    """Record the states of one clean run (`params`), then time another one on another
    copy (`timing_params`): hashing the ledger at every boundary slows the first down."""
    recorded = Child(job, out, {**params, "record": True})
    recorded.wait_for("READY")
    lines = recorded.finish()
    assert lines[-1] == "DONE", lines[-5:]
    states = tuple(line.split()[1] for line in lines if line.startswith("FP "))
    timed = Child(job, out.with_suffix(".timed"), timing_params)
    timed.wait_for("READY")
    started = time.monotonic()
    assert timed.finish()[-1] == "DONE"
    return Reference(states, time.monotonic() - started)


def kill_report() -> list[str]:
    """Lines for the terminal summary."""
    if not KILL_POINTS:
        return []
    total = sum(KILL_POINTS.values())
    lines = [f"crash suite: {total} kill points, every one left a sound ledger in a whole state"]
    lines += [f"  {scenario}: {count}" for scenario, count in sorted(KILL_POINTS.items())]
    lines += [f"  {where}: {count}" for where, count in sorted(LANDED.items(), key=_natural)]
    return lines


def _natural(item: tuple[str, int]) -> list[str | int]:
    """Sort "state 10" after "state 9"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", item[0])]
