"""Long work off the GUI thread: the one way the GUI runs it (every screen, every long job).

`Job` is a callable on the global QThreadPool, reporting by signals. The callable receives
`progress(done, total)` and `cancelled() -> bool`; the job emits `progressed`, then exactly
one of `finished(result)` or `failed(message)`. `JobSlot` is a screen's "one job at a time"
with its handlers; with no failure handler it shows the message over the screen.

A failure is reported one way by default (`failure_report`): the merchant's words for it
(`core.connections.explain`, redacted, in the window's language), and a log line: a warning
without traceback for an expected condition (no keyring, shop unreachable, a ledger problem),
an error with its traceback for anything else (a bug).

A started job's Qt object is owned by the application, not by Python, and deletes itself on
the GUI thread (`deleteLater`) once its last signal is queued. Python-owned, it would die
wherever its last reference did: in the pool thread when that held it last, or in whatever
thread Python's cycle collector ran when a closed window still pointed at it. A QObject destroyed
off its own thread corrupts Qt's and PySide's bookkeeping, and the app crashes later, anywhere.
Python attributes (`done`, `cancel()`) keep working after the Qt object is gone; connect to the
signals before `start()` or right after it, in the same GUI-thread call.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any
from weakref import WeakMethod

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


def log_failure(error: BaseException, what: str = "Background job") -> None:
    """Log a failed job once: expected conditions as a warning with the (redacted, English)
    reason and no traceback; anything else as an error with its traceback."""
    from core.connections import expected, explain  # not on the first frame's import path

    if expected(error):
        log.warning("%s did not finish: %s", what, explain(error))
    else:
        log.error("%s failed", what, exc_info=error)


def failure_report(error: BaseException) -> str:
    """The merchant's words for `error`, in the window's language, redacted."""
    from core.connections import explain
    from gui.i18n import say

    return say(explain(error))


class Job(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, work: Work, describe_error: Callable[[BaseException], str] = failure_report
    ) -> None:
        super().__init__()
        self._work = work
        self._describe_error = describe_error
        self._cancel = threading.Event()
        self.done = threading.Event()
        self.error: BaseException | None = None  # set before `failed` is emitted
        self._owned_by_qt = False

    def cancel(self) -> None:
        self._cancel.set()

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run the work on `pool` (the global one by default). Call on the GUI thread."""
        app = QCoreApplication.instance()
        if app is not None:
            # Qt owns the job from here on: no Python reference, wherever it is dropped, can
            # delete it; `_run` ends it with deleteLater, on this (the GUI) thread.
            self.setParent(app)
            self._owned_by_qt = True
        # A plain callable, not a QRunnable subclass: the pool owns no Python wrapper that the
        # garbage collector and the pool thread could both try to delete.
        (pool or QThreadPool.globalInstance()).start(self._run)

    def _run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as error:  # reported to the GUI, which shows it
            log_failure(error)
            self.error = error
            try:
                message = self._describe_error(error)
            except Exception:  # a broken describer must not swallow the failure
                log.exception("Describing a failed job failed")
                message = type(error).__name__
            self.failed.emit(message)
        else:
            self.finished.emit(result)
        finally:
            self.done.set()
            if self._owned_by_qt:
                # Posted after the queued signals above, so every receiver gets them first.
                self.deleteLater()


def hold(handler: Callable[..., None]) -> Callable[[], Callable[..., None] | None]:
    """A bound method weakly (see `JobSlot`), anything else as it is."""
    if inspect.ismethod(handler):
        return WeakMethod(handler)
    return lambda: handler


class JobSlot(QObject):
    """A screen's background work, one job at a time; `busy_changed` drives its buttons.

    Handlers that are bound methods (the screen's own) are held by weak reference: a strong
    one would close a cycle screen -> slot -> handler -> screen, and a window in a cycle is
    destroyed by Python's cycle collector, at a moment and on a thread nobody chose, which
    crashes Qt. The job's signals go to this object's slots, which Qt disconnects when the
    screen (its parent) is deleted: a closed screen gets no late answer."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self.job: Job | None = None
        self._done: Callable[[], Callable[[Any], None] | None] = lambda: None
        self._failed: Callable[[], Callable[[str], None] | None] | None = None
        self.error: BaseException | None = None  # the last failed job's exception

    @property
    def busy(self) -> bool:
        return self.job is not None

    def run(
        self,
        work: Work,
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        *,
        describe_error: Callable[[BaseException], str] = failure_report,
    ) -> Job | None:
        """Start `work`; `done(result)` or `failed(message)` follows on the GUI thread. Without
        `failed`, the message is shown as an error over the screen. None while busy."""
        if self.job is not None:
            return None
        job = Job(work, describe_error=describe_error)
        self.job = job
        self._done = hold(done)
        self._failed = hold(failed) if failed is not None else None  # None: show it
        job.finished.connect(self._job_finished)
        job.failed.connect(self._job_failed)
        self.busy_changed.emit(True)
        job.start(self._pool)
        return job

    def _show(self, message: str) -> None:
        from gui.notice import show_error

        screen = self.parent()
        show_error(screen if isinstance(screen, QWidget) else None, message)

    @Slot(object)
    def _job_finished(self, result: Any) -> None:
        handler = self._done()
        self._end()
        if handler is not None:
            handler(result)

    @Slot(str)
    def _job_failed(self, message: str) -> None:
        self.error = self.job.error if self.job is not None else None
        held = self._failed
        self._end()
        if held is None:
            self._show(message)
            return
        handler = held()
        if handler is not None:
            handler(message)

    def _end(self) -> None:
        self.job = None
        self._done = lambda: None
        self._failed = None
        self.busy_changed.emit(False)
