"""Why a ledger could not be opened, in words a merchant can act on."""

from __future__ import annotations

from pathlib import Path


class LedgerError(Exception):
    """A ledger problem; the message is meant for the merchant. The file is left untouched."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class NotALedgerError(LedgerError):
    """The file is not a Dropdesk ledger (another program's file, or not SQLite at all)."""


class CorruptLedgerError(LedgerError):
    """SQLite reports damage; the latest backup should be offered."""


class NewerLedgerError(LedgerError):
    """Written by a newer Dropdesk; opening it here would risk a downgrade."""


class LedgerInUseError(LedgerError):
    """Another Dropdesk process has the ledger open."""
