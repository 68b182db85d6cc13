"""`RowReader`: a list screen's rows read off the GUI thread, one read at a time, the last ask
always answered, and no late rows for a closed screen."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.row_reader import RowReader


class Screen(QWidget):
    def __init__(self, read: object) -> None:
        super().__init__()
        self.shown: list[list[int]] = []
        self.failures: list[str] = []
        self.reader = RowReader(self, read, self.show_rows, self.failures.append)  # type: ignore[arg-type]

    def show_rows(self, rows: list[int]) -> None:
        self.shown.append(rows)


def test_asked_again_while_reading_it_reads_once_more_and_shows_only_the_last(
    qtbot: QtBot,
) -> None:
    gate = threading.Event()
    reads: list[int] = []

    def read() -> list[int]:
        reads.append(len(reads) + 1)
        if len(reads) == 1:
            gate.wait(5)
        return list(reads)

    screen = Screen(read)
    qtbot.addWidget(screen)
    screen.reader.refresh()
    assert screen.reader.busy
    screen.reader.refresh()
    screen.reader.refresh()  # two asks while reading: one more read
    gate.set()
    qtbot.waitUntil(lambda: screen.shown != [] and not screen.reader.busy, timeout=5_000)
    assert reads == [1, 2] and screen.shown == [[1, 2]]


def test_a_failed_read_is_reported_and_the_next_one_works(qtbot: QtBot) -> None:
    outcomes = iter([OSError("disk gone"), [7]])

    def read() -> list[int]:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    screen = Screen(read)
    qtbot.addWidget(screen)
    screen.reader.refresh()
    qtbot.waitUntil(lambda: screen.failures != [], timeout=5_000)
    assert "disk gone" in screen.failures[0] and screen.shown == []
    screen.reader.refresh()
    qtbot.waitUntil(lambda: screen.shown == [[7]], timeout=5_000)


def test_a_closed_screen_gets_no_late_rows(qtbot: QtBot) -> None:
    gate = threading.Event()
    done = threading.Event()

    def read() -> list[int]:
        gate.wait(5)
        done.set()
        return [1]

    screen = Screen(read)  # held here: only Qt's side of it goes
    screen.reader.refresh()
    screen.deleteLater()
    qtbot.waitUntil(lambda: not _alive(screen), timeout=5_000)
    gate.set()
    assert done.wait(5)
    qtbot.wait(100)
    assert screen.shown == [] and screen.failures == []


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))
