"""What the merchant sees when a ledger cannot be used: why, and the ways out.

The problem file is never overwritten: a backup is restored into a new file beside it.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.ledger.backup import Verified, latest_verified
from gui.i18n import say


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerProblem", text)


class Choice(Enum):
    OPEN_OTHER = auto()
    RESTORE_BACKUP = auto()
    QUIT = auto()


def ask(parent: QWidget | None, path: Path, message: str) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("This ledger cannot be opened"))
    box.setText(message)
    backup = latest_verified(path)  # only a backup that passes its check now is offered
    when = say(backup.when(datetime.now(UTC))) if backup else ""
    box.setInformativeText(
        _tr("Dropdesk has not changed the file.")
        + (" " + _tr("The latest backup is from {0}.").format(when) if backup else "")
    )
    other = box.addButton(_tr("Open another ledger…"), QMessageBox.ButtonRole.AcceptRole)
    restore = (
        box.addButton(_tr("Restore latest backup"), QMessageBox.ButtonRole.ActionRole)
        if backup
        else None
    )
    box.addButton(_tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is other:
        return Choice.OPEN_OTHER
    if restore is not None and clicked is restore:
        return Choice.RESTORE_BACKUP
    return Choice.QUIT


def pick_ledger(parent: QWidget | None, start: Path) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("Open ledger"),
        str(start.parent),
        _tr("Dropdesk ledgers (*.sqlite *.db);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def restore_copy(path: Path, backup: Verified | None = None) -> Path | None:
    """Copy the newest verified backup (or `backup`) to a new file beside the ledger and
    return it; None when no backup passes its check."""
    backup = backup or latest_verified(path)
    if backup is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    for number in range(1, 1000):  # never over an earlier restored copy (the same second)
        extra = f"-{number}" if number > 1 else ""
        target = path.with_name(f"{path.stem}-restored-{stamp}{extra}{path.suffix or '.sqlite'}")
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        shutil.copyfile(backup.path, target)
        target.chmod(0o600)
        return target
    return None
