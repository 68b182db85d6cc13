"""Window geometry and UI state: QSettings in an INI file beside the ledger's data folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from core import paths


def ui_settings() -> QSettings:
    folder = paths.ensure_private_dir(paths.data_dir())
    return QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
