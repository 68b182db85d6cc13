"""Hidden files of killed runs are removed at the next start; a run still under way and the
merchant's own files are never touched."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.partial_files import KINDS, clean_leftovers, create_partial, partial_path
from tests.test_import_cli import read_until

ROOT = Path(__file__).parents[1]
COMPANIONS = ("", "-wal", "-shm", "-journal", ".open", ".lock")


@pytest.fixture
def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    child = subprocess.Popen(["sleep", "60"])
    yield child.pid
    child.kill()
    child.wait()


def touch(path: Path, size: int = 10) -> Path:
    path.write_bytes(b"x" * size)
    return path


def test_only_leftovers_of_gone_processes_are_removed(
    tmp_path: Path, dead_pid: int, live_pid: int
) -> None:
    stale = [
        touch(tmp_path / f".ledger.sqlite.{kind}-{dead_pid}-0123abcd.partial{companion}")
        for kind in KINDS
        for companion in COMPANIONS
    ]
    stale.append(touch(tmp_path / f".big.sqlite.demo-{dead_pid}.partial"))  # the older name
    running = [
        touch(tmp_path / f".ledger.sqlite.demo-{live_pid}-0123abcd.partial"),
        touch(tmp_path / f".ledger.sqlite.demo-{live_pid}-0123abcd.partial-wal"),
        touch(tmp_path / f".report.pdf.pdf-{os.getpid()}-0123abcd.partial"),
    ]
    merchants = [
        touch(tmp_path / ".notes.partial"),
        touch(tmp_path / f"ledger.sqlite.demo-{dead_pid}.partial"),  # not hidden
        touch(tmp_path / f".ledger.sqlite.copy-{dead_pid}.partial"),  # not our kind
        touch(tmp_path / f".ledger.sqlite.demo-{dead_pid}.partial.bak"),
        touch(tmp_path / f".ledger.sqlite.demo-{dead_pid}-xyz.partial"),
        touch(tmp_path / "ledger.sqlite"),
    ]
    folder_named_like_one = tmp_path / f".x.demo-{dead_pid}.partial"
    folder_named_like_one.mkdir()
    link = tmp_path / f".y.export-{dead_pid}-0123abcd.partial"
    link.symlink_to(merchants[-1])

    removed = clean_leftovers(tmp_path)

    assert sorted(removed) == sorted(stale)
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in running + merchants)
    assert folder_named_like_one.is_dir() and link.is_symlink()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="start times from /proc")
def test_a_reused_pid_does_not_keep_a_leftover(tmp_path: Path, live_pid: int) -> None:
    """The pid of a run killed before a reboot now belongs to another process, started after
    the file was last written: that process cannot be its writer."""
    old = touch(tmp_path / f".ledger.sqlite.demo-{live_pid}-0123abcd.partial")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    assert clean_leftovers(tmp_path) == [old]


def test_a_writer_cleans_only_its_own_target(tmp_path: Path, dead_pid: int) -> None:
    mine = touch(tmp_path / f".refunds.csv.export-{dead_pid}-0123abcd.partial")
    other = touch(tmp_path / f".other.csv.export-{dead_pid}-0123abcd.partial")
    assert clean_leftovers(tmp_path, "refunds.csv") == [mine]
    assert other.exists()


def test_partial_names_are_private_new_and_recognised(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    fd, path = create_partial(target, "export")
    os.close(fd)
    assert path.parent == tmp_path and path.name.startswith(".export.csv.export-")
    assert path.stat().st_mode & 0o777 == 0o600
    assert partial_path(target, "demo") != partial_path(target, "demo")
    assert clean_leftovers(tmp_path) == []  # ours, and we are running
    with pytest.raises(ValueError):
        partial_path(target, "other")


def start_demo(folder: Path, name: str, home: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`dropdesk demo` on a terminal (so it draws its bar), once it is writing."""
    terminal, child_side = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "demo", "--ledger", str(folder / name), "--orders",
         "2000000"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DROPDESK_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=child_side,
    )  # fmt: skip
    os.close(child_side)
    assert b"Writing demo [" in read_until(terminal, b"Writing demo [", seconds=60)
    return child, terminal


def test_a_killed_demo_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    folder, home = tmp_path / "ledgers", tmp_path / "home"
    folder.mkdir()
    killed, killed_terminal = start_demo(folder, "killed.sqlite", home)
    running, running_terminal = start_demo(folder, "running.sqlite", home)
    try:
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=30)
        left = [p.name for p in folder.iterdir() if f"demo-{killed.pid}-" in p.name]
        assert left, "the killed demo left its hidden files (the case to clean)"
        live = {
            p.name: p.stat().st_ino for p in folder.iterdir() if f"demo-{running.pid}-" in p.name
        }
        assert live

        done = subprocess.run(  # the next start of any command on that folder
            [sys.executable, "-m", "core.cli", "due", "--ledger", str(folder / "mine.sqlite")],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "DROPDESK_HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1  # no ledger there: but the folder was cleaned
        names = {p.name for p in folder.iterdir()}
        assert not names & set(left)
        assert running.poll() is None
        still = {
            p.name: p.stat().st_ino for p in folder.iterdir() if f"demo-{running.pid}-" in p.name
        }
        assert still.keys() >= {n for n in live if n.endswith(".partial")}
        assert all(still[n] == live[n] for n in still.keys() & live.keys())
    finally:
        running.kill()
        running.wait(timeout=30)
        os.close(killed_terminal)
        os.close(running_terminal)
