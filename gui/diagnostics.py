"""Help > Open logs folder and Help > Save diagnostics…, for the About dialog and the menu.

The zip is built by `core.diagnostics` (no Qt, tested without a window) in a background job:
it reads the whole customer table to hide names and runs SQLite's quick_check, which takes
seconds on a big ledger.
"""

from __future__ import annotations

import logging
from pathlib import Path

import PySide6
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal, qVersion
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from core import diagnostics, paths, redaction
from gui.jobs import JobSlot
from gui.links import open_link
from gui.notice import Kind, tell

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Diagnostics", text)


def qt_version() -> str:
    """The Qt library in use and the PySide6 binding (they may differ by a patch release)."""
    return f"{qVersion()} (PySide6 {PySide6.__version__})"


def open_logs_folder(parent: QWidget | None = None) -> bool:
    """Show the log folder in the file manager (created first, private, if it is missing);
    if none opens, the merchant is told where it is."""
    folder = paths.ensure_private_dir(paths.log_dir())
    return open_link(parent, QUrl.fromLocalFile(str(folder)))


class DiagnosticsSaver(QObject):
    """Saves the diagnostics zip for one ledger, off the GUI thread."""

    saved = Signal(object)  # Path of the zip
    failed = Signal(str)  # why, for the merchant
    busy_changed = Signal(bool)

    def __init__(self, ledger_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger_path = ledger_path
        self._parent = parent
        self._asked_from: QWidget | None = None  # where the merchant asked: answers go there
        self._slot = JobSlot(self)
        self._slot.busy_changed.connect(self.busy_changed)
        self._tell_merchant = False  # a message box at the end (the menu), or only signals

    @property
    def busy(self) -> bool:
        return self._slot.busy

    def choose_and_save(self, window: QWidget | None = None) -> None:
        """Ask where to save (suggesting a dated name in the home folder), then save; tell
        the merchant where the file went, or why it could not be written. Questions and
        answers appear over `window` (default: the parent), or over the parent if `window`
        (a dialog) was closed meanwhile."""
        if self.busy:
            return
        self._asked_from = window
        suggested = Path.home() / diagnostics.suggested_file_name()
        chosen, _ = QFileDialog.getSaveFileName(
            self._answer_parent(),
            _tr("Save diagnostics"),
            str(suggested),
            _tr("Zip archive (*.zip)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        self._tell_merchant = True
        self.save_to(target)

    def save_to(self, target: Path) -> None:
        """Write the zip to `target` in the background; `saved` or `failed` follows."""
        if self.busy:
            return
        ledger_path, folder, qt = self.ledger_path, paths.log_dir(), qt_version()
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._slot.run(
            lambda _progress, _cancelled: diagnostics.save(
                target, ledger_path, folder, qt_version=qt
            ),
            self._finished,
            self._failed,
            describe_error=lambda error: _tr("The diagnostics could not be saved: {0}").format(
                redaction.redact(str(error))
            ),
        )

    def _end(self) -> bool:
        tell, self._tell_merchant = self._tell_merchant, False
        QApplication.restoreOverrideCursor()
        return tell

    def _finished(self, target: Path) -> None:
        if self._end():
            self._tell_saved(target)
        self.saved.emit(target)

    def _failed(self, message: str) -> None:
        if self._end():
            self._tell_failed(message)
        self.failed.emit(message)

    def _answer_parent(self) -> QWidget | None:
        window = self._asked_from
        return window if window is not None and shiboken6.isValid(window) else self._parent

    def _tell_saved(self, target: Path) -> None:
        tell(
            self._answer_parent(),
            _tr("Diagnostics saved"),
            _tr(
                "Saved to {0}.\n\nIt holds versions, settings, the ledger's size and the end of "
                "the log, without secrets or customer details. Attach it to your message to "
                "support."
            ).format(target),
        )

    def _tell_failed(self, message: str) -> None:
        tell(self._answer_parent(), _tr("Diagnostics not saved"), message, Kind.WARNING)
