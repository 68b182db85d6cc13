"""Pieces both connection panels use: a status line, a one-job-at-a-time runner, confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from core.connections import explain
from gui.jobs import Job

OK_COLOUR = "#1b7f3b"
WARN_COLOUR = "#9a5b00"
ERROR_COLOUR = "#b3261e"


def tr(text: str) -> str:
    return QCoreApplication.translate("Connections", text)


class StatusLine(QLabel):
    """One line (or a few) saying what the last action did, coloured by outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = ""

    def show_text(self, text: str, kind: str = "") -> None:
        colours = {"ok": OK_COLOUR, "warn": WARN_COLOUR, "error": ERROR_COLOUR}
        self.kind = kind
        colour = colours.get(kind)
        self.setStyleSheet(f"color: {colour};" if colour else "")
        self.setText(text)


def secret_field(accessible_name: str) -> QLineEdit:
    """A password field: typed text is hidden, and the stored secret is never put in it."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setClearButtonEnabled(True)
    return field


class Runner(QObject):
    """Runs a panel's background calls one at a time; `busy_changed` drives its buttons."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self.job: Job | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> Job | None:
        """Start `work` off the GUI thread; `done(result)` or `failed(message)` follows, unless
        the panel was closed meanwhile (the job's signals go to this object's own slots,
        which Qt disconnects when it is deleted)."""
        if self.job is not None:
            return None
        job = Job(lambda _progress, _cancelled: work(), describe_error=explain)
        self.job = job
        self._handlers = (done, failed)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.busy_changed.emit(True)
        job.start(self._pool)
        return job

    @Slot(object)
    def _finished(self, result: Any) -> None:
        done, _failed = self._end()
        done(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        _done, failed = self._end()
        failed(message)

    def _end(self) -> tuple[Callable[[Any], None], Callable[[str], None]]:
        self.job = None
        self.busy_changed.emit(False)
        return self._handlers


def confirm(parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before something that cannot be undone; `on_yes` runs only after "Remove"."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    remove = box.addButton(tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def answered() -> None:
        if box.clickedButton() is remove:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box
