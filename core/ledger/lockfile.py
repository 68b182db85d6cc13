"""One Dropdesk per ledger file: an OS lock that the OS drops by itself when the process ends,
however it ends (no stale locks after a crash).

Linux: an open-file-description (OFD) write lock on one byte of the ledger file itself, far past
the bytes SQLite locks. Why this shape:
- It belongs to the file (its inode), not to a name: a hard link, a symlinked folder or a bind
  mount all lead to the same lock. A lock file beside the ledger did not: a hard link in
  another folder got a lock of its own, and two imports wrote one ledger at once.
- SQLite locks the database with classic POSIX (fcntl) locks on bytes near 1 GiB (its lock
  page, never used for data). Our byte is at 1 TiB, so we never block SQLite, in this process
  or another. flock() on the whole file would: on the BSDs and macOS it shares one lock list
  with fcntl locks.
- Classic POSIX locks belong to the process and are ALL dropped when the process closes ANY
  descriptor of the file (https://sqlite.org/howtocorrupt.html, 2.2). An OFD lock belongs to
  our own open file description, so SQLite closing its descriptors never drops ours. The other
  way round still holds: closing our descriptor drops SQLite's locks in this process, so the
  Ledger closes it last, after every connection; and a second open of a held ledger in this
  process is refused from a table of held files, without opening the file again.

Elsewhere (macOS, the BSDs: no OFD locks; Windows: msvcrt locks are mandatory and would block
reads of the ledger) and on a file system without OFD locks: flock or msvcrt.locking on
`<ledger>.lock` beside the resolved path, as before. There a hard link in another folder is
not covered. (`filelock` would do the same but its imports cost ~50 ms of every start.)
"""

from __future__ import annotations

import errno
import os
import struct
import sys
import threading
from pathlib import Path
from typing import BinaryIO

#: The byte we lock: far past SQLite's lock page (1 GiB + 512 bytes) and any real ledger.
LOCK_OFFSET = 1 << 40

_held: set[tuple[int, int]] = set()  # (device, inode) of the ledgers this process holds
_held_guard = threading.RLock()  # re-entrant: __del__ may run inside it


def held_in_this_process(ledger: Path) -> bool:
    """Whether this process holds the lock of the file at `ledger` (by its identity)."""
    try:
        info = os.stat(ledger)
    except OSError:
        return False
    with _held_guard:
        return (info.st_dev, info.st_ino) in _held


class LedgerLock:
    """The lock of one ledger file (see the module's docstring for the design)."""

    def __init__(self, ledger: Path) -> None:
        self.ledger = ledger
        self._identity: tuple[int, int] | None = None
        self._fd: int | None = None
        self._beside: LockFile | None = None  # where OFD locks do not exist

    @property
    def beside_path(self) -> Path:
        return self.ledger.with_name(self.ledger.name + ".lock")

    def acquire(self) -> bool:
        """Take the lock without waiting: False when another open ledger holds it.

        OSError when the ledger (or, where used, the lock file beside it) cannot be opened."""
        info = os.stat(self.ledger)
        identity = (info.st_dev, info.st_ino)
        with _held_guard:
            if identity in _held:  # this process has it open: do not even open it again
                return False
            if _OFD_SETLK is not None:
                fd = os.open(self.ledger, os.O_RDWR | os.O_CLOEXEC)
                try:
                    _ofd_lock(fd)
                except OSError as error:
                    # Closing fd drops classic POSIX locks of this process on the file; it
                    # holds none for writing (not in _held), at most a reader's.
                    os.close(fd)
                    if error.errno not in (errno.EINVAL, errno.ENOTSUP):
                        return False  # EAGAIN / EACCES: another process holds it
                else:
                    self._fd, self._identity = fd, identity
                    _held.add(identity)
                    return True
            beside = LockFile(self.beside_path)
            if not beside.acquire():
                return False
            self._beside, self._identity = beside, identity
            _held.add(identity)
            return True

    def __del__(self) -> None:  # dropped without close(), like a process that ended
        self.release()

    def release(self) -> None:
        """Drop the lock. Call it after every SQLite connection of this ledger in this
        process is closed: closing our descriptor drops their POSIX locks."""
        with _held_guard:
            if self._fd is not None:
                os.close(self._fd)  # the OS drops the OFD lock with its last descriptor
                self._fd = None
            if self._beside is not None:
                self._beside.release()
                self._beside = None
            if self._identity is not None:
                _held.discard(self._identity)
                self._identity = None


_OFD_SETLK: int | None = None  # Linux (3.15+) only: set below


def _ofd_lock(fd: int) -> None:
    import fcntl

    # struct flock { short l_type, l_whence; off_t l_start, l_len; pid_t l_pid (0 for OFD) }
    request = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, LOCK_OFFSET, 1, 0)
    assert _OFD_SETLK is not None
    fcntl.fcntl(fd, _OFD_SETLK, request)


class LockFile:
    """flock / msvcrt.locking on a small file (the fallback beside the ledger)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: BinaryIO | None = None  # closed (and so unlocked) when dropped, like an exit

    def acquire(self) -> bool:
        """Take the lock without waiting: False when another open ledger holds it."""
        # O_NOFOLLOW: a planted symlink cannot make us create or truncate another file.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._file = os.fdopen(fd, "r+b", buffering=0)
        return True

    def release(self) -> None:
        if self._file is None:
            return
        held, self._file = self._file, None
        with held:
            _unlock(held.fileno())


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the first byte, from position 0

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    _OFD_SETLK = getattr(fcntl, "F_OFD_SETLK", None)

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
