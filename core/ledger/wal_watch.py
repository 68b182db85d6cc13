"""Notice when another program deletes the ledger's `-wal` file while Dropdesk has it open.

In WAL mode the latest committed transactions live in `<ledger>-wal` until a checkpoint copies
them into the ledger. A cleaner or sync tool that deletes that file does not stop SQLite: it
keeps writing to the deleted file through its open descriptor, and the next connection (or the
next start) makes a new, empty one; every order committed since the last checkpoint is gone,
silently. So before each transaction begins and before it commits, the `-wal` this connection
uses must still be the file at its name (same device and inode). When it is not: the
committed transactions are copied into the ledger once, through this connection's descriptor
of the deleted file (a checkpoint), every later write is refused, and the merchant is told.
Reads are not watched: a deletion is noticed at the next write.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event

from core.ledger.errors import WalLostError
from core.texts import Text

log = logging.getLogger(__name__)
_KEY = "dropdesk_wal"  # in Connection.info: kept for the life of the DB-API connection


def watch(engine: Engine, path: Path) -> None:
    wal = path.with_name(path.name + "-wal")
    state: dict[str, WalLostError | None] = {"lost": None}

    def check(connection: Connection, *, rescue: bool) -> None:
        lost = state["lost"]
        if lost is not None:
            raise lost
        seen = connection.info.get(_KEY)
        now = _identity(wal)
        if seen is None or now == seen:
            if now is not None:
                connection.info[_KEY] = now
            return
        if not rescue:  # mid-transaction: refused now, saved back when the next one begins
            raise _lost(path, saved=False)
        # Only a deleted file can be saved back: a new one at its name (another process opened
        # the ledger meanwhile) came with SQLite resetting the shared index of the old one.
        saved = _checkpoint(connection) if now is None else False
        log.error("The -wal of %s was deleted by another program (saved back: %s)", path, saved)
        lost = state["lost"] = _lost(path, saved)
        raise lost

    @event.listens_for(engine, "begin")
    def _before_begin(connection: Connection) -> None:
        check(connection, rescue=True)

    @event.listens_for(engine, "commit")
    def _before_commit(connection: Connection) -> None:
        check(connection, rescue=False)


def _identity(wal: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(wal)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


def _checkpoint(connection: Connection) -> bool:
    """Copy the committed frames of the deleted `-wal` into the ledger (this connection still
    holds that file open). True when all of them were copied."""
    raw: Any = connection.connection.driver_connection
    try:
        busy, logged, copied = raw.execute("PRAGMA wal_checkpoint(FULL)").fetchone()
    except Exception:
        log.exception("Checkpoint of a deleted -wal failed")
        return False
    return bool(busy == 0 and logged == copied)


def _lost(path: Path, saved: bool) -> WalLostError:
    wal = f"{path.name}-wal"
    if saved:
        return WalLostError(
            path,
            Text(
                "core.ledger.wal_watch",
                "Another program deleted {wal}, the file where {path_name} keeps its "
                "latest changes, while Dropdesk was open. Dropdesk copied the saved "
                "changes back into the ledger; this change was not made. Close "
                "Dropdesk and open it again, and keep cleaning or sync tools away from "
                "the files beside the ledger.",
                wal=wal,
                path_name=path.name,
            ),
        )
    return WalLostError(
        path,
        Text(
            "core.ledger.wal_watch",
            "Another program deleted {wal}, the file where {path_name} keeps its "
            "latest changes, while Dropdesk was open. Changes saved since Dropdesk "
            "opened the ledger may be lost; this change was not made. Close "
            "Dropdesk, check the orders, and restore the latest backup if some are "
            "missing.",
            wal=wal,
            path_name=path.name,
        ),
    )
