"""Opening a ledger file safely: refuse what is not ours, migrate what is, never overwrite.

A ledger that is already at this code's schema opens with the standard library alone; the
SQLAlchemy engine (and SQLModel sessions) load on first use, so the window can show the first
rows of a big ledger before they have.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from core.ledger import read_only, sync_folder
from core.ledger.bulk import SEARCH_TABLE
from core.ledger.errors import (
    CorruptLedgerError,
    LedgerError,
    LedgerInUseError,
    NewerLedgerError,
    NotALedgerError,
    ReadOnlyLedgerError,
    write_failure,
)
from core.ledger.header import (
    APPLICATION_ID,
    SCHEMA_REVISION,
    read_header,
    stored_revision,
)
from core.ledger.lockfile import LedgerLock, held_in_this_process
from core.ledger.read_only import READ_ONLY_MOUNT, why_read_only
from core.ledger.server_address import is_server_address
from core.paths import ensure_private_dir
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

log = logging.getLogger(__name__)


class Ledger:
    """An open ledger file: the engine, sessions, a reader for the window, and whether the
    last run ended cleanly."""

    #: The SQL engine behind it ("sqlite" here; core.ledger.server has "postgresql").
    dialect = "sqlite"

    def __init__(self, path: Path, *, unclean: bool, lock: LedgerLock | None) -> None:
        self.path = path
        self.unclean = unclean  # the previous run did not close the ledger: check it
        self._lock = lock  # None when opened only for reading
        self._checked = lock is None  # a reader writes nothing: nothing to guard
        self._damage: CorruptLedgerError | None = None  # found by the check before writing
        #: Said to the merchant once the window is up (e.g. the file is in a sync folder).
        self.warning: Text | None = None

    @property
    def location(self) -> str:
        """What names this ledger to the merchant (a file's path, a server ledger's address)."""
        return str(self.path)

    @cached_property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use. Every write goes through it, so the check
        that keeps a damaged ledger from being written runs here, once: a damaged ledger gets
        an engine that reads but refuses every write (core.ledger.write_refusal)."""
        damage = self._damage_before_writing()
        from core.ledger.engine import make_engine  # SQLAlchemy loads here, on first use

        engine = make_engine(self.path, read_only=self._lock is None)
        if self._lock is not None:
            from core.ledger.wal_watch import watch
            from core.ledger.write_refusal import refuse_writes

            watch(engine, self.path)
            if damage is not None:
                refuse_writes(engine, damage)
        return engine

    def check_before_writing(self) -> None:
        """CorruptLedgerError when SQLite finds the ledger damaged (then nothing is written to
        it). Slow on a big ledger: the window calls it off the GUI thread."""
        damage = self._damage_before_writing()
        if damage is not None:
            raise damage

    def _damage_before_writing(self) -> CorruptLedgerError | None:
        """After an unclean shutdown the full integrity_check (it also compares every index
        with its table); after a clean one the quick_check, which reads each page once (about
        0.7 s for 200,000 orders). Runs once per open."""
        if self._checked:
            return self._damage
        problems = check_integrity(self.path, quick=not self.unclean)
        if problems and not self.unclean:
            problems = check_integrity(self.path, quick=False) or problems
        if problems:
            log.error("Ledger %s failed its check before writing: %s", self.path, problems[:5])
            self._damage = CorruptLedgerError(
                self.path,
                Text(
                    "core.ledger.store",
                    "{path_name} is damaged ({value}). Dropdesk writes nothing to it: "
                    "restore the latest backup, or open another ledger.",
                    path_name=self.path.name,
                    value=problems[0],
                ),
            )
        self._checked = True
        return self._damage

    @cached_property
    def reader(self) -> sqlite3.Connection:
        """A plain read-only connection for the window's lists (any thread may read through
        it; SQLite serialises the calls)."""
        if (
            self._lock is None
        ):  # opened for reading: perhaps beside the app, or on a read-only mount
            connection = read_only.connect(self.path, check_same_thread=False)
        else:
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
                if self._damage is not None and _denied(error):  # raw writes to a damaged one
                    raise self._damage from error
                raise

    def close(self) -> None:
        if "reader" in self.__dict__:
            self.reader.close()
        if "engine" in self.__dict__:
            self.engine.dispose()
        if self._lock is not None:
            self._marker.unlink(missing_ok=True)
            self._lock.release()  # last: closing its descriptor drops SQLite's POSIX locks
            self._lock = None


