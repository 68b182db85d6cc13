"""The window's one lock on cancel steps, with real threads: never two holders at once, and a
caller that waits goes before the next run of a background pass that takes it per run. The
runs keep the interpreter busy (as the ORM's work does): with a plain threading.Lock the pass
takes it straight back after each run and the waiting caller waits for the whole pass."""

from __future__ import annotations

import threading
import time

from core.cancel.step_lock import StepLock

RUNS = 40
STEP = 0.02  # seconds one run of the pass holds the lock, busy


def test_a_waiting_step_goes_between_two_runs_of_a_pass() -> None:
    lock = StepLock()
    holders = 0
    most = 0
    order: list[str] = []
    guard = threading.Lock()

    def hold(name: str, seconds: float) -> None:
        nonlocal holders, most
        with guard:
            holders += 1
            most = max(most, holders)
            order.append(name)
        end = time.monotonic() + seconds
        while time.monotonic() < end:  # busy, not asleep: the GIL stays with this thread
            pass
        with guard:
            holders -= 1

    started = threading.Event()

    def pass_() -> None:
        for run in range(RUNS):
            with lock.between_others():
                started.set()
                hold(f"run {run}", STEP)

    watch = threading.Thread(target=pass_)
    watch.start()
    started.wait(5)
    time.sleep(STEP * 3)  # a few runs in
    asked = time.monotonic()
    with lock:
        waited = time.monotonic() - asked
        hold("merchant", 0)
    watch.join(10)

    assert most == 1  # never two steps at once
    assert waited < STEP * 5, waited  # one run of the pass at most, not the remaining ~35
    mine = order.index("merchant")
    assert 0 < mine < len(order) - 10, order  # well before the pass ended
    assert len(order) == RUNS + 1
