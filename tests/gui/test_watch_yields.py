"""A merchant's step does not wait behind the status watch: with AliExpress connected, a pass
reads up to 50 rate-limited orders, and the click queued meanwhile ("I have requested the
cancellation") is recorded before the pass ends. The lock still keeps two steps apart."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from core.cancel.autopilot import ALIEXPRESS_DONE, Autopilot
from core.cancel.decision import Decision
from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.models import Cancellation
from core.ledger.types import Fault, Reason
from gui.cancel_wizard import CancelLauncher
from tests.connections_support import Fakes
from tests.core.cancel.wiring import seed
from tests.gui import test_cancel_wizard as wizard_tests
from tests.gui.test_cancel_wizard import WAIT, Answers, FakesOpener, paid_two_days_ago

fakes = wizard_tests.fakes
ae_token = wizard_tests.ae_token
answers = wizard_tests.answers

DECISION = Decision(Reason.OUT_OF_STOCK, Fault.SUPPLIER, notify_customer=False)
WATCHED = 4  # runs waiting for the supplier's answer: the pass asks AliExpress about each
SLOW = 0.6  # seconds the fake takes for each of the pass's calls


def state_of(ledger: Ledger, run: int) -> str:
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None
        return row.state


def test_a_click_during_a_slow_watch_pass_is_recorded_before_the_pass_ends(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    opener = FakesOpener(ledger, fakes, ae_token)
    runs: list[int] = []
    for _ in range(WATCHED + 1):
        order = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
        handle = opener(order.supplier_order_id, None)
        try:
            pilot = Autopilot(handle.workflow)
            run = pilot.start(order.supplier_order_id, DECISION)
            pilot.advance(run)
            if len(runs) < WATCHED:
                pilot.aliexpress_requested(run)
        finally:
            handle.close()
        runs.append(run)
    *asking, mine = runs
    assert {state_of(ledger, r) for r in asking} == {State.SUPPLIER_CANCEL_REQUESTED.value}
    assert state_of(ledger, mine) == State.SUPPLIER_CANCEL_TODO.value

    window = QWidget()
    qtbot.addWidget(window)
    launcher = CancelLauncher(ledger, opener, window, asker=answers)
    events: list[tuple[str, float]] = []
    launcher.watched.connect(lambda _p: events.append(("watched", time.monotonic())))
    launcher.answered.connect(lambda _p: events.append(("answered", time.monotonic())))
    fakes.aliexpress.slow_seconds = SLOW
    fakes.aliexpress.fail_next(4 * WATCHED, "slow")  # every call of the pass answers slowly
    calls = fakes.aliexpress.count()

    began = time.monotonic()
    assert launcher.watch_now()
    qtbot.waitUntil(lambda: fakes.aliexpress.count() > calls, timeout=WAIT)  # the pass reads
    clicked = time.monotonic()
    assert launcher.answer(mine, ALIEXPRESS_DONE)  # "I have requested the cancellation"
    qtbot.waitUntil(lambda: len(events) == 2, timeout=WAIT * 3)

    assert [name for name, _ in events] == ["answered", "watched"], events
    answered_at, watched_at = events[0][1], events[1][1]
    assert watched_at - began >= WATCHED * SLOW  # the pass was slow indeed
    # Recorded while the pass still had orders to read (not after the whole pass):
    assert answered_at - clicked < (WATCHED - 1) * SLOW, answered_at - clicked
    assert state_of(ledger, mine) == State.SUPPLIER_CANCEL_REQUESTED.value
    assert {state_of(ledger, r) for r in asking} == {State.SUPPLIER_CANCEL_REQUESTED.value}
    launcher.close_all()
