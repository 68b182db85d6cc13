"""`Job`: a started job's Qt object dies on the GUI thread, after its receivers got its signals.

Python-owned, a job was destroyed wherever its last reference went: in the pool thread when the
GUI had already let go of it (it held the last one), or in any thread where Python's cycle
collector happened to run. A QObject destroyed off its own thread corrupts Qt's and PySide's
bookkeeping; the GUI crashed later, somewhere else (tests/test_no_secret_leaks.py, intermittently).
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid as shiboken_valid

from core.secrets import KeyringLockedError
from gui.jobs import Job, JobSlot, failure_report


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


# --- one default failure report ------------------------------------------------------------------


def _run_failing(qtbot: QtBot, work: Callable[[], object]) -> tuple[Job, str]:
    job = Job(lambda _progress, _cancelled: work())
    messages: list[str] = []
    job.failed.connect(messages.append)
    job.start()
    qtbot.waitUntil(lambda: messages != [], timeout=10_000)
    return job, messages[0]


def _job_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "gui.jobs"]


def test_no_keyring_is_a_warning_without_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    from keyring.backends import fail

    from core.secrets import SecretStore, SecretStoreError

    store = SecretStore(backend=fail.Keyring())  # what a machine without a keyring resolves to
    with caplog.at_level(logging.INFO, logger="gui.jobs"):
        job, message = _run_failing(qtbot, store.check)
    assert isinstance(job.error, SecretStoreError)
    [record] = _job_records(caplog)
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert "Traceback" not in caplog.text
    assert message == failure_report(job.error) and message.strip()


def test_an_unreachable_shop_is_a_warning_without_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/admin/api/graphql.json"
    with caplog.at_level(logging.INFO, logger="gui.jobs"):
        _job, message = _run_failing(qtbot, lambda: httpx.post(url, timeout=5))
    [record] = _job_records(caplog)
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert "Check the internet connection" in record.getMessage()
    assert "Check the internet connection" in message


def test_a_bug_is_an_error_with_its_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> object:
        return {}["missing"]

    with caplog.at_level(logging.INFO, logger="gui.jobs"):
        job, message = _run_failing(qtbot, broken)
    assert isinstance(job.error, KeyError)
    [record] = _job_records(caplog)
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert "in broken" in caplog.text  # the traceback is in the log
    assert "KeyError" in message


# --- JobSlot: one job at a time for a screen ------------------------------------------------------


class _Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.slot = JobSlot(self)
        self.results: list[object] = []

    def done(self, result: object) -> None:
        self.results.append(result)


def test_a_slot_runs_one_job_at_a_time(qtbot: QtBot) -> None:
    screen = _Screen()
    qtbot.addWidget(screen)
    gate = threading.Event()
    first = screen.slot.run(lambda _p, _c: gate.wait(5) and "first", screen.done)
    assert first is not None and screen.slot.busy
    assert screen.slot.run(lambda _p, _c: "second", screen.done) is None
    gate.set()
    qtbot.waitUntil(lambda: screen.results == ["first"], timeout=5_000)
    assert not screen.slot.busy


def test_a_slot_without_failure_handler_shows_the_message(qtbot: QtBot) -> None:
    screen = _Screen()
    qtbot.addWidget(screen)
    screen.show()

    def refused() -> object:
        raise KeyringLockedError("The keyring is locked.", "Unlock it and try again.")

    screen.slot.run(lambda _p, _c: refused(), screen.done)
    qtbot.waitUntil(lambda: screen.findChild(QMessageBox) is not None, timeout=5_000)
    box = screen.findChild(QMessageBox)
    assert box is not None and "The keyring is locked." in box.text()
    assert box.icon() == QMessageBox.Icon.Critical
    assert isinstance(screen.slot.error, KeyringLockedError) and screen.results == []


def test_a_closed_screen_gets_no_late_answer(qtbot: QtBot) -> None:
    screen = _Screen()
    results = screen.results
    gate = threading.Event()
    job = screen.slot.run(lambda _p, _c: gate.wait(5) and "late", screen.done)
    assert job is not None
    done = job.done
    screen.deleteLater()
    qtbot.waitUntil(lambda: not shiboken_valid(screen), timeout=5_000)
    gate.set()
    assert done.wait(5)
    qtbot.wait(100)
    assert results == []
