"""Why a ledger could not be opened, in words a merchant can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.texts import Text


class LedgerError(Exception):
    """A ledger problem; the message is meant for the merchant (`text` has it in German too).
    The file is left untouched."""

    def __init__(self, path: Path, message: Text | str, german: str = "") -> None:
        self.text = message if isinstance(message, Text) else Text.pair(message, german)
        super().__init__(self.text.english())
        self.path = path


class NotALedgerError(LedgerError):
    """The file is not a Dropdesk ledger (another program's file, or not SQLite at all)."""


class CorruptLedgerError(LedgerError):
    """SQLite reports damage; the latest backup should be offered."""


class NewerLedgerError(LedgerError):
    """Written by a newer Dropdesk; opening it here would risk a downgrade."""


class LedgerInUseError(LedgerError):
    """Another Dropdesk process has the ledger open."""


class ReadOnlyLedgerError(LedgerError):
    """The ledger (or its folder) cannot be written: a read-only mount, no permission. Not
    damage: commands that only read still work."""


class WalLostError(LedgerError):
    """Another program deleted (or replaced) the ledger's `-wal` file while it was open."""


class LedgerWriteError(LedgerError):
    """A change could not be written (disk full, file size limit, write error). SQLite rolled
    it back: the ledger holds what it held before the change began."""


# SQLite's result codes for a write that did not reach the disk: SQLITE_FULL (no space left),
# and the write-side I/O errors (a file size limit, `ulimit -f`, shows as SQLITE_IOERR_WRITE).
_FULL = {"SQLITE_FULL"}
_WRITE_IOERR = {
    "SQLITE_IOERR",
    "SQLITE_IOERR_WRITE",
    "SQLITE_IOERR_FSYNC",
    "SQLITE_IOERR_DIR_FSYNC",
    "SQLITE_IOERR_TRUNCATE",
    "SQLITE_IOERR_SHMSIZE",
}


def write_failure(path: Path, error: BaseException) -> LedgerWriteError | None:
    """The merchant's version of a failed write to the ledger at `path`, or None when `error`
    is something else. Looks at the DB-API error SQLAlchemy wraps, too."""
    cause = getattr(error, "orig", error)
    if not isinstance(cause, sqlite3.OperationalError):
        return None
    name = getattr(cause, "sqlite_errorname", "")
    if name in _FULL:
        reason = Text("core.ledger.errors", "the disk is full")
    elif name in _WRITE_IOERR:
        reason = Text(
            "core.ledger.errors",
            "the disk could not be written to (it may be full, or the file too large)",
        )
    else:
        return None
    return LedgerWriteError(
        path,
        Text(
            "core.ledger.errors",
            "Dropdesk could not save to {name}: {reason}. Nothing of this change was saved. "
            "Free some space and try again.",
            name=path.name,
            reason=reason,
        ),
    )
