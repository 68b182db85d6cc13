"""Hidden files a write in progress uses, and their cleanup after a killed run.

Demos, backups, CSV and PDF exports and diagnostics are written under a hidden name beside
their target and renamed into place when complete. A run killed half-way (SIGKILL, a power
cut) leaves that file behind: hundreds of MB after a few killed demos. Every such name says
whose it is and which process made it:

    .<target name>.<kind>-<pid>-<random>.partial     (demo, backup, export, pdf, zip)
    ... plus SQLite's companions: -wal, -shm, -journal, and the ledger's .open and .lock

`clean_leftovers` runs at every start (the window and each CLI command, on the ledger's
folder) and before each write (on the target's folder). It removes only regular files whose
name has exactly that shape and whose process is gone: a process that is not running, or one
that started after the file was last written (its pid was reused, after a reboot for example).
A file of a run still under way, another user's or one whose owner cannot be told is left
alone, and so is every file of another shape: never a merchant's file.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import sys
from pathlib import Path

log = logging.getLogger(__name__)

KINDS = ("demo", "backup", "export", "pdf", "zip")
_LEFTOVER = re.compile(
    r"\.(?P<target>.+)\.(?:" + "|".join(KINDS) + r")-(?P<pid>[0-9]{1,10})(?:-[0-9a-f]{8})?"
    r"\.partial(?:-wal|-shm|-journal|\.open|\.lock)?"
)
"""The names `partial_path` makes (the demo's older `.<name>.demo-<pid>.partial` too)."""


def partial_path(target: Path, kind: str) -> Path:
    """A hidden name beside `target` for a write of `kind` by this process."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of partial file: {kind!r}")
    token = os.urandom(4).hex()
    return target.with_name(f".{target.name}.{kind}-{os.getpid()}-{token}.partial")


def create_partial(target: Path, kind: str) -> tuple[int, Path]:
    """Create a new private (0600) partial file for `target`: its open fd and its path."""
    while True:
        path = partial_path(target, kind)
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), path
        except FileExistsError:  # 32 random bits met an old file: draw again
            continue


def clean_leftovers(folder: Path, target: str | None = None) -> list[Path]:
    """Remove our own partial files in `folder` (only those for `target`, when given) whose
    process is gone; returns what was removed. Never raises: a cleanup must not stop a start."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed  # no folder yet, or not ours to read
    for entry in entries:
        match = _LEFTOVER.fullmatch(entry.name)
        if match is None or (target is not None and match["target"] != target):
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(status.st_mode):
                continue
            if _in_use(int(match["pid"]), status.st_mtime):
                continue
            os.unlink(entry.path)
        except OSError as error:
            log.info("could not remove the leftover %s: %s", entry.name, error)
            continue
        removed.append(Path(entry.path))
    if removed:
        log.info("removed %d leftover(s) of killed runs in %s", len(removed), folder)
    return removed


def _in_use(pid: int, written_at: float) -> bool:
    """Whether process `pid` may still be writing a file last written at `written_at`."""
    if pid == os.getpid():
        return True
    if not _running(pid):
        return False
    started = _start_time(pid)
    return started is None or started <= written_at + 2  # btime has whole seconds


def _running(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether it exists
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: another user's process, alive
        return True
    return True


def _start_time(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), where the OS tells (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None
