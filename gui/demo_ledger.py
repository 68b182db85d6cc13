"""The window's "Open the demo": the demo ledger in the user data folder, written on first use.

Writing 2,000 orders takes a few seconds on a slow laptop, so it runs as a background `Job`
with the usual progress window; the merchant's own ledger stays open and untouched meanwhile.
`ready(path)` says which ledger to open (the app's session opens it in place of the current
one). A demo that is there already is opened as it is: the merchant's changes to it stay.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from core import paths
from gui.formatting import number_text
from gui.i18n import say
from gui.jobs import Job
from gui.notice import Kind, tell
from gui.progress_dialog import JobProgressDialog

log = logging.getLogger(__name__)

DEMO_ORDERS = 2_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("DemoLedger", text)


class _Stopped(Exception):
    """The merchant pressed Cancel: write_demo removes its partial file on the way out."""


class DemoLedger(QObject):
    """Finds or writes the demo ledger; `ready` carries its path, `failed` the reason."""

    ready = Signal(object)  # Path
    failed = Signal(str)

    def __init__(
        self, window: QWidget, path: Path | None = None, *, orders: int = DEMO_ORDERS
    ) -> None:
        super().__init__(window)
        self._window = window
        self.path = path if path is not None else paths.demo_ledger()
        self.orders = orders
        self.job: Job | None = None
        self.progress: JobProgressDialog | None = None
        self.message_box: QMessageBox | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def open(self) -> None:
        """Say `ready` at once if the demo exists; otherwise write it first (once at a time)."""
        if self.busy:
            if self.progress is not None:
                self.progress.raise_()
            return
        if self.path.is_file() and self.path.stat().st_size > 0:
            self.ready.emit(self.path)
            return
        try:
            paths.ensure_private_dir(self.path.parent)
        except paths.FolderError as error:
            self._failed(say(error.text))
            return
        job = Job(_write(self.path, self.orders))
        self.job = job
        progress = JobProgressDialog(  # closes itself when the job ends, however it ends
            job,
            _tr("Demo ledger"),
            _tr("Writing a demo ledger with {0} made-up orders…").format(number_text(self.orders)),
            self._window,
            unit=_tr("orders"),
        )
        progress.setObjectName("demoProgress")
        self.progress = progress
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.start()
        progress.show()

    def _finished(self, written: Path | None) -> None:
        self._end()
        if written is not None:
            log.info("Demo ledger written: %s", written)
            self.ready.emit(written)

    def _failed(self, message: str) -> None:
        self._end()
        log.warning("Demo ledger not written: %s", message)
        box = tell(self._window, _tr("The demo could not be written"), message, Kind.WARNING)
        box.setObjectName("demoFailed")
        self.message_box = box
        self.failed.emit(message)

    def _end(self) -> None:
        self.job = None
        self.progress = None


def _write(
    path: Path, orders: int
) -> Callable[[Callable[[int, int], None], Callable[[], bool]], Path | None]:
    """The background work: the demo at `path`, or None when cancelled (nothing is left)."""

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Path | None:
        from core.demo import write_demo  # SQLAlchemy and the ledger's writer: on first use

        def report(done: int, total: int) -> None:
            if cancelled():
                raise _Stopped
            progress(done, total)

        try:
            return write_demo(path, orders, progress=report).path
        except _Stopped:
            return None

    return work