def open_ledger(path: Path | str, *, for_reading: bool = False) -> Ledger:
    """Open (creating if absent) and migrate the ledger at `path`; LedgerError says why not.

    One process at a time may open a ledger to work on it (an OS lock on the file itself, see
    core.ledger.lockfile). Commands that only read, such as `dropdesk due` from a scheduler,
    pass `for_reading=True`: no lock, no migration, no creation, so they run beside an open
    app, also on a read-only mount.

    `path` may also be a `postgresql://user@host/database` address: a ledger on a server,
    whose password comes from the OS keyring (core.ledger.server_password).
    """
    if is_server_address(path):
        from core.ledger.server_password import open_server

        return open_server(str(path), for_reading=for_reading)
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise NotALedgerError(
            path,
            Text(
                "core.ledger.store",
                "{path} is a folder, not a ledger file.",
                path=path,
            ),
        )
    fresh = not path.exists() or path.stat().st_size == 0
    if for_reading:
        return _open_for_reading(path, fresh)
    if not fresh:
        if held_in_this_process(path):  # before reading it: see core.ledger.lockfile
            raise _in_use(path)
        _check_identity(path)
    _check_writable(path)
    try:
        ensure_private_dir(path.parent)
        if fresh:  # created private before SQLite opens it: -wal and -shm inherit the mode
            path.touch(mode=0o600)
            path.chmod(0o600)
    except OSError as error:
        raise _unwritable(path, error.strerror or str(error)) from None
    lock = _lock(path)
    try:
        revision = _revision(path)
        if revision is None and _half_made(path):
            _clear(path)
        if revision != SCHEMA_REVISION:
            _upgrade(path, revision)
    except BaseException:
        lock.release()
        raise
    marker = path.with_name(path.name + ".open")
    unclean = marker.exists()
    marker.touch(mode=0o600)
    ledger = Ledger(path, unclean=unclean, lock=lock)
    ledger.warning = sync_folder.warning(path)
    if ledger.warning is not None:
        log.warning("%s", ledger.warning.english())
    return ledger


def _revision(path: Path) -> str | None:
    try:
        return stored_revision(path)
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from None
    except UnicodeDecodeError:  # SQLite's message quotes damaged (non-UTF-8) schema text
        raise _garbled(path) from None


def _upgrade(path: Path, revision: str | None) -> None:
    """Create or migrate the schema with Alembic (loaded only when there is work for it), on an
    engine of its own that runs the whole upgrade as one transaction (core.ledger.migrate)."""
    from sqlalchemy.exc import DatabaseError

    from core.ledger import migrate
    from core.ledger.engine import make_engine

    engine = make_engine(path, schema_changes=True)
    try:
        migrate.upgrade(engine, path)
        if revision is None:  # a new ledger: the application id into the file's header
            raw = engine.raw_connection()
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()
    except DatabaseError as error:
        raise _damaged(path, error.orig) from None
    except UnicodeDecodeError:
        raise _garbled(path) from None
    finally:
        engine.dispose()


def _lock(path: Path) -> LedgerLock:
    lock = LedgerLock(path)
    try:
        acquired = lock.acquire()
    except OSError as error:  # no right to write it or beside it, or a planted symlink
        reason = error.strerror or str(error)
        raise LedgerError(
            path,
            Text(
                "core.ledger.store",
                "{path_name} cannot be opened: it cannot be locked ({reason}).",
                path_name=path.name,
                reason=reason,
            ),
        ) from None
    if not acquired:
        raise _in_use(path)
    return lock


def _in_use(path: Path) -> LedgerInUseError:
    return LedgerInUseError(
        path,
        Text(
            "core.ledger.store",
            "{path_name} is open in another Dropdesk window (perhaps under another "
            "name or folder). Switch to that window, or close it and try again.",
            path_name=path.name,
        ),
    )


def _check_writable(path: Path) -> None:
    """A ledger Dropdesk may not change is refused as read-only, not as damaged: SQLite needs
    to write the file and, for its -wal and -shm, the folder."""
    folder = path.parent if path.parent.is_dir() else None  # not a folder: FolderError
    if path.exists() and not os.access(path, os.W_OK):
        raise _unwritable(path, why_read_only(path))
    if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
        raise _unwritable(path, why_read_only(folder))


def _unwritable(path: Path, reason: str) -> ReadOnlyLedgerError:
    said = {
        READ_ONLY_MOUNT: Text("core.ledger.store", "read-only file system"),
        "no permission to change it": Text("core.ledger.store", "no permission to change it"),
    }.get(reason) or Text.verbatim(reason)
    return ReadOnlyLedgerError(
        path,
        Text(
            "core.ledger.store",
            "{path_name} cannot be written (read-only: {reason}). It is not damaged: commands "
            "that only read, such as `dropdesk due`, still work. To work on it, copy it to a "
            "folder you may write to, or make it writable.",
            path_name=path.name,
            reason=said,
        ),
    )


