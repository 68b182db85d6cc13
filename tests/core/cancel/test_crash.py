"""Crash test: a child process runs the workflow against the fakes (which live here, in the
parent) and is killed with SIGKILL at every step point, then at random moments; a fresh process
resumes and finishes. Shopify must have received exactly one cancel (or one refund), the ledger
must show the finished run with one refund to the customer, and SQLite must find no damage.

The step points are discovered from a clean run's trace (plain `python -m` processes), so a new
intent point is covered as soon as it exists. The kill trials fork their processes from
crash_runner's fork server, which has the imports done already (a fresh interpreter costs 2 s
or more per process on these machines); one trial per scenario also uses fresh interpreters.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

import pytest
from graphql import GraphQLSchema

from core.ledger import check_integrity, open_ledger
from tests.core.cancel.crash_runner import AE_TOKEN, CRASH_AT
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, Seeded, SelfFinishingJobs, seed
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify

ROOT = Path(__file__).resolve().parents[3]
RUNNER = "tests.core.cancel.crash_runner"
SCENARIOS = ("cancel", "refund")
WORKERS = 3
TEMPLATE = "template.sqlite"
TIMEOUT = 60.0  # generous: other test suites may be loading the machine


@dataclass
class Fakes:
    shop: FakeShopify
    ae: FakeAliExpress
    token: str


@dataclass
class Trial:
    scenario: str
    path: Path
    orders: Seeded
    trace: list[str] = field(default_factory=list)


_names = iter(range(1_000_000))
_seeding = threading.Lock()  # one writer per fake order counter, one template copy at a time


def prepare(fakes: Fakes, folder: Path, scenario: str) -> Trial:
    """A copy of a freshly migrated ledger (the `template` fixture) with a linked pair of
    orders, and their counterparts in the fakes."""
    with _seeding:
        path = folder / f"ledger-{next(_names)}.sqlite"
        with sqlite3.connect(folder / TEMPLATE) as source, sqlite3.connect(path) as target:
            source.backup(target)
        ledger = open_ledger(path)  # Alembic's context is process-global: under the lock
        try:
            paid = datetime.now(UTC) - timedelta(days=2)
            refund = scenario == "refund"
            orders = seed(ledger, fakes.shop.state, fakes.ae, paid_at=paid, fulfilled=refund)
        finally:
            ledger.close()
    if scenario == "refund":  # shipped at the supplier and fulfilled on Shopify
        fakes.ae.ship(orders.external_order_id, f"LP{orders.external_order_id}")
    return Trial(scenario, path, orders)


def runner_argv(fakes: Fakes, trial: Trial, *, resume: bool) -> list[str]:
    argv = [
        "--ledger",
        str(trial.path),
        "--shop-url",
        fakes.shop.url,
        "--ae-url",
        fakes.ae.base_url,
        "--supplier-order-id",
        str(trial.orders.supplier_order_id),
    ]
    return [*argv, "--resume"] if resume else argv


class Proc(Protocol):
    def wait_for(self, prefix: str) -> list[str]: ...
    def kill(self, *, strict: bool = True) -> bool:
        """SIGKILL; False if the run had ended by itself first (an error when strict)."""
        ...

    def finish(self) -> list[str]: ...


class Fresh:
    """A crash_runner in a fresh interpreter (`python -m`)."""

    def __init__(self, fakes: Fakes, trial: Trial, *, crash_at: str | None, resume: bool) -> None:
        env = {**os.environ, AE_TOKEN: fakes.token}
        env.pop(CRASH_AT, None)
        if crash_at:
            env[CRASH_AT] = crash_at
        self.process = subprocess.Popen(
            [sys.executable, "-m", RUNNER, *runner_argv(fakes, trial, resume=resume)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, prefix: str) -> list[str]:
        seen: list[str] = []
        while True:
            line = self.lines.get(timeout=TIMEOUT)
            if line is None:
                raise AssertionError(f"the runner ended before {prefix!r}: {seen[-8:]}")
            seen.append(line)
            if line.startswith(prefix):
                return seen

    def kill(self, *, strict: bool = True) -> bool:
        self.process.send_signal(signal.SIGKILL)  # (Popen does nothing once it has reaped)
        code = self.process.wait(timeout=TIMEOUT)
        assert code == -signal.SIGKILL or (not strict and code == 0), code
        return code == -signal.SIGKILL

    def finish(self) -> list[str]:
        seen = self.wait_for("FINISHED")
        assert self.process.wait(timeout=TIMEOUT) == 0
        return seen


class ForkServer:
    """Talks to `crash_runner --serve`: spawn a trial process, learn its pid and exit code."""

    def __init__(self, token: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", RUNNER, "--serve"],
            cwd=ROOT,
            env={**os.environ, AE_TOKEN: token},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.ready = threading.Event()
        self.changed = threading.Condition()
        self.pids: dict[int, int] = {}
        self.exits: dict[int, int] = {}
        self.kills: dict[int, str] = {}
        self.sending = threading.Lock()
        self.ids = iter(range(1_000_000))
        threading.Thread(target=self._read, daemon=True).start()
        assert self.ready.wait(TIMEOUT), "the fork server did not start"

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            word, *rest = line.split()
            with self.changed:
                if word == "SERVING":
                    self.ready.set()
                elif word == "PID":
                    self.pids[int(rest[0])] = int(rest[1])
                elif word == "EXIT":
                    self.exits[int(rest[0])] = int(rest[1])
                elif word in ("KILLED", "GONE"):
                    self.kills[int(rest[0])] = word
                self.changed.notify_all()

    def spawn(self, argv: list[str], env: dict[str, str], out: Path) -> int:
        request_id = next(self.ids)
        request = {"id": request_id, "argv": argv, "env": env, "out": str(out)}
        with self.sending:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
        with self.changed:
            assert self.changed.wait_for(lambda: request_id in self.pids, TIMEOUT)
            return self.pids[request_id]

    def kill(self, pid: int) -> bool:
        """SIGKILL one of the server's children; False when it had ended already."""
        with self.sending:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps({"kill": pid}) + "\n")
            self.process.stdin.flush()
        with self.changed:
            assert self.changed.wait_for(lambda: pid in self.kills, TIMEOUT)
            return self.kills[pid] == "KILLED"

    def exit_code(self, pid: int, timeout: float | None = TIMEOUT) -> int | None:
        with self.changed:
            self.changed.wait_for(lambda: pid in self.exits, timeout)
            return self.exits.get(pid)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=TIMEOUT)


