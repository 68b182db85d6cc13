"""Backups beside the ledger: verified, numbered and rotated by what they hold, not by the clock.

A backup is named `<ledger name>.backup-<sequence>-ev<last event id>[-<label>]`: the sequence
counts up from the largest one already there (so a clock that jumped cannot make an old copy
"the latest" or get a new one deleted at once), and the event id is the ledger's own last
change. Every copy passes SQLite's check, the application id and a schema stamp before it is
renamed into place; one that fails is removed and the error says so.

Daily backups (`-daily`, or no label) keep the newest `keep` by sequence. Pre-upgrade backups
(`-before-<revision>`) have their own rotation and are never touched by daily ones: per target
revision the first (made from the ledger as it was before any attempt) and the newest are kept,
and a retry of a failed upgrade whose ledger holds the same rows as the last pre-upgrade
backup writes no new one.

Backups of a ledger are found by listing its folder and matching the exact name (never a glob
of it: `shop [de].sqlite` must not find `shop d.sqlite`'s backups).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.ledger.errors import CorruptLedgerError, write_failure
from core.ledger.header import APPLICATION_ID
from core.ledger.types import from_db
from core.partial_files import create_partial
from core.texts import Text

BACKUP_MARK = ".backup-"
DAILY = "daily"
BEFORE = "before-"
_LABEL = re.compile(r"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*")
_CURRENT = re.compile(r"(?P<seq>[0-9]{6,})-ev(?P<event>[0-9]+)(?:-(?P<label>.+))?")
_LEGACY = re.compile(r"(?P<stamp>[0-9]{8}-[0-9]{6}-[0-9]{6})(?:-(?P<label>.+))?")  # clock-named
_SIDE_FILES = ("-wal", "-shm", "-journal")
#: How far in the future a backup's file time may lie before the clock is not trusted.
_SKEW = timedelta(minutes=5)


class BackupCheckError(CorruptLedgerError):
    """A fresh copy failed its check and was removed: the ledger itself is probably damaged."""


@dataclass(frozen=True)
class Backup:
    """One backup file and what its name says about it."""

    path: Path
    sequence: int  # 0 for backups named by the clock (before sequences existed)
    last_event: int  # the ledger's newest event id in the copy (-1 when not known)
    label: str
    stamp: str = ""  # the old clock-made name part, only to order those among themselves

    @property
    def before_upgrade(self) -> bool:
        return self.label.startswith(BEFORE)

    @property
    def made(self) -> datetime:
        """When the file says it was written (the clock then, which may have been wrong)."""
        return datetime.fromtimestamp(self.path.stat().st_mtime, UTC)


@dataclass(frozen=True)
class Contents:
    """What a verified copy holds: its newest event and the rows of each table."""

    last_event: int
    last_change: datetime | None
    rows: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Verified:
    """A backup that passed the check just now, with what it holds."""

    backup: Backup
    contents: Contents

    @property
    def path(self) -> Path:
        return self.backup.path

    def when(self, now: datetime) -> Text:
        """'2026-12-03 14:02 CET (its last change; copied 4 days ago)': the instants are fields,
        so the window writes them in the merchant's zone and date format."""
        made = self.backup.made
        if made - now > _SKEW:
            copied = Text(
                "core.ledger.backup",
                "the copy's file time lies in the future: the clock was wrong then",
            )
        else:
            age = _age(now - made)
            copied = Text("core.ledger.backup", "copied {age}", age=age)
        change = self.contents.last_change
        if change is None:
            return Text(
                "core.ledger.backup",
                "{date} ({copied})",
                date=made,
                copied=copied,
            )
        last = change
        return Text(
            "core.ledger.backup",
            "{last} (its last change; {copied})",
            last=last,
            copied=copied,
        )

    def describe(self, now: datetime) -> Text:
        """One sentence for a message: which backup and how old it is."""
        when = self.when(now)
        return Text(
            "core.ledger.backup",
            "The latest verified backup, {path_name}, is from {when}.",
            path_name=self.path.name,
            when=when,
        )


