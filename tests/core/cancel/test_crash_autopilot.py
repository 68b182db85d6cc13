"""Crash test of the autopilot: the merchant's two actions are taken here (start with the
decision, "I have done it" on AliExpress), the supplier accepts in the fake AliExpress, and a
child process lets the autopilot finish the run: status watch, Shopify cancel (or refund, as
decided), supplier refund detected. The child is SIGKILLed at every step point of a clean run
(the autopilot's intent points among them), a fresh process resumes, and Shopify must have
received exactly one cancel or one refund, with the ledger showing the finished run."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from graphql import GraphQLSchema

from core.cancel.autopilot import APPLY_STATUS, SHOP_CANCEL, SHOP_REFUND, Autopilot
from core.cancel.decision import Decision, ShopAction
from core.cancel.workflow import CancelWorkflow
from core.ledger import check_integrity, open_ledger
from core.ledger.types import Fault, Reason
from tests.core.cancel.crash_runner import CRASH_AT
from tests.core.cancel.test_crash import (
    TEMPLATE,
    Fakes,
    Forked,
    ForkServer,
    Trial,
    runner_argv,
)
from tests.core.cancel.wiring import (
    ORDER_TOTAL_MINOR,
    SelfFinishingJobs,
    seed,
    shop_port,
    supplier_port,
)
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify

SCENARIOS = ("cancel", "refund")
WORKERS = 3
_names = iter(range(1_000_000))
_seeding = threading.Lock()


class AutoForked(Forked):
    """A crash_runner child that lets the autopilot drive (`--autopilot`)."""

    def __init__(
        self, server: ForkServer, fakes: Fakes, trial: Trial, *, crash_at: str | None, resume: bool
    ) -> None:
        self.server = server
        self.out = trial.path.with_name(f"{trial.path.stem}-{next(_names)}.out")
        env = {CRASH_AT: crash_at} if crash_at else {}
        argv = [*runner_argv(fakes, trial, resume=resume), "--autopilot"]
        self.pid = server.spawn(argv, env, self.out)


@pytest.fixture(scope="module")
def fakes(shopify_schema: GraphQLSchema) -> Iterator[Fakes]:
    with FakeShopify(shopify_schema) as shop, FakeAliExpress() as ae:
        shop.state = SelfFinishingJobs(shop.domain, job_delay=0.2)
        yield Fakes(shop, ae, str(ae.grant()["access_token"]))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("autopilot-crash")
    open_ledger(path / TEMPLATE).close()
    return path


@pytest.fixture(scope="module")
def server(fakes: Fakes) -> Iterator[ForkServer]:
    forks = ForkServer(fakes.token)
    yield forks
    forks.close()


def prepare(fakes: Fakes, folder: Path, scenario: str) -> Trial:
    """The merchant's two actions on a fresh ledger copy; then the supplier accepts."""
    with _seeding:  # Alembic's context is process-global: one ledger opens at a time
        path = folder / f"ledger-{next(_names)}.sqlite"
        with sqlite3.connect(folder / TEMPLATE) as source, sqlite3.connect(path) as target:
            source.backup(target)
        ledger = open_ledger(path)
    shop = shop_port(fakes.shop.url)
    supplier = supplier_port(fakes.ae.base_url, fakes.token)
    try:
        orders = seed(
            ledger, fakes.shop.state, fakes.ae, paid_at=datetime.now(UTC) - timedelta(days=2)
        )
        action = ShopAction.REFUND if scenario == "refund" else ShopAction.CANCEL
        decided = Decision(Reason.OUT_OF_STOCK, Fault.SUPPLIER, action, notify_customer=False)
        pilot = Autopilot(CancelWorkflow(ledger, shop, supplier))
        run = pilot.start(orders.supplier_order_id, decided)
        pilot.advance(run)
        pilot.aliexpress_requested(run)
    finally:
        shop.client.close()
        supplier.client.close()
        ledger.close()
    fakes.ae.close(orders.external_order_id, "cancel_order_close_trade")
    return Trial(scenario, path, orders)


def verify(fakes: Fakes, trial: Trial) -> None:
    assert trial.orders.shop_order is not None
    gid = trial.orders.shop_order.gid
    with fakes.shop.state.lock:
        cancels = [r for r in fakes.shop.state.cancel_requests if r["orderId"] == gid]
        refunds = [r for r in fakes.shop.state.refunds if r.order_gid == gid]
    with sqlite3.connect(f"file:{trial.path}?mode=ro", uri=True) as db:
        ((run_id, state),) = db.execute("SELECT id, state FROM cancellation").fetchall()
        rows = db.execute(
            "SELECT direction, amount_minor, state FROM refund WHERE cancellation_id = ?",
            (run_id,),
        ).fetchall()
    to_customer = [(amount, st) for direction, amount, st in rows if direction == "to_customer"]
    from_supplier = [st for direction, _, st in rows if direction == "from_supplier"]
    assert state == "done", trial.trace[-3:]
    assert to_customer == [(ORDER_TOTAL_MINOR, "issued")], trial.trace[-3:]
    assert from_supplier == ["issued"], trial.trace[-3:]  # detected at AliExpress
    if trial.scenario == "cancel":
        assert len(cancels) == 1 and refunds == [], trial.trace[-3:]
    else:
        assert cancels == [] and len(refunds) == 1, trial.trace[-3:]
    assert check_integrity(trial.path, quick=False) == []


def clean_points(server: ForkServer, fakes: Fakes, folder: Path, scenario: str) -> list[str]:
    trial = prepare(fakes, folder, scenario)
    lines = AutoForked(server, fakes, trial, crash_at=None, resume=False).finish()
    verify(fakes, trial)
    points = [line.removeprefix("POINT ") for line in lines if line.startswith("POINT ")]
    return list(dict.fromkeys(points))


def kill_at(server: ForkServer, fakes: Fakes, folder: Path, scenario: str, point: str) -> None:
    trial = prepare(fakes, folder, scenario)
    child = AutoForked(server, fakes, trial, crash_at=point, resume=False)
    trial.trace = child.wait_for(f"AT {point}")
    child.kill()
    AutoForked(server, fakes, trial, crash_at=None, resume=True).finish()
    verify(fakes, trial)


def test_kill_at_every_autopilot_step_point_then_resume(
    server: ForkServer, fakes: Fakes, folder: Path
) -> None:
    points = {s: clean_points(server, fakes, folder, s) for s in SCENARIOS}
    assert APPLY_STATUS in points["cancel"] and SHOP_CANCEL in points["cancel"]
    assert SHOP_REFUND in points["refund"] and SHOP_CANCEL not in points["refund"]
    for scenario, intent in (
        ("cancel", "state:shop_cancel_sent"),
        ("refund", "shop_refund:key_saved"),
    ):
        assert points[scenario].index(APPLY_STATUS) < points[scenario].index(intent)
    trials = [(s, p) for s in SCENARIOS for p in points[s]]
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(lambda t: kill_at(server, fakes, folder, *t), trials))
    print(f"\nautopilot step points killed at: {len(trials)}: {trials}")
    assert len(trials) >= 14
