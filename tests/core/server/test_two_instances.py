"""Two Dropdesk processes on one PostgreSQL ledger drive the same cancellations against the
fake Shopify, one of them killed with SIGKILL at an intent point, then a third finishes what is
left: Shopify receives exactly one cancel (or one refund) per order, and every run is done.

The runs are started by the test, so both processes open the same cancellation (two people, or
the status watch of two machines); they race through every step, the row lock of
core.cancel.record.load lets one take each step and the other meet the new state.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from graphql import GraphQLSchema

from core.cancel.errors import IllegalTransitionError
from core.cancel.record import load, move, require_state
from core.cancel.states import State
from core.cancel.workflow import CancelWorkflow
from core.ledger import open_ledger
from tests.core.cancel.crash_runner import AE_TOKEN, CRASH_AT
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, Seeded, SelfFinishingJobs, seed
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify

pytestmark = pytest.mark.postgresql
ROOT = Path(__file__).resolve().parents[3]
RUNNER = "tests.core.cancel.crash_runner"
TIMEOUT = 120.0


@dataclass
class Fakes:
    shop: FakeShopify
    ae: FakeAliExpress
    token: str


@pytest.fixture(scope="module")
def fakes(shopify_schema: GraphQLSchema) -> Iterator[Fakes]:
    with FakeShopify(shopify_schema) as shop, FakeAliExpress() as ae:
        shop.state = SelfFinishingJobs(shop.domain, job_delay=0.2)
        yield Fakes(shop, ae, str(ae.grant()["access_token"]))


def _spawn(fakes: Fakes, url: str, order: Seeded, crash_at: str | None) -> subprocess.Popen[str]:
    env = {**os.environ, AE_TOKEN: fakes.token, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop(CRASH_AT, None)
    if crash_at:
        env[CRASH_AT] = crash_at
    argv = ["--ledger", url, "--shop-url", fakes.shop.url, "--ae-url", fakes.ae.base_url]
    argv += ["--supplier-order-id", str(order.supplier_order_id)]
    return subprocess.Popen(
        [sys.executable, "-m", RUNNER, *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_for(process: subprocess.Popen[str], prefix: str) -> bool:
    """Read the process's lines until one starts with `prefix` (False: it ended first)."""
    assert process.stdout is not None
    return any(line.startswith(prefix) for line in process.stdout)


@pytest.mark.parametrize(
    ("scenario", "kill_at"),
    [("cancel", "state:shop_cancel_sent"), ("refund", "state:shop_refund_sent")],
)
def test_two_processes_send_each_cancel_or_refund_once(
    fakes: Fakes, pg_ledger_url: str, scenario: str, kill_at: str
) -> None:
    ledger = open_ledger(pg_ledger_url)
    paid = datetime.now(UTC) - timedelta(days=2)
    orders: list[Seeded] = []
    for _ in range(2):  # one racing pair, one with a head start (each pair costs ~20 s)
        order = seed(
            ledger, fakes.shop.state, fakes.ae, paid_at=paid, fulfilled=scenario == "refund"
        )
        if scenario == "refund":
            fakes.ae.ship(order.external_order_id, f"LP{order.external_order_id}")
        orders.append(order)
    flow = CancelWorkflow(ledger, None, None)
    runs = [flow.start(o.supplier_order_id, "changed_mind", "customer") for o in orders]
    ledger.close()

    # Per order: one process that will be killed at the intent point, one that runs freely;
    # for the first order both start together (they race through every step), for the others
    # the doomed one has a head start, so it writes its intent before it is killed.
    pairs = []
    for number, order in enumerate(orders):
        doomed = _spawn(fakes, pg_ledger_url, order, kill_at)
        if number:
            assert _wait_for(doomed, "READY")
        pairs.append((doomed, _spawn(fakes, pg_ledger_url, order, None)))
    killed = 0
    for doomed, free in pairs:
        if _wait_for(doomed, "AT "):  # it may lose every race and end without reaching it
            doomed.send_signal(signal.SIGKILL)
            killed += 1
        doomed.wait(TIMEOUT)
        free.wait(TIMEOUT)
    # A third process finishes whatever the two left (the killed one's intent included).
    for order in orders:
        finisher = _spawn(fakes, pg_ledger_url, order, None)
        output, _ = finisher.communicate(timeout=TIMEOUT)
        assert "FINISHED done" in output, output[-2000:]

    ledger = open_ledger(pg_ledger_url)
    try:
        for run, order in zip(runs, orders, strict=True):
            assert order.shop_order is not None
            gid = order.shop_order.gid
            with fakes.shop.state.lock:
                cancels = [r for r in fakes.shop.state.cancel_requests if r["orderId"] == gid]
                refunds = [r for r in fakes.shop.state.refunds if r.order_gid == gid]
            if scenario == "cancel":
                assert (len(cancels), len(refunds)) == (1, 0)
            else:
                assert (len(cancels), len(refunds)) == (0, 1)
            state = ledger.reader.execute(
                "SELECT state FROM cancellation WHERE id = ?", (run,)
            ).fetchone()
            assert state == ("done",)
            issued = ledger.reader.execute(
                "SELECT amount_minor FROM refund WHERE cancellation_id = ? AND "
                "direction = 'to_customer'",
                (run,),
            ).fetchall()
            assert issued == [(ORDER_TOTAL_MINOR,)]
    finally:
        ledger.close()
    print(f"\ntwo instances, {scenario}: {killed} of {len(orders)} first processes killed")
    assert killed >= len(orders) - 1  # the ones with a head start reached their intent point


def test_a_step_taken_by_one_instance_waits_for_the_other(fakes: Fakes, pg_ledger_url: str) -> None:
    """The race the processes above run into by chance, made certain: while one instance
    holds a run between reading its state and committing the next one, the other's read
    waits, then sees the new state, and its step is refused."""
    first, second = open_ledger(pg_ledger_url), open_ledger(pg_ledger_url)
    paid = datetime.now(UTC) - timedelta(days=2)
    order = seed(first, fakes.shop.state, fakes.ae, paid_at=paid)
    run = CancelWorkflow(first, None, None).start(
        order.supplier_order_id, "changed_mind", "customer"
    )
    seen: list[str] = []
    read = threading.Event()

    def other_instance() -> None:
        with second.session() as session:
            seen.append(load(session, run).state)
            read.set()

    try:
        with first.session() as session:
            row = load(session, run)
            assert row.state == State.CHECKING.value
            waiting = threading.Thread(target=other_instance)
            waiting.start()
            assert not read.wait(1.0), "the other instance read a state about to change"
            move(session, row, State.SUPPLIER_CANCEL_TODO, datetime.now(UTC))
        assert read.wait(TIMEOUT)
        waiting.join(TIMEOUT)
        assert seen == [State.SUPPLIER_CANCEL_TODO.value]
        with pytest.raises(IllegalTransitionError), second.session() as session:
            require_state(load(session, run), {State.CHECKING}, "check the order")
    finally:
        first.close()
        second.close()
