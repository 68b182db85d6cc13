"""Moving the open orders' ship_by after the calendar changed, off the GUI thread.

One runner per window: an edit in the calendar editor, or a newer `holidays` package found at
start, asks it to run; a request while it runs is remembered and run once after it, so the
last calendar always wins. The work itself is core.deadlines.recompute_open_deadlines on the
app's Job runner (gui.jobs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from gui.jobs import Job

if TYPE_CHECKING:
    from core.ledger import Ledger

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarRecompute", text)


class CalendarRecompute(QObject):
    """Runs the recompute; says what it does in `message`, and `moved(n)` when it is done."""

    message = Signal(str)
    moved = Signal(int)  # how many open orders' ship_by changed (0 included)

    def __init__(self, ledger: Ledger, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.job: Job | None = None
        self._again = False
        self._quiet = False  # a check at start: say nothing unless something moved

    @property
    def running(self) -> bool:
        return self.job is not None and not self.job.done.is_set()

    def start(self, *, only_if_outdated: bool = False) -> None:
        """Recompute now (or right after the run in progress). `only_if_outdated`: first check
        the stored fingerprint, and do nothing when the calendar data did not change."""
        if self.running:
            self._again = True
            return
        self._quiet = only_if_outdated
        ledger = self.ledger

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            from core import deadlines

            if only_if_outdated and not deadlines.calendar_outdated(ledger):
                return None

            def report(read: int) -> None:
                if cancelled():
                    raise InterruptedError("stopped")
                progress(read, 0)

            return deadlines.recompute_open_deadlines(ledger, progress=report)

        job = Job(work)
        job.progressed.connect(self._progressed)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.job = job
        job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self._again = False

    def stop(self, timeout: float = 30.0) -> None:
        """Cancel and wait for the run in progress (its batches are transactions: what it
        wrote stays whole, and the next start finishes the rest)."""
        job = self.job
        self.cancel()
        if job is not None:
            job.done.wait(timeout)

    def _progressed(self, read: int, _total: int) -> None:
        if (
            self._quiet
        ):  # the check at start (a fresh ledger has no fingerprint yet): only a move is news
            return
        self.message.emit(
            _tr("Calendar changed: recomputing ship-by deadlines… {0} open orders checked").format(
                QLocale().toString(read)
            )
        )

    def _finished(self, result: Any) -> None:
        self.job = None
        if result is not None:
            if result.moved:
                self.message.emit(
                    _tr(
                        "Calendar changed: the ship-by of {0} open orders moved "
                        "(each order's timeline says from when to when)."
                    ).format(QLocale().toString(result.moved))
                )
            elif not self._quiet:
                self.message.emit(_tr("Calendar changed: no ship-by deadline moved."))
            self.moved.emit(result.moved)
        self._next()

    def _failed(self, message: str) -> None:
        self.job = None
        log.warning("Recomputing deadlines after a calendar change failed: %s", message)
        self.message.emit(_tr("Recomputing ship-by deadlines failed: {0}").format(message))
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.start()
