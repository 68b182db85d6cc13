"""Keep a damaged ledger readable but unwritable, through SQLite's authorizer.

Writing to a file SQLite finds damaged can spread the damage (a b-tree rebalanced over a bad
page) and make a restore lose more. Reading it is still useful: the merchant sees what is there
and chooses a backup. So once the check before the first write fails, every connection of the
engine gets an authorizer that lets reads through and denies, when a statement is prepared,
anything that would change the file; the denial (SQLITE_AUTH) reaches the caller as the
CorruptLedgerError that says why. Raw DB-API writers (bulk imports) meet the same denial;
Ledger.session turns it into that error too.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, event

from core.ledger.errors import CorruptLedgerError

_READS = {
    sqlite3.SQLITE_SELECT,
    sqlite3.SQLITE_READ,
    sqlite3.SQLITE_FUNCTION,
    sqlite3.SQLITE_RECURSIVE,
    sqlite3.SQLITE_TRANSACTION,
    sqlite3.SQLITE_SAVEPOINT,
}


def _authorize(action: int, arg1: str | None, arg2: str | None, *_: object) -> int:
    if action in _READS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg2 is None:  # asking, not setting (nor checkpoint)
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def denied(error: BaseException) -> bool:
    """Whether `error` (or the DB-API error SQLAlchemy wraps) is the authorizer's denial."""
    cause = getattr(error, "orig", error)
    return getattr(cause, "sqlite_errorname", "") == "SQLITE_AUTH"


def refuse_writes(engine: Engine, damage: CorruptLedgerError) -> None:
    @event.listens_for(engine, "connect")
    def _guard(dbapi_connection: Any, _record: Any) -> None:  # after the engine's own pragmas
        dbapi_connection.set_authorizer(_authorize)

    @event.listens_for(engine, "handle_error")
    def _say_why(context: Any) -> None:
        if denied(context.original_exception):
            raise damage
