"""`Job`: a started job's Qt object dies on the GUI thread, after its receivers got its signals.

Python-owned, a job was destroyed wherever its last reference went: in the pool thread when the
GUI had already let go of it (it held the last one), or in any thread where Python's cycle
collector happened to run. A QObject destroyed off its own thread corrupts Qt's and PySide's
bookkeeping; the GUI crashed later, somewhere else (tests/test_no_secret_leaks.py, intermittently).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.jobs import Job


def test_a_job_the_gui_let_go_of_is_destroyed_on_the_gui_thread(qtbot: QtBot) -> None:
    gate = threading.Event()
    job = Job(lambda _progress, _cancelled: gate.wait(5))
    destroyed_in: list[str] = []
    job.destroyed.connect(
        lambda *_: destroyed_in.append(threading.current_thread().name),
        Qt.ConnectionType.DirectConnection,
    )
    done = job.done
    job.start()
    del job  # the pool thread now holds the last Python reference
    gate.set()
    assert done.wait(5)
    qtbot.waitUntil(lambda: destroyed_in != [], timeout=5_000)
    assert destroyed_in == [threading.current_thread().name]


def test_receivers_get_every_signal_before_the_job_is_destroyed(qtbot: QtBot) -> None:
    def work(progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> str:
        for done in range(1, 201):
            progress(done, 200)
        return "all done"

    job = Job(work)
    reports: list[int] = []
    events: list[str] = []
    job.progressed.connect(lambda done, _total: reports.append(done))
    job.finished.connect(lambda result: events.append(result))
    job.destroyed.connect(lambda *_: events.append("destroyed"))
    job.start()
    qtbot.waitUntil(lambda: "destroyed" in events, timeout=5_000)
    assert events == ["all done", "destroyed"]
    assert reports == list(range(1, 201))
    assert job.done.is_set()  # its Python side stays usable
    job.cancel()
