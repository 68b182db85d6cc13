"""Long work off the GUI thread: a callable on the global QThreadPool, reporting by signals.

The callable receives `progress(done, total)` and `cancelled() -> bool`; the job emits
`progressed`, then exactly one of `finished(result)` or `failed(message)`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

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
