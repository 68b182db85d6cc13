"""Pieces both connection panels use: a status line, a one-job-at-a-time runner, confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakMethod

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from core.connections import explain
from gui.i18n import current_language
from gui.jobs import Job

OK_COLOUR = "#1b7f3b"
WARN_COLOUR = "#9a5b00"
ERROR_COLOUR = "#b3261e"


def describe(error: BaseException) -> str:
    """`explain` in the language the window speaks."""
    return explain(error, current_language())


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
    """Runs a panel's background calls one at a time; `busy_changed` drives its buttons.

    The runner holds its handlers (the panel's own methods) by weak reference: a strong one
    would close a reference cycle panel -> runner -> handler -> panel, and a window in a cycle
    is destroyed by Python's cycle collector, at a moment and on a thread nobody chose (a
    worker's, mid-sync), which crashes Qt. Without the cycle a window dies with its last
    reference, on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self.job: Job | None = None
        self._handlers: tuple[WeakMethod[Callable[[Any], None]], WeakMethod[Callable[[str], None]]]

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
        which Qt disconnects when it is deleted).

        `done` and `failed` must be bound methods (of the panel); `work` must not hold the
        panel (pass what it needs, e.g. the `Connections`)."""
        if self.job is not None:
            return None
        handlers = (WeakMethod(done), WeakMethod(failed))  # TypeError for anything else
        job = Job(lambda _progress, _cancelled: work(), describe_error=describe)
        self.job = job
        self._handlers = handlers
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.busy_changed.emit(True)
        job.start(self._pool)
        return job

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._end()
        done = self._handlers[0]()
        if done is not None:
            done(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end()
        failed = self._handlers[1]()
        if failed is not None:
            failed(message)

    def _end(self) -> None:
        self.job = None
        self.busy_changed.emit(False)


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