def _open_for_reading(path: Path, fresh: bool) -> Ledger:
    if fresh:
        raise NotALedgerError(
            path, Text("core.ledger.store", "There is no ledger at {path}.", path=path)
        )
    _check_identity(path)
    revision = _revision(path)
    if revision != SCHEMA_REVISION:
        from core.ledger.migrate import revisions_in_order  # Alembic, only on this path

        if revision is not None and revision not in revisions_in_order():
            raise NewerLedgerError(
                path,
                Text(
                    "core.ledger.store",
                    "{path_name} was written by a newer Dropdesk (schema {revision}). "
                    "Update Dropdesk to read it; this version will not touch it.",
                    path_name=path.name,
                    revision=revision,
                ),
            )
        raise LedgerError(
            path,
            Text(
                "core.ledger.store",
                "{path_name} needs an upgrade to this Dropdesk version, and this "
                "command only reads: open it once in the Dropdesk app, which upgrades "
                "it (after a backup), then run the command again. The file was not "
                "changed.",
                path_name=path.name,
            ),
        )
    return Ledger(path, unclean=False, lock=None)


def _check_identity(path: Path) -> None:
    is_sqlite, app_id = read_header(path)
    if not is_sqlite:
        raise NotALedgerError(
            path,
            Text(
                "core.ledger.store",
                "{path_name} is not a Dropdesk ledger (not an SQLite file).",
                path_name=path.name,
            ),
        )
    if app_id == APPLICATION_ID:
        return
    # The header may be stale while the id still sits in the WAL: ask SQLite before refusing.
    try:
        with closing(read_only.connect(path)) as probe:
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from None
    except UnicodeDecodeError:
        raise _garbled(path) from None
    if app_id != APPLICATION_ID and tables and not _half_made(path):
        raise NotALedgerError(
            path,
            Text(
                "core.ledger.store",
                "{path_name} is an SQLite file of another program, not a Dropdesk ledger.",
                path_name=path.name,
            ),
        )


def _half_made(path: Path) -> bool:
    """A new ledger that an older Dropdesk did not finish (killed while it made the tables,
    which it committed one by one): no version stamp, only Dropdesk's tables, all empty. It
    holds nothing, so it is made again rather than refused as another program's file."""
    from sqlmodel import SQLModel

    import core.ledger.models  # noqa: F401  (registers the tables; only on this rare path)

    ours = set(SQLModel.metadata.tables) | {"alembic_version", SEARCH_TABLE}
    try:
        with closing(read_only.connect(path)) as probe:
            own = [
                name
                for (name,) in probe.execute(_TABLES)
                if not name.startswith(f"{SEARCH_TABLE}_")  # FTS5's shadow tables
            ]
            if not own or not set(own) <= ours:
                return False
            return all(
                probe.execute(f'SELECT NOT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]
                for name in own
            )
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return False


_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"


def _clear(path: Path) -> None:
    """Drop a half-made ledger's (empty) tables in one transaction, so that its creation runs
    from the start."""
    log.warning("Finishing %s: a new ledger left half-made by an older Dropdesk", path)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        names = [name for (name,) in connection.execute(_TABLES)]
        connection.execute("BEGIN IMMEDIATE")
        if SEARCH_TABLE in names:  # first: it drops its shadow tables with it
            connection.execute(f'DROP TABLE "{SEARCH_TABLE}"')
        for name in names:
            connection.execute(f'DROP TABLE IF EXISTS "{name}"')
        connection.execute("COMMIT")


def check_integrity(path: Path, *, quick: bool = True) -> list[str]:
    """SQLite's own check of the whole file (slow on big ledgers: run it off the GUI thread)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with closing(read_only.connect(path)) as probe:
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
        Text(
            "core.ledger.store",
            "{path_name} is damaged: its table definitions are garbled.",
            path_name=path.name,
        ),
    )


def _damaged(path: Path, error: object) -> CorruptLedgerError:
    return CorruptLedgerError(
        path,
        Text(
            "core.ledger.store",
            "{path_name} is damaged: {error}",
            path_name=path.name,
            error=error,
        ),
    )


def _denied(error: BaseException) -> bool:
    from core.ledger.write_refusal import denied

    return denied(error)


def count_rows(ledger: Ledger, table: str) -> int:
    return int(ledger.reader.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