def backup(path: Path, label: str = "", keep: int = 7, *, now: datetime | None = None) -> Path:
    """Copy the ledger beside itself, check the copy, and rotate; returns the kept backup.

    The copy is made under a hidden name, private (0600) from its first byte, and linked into
    place only when complete and checked: a backup that fails (a full disk, a damaged ledger)
    leaves nothing behind that could later be offered for a restore. LedgerWriteError says
    when the disk was the cause, BackupCheckError when the copy failed its check. `now` (the
    caller's clock) becomes the file's time when given.

    Before an upgrade (`label="before-<revision>"`), a ledger that holds the same rows as the
    newest backup for that revision is not copied again: that backup is returned.
    """
    if label and (not _LABEL.fullmatch(label) or label.endswith(_SIDE_FILES)):
        raise ValueError(f"not a backup label: {label!r}")
    handle, partial = create_partial(path, "backup")  # cleaned after a kill: partial_files
    os.close(handle)
    try:
        _copy(path, partial)
        problems, contents = _check(partial)
        if contents is None:
            raise BackupCheckError(
                path,
                Text(
                    "core.ledger.backup",
                    "The backup of {path_name} failed its check ({problems}) and was "
                    "removed; {path_name} itself may be damaged.",
                    path_name=path.name,
                    problems=problems,
                ),
            )
        same = _same_as_last(path, label, contents) if label.startswith(BEFORE) else None
        if same is not None:
            return same
        target = _place(path, partial, contents.last_event, label)
    except BaseException as error:
        failure = write_failure(path, error)
        if failure is not None:
            raise failure from error
        raise
    finally:
        _remove(partial)
    target.chmod(0o600)
    if now is not None:
        os.utime(target, (now.timestamp(), now.timestamp()))
    _rotate(path, label, keep)
    return target


def backups(path: Path) -> list[Path]:
    """This ledger's backups, newest (highest sequence) first."""
    return [b.path for b in listing(path)]


def listing(path: Path) -> list[Backup]:
    """This ledger's backups with what their names say, newest first. Only names that are
    exactly `<this ledger's name>.backup-<sequence>…` count: a neighbour whose name starts
    like this one (`shop.sqlite2`, `shop.sqlite.backup-x.sqlite`) is another ledger."""
    prefix = path.name + BACKUP_MARK
    found: list[Backup] = []
    try:
        names = os.listdir(path.parent)
    except FileNotFoundError:
        return []
    for name in names:
        if not name.startswith(prefix) or name.endswith(_SIDE_FILES):
            continue
        parsed = _parse(path.parent / name, name[len(prefix) :])
        if parsed is not None:
            found.append(parsed)
    return sorted(found, key=lambda b: (b.sequence, b.stamp, b.last_event), reverse=True)


def latest_backup(path: Path) -> Path | None:
    """The newest backup that passes its check now (never an unverified one)."""
    verified = latest_verified(path)
    return verified.path if verified else None


def latest_verified(path: Path) -> Verified | None:
    """The newest backup that passes SQLite's quick_check, has the application id and a
    schema stamp, with what it holds; damaged ones are skipped (and left for support)."""
    for candidate in listing(path):
        _problems, contents = _check(candidate.path)
        if contents is not None:
            return Verified(candidate, contents)
    return None


def backup_if_due(
    path: Path, keep: int, now: datetime, every: timedelta = timedelta(days=1)
) -> Path | None:
    """The daily backup: made when the newest daily one is `every` old, or when its file time
    lies in the future (the clock jumped back, or was ahead then: it cannot be trusted, so a
    backup is made rather than skipped). Run off the GUI thread; the backup API copies a live
    ledger page by page without blocking writers long."""
    dailies = [b for b in listing(path) if not b.before_upgrade]
    if dailies:
        age = now - dailies[0].made
        if -_SKEW <= age < every:
            return None
    return backup(path, label=DAILY, keep=keep, now=now)


def _parse(file: Path, rest: str) -> Backup | None:
    current = _CURRENT.fullmatch(rest)
    if current:
        label = current["label"] or ""
        if label and not _LABEL.fullmatch(label):
            return None
        return Backup(file, int(current["seq"]), int(current["event"]), label)
    legacy = _LEGACY.fullmatch(rest)
    if legacy:
        label = legacy["label"] or ""
        if label and not _LABEL.fullmatch(label):
            return None
        return Backup(file, 0, -1, label, stamp=legacy["stamp"])
    return None


