"""Opening a ledger file safely: refuse what is not ours, migrate what is, never overwrite.

A ledger that is already at this code's schema opens with the standard library alone; the
SQLAlchemy engine (and SQLModel sessions) load on first use, so the window can show the first
rows of a big ledger before they have.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from core.ledger.errors import (
    CorruptLedgerError,
    LedgerError,
    LedgerInUseError,
    NewerLedgerError,
    NotALedgerError,
    write_failure,
)
from core.ledger.header import APPLICATION_ID, SCHEMA_REVISION, read_header, stored_revision
from core.ledger.lockfile import LockFile
from core.paths import ensure_private_dir

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

log = logging.getLogger(__name__)


class Ledger:
    """An open ledger file: the engine, sessions, a reader for the window, and whether the
    last run ended cleanly."""

    def __init__(
        self, path: Path, *, unclean: bool, lock: LockFile | None, read_only: bool = False
    ) -> None:
        self.path = path
        self.unclean = unclean  # the previous run did not close the ledger: check it
        self._lock = lock  # None when opened only for reading
        self.read_only = read_only  # every connection is mode=ro and query_only

    @cached_property
    def engine(self) -> Engine:
        if self.read_only:
            from core.ledger import read_only

            return read_only.make_engine(self.path)
        from core.ledger.engine import make_engine  # SQLAlchemy loads here, on first use

        return make_engine(self.path)

    @cached_property
    def reader(self) -> sqlite3.Connection:
        """A plain read-only connection for the window's lists (any thread may read through
        it; SQLite serialises the calls)."""
        if self.read_only:
            from core.ledger import read_only

            return read_only.connect(self.path, check_same_thread=False)
        connection = sqlite3.connect(self.path, timeout=15, check_same_thread=False)
        connection.execute("PRAGMA query_only = ON")
        return connection

    @property
    def _marker(self) -> Path:
        return self.path.with_name(self.path.name + ".open")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is one transaction: committed on success, rolled back on error
        (LedgerWriteError when it could not be written, e.g. the disk is full)."""
        from sqlmodel import Session

        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException as error:
                session.rollback()
                failure = write_failure(self.path, error)  # raw DB-API writes (bulk imports)
                if failure is not None:
                    raise failure from error
                raise

    def close(self) -> None:
        if "reader" in self.__dict__:
            self.reader.close()
        if "engine" in self.__dict__:
            self.engine.dispose()
        if self._lock is not None:
            self._marker.unlink(missing_ok=True)
            self._lock.release()
            self._lock = None


def open_ledger(path: Path, *, for_reading: bool = False) -> Ledger:
    """Open (creating if absent) and migrate the ledger at `path`; LedgerError says why not.

    One process at a time may open a ledger to work on it (a lock file beside it). Commands
    that only read, such as `dropdesk due` from a scheduler, pass `for_reading=True`: no lock,
    no migration, no creation, so they run beside an open app.
    """
    path = path.expanduser().resolve()
    if path.is_dir():
        raise NotALedgerError(
            path,
            f"{path} is a folder, not a ledger file.",
            f"{path} ist ein Ordner, kein Auftragsbuch.",
        )
    fresh = not path.exists() or path.stat().st_size == 0
    if for_reading:
        return _open_for_reading(path, fresh)
    if not fresh:
        _check_identity(path)
    ensure_private_dir(path.parent)
    lock = _lock(path)
    try:
        if fresh:  # created private before SQLite opens it: -wal and -shm inherit the mode
            path.touch(mode=0o600)
            path.chmod(0o600)
        if fresh or _revision(path) != SCHEMA_REVISION:
            _upgrade(path, fresh)
    except BaseException:
        lock.release()
        raise
    marker = path.with_name(path.name + ".open")
    unclean = marker.exists()
    marker.touch(mode=0o600)
    return Ledger(path, unclean=unclean, lock=lock)


def _revision(path: Path) -> str | None:
    try:
        return stored_revision(path)
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from None
    except UnicodeDecodeError:  # SQLite's message quotes damaged (non-UTF-8) schema text
        raise _garbled(path) from None


def _upgrade(path: Path, fresh: bool) -> None:
    """Create or migrate the schema with Alembic (loaded only when there is work for it), on an
    engine of its own: the ledger's opens on first use, configured like every connection."""
    from sqlalchemy.exc import DatabaseError

    from core.ledger import migrate
    from core.ledger.engine import make_engine

    engine = make_engine(path)
    try:
        migrate.upgrade(engine, path)
        if fresh:
            with engine.connect() as connection:  # the application id into the header
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except DatabaseError as error:
        raise _damaged(path, error.orig) from None
    except UnicodeDecodeError:
        raise _garbled(path) from None
    finally:
        engine.dispose()


