"""The order ledger: SQLite through SQLModel, migrated by Alembic."""

from core.ledger.errors import CorruptLedgerError, LedgerError, NewerLedgerError, NotALedgerError
from core.ledger.store import Ledger, check_integrity, open_ledger

__all__ = [
    "CorruptLedgerError",
    "Ledger",
    "LedgerError",
    "NewerLedgerError",
    "NotALedgerError",
    "check_integrity",
    "open_ledger",
]
