"""Where Dropdesk keeps its files: platformdirs' folders, or everything under DROPDESK_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from core.texts import Text

APP_NAME = "Dropdesk"
LEDGER_FILE = "ledger.sqlite"
DEMO_FILE = "demo.sqlite"


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


def demo_ledger() -> Path:
    """Where the window's "Open the demo" keeps its demo ledger (made once, then reopened)."""
    return data_dir() / DEMO_FILE


class FolderError(OSError):
    """One of Dropdesk's folders cannot be made or used (DROPDESK_HOME under a file, a folder
    without the right to write, a read-only disk). `text` says so in English and German."""

    def __init__(self, path: Path, error: OSError) -> None:
        blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            reason = Text("core.paths", "{blocker} is a file, not a folder", blocker=str(blocker))
        else:
            reason = Text.verbatim((error.strerror or str(error)).lower())
        self.text = Text(
            "core.paths",
            "Dropdesk cannot use its folder {path}: {reason}. Set DROPDESK_HOME (or --ledger) "
            "to a folder you can write to.",
            path=str(path),
            reason=reason,
        )
        super().__init__(error.errno, self.text.english())
        self.path = path

    def __str__(self) -> str:
        return self.text.english()


def ensure_private_dir(path: Path) -> Path:
    """Create a folder readable by the user only (customer data and money live there).

    Missing folders above it are created private too: `mkdir(parents=True)` would make them
    with the umask's mode (0755, or 0777), and DROPDESK_HOME is the parent of the log folder,
    made first at start-up. Folders that exist already are left as they are. A folder that
    cannot be made is a FolderError with the reason, never a bare OSError traceback.
    """
    try:
        missing = [folder for folder in (path, *path.parents) if not folder.exists()]
        for folder in reversed(missing):
            folder.mkdir(mode=0o700, exist_ok=True)
        if not path.is_dir():
            path.mkdir(mode=0o700)  # raises FileExistsError for a file
    except OSError as error:
        raise FolderError(path, error) from None
    return path
