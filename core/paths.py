"""Where Dropdesk keeps its files: platformdirs' folders, or everything under DROPDESK_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Dropdesk"
LEDGER_FILE = "ledger.sqlite"


def _home() -> Path | None:
    value = os.environ.get("DROPDESK_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home()
    return home if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_ledger() -> Path:
    return data_dir() / LEDGER_FILE


def ensure_private_dir(path: Path) -> Path:
    """Create a folder readable by the user only (customer data and money live there).

    Missing folders above it are created private too: `mkdir(parents=True)` would make them
    with the umask's mode (0755, or 0777), and DROPDESK_HOME is the parent of the log folder,
    made first at start-up. Folders that exist already are left as they are.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    if not path.is_dir():
        path.mkdir(mode=0o700)  # raises FileExistsError for a file, as mkdir(exist_ok) did
    return path
