"""Long work off the GUI thread: a callable on the global QThreadPool, reporting by signals.

The callable receives `progress(done, total)` and `cancelled() -> bool`; the job emits
`progressed`, then exactly one of `finished(result)` or `failed(message)`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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

    def cancel(self) -> None:
        self._cancel.set()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

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


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job  # keeps the job (and its signals) alive while it runs

    def run(self) -> None:
        self._job._run()
