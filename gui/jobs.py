"""Long work off the GUI thread: a callable on the global QThreadPool, reporting by signals.

The callable receives `progress(done, total)` and `cancelled() -> bool`; the job emits
`progressed`, then exactly one of `finished(result)` or `failed(message)`.

A started job's Qt object is owned by the application, not by Python, and deletes itself on
the GUI thread (`deleteLater`) once its last signal is queued. Python-owned, it would die
wherever its last reference did: in the pool thread when that held it last, or in whatever
thread Python's cycle collector ran when a closed window still pointed at it. A QObject destroyed
off its own thread corrupts Qt's and PySide's bookkeeping, and the app crashes later, anywhere.
Python attributes (`done`, `cancel()`) keep working after the Qt object is gone; connect to the
signals before `start()` or right after it, in the same GUI-thread call.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class Job(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, describe_error: Callable[[BaseException], str] = str) -> None:
        super().__init__()
        self._work = work
        self._describe_error = describe_error
        self._cancel = threading.Event()
        self.done = threading.Event()
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
            log.exception("Background job failed")
            self.failed.emit(self._describe_error(error))
        else:
            self.finished.emit(result)
        finally:
            self.done.set()
            if self._owned_by_qt:
                # Posted after the queued signals above, so every receiver gets them first.
                self.deleteLater()
