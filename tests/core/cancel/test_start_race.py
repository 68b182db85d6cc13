"""Two starts of a cancellation for the same order at the same moment make one run.

Both starters check for an open run before either has committed, so both checks pass; the
unique index on open runs (ux_cancellation_open_run) refuses the second insert, and the second
starter is told "a run for this order is already open" with the first run's id (the wizard
shows that run), never a traceback. The interleaving is forced, not hoped for: the first
starter is held right after its insert (an engine event of the test) until the second reaches
its own insert.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from core.cancel.errors import CancellationOpenError
from core.cancel.workflow import CancelWorkflow
from core.ledger import Ledger
from core.ledger.models import SupplierOrder
from core.ledger.server import open_server_ledger
from core.ledger.server_address import parse
from tests.catalogue import in_english, in_german
from tests.pg_cluster import Cluster

ROOT = Path(__file__).resolve().parents[3]
WAIT = 30.0  # seconds; only reached when something hangs
INSERT = "INSERT INTO cancellation"


def _order(ledger: Ledger) -> int:
    with ledger.session() as session:
        placed = SupplierOrder(external_order_id="8100000000000777")
        session.add(placed)
        session.flush()
        assert placed.id is not None
        return placed.id


def _open_runs(ledger: Ledger, order_id: int) -> int:
    with ledger.engine.connect() as connection:
        return int(
            connection.exec_driver_sql(
                "SELECT count(*) FROM cancellation WHERE supplier_order_id = ?"
                " AND state NOT IN ('done', 'abandoned')",
                (order_id,),
            ).scalar_one()
        )


class HeldAfterInsert:
    """Holds the thread `first` right after its insert of a run (its transaction open) until
    `release()`; `inserted` is set once it is held."""

    def __init__(self, ledger: Ledger) -> None:
        self.engine = ledger.engine
        self.first: threading.Thread | None = None
        self.inserted = threading.Event()
        self.go = threading.Event()
        event.listen(self.engine, "after_cursor_execute", self._after)

    def _after(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if threading.current_thread() is self.first and statement.startswith(INSERT):
            self.inserted.set()
            assert self.go.wait(WAIT)

    def start(self, flow: CancelWorkflow, order_id: int) -> dict[str, Any]:
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                outcome["run"] = flow.start(order_id, "other")
            except BaseException as error:  # reported to the test thread
                outcome["error"] = error

        self.first = threading.Thread(target=run)
        self.first.start()
        assert self.inserted.wait(WAIT)
        return outcome

    def release(self) -> None:
        self.go.set()
        assert self.first is not None
        self.first.join(WAIT)

    def close(self) -> None:
        event.remove(self.engine, "after_cursor_execute", self._after)


@pytest.fixture
def held(ledger: Ledger) -> Iterator[HeldAfterInsert]:
    holder = HeldAfterInsert(ledger)
    yield holder
    holder.go.set()
    holder.close()


def test_two_starts_at_once_make_one_run_and_show_it(ledger: Ledger, held: HeldAfterInsert) -> None:
    order_id = _order(ledger)
    flow = CancelWorkflow(ledger, None, None)
    first = held.start(flow, order_id)  # inserted, not committed: the check below misses it

    def release_at_our_insert(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        # The second start has checked (and found nothing open): let the first commit now;
        # the second insert then waits for it (SQLite's write lock, PostgreSQL's index entry).
        if threading.current_thread() is threading.main_thread() and statement.startswith(INSERT):
            held.go.set()

    event.listen(ledger.engine, "before_cursor_execute", release_at_our_insert)
    try:
        with pytest.raises(CancellationOpenError) as refused:
            flow.start(order_id, "other")
    finally:
        event.remove(ledger.engine, "before_cursor_execute", release_at_our_insert)
    held.release()
    assert "error" not in first and refused.value.cancellation_id == first["run"]
    assert "already has an open cancellation" in in_english(refused.value.text)
    assert "läuft schon eine Stornierung" in in_german(refused.value.text)
    assert _open_runs(ledger, order_id) == 1


_SECOND = """
import json, sys
from core.cancel.errors import CancellationOpenError
from core.cancel.workflow import CancelWorkflow
from core.ledger.server import open_server_ledger
from core.ledger.server_address import parse
from tests.catalogue import in_german
ledger = open_server_ledger(parse(sys.argv[1]), None)
try:
    print(json.dumps({"run": CancelWorkflow(ledger, None, None).start(int(sys.argv[2]), "other")}))
except CancellationOpenError as error:
    print(json.dumps({"open": error.cancellation_id, "de": in_german(error.text)}))
"""


@pytest.mark.postgresql
def test_two_instances_starting_a_run_for_one_order_make_one(
    pg_cluster: Cluster, pg_ledger_url: str
) -> None:
    """Two processes on one server ledger: the second waits on the first's uncommitted run in
    the unique index, then is refused and shown that run."""
    ledger = open_server_ledger(parse(pg_ledger_url), None)
    holder = HeldAfterInsert(ledger)
    try:
        order_id = _order(ledger)
        first = holder.start(CancelWorkflow(ledger, None, None), order_id)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
        second = subprocess.Popen(
            [sys.executable, "-c", _SECOND, pg_ledger_url, str(order_id)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        database = parse(pg_ledger_url).connect_kwargs()["dbname"]
        deadline = time.monotonic() + WAIT
        with pg_cluster.connect_admin() as admin:  # until the second waits for the first
            while not admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                " AND wait_event_type = 'Lock'",
                (database,),
            ).fetchone()[0]:
                assert second.poll() is None, second.communicate()
                assert time.monotonic() < deadline
                time.sleep(0.01)
        holder.release()
        out, err = second.communicate(timeout=WAIT)
        assert second.returncode == 0, err
        told = json.loads(out)
        assert "error" not in first and told["open"] == first["run"], told
        assert "Traceback" not in err and "Stornierung" in told["de"]
        assert _open_runs(ledger, order_id) == 1
    finally:
        holder.go.set()
        holder.close()
        ledger.close()