class Forked:
    """A crash_runner forked by the fork server; its output goes to a file next to the ledger."""

    def __init__(
        self, server: ForkServer, fakes: Fakes, trial: Trial, *, crash_at: str | None, resume: bool
    ) -> None:
        self.server = server
        self.out = trial.path.with_name(f"{trial.path.stem}-{next(_names)}.out")
        env = {CRASH_AT: crash_at} if crash_at else {}
        self.pid = server.spawn(runner_argv(fakes, trial, resume=resume), env, self.out)

    def _lines(self) -> list[str]:
        try:
            return self.out.read_text().splitlines()
        except FileNotFoundError:
            return []

    def wait_for(self, prefix: str) -> list[str]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            ended = self.server.exit_code(self.pid, timeout=0) is not None
            lines = self._lines()
            for i, line in enumerate(lines):
                if line.startswith(prefix):
                    return lines[: i + 1]
            if ended:
                raise AssertionError(f"the runner ended before {prefix!r}: {lines[-8:]}")
            time.sleep(0.01)
        raise AssertionError(f"no {prefix!r} within {TIMEOUT} s: {self._lines()[-8:]}")

    def kill(self, *, strict: bool = True) -> bool:
        self.server.kill(self.pid)  # it may end by itself while the signal is on its way
        code = self.server.exit_code(self.pid)
        killed = code == -signal.SIGKILL
        assert killed or (not strict and code == 0), code
        return killed

    def finish(self) -> list[str]:
        seen = self.wait_for("FINISHED")
        assert self.server.exit_code(self.pid) == 0
        return seen


Spawn = Callable[..., Proc]


@pytest.fixture(scope="module")
def fakes(shopify_schema: GraphQLSchema) -> Iterator[Fakes]:
    with FakeShopify(shopify_schema) as shop, FakeAliExpress() as ae:
        # Real Shopify finishes a cancel job whether or not anyone polls it.
        shop.state = SelfFinishingJobs(shop.domain, job_delay=0.2)
        yield Fakes(shop, ae, str(ae.grant()["access_token"]))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("crash")


@pytest.fixture(scope="module")
def template(folder: Path) -> Path:
    path = folder / TEMPLATE
    open_ledger(path).close()
    return path


