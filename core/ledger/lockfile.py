"""One Dropdesk per ledger: an OS lock on a small file beside it, which the OS drops by itself
when the process ends, however it ends (no stale locks after a crash).

flock on POSIX, msvcrt.locking on Windows, used directly: the `filelock` package does the same
but its imports cost ~50 ms of every start, a quarter of the time to the first frame.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO


class LockFile:
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

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
