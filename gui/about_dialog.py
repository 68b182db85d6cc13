"""Help > About Dropdesk: the version, where the ledger and the logs are, and the two ways to
help support (open the logs folder, save a diagnostics zip)."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import diagnostics, paths
from gui.diagnostics import DiagnosticsSaver, open_logs_folder, qt_version
from gui.palette import app_icon

ICON_SIZE = 64


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutDialog", text)


def _value(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


class AboutDialog(QDialog):
    def __init__(self, ledger_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("About Dropdesk"))
        self.version = diagnostics.app_version()

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))  # at the screen's pixel ratio
        icon.setAccessibleName(_tr("Dropdesk icon"))
        self.title = title = QLabel(_tr("<h2>Dropdesk {0}</h2>").format(self.version))
        title.setObjectName("aboutTitle")
        title.setAccessibleName(_tr("Dropdesk version {0}").format(self.version))
        blurb = QLabel(
            _tr(
                "Ship windows, cancellations and refunds for Shopify merchants who buy from "
                "AliExpress suppliers."
            )
        )
        blurb.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(blurb)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.facts = QFormLayout()
        self.log_folder = paths.log_dir()
        rows = (
            (_tr("Version"), self.version),
            (_tr("Ledger"), str(ledger_path) if ledger_path else _tr("none open")),
            (_tr("Log folder"), str(self.log_folder)),
            (_tr("Qt"), qt_version()),
            (_tr("Python"), f"{platform.python_version()} ({sys.platform})"),
            (_tr("System"), platform.platform()),
        )
        self.values: dict[str, QLabel] = {}
        for caption, text in rows:
            value = _value(text, caption)
            self.values[caption] = value
            self.facts.addRow(caption + ":", value)

        self.open_logs_button = QPushButton(_tr("Open &logs folder"))
        self.open_logs_button.setToolTip(_tr("Show the log files in the file manager"))
        self.open_logs_button.clicked.connect(lambda: open_logs_folder(self))
        self.diagnostics_button = QPushButton(_tr("Save &diagnostics…"))
        self.diagnostics_button.setToolTip(
            _tr("Save a zip for support: versions, settings, ledger size, the end of the log")
        )
        # Owned by the main window when there is one: a save outlives a closed About dialog.
        self.saver = DiagnosticsSaver(ledger_path, parent if parent is not None else self)
        self.diagnostics_button.clicked.connect(lambda: self.saver.choose_and_save(self))
        self.saver.busy_changed.connect(self._show_busy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.diagnostics_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(self.facts)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _show_busy(self, busy: bool) -> None:
        self.diagnostics_button.setEnabled(not busy)


def show_about(parent: QWidget | None, ledger_path: Path | None) -> AboutDialog:
    """Open the About dialog window-modal (without a nested event loop); it deletes itself."""
    dialog = AboutDialog(ledger_path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
