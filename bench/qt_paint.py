"""Timing Qt work until the screen shows it: the clock stops at the first paint that follows.

Offscreen Qt paints into memory exactly as it would paint a window, so "the view shows the
rows" means: the view's viewport received its next paint event, and every model call that
paint made (the rows fetched from SQL for the visible cells) is over.

Events are processed through a QEventLoop object, not QCoreApplication.processEvents(): with
PySide6 6.12.0 on Python 3.11 every call of a void Qt method drops one reference to None too
many, and a busy loop of processEvents() crashes the interpreter ("none_dealloc") in seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QWidget

_loops: list[QEventLoop] = []


def process_events() -> None:
    if not _loops:
        _loops.append(QEventLoop())
    _loops[0].processEvents()


class PaintCounter(QObject):
    """Counts the paint events a widget receives (it sees them, never eats them)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def settle(seconds: float = 0.05) -> None:
    """Process events for a moment, so that one step's leftovers never count in the next."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        process_events()


def until_painted(counter: PaintCounter, timeout: float = 60.0) -> None:
    """Process events until `counter`'s widget has painted once more."""
    before = counter.count
    deadline = time.monotonic() + timeout
    while counter.count == before:
        process_events()
        if time.monotonic() > deadline:
            raise TimeoutError("the view did not repaint")


def timed_until_painted(counter: PaintCounter, action: Callable[[], object]) -> float:
    """Seconds from calling `action` to the end of the paint that shows its result."""
    started = time.perf_counter()
    action()
    until_painted(counter)
    return time.perf_counter() - started


def timed_event_pass(action: Callable[[], object]) -> float:
    """Seconds for `action` and the one pass of the event loop that paints what it changed
    (Qt delivers a pending repaint in the next pass; without changes there is none)."""
    started = time.perf_counter()
    action()
    process_events()
    return time.perf_counter() - started
