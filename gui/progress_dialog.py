"""A modeless progress window for one background `Job`: what is happening, a bar, and Cancel.

Modeless so the merchant can keep reading the ledger while a sync runs. Cancel (or closing the
window, or Escape) asks the job to stop; the window stays until the job has really stopped,
so the merchant sees that it did. It closes itself when the job ends, however it ends.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.jobs import Job


def _tr(text: str) -> str:
    return QCoreApplication.translate("JobProgressDialog", text)


class JobProgressDialog(QDialog):
    """Shows `job`'s progress as "done of total <unit>"; a total of 0 means "not known yet"."""

    def __init__(
        self,
        job: Job,
        title: str,
        text: str,
        parent: QWidget | None = None,
        *,
        unit: str = "orders",
    ) -> None:
        super().__init__(parent)
        self.job = job
        self.unit = unit
        self.setWindowTitle(title)
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumWidth(420)

        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setTextVisible(False)
        self.counter = QLabel(_tr("Starting…"))
        self.counter.setObjectName("progressCounter")
        self.cancel_button = QPushButton(_tr("Cancel"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.request_cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.counter)
        layout.addWidget(buttons)

        self._ended = False
        job.progressed.connect(self._progressed)
        job.finished.connect(self._ended_now)
        job.failed.connect(self._ended_now)

    @property
    def cancelling(self) -> bool:
        return not self.cancel_button.isEnabled()

    def request_cancel(self) -> None:
        """Ask the job to stop after the step it is doing; the window closes when it has."""
        if self._ended or self.cancelling:
            return
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.counter.setText(_tr("Stopping after the current step…"))

    def _progressed(self, done: int, total: int) -> None:
        if self.cancelling:
            return
        locale = QLocale()
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.counter.setText(
                _tr("{0} of {1} {2}").format(
                    locale.toString(done), locale.toString(total), self.unit
                )
            )
        else:
            self.bar.setRange(0, 0)
            self.counter.setText(_tr("{0} {1}").format(locale.toString(done), self.unit))

    def _ended_now(self, _result: object) -> None:
        self._ended = True
        self.accept()

    def reject(self) -> None:  # Escape
        if self._ended:
            super().reject()
        else:
            self.request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._ended:
            super().closeEvent(event)
        else:
            self.request_cancel()
            event.ignore()