def _lock(path: Path) -> LockFile:
    lock = LockFile(path.with_name(path.name + ".lock"))
    try:
        acquired = lock.acquire()
    except OSError as error:  # no right to write beside it, or a symlink planted as the lock
        reason = error.strerror or str(error)
        raise LedgerError(
            path,
            f"{path.name} cannot be opened: its lock file {lock.path.name} cannot be made "
            f"({reason}).",
            f"{path.name} lässt sich nicht öffnen: seine Sperrdatei {lock.path.name} lässt sich "
            f"nicht anlegen ({reason}).",
        ) from None
    if not acquired:
        raise LedgerInUseError(
            path,
            f"{path.name} is open in another Dropdesk window. Switch to that window, or close "
            "it and try again.",
            f"{path.name} ist in einem anderen Dropdesk-Fenster geöffnet. Wechseln Sie in jenes "
            "Fenster, oder schließen Sie es und versuchen Sie es noch einmal.",
        )
    return lock


def _open_for_reading(path: Path, fresh: bool) -> Ledger:
    if fresh:
        raise NotALedgerError(
            path, f"There is no ledger at {path}.", f"Unter {path} liegt kein Auftragsbuch."
        )
    _check_identity(path)
    revision = _revision(path)
    if revision != SCHEMA_REVISION:
        from core.ledger.migrate import revisions_in_order  # Alembic, only on this path

        if revision is not None and revision not in revisions_in_order():
            raise NewerLedgerError(
                path,
                f"{path.name} was written by a newer Dropdesk (schema {revision}). Update "
                "Dropdesk to read it; this version will not touch it.",
                f"{path.name} stammt von einem neueren Dropdesk (Schema {revision}). "
                "Aktualisieren Sie Dropdesk, um es zu lesen; diese Version verändert es nicht.",
            )
        raise LedgerError(
            path,
            f"{path.name} needs an upgrade to this Dropdesk version, and this command only "
            "reads: open it once in the Dropdesk app, which upgrades it (after a backup), then "
            "run the command again. The file was not changed.",
            f"{path.name} muss für diese Dropdesk-Version aktualisiert werden, und dieser Befehl "
            "liest nur: öffnen Sie es einmal in der Dropdesk-App, die es (nach einer Sicherung) "
            "aktualisiert, und starten Sie den Befehl dann noch einmal. Die Datei wurde nicht "
            "verändert.",
        )
    return Ledger(path, unclean=False, lock=None, read_only=True)


def _check_identity(path: Path) -> None:
    is_sqlite, app_id = read_header(path)
    if not is_sqlite:
        raise NotALedgerError(
            path,
            f"{path.name} is not a Dropdesk ledger (not an SQLite file).",
            f"{path.name} ist kein Dropdesk-Auftragsbuch (keine SQLite-Datei).",
        )
    if app_id == APPLICATION_ID:
        return
    # The header may be stale while the id still sits in the WAL: ask SQLite before refusing.
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as probe:
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from None
    except UnicodeDecodeError:
        raise _garbled(path) from None
    if app_id != APPLICATION_ID and tables:
        raise NotALedgerError(
            path,
            f"{path.name} is an SQLite file of another program, not a Dropdesk ledger.",
            f"{path.name} ist eine SQLite-Datei eines anderen Programms, kein "
            "Dropdesk-Auftragsbuch.",
        )


def check_integrity(path: Path, *, quick: bool = True) -> list[str]:
    """SQLite's own check of the whole file (slow on big ledgers: run it off the GUI thread)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as probe:
            rows = [row[0] for row in probe.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    except UnicodeDecodeError:
        return [str(_garbled(path))]
    return [] if rows == ["ok"] else rows


def _garbled(path: Path) -> CorruptLedgerError:
    """Damage that reaches SQLite's schema text: even its error message cannot be read."""
    return CorruptLedgerError(
        path,
        f"{path.name} is damaged: its table definitions are garbled.",
        f"{path.name} ist beschädigt: seine Tabellendefinitionen sind unlesbar.",
    )


def _damaged(path: Path, error: object) -> CorruptLedgerError:
    return CorruptLedgerError(
        path, f"{path.name} is damaged: {error}", f"{path.name} ist beschädigt: {error}"
    )


def count_rows(ledger: Ledger, table: str) -> int:
    return int(ledger.reader.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