def _copy(path: Path, partial: Path) -> None:
    """SQLite's online backup into `partial`, left in rollback-journal mode so that reading
    the backup later creates no -wal or -shm beside it."""
    source = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()


def _uri_path(path: Path) -> str:
    """A file name as an SQLite URI path: `?`, `#` and `%` in it must not end it."""
    from urllib.parse import quote

    return quote(str(path), safe="/")


def _check(file: Path) -> tuple[str, Contents | None]:
    """(the problem, or '') and what the file holds if it is a sound Dropdesk ledger."""
    try:
        with sqlite3.connect(f"file:{_uri_path(file)}?mode=ro", uri=True) as probe:
            rows = [row[0] for row in probe.execute("PRAGMA quick_check")]
            if rows != ["ok"]:
                return "; ".join(str(r) for r in rows[:3]), None
            if probe.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return "not a Dropdesk ledger", None
            tables = [
                str(r[0])
                for r in probe.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            if (
                "alembic_version" not in tables
                or not probe.execute("SELECT version_num FROM alembic_version").fetchone()
            ):
                return "no schema revision", None
            counts = tuple(
                (t, int(probe.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]))
                for t in tables
                if t != "alembic_version"
            )
            last = (
                probe.execute("SELECT id, at FROM event ORDER BY id DESC LIMIT 1").fetchone()
                if "event" in tables
                else None
            )
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        return str(error) or type(error).__name__, None
    if last is None:
        return "", Contents(0, None, counts)
    return "", Contents(int(last[0]), from_db(last[1]), counts)


def _same_as_last(path: Path, label: str, contents: Contents) -> Path | None:
    """The newest sound backup for this upgrade if it holds the same rows as the ledger now
    (a retry of an upgrade that failed): copying again would only push the good one out."""
    for earlier in listing(path):
        if earlier.label != label:
            continue
        if earlier.last_event not in (-1, contents.last_event):
            return None
        _problems, held = _check(earlier.path)
        if held is None:
            continue  # damaged since: look further, and make a new one if none is sound
        return earlier.path if held.rows == contents.rows else None
    return None


def _place(path: Path, partial: Path, last_event: int, label: str) -> Path:
    """Link the checked copy in under the next free sequence number (never over a file)."""
    known = listing(path)
    sequence = (known[0].sequence if known else 0) + 1
    while True:
        name = f"{path.name}{BACKUP_MARK}{sequence:06d}-ev{last_event}"
        target = path.with_name(f"{name}-{label}" if label else name)
        try:
            os.link(partial, target)
            return target
        except FileExistsError:
            sequence += 1
        except OSError:  # no hard links here (FAT, some shares): reserve the name, then move
            try:
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                sequence += 1
                continue
            os.replace(partial, target)
            return target


def _rotate(path: Path, label: str, keep: int) -> None:
    """Daily: keep the newest `keep` (at least one). Before an upgrade: per revision, the first
    and the newest. Never by the clock, and never the other kind."""
    known = listing(path)
    if label.startswith(BEFORE):
        same = [b for b in known if b.label == label]
        doomed = same[1:-1]  # newest first: keep the newest and the first one made
    else:
        doomed = [b for b in known if not b.before_upgrade][max(keep, 1) :]
    for old in doomed:
        for file in (old.path, *(old.path.with_name(old.path.name + s) for s in _SIDE_FILES)):
            file.unlink(missing_ok=True)  # an old WAL-mode backup read once has its -wal, -shm


def _remove(partial: Path) -> None:
    partial.unlink(missing_ok=True)
    partial.with_name(partial.name + "-journal").unlink(missing_ok=True)


def _age(span: timedelta) -> Text:
    hours = int(max(span, timedelta(0)).total_seconds() // 3600)
    if hours < 1:
        return Text("core.ledger.backup", "less than an hour ago")
    if hours < 48:
        if hours == 1:
            return Text("core.ledger.backup", "an hour ago")
        return Text("core.ledger.backup", "{hours} hours ago", hours=hours)
    return Text("core.ledger.backup", "{value} days ago", value=hours // 24)
