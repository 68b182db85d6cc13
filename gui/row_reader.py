"""A list screen's rows, read off the GUI thread (the Cancellations and Chargebacks views).

One read at a time: asked to read again while a read runs (a refresh after a sync, F5), it
reads once more when that read ends, so what the screen shows is never older than the last ask
and no two reads race to be shown. The handlers are held as `gui.jobs.JobSlot` holds them (a
screen's own methods weakly: a closed screen gets no late rows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool

from gui.jobs import JobSlot, hold


class RowReader(QObject):
    """Reads rows with `read()` (off the GUI thread); `shown(rows)` or `failed(message)`."""

    def __init__(
        self,
        parent: QObject,
        read: Callable[[], Any],
        shown: Callable[[Any], None],
        failed: Callable[[str], None],
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._slot = JobSlot(self, pool)
        self._read = read
        self._shown = hold(shown)
        self._failed = hold(failed)
        self._again = False

    @property
    def busy(self) -> bool:
        return self._slot.busy

    def refresh(self) -> None:
        """Read the rows (again once the read under way ends)."""
        if self._slot.busy:
            self._again = True
            return
        read = self._read
        self._slot.run(lambda _progress, _cancelled: read(), self._read_done, self._read_failed)

    def _read_done(self, rows: Any) -> None:
        if self._again:
            self._again = False
            self.refresh()
            return
        handler = self._shown()
        if handler is not None:
            handler(rows)

    def _read_failed(self, message: str) -> None:
        self._again = False
        handler = self._failed()
        if handler is not None:
            handler(message)
