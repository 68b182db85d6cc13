"""The child process of the crash test: runs one cancellation against the fakes to the end.

    python -m tests.core.cancel.crash_runner --ledger PATH --shop-url URL --ae-url URL \
        --supplier-order-id N [--resume]
    python -m tests.core.cancel.crash_runner --serve


The fakes run in the parent test process on 127.0.0.1; their URLs come on the command line,
the fake AliExpress access token in DROPDESK_TEST_AE_TOKEN. With DROPDESK_CRASH_AT=<point> the
run stops at that step point (printing "AT <point>") and waits to be killed; every point
passed is printed as "POINT <point>". --resume continues the run a killed process left behind
(or starts it, if the kill came before it existed). The last line is "FINISHED <state>".

--serve makes a fork server: it imports everything once (about 2 s here, far more on a busy
machine), then for each JSON request on stdin ({"id", "argv", "env", "out"}) forks a process
that runs one trial with its output in the file "out", and reports "PID <id> <pid>" and, when
that process ends, "EXIT <pid> <exit code>" (-9 after SIGKILL). {"kill": <pid>} sends SIGKILL
to a child still running ("KILLED <pid>") or says it has ended ("GONE <pid>"): the server
kills only its own unreaped children, so a recycled pid is never hit. The forked processes are
separate processes like any other: the server holds no ledger, connection or thread to share.

The merchant's choices are scripted: request the cancellation, the supplier accepts, cancel (or
refund, when Shopify can only refund) on Shopify, the supplier's money arrives.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from datetime import timedelta

from sqlmodel import col, select

from core.cancel.autopilot import Autopilot, Need
from core.cancel.errors import ShopOutcomePendingError
from core.cancel.shop_cancel import ShopCancelOptions
from core.cancel.states import State
from core.cancel.workflow import CancelWorkflow
from core.ledger import open_ledger
from core.ledger.models import Cancellation
from tests.core.cancel.wiring import shop_port, supplier_port

CRASH_AT = "DROPDESK_CRASH_AT"
AE_TOKEN = "DROPDESK_TEST_AE_TOKEN"
_AUTOMATIC = {
    State.SHOP_CANCEL_SENT,
    State.SHOP_REFUND_SENT,
    State.SUPPLIER_CANCELLED,
    State.TRACKING_RECEIVED,
    State.REFUND_PATH,
    State.DISPUTE_CLOSED,
    State.SHOP_CANCELLED,
    State.SHOP_REFUNDED,
}


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def make_hook(stop_at: str | None) -> Callable[[str], None]:
    def hook(point: str) -> None:
        say(f"POINT {point}")
        if point == stop_at:
            say(f"AT {point}")
            while True:  # wait for SIGKILL
                time.sleep(60)

    return hook


def drive(flow: CancelWorkflow, run: int) -> State:
    """Take the scripted merchant's next step until the run is done."""
    for _ in range(200):
        state = flow.state(run).state
        try:
            if state is State.DONE or state is State.ABANDONED:
                return state
            if state is State.CHECKING:
                flow.check(run)
            elif state is State.SUPPLIER_CANCEL_TODO:
                flow.mark_supplier_cancel_requested(run)
            elif state is State.SUPPLIER_CANCEL_REQUESTED:
                flow.mark_supplier_answer(run, "accepted")
            elif state is State.SHOP_CANCEL_TODO:
                flow.cancel_on_shop(run, ShopCancelOptions(restock=True, notify_customer=False))
            elif state is State.SHOP_REFUND_TODO:
                flow.refund_on_shop(run, flow.preview_shop_refund(run))
            elif state is State.AWAITING_SUPPLIER_REFUND:
                flow.mark_supplier_refund_received(run)
            elif state in _AUTOMATIC:
                flow.resume(run)
            else:
                raise SystemExit(f"the script has no step for {state}")
        except ShopOutcomePendingError:
            time.sleep(0.1)
    raise SystemExit("the run did not finish")


def pilot(flow: CancelWorkflow, run: int) -> State:
    """The autopilot's loop (the run was started with its decision and requested on
    AliExpress by the test; the supplier's answer is waiting in the fake AliExpress)."""
    autopilot = Autopilot(flow)
    for _ in range(200):
        progress = autopilot.advance(run)
        if progress.state is State.DONE or progress.state is State.ABANDONED:
            return progress.state
        if progress.need is not Need.WAIT:
            raise SystemExit(f"the autopilot stopped at {progress}")
        time.sleep(0.1)
    raise SystemExit("the run did not finish")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ledger", required=True)
    parser.add_argument("--shop-url", required=True)
    parser.add_argument("--ae-url", required=True)
    parser.add_argument("--supplier-order-id", type=int, required=True)
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--grace", type=float, default=1.5)
    parser.add_argument("--autopilot", action="store_true", help="let the autopilot drive")
    args = parser.parse_args(argv)

    ledger = open_ledger(args.ledger)  # a file, or a postgresql:// address
    shop = shop_port(args.shop_url, sleep=time.sleep)
    supplier = supplier_port(args.ae_url, os.environ[AE_TOKEN])
    flow = CancelWorkflow(
        ledger,
        shop,
        supplier,
        on_step=make_hook(None if args.resume else os.environ.get(CRASH_AT)),
        job_poll=0.05,
        job_timeout=10.0,
        pending_grace=timedelta(seconds=args.grace),
        settle_wait=args.grace + 2.0,
    )
    say("READY")
    with ledger.session() as session:
        found = session.exec(
            select(Cancellation.id)
            .where(Cancellation.supplier_order_id == args.supplier_order_id)
            .order_by(col(Cancellation.id).desc())
        ).first()
    if found is None:
        run = flow.start(args.supplier_order_id, "changed_mind", "customer")
    else:
        run = int(found)
        if args.resume:
            for _ in range(50):
                try:
                    flow.resume(run)
                    break
                except ShopOutcomePendingError:
                    time.sleep(0.1)
    state = pilot(flow, run) if args.autopilot else drive(flow, run)
    say(f"FINISHED {state.value}")
    ledger.close()
    return 0


def serve() -> int:
    """The fork server (see the module docstring)."""

    live: set[int] = set()

    def reap(_signal: int, _frame: object) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            live.discard(pid)
            say(f"EXIT {pid} {os.waitstatus_to_exitcode(status)}")

    signal.signal(signal.SIGCHLD, reap)
    say("SERVING")
    for line in sys.stdin:
        request = json.loads(line)
        if "kill" in request:
            pid = int(request["kill"])
            # No reaping between the check and the kill: an unreaped pid cannot be recycled.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
            try:
                if pid in live:
                    os.kill(pid, signal.SIGKILL)
                    say(f"KILLED {pid}")
                else:
                    say(f"GONE {pid}")
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
            continue
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
                os._exit(_forked(request))
            live.add(pid)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        say(f"PID {request['id']} {pid}")
    return 0


def _forked(request: dict[str, object]) -> int:
    out = os.open(str(request["out"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.environ.pop(CRASH_AT, None)
    os.environ.update(dict(request.get("env") or {}))  # type: ignore[call-overload]
    try:
        return main([str(arg) for arg in request["argv"]])  # type: ignore[attr-defined]
    except SystemExit as exit_:
        say(f"EXITED {exit_.code}")
        return 1
    except BaseException:
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    raise SystemExit(serve() if sys.argv[1:] == ["--serve"] else main())
