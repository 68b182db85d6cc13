"""Opening a ledger file safely: refuse what is not ours, migrate what is, never overwrite."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError
from sqlmodel import Session

from core.ledger import migrate
from core.ledger.engine import APPLICATION_ID, make_engine, read_header
from core.ledger.errors import CorruptLedgerError, LedgerError, NotALedgerError
from core.paths import ensure_private_dir

log = logging.getLogger(__name__)


class Ledger:
    """An open ledger file: the engine, sessions, and whether the last run ended cleanly."""

    def __init__(self, path: Path, engine: Engine, *, unclean: bool) -> None:
        self.path = path
        self.engine = engine
        self.unclean = unclean  # the previous run did not close the ledger: check it

    @property
    def _marker(self) -> Path:
        return self.path.with_name(self.path.name + ".open")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is one transaction: committed on success, rolled back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
        self._marker.unlink(missing_ok=True)


def open_ledger(path: Path) -> Ledger:
    """Open (creating if absent) and migrate the ledger at `path`; LedgerError says why not."""
    path = path.expanduser().resolve()
    if path.is_dir():
        raise NotALedgerError(path, f"{path} is a folder, not a ledger file.")
    fresh = not path.exists() or path.stat().st_size == 0
    if not fresh:
        _check_identity(path)
    ensure_private_dir(path.parent)
    if fresh:  # created private before SQLite opens it: its -wal and -shm files inherit the mode
        path.touch(mode=0o600)
        path.chmod(0o600)
    engine = make_engine(path)
    try:
        migrate.upgrade(engine, path)
    except LedgerError:
        engine.dispose()
        raise
    except DatabaseError as error:
        engine.dispose()
        raise CorruptLedgerError(path, f"{path.name} is damaged: {error.orig}") from None
    if fresh:
        with engine.connect() as connection:  # put the application id into the file's header
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    marker = path.with_name(path.name + ".open")
    unclean = marker.exists()
    marker.touch(mode=0o600)
    return Ledger(path, engine, unclean=unclean)


def _check_identity(path: Path) -> None:
    is_sqlite, app_id = read_header(path)
    if not is_sqlite:
        raise NotALedgerError(path, f"{path.name} is not a Dropdesk ledger (not an SQLite file).")
    if app_id == APPLICATION_ID:
        return
    # The header may be stale while the id still sits in the WAL: ask SQLite before refusing.
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as probe:
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise CorruptLedgerError(path, f"{path.name} is damaged: {error}") from None
    if app_id != APPLICATION_ID and tables:
        raise NotALedgerError(
            path, f"{path.name} is an SQLite file of another program, not a Dropdesk ledger."
        )


def check_integrity(path: Path, *, quick: bool = True) -> list[str]:
    """SQLite's own check of the whole file (slow on big ledgers: run it off the GUI thread)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as probe:
            rows = [row[0] for row in probe.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if rows == ["ok"] else rows


def count_rows(ledger: Ledger, table: str) -> int:
    with ledger.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
