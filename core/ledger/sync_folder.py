"""Is a ledger file inside a cloud sync folder (Dropbox, OneDrive, iCloud Drive, Google Drive)?

Sync clients copy a file while SQLite writes it and its `-wal` beside it, upload the two at
different moments, and turn two machines' changes into "conflicted copies": the classic way an
SQLite file ends up damaged or split in two. Dropdesk still opens such a ledger (it may be the
only copy), but says so in words and names the way that works for two machines: a ledger on
a PostgreSQL server. Standard library only (it runs on every open, before the first frame).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from core.texts import Text

# Folder names the clients create (compared case-insensitively, per path component).
_NAMED = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "icloud drive": "iCloud Drive",
    "icloudrive": "iCloud Drive",  # Windows: %USERPROFILE%\iCloudDrive
    "iclouddrive": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",  # macOS: ~/Library/Mobile Documents/com~apple~CloudDocs
    "google drive": "Google Drive",
    "my drive": "Google Drive",  # Google Drive for desktop: G:\My Drive, .../GoogleDrive-x/My Drive
}
# Prefixes: "Dropbox (Company)", "OneDrive - Contoso", macOS ~/Library/CloudStorage/<Provider>-...
_PREFIXES = (
    ("dropbox (", "Dropbox"),
    ("dropbox-", "Dropbox"),
    ("onedrive -", "OneDrive"),
    ("onedrive-", "OneDrive"),
    ("googledrive-", "Google Drive"),
)


def sync_service(path: Path, home: Path | None = None) -> str | None:
    """The sync service whose folder holds `path`, or None."""
    resolved = Path(os.path.abspath(path))
    for part in resolved.parts[:-1]:  # the folders, not the file's own name
        lowered = part.lower()
        if lowered in _NAMED:
            return _NAMED[lowered]
        for prefix, service in _PREFIXES:
            if lowered.startswith(prefix):
                return service
    for folder in _dropbox_folders(home or Path.home()):
        if resolved.is_relative_to(folder):
            return "Dropbox"
    return None


def _dropbox_folders(home: Path) -> list[Path]:
    """Dropbox folders renamed or moved by the user, from the client's own info.json."""
    found: list[Path] = []
    for info in (home / ".dropbox" / "info.json",):
        try:
            accounts = json.loads(info.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(accounts, dict):
            for account in accounts.values():
                if isinstance(account, dict) and isinstance(account.get("path"), str):
                    found.append(Path(account["path"]))
    return found


def warning(path: Path, home: Path | None = None) -> Text | None:
    """What to tell the merchant about a ledger file in a sync folder (None: nothing)."""
    service = sync_service(path, home)
    if service is None:
        return None
    return Text(
        "core.ledger.sync_folder",
        "{path_name} is in a {service} folder. {service} copies the ledger "
        "while Dropdesk writes it, which can damage it or split it into "
        "conflicting copies, above all when two computers use it. Keep the "
        "ledger in a folder that is not synced (Dropdesk backs it up daily). "
        "To work from two computers, put the ledger on a PostgreSQL server: "
        "`dropdesk ledger copy` moves it there, then open "
        "postgresql://user@host/database.",
        path_name=path.name,
        service=service,
    )
