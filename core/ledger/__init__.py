"""The order ledger: SQLite through SQLModel, migrated by Alembic."""

from core.ledger.errors import (
    CorruptLedgerError,
    LedgerError,
    LedgerInUseError,
    LedgerWriteError,
    NewerLedgerError,
    NotALedgerError,
)
from core.ledger.store import Ledger, check_integrity, open_ledger

__all__ = [
    "CorruptLedgerError",
    "Ledger",
    "LedgerError",
    "LedgerInUseError",
    "LedgerWriteError",
    "NewerLedgerError",
    "NotALedgerError",
    "check_integrity",
    "open_ledger",
]