@pytest.fixture(scope="module")
def server(fakes: Fakes) -> Iterator[ForkServer]:
    forks = ForkServer(fakes.token)
    yield forks
    forks.close()


@pytest.fixture(scope="module")
def forked(server: ForkServer, fakes: Fakes) -> Spawn:
    def spawn(trial: Trial, *, crash_at: str | None = None, resume: bool = False) -> Proc:
        return Forked(server, fakes, trial, crash_at=crash_at, resume=resume)

    return spawn


@pytest.fixture(scope="module")
def fresh(fakes: Fakes) -> Spawn:
    def spawn(trial: Trial, *, crash_at: str | None = None, resume: bool = False) -> Proc:
        return Fresh(fakes, trial, crash_at=crash_at, resume=resume)

    return spawn


def verify(fakes: Fakes, trial: Trial) -> None:
    """Exactly one cancel or refund reached Shopify, and the ledger shows the finished run."""
    assert trial.orders.shop_order is not None
    gid = trial.orders.shop_order.gid
    with fakes.shop.state.lock:
        cancels = [r for r in fakes.shop.state.cancel_requests if r["orderId"] == gid]
        refunds = [r for r in fakes.shop.state.refunds if r.order_gid == gid]
        keys = {r["key"] for r in fakes.shop.state.refund_requests if r["input"]["orderId"] == gid}
    with sqlite3.connect(f"file:{trial.path}?mode=ro", uri=True) as db:
        ((run_id, state, key),) = db.execute(
            "SELECT id, state, refund_idempotency_key FROM cancellation"
        ).fetchall()
        rows = db.execute(
            "SELECT direction, amount_minor, state FROM refund WHERE cancellation_id = ?",
            (run_id,),
        ).fetchall()
    to_customer = [(amount, st) for direction, amount, st in rows if direction == "to_customer"]
    from_supplier = [st for direction, _, st in rows if direction == "from_supplier"]
    assert state == "done", trial.trace[-3:]
    assert to_customer == [(ORDER_TOTAL_MINOR, "issued")], trial.trace[-3:]
    if trial.scenario == "cancel":
        assert len(cancels) == 1 and refunds == [], trial.trace[-3:]
        assert trial.orders.shop_order.cancelled_at is not None
        assert from_supplier == ["received"]
    else:
        assert cancels == [] and len(refunds) == 1, trial.trace[-3:]
        assert keys == {key}
        assert from_supplier == []
    assert check_integrity(trial.path, quick=False) == []


def kill_at_point(spawn: Spawn, fakes: Fakes, folder: Path, scenario: str, point: str) -> None:
    trial = prepare(fakes, folder, scenario)
    child = spawn(trial, crash_at=point)
    trial.trace = child.wait_for(f"AT {point}")
    child.kill()
    spawn(trial, resume=True).finish()
    verify(fakes, trial)


def kill_at_random(spawn: Spawn, fakes: Fakes, folder: Path, scenario: str, delay: float) -> str:
    """Kill after `delay` seconds; returns the state the killed run was left in ("" when the
    run had finished first)."""
    trial = prepare(fakes, folder, scenario)
    child = spawn(trial)
    child.wait_for("READY")
    time.sleep(delay)
    left = ""
    if child.kill(strict=False):
        left = stored_state(trial.path) or "(not started)"
    spawn(trial, resume=True).finish()
    verify(fakes, trial)
    return left


def stored_state(path: Path) -> str | None:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        row = db.execute("SELECT state FROM cancellation").fetchone()
    return None if row is None else str(row[0])


def discover(spawn: Spawn, fakes: Fakes, folder: Path, scenario: str) -> tuple[list[str], float]:
    """The step points of a clean run, in order, and how long the run took."""
    trial = prepare(fakes, folder, scenario)
    child = spawn(trial)
    child.wait_for("READY")
    started = time.monotonic()
    lines = child.finish()
    elapsed = time.monotonic() - started
    verify(fakes, trial)
    points = [line.removeprefix("POINT ") for line in lines if line.startswith("POINT ")]
    return list(dict.fromkeys(points)), elapsed


@pytest.fixture(scope="module")
def points(
    fresh: Spawn, fakes: Fakes, folder: Path, template: Path
) -> dict[str, tuple[list[str], float]]:
    return {scenario: discover(fresh, fakes, folder, scenario) for scenario in SCENARIOS}


def test_the_clean_runs_pass_every_intent_point(
    points: dict[str, tuple[list[str], float]],
) -> None:
    cancel, _ = points["cancel"]
    refund, _ = points["refund"]
    for point in (
        "state:shop_cancel_sent",  # intent written, orderCancel not sent yet
        "shop_cancel:answered",  # Shopify answered, its job id not stored yet
        "shop_cancel:job_saved",
        "shop_cancel:job_done",  # the job is done, the order not re-read yet
        "state:shop_cancelled",
    ):
        assert point in cancel
    assert cancel.index("state:shop_cancel_sent") < cancel.index("shop_cancel:answered")
    for point in (
        "shop_refund:key_saved",  # key stored, intent not written yet
        "state:shop_refund_sent",  # intent written, refundCreate not sent yet
        "shop_refund:answered",  # refunded, not recorded yet
        "state:shop_refunded",
    ):
        assert point in refund
    assert refund.index("shop_refund:key_saved") < refund.index("state:shop_refund_sent")


def intent_window(points: list[str]) -> list[str]:
    """The points around the external calls: from the first intent (the refund key, or the
    cancel's intent record) to the recorded outcome on Shopify, both included."""
    starts = [p for p in ("shop_refund:key_saved", "state:shop_cancel_sent") if p in points]
    ends = [p for p in ("state:shop_refunded", "state:shop_cancelled") if p in points]
    return points[points.index(starts[0]) : points.index(ends[0]) + 1]


def kill_everywhere(
    spawn: Spawn, fakes: Fakes, folder: Path, trials: list[tuple[str, str]]
) -> None:
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(lambda t: kill_at_point(spawn, fakes, folder, *t), trials))


def test_kill_at_every_intent_point_then_resume(
    forked: Spawn, fakes: Fakes, folder: Path, points: dict[str, tuple[list[str], float]]
) -> None:
    trials = [(s, p) for s in SCENARIOS for p in intent_window(points[s][0])]
    kill_everywhere(forked, fakes, folder, trials)
    print(f"\nintent points killed at: {len(trials)}: {trials}")
    assert len(trials) == 9


@pytest.mark.slow
def test_kill_at_every_other_step_point_then_resume(
    forked: Spawn, fakes: Fakes, folder: Path, points: dict[str, tuple[list[str], float]]
) -> None:
    """The transitions without an external call (each its own transaction)."""
    trials = [
        (s, p) for s in SCENARIOS for p in points[s][0] if p not in intent_window(points[s][0])
    ]
    kill_everywhere(forked, fakes, folder, trials)
    print(f"\nother step points killed at: {len(trials)}")
    assert len(trials) >= 12


@pytest.mark.parametrize(
    ("scenario", "point"),
    [
        ("cancel", "shop_cancel:answered"),
        pytest.param("refund", "shop_refund:answered", marks=pytest.mark.slow),
    ],
)
def test_kill_in_a_fresh_interpreter(
    fresh: Spawn, fakes: Fakes, folder: Path, template: Path, scenario: str, point: str
) -> None:
    """The same as above without the fork server: plain processes from start to end."""
    kill_at_point(fresh, fakes, folder, scenario, point)


def random_trials(
    spawn: Spawn,
    fakes: Fakes,
    folder: Path,
    points: dict[str, tuple[list[str], float]],
    count: int,
    seed_: int,
) -> None:
    rng = random.Random(seed_)
    plan = [
        (scenario, rng.uniform(0.0, points[scenario][1] * 1.1))
        for _ in range(count // len(SCENARIOS))
        for scenario in SCENARIOS
    ]
    with ThreadPoolExecutor(WORKERS) as pool:
        left = list(pool.map(lambda t: kill_at_random(spawn, fakes, folder, *t), plan))
    killed = Counter(state for state in left if state)
    print(f"\nrandom kills: {len(plan)} trials, {sum(killed.values())} killed mid-run: {killed}")


def test_kill_at_random_moments_then_resume(
    forked: Spawn, fakes: Fakes, folder: Path, points: dict[str, tuple[list[str], float]]
) -> None:
    random_trials(forked, fakes, folder, points, 2, seed_=7)


@pytest.mark.slow
def test_many_random_kills(
    forked: Spawn, fakes: Fakes, folder: Path, points: dict[str, tuple[list[str], float]]
) -> None:
    seed_ = int(os.environ.get("DROPDESK_CRASH_SEED") or time.time())
    print(f"\nrandom kill seed: {seed_}")
    random_trials(forked, fakes, folder, points, 60, seed_)
