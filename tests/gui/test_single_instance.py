"""gui.single_instance: a second launch hands its file to the first, across real processes."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.cli.arguments import split_files
from gui.single_instance import (
    SingleInstance,
    encode,
    forwarded_files,
    server_name,
    socket_file,
)

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")

FIRST_INSTANCE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from gui.single_instance import SingleInstance

app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]))
if not instance.listen():
    print("cannot listen", flush=True)
    sys.exit(3)

def received(args):
    print(json.dumps(args), flush=True)
    QTimer.singleShot(100, app.quit)  # let the acknowledgement go out

instance.message_received.connect(received)
print("ready", flush=True)
QTimer.singleShot(20_000, app.quit)
sys.exit(app.exec())
"""

SECOND_LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from gui.single_instance import SingleInstance

app = QCoreApplication([])
print(SingleInstance(Path(sys.argv[1])).try_forward(sys.argv[2:]), flush=True)
"""


def python(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"  # the name only matters: no ledger is opened


@pytest.fixture
def first_instance(ledger_path: Path) -> Iterator[subprocess.Popen[str]]:
    child = python(FIRST_INSTANCE, str(ledger_path))
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "ready", (line, child.stderr.read() if child.stderr else "")
    yield child
    if child.poll() is None:
        child.kill()
    child.communicate(timeout=10)


def test_second_launch_forwards_the_file_to_the_first_process(
    qapp: object, ledger_path: Path, first_instance: subprocess.Popen[str], tmp_path: Path
) -> None:
    export = tmp_path / "orders_export.csv"
    started = time.monotonic()
    assert SingleInstance(ledger_path).try_forward([str(export)]) is True
    took = time.monotonic() - started
    out, err = first_instance.communicate(timeout=10)
    assert json.loads(out.strip()) == [str(export)], err
    assert first_instance.returncode == 0
    assert took < 2.0


def test_a_launch_for_another_ledger_does_not_reach_the_first(
    qapp: object, first_instance: subprocess.Popen[str], tmp_path: Path
) -> None:
    assert SingleInstance(tmp_path / "other.sqlite", timeout_ms=300).try_forward(["x"]) is False
    assert first_instance.poll() is None  # still waiting: nothing arrived


def test_nobody_listening_means_no_forward(qapp: object, ledger_path: Path) -> None:
    started = time.monotonic()
    assert SingleInstance(ledger_path).try_forward(["a.csv"]) is False
    assert time.monotonic() - started < 1.0


def test_a_second_listener_defers_to_the_live_first(
    qapp: object, ledger_path: Path, first_instance: subprocess.Popen[str]
) -> None:
    second = SingleInstance(ledger_path)
    assert second.listen() is False
    assert not second.listening
    assert first_instance.poll() is None


@posix_only
def test_stale_socket_after_a_crash_is_taken_over(
    qapp: object, qtbot: QtBot, ledger_path: Path
) -> None:
    name = server_name(ledger_path)
    path = socket_file(name)
    assert path is not None
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))  # a socket file nobody listens on, as a killed instance leaves
    crashed.close()
    assert stat.S_ISSOCK(path.lstat().st_mode)

    instance = SingleInstance(ledger_path)
    assert instance.try_forward(["a.csv"]) is False
    assert instance.listen() is True
    try:
        with qtbot.waitSignal(instance.message_received, timeout=15_000) as received:
            child = python(SECOND_LAUNCH, str(ledger_path), "/data/orders.csv")
        out, err = child.communicate(timeout=15)
        assert received.args == [["/data/orders.csv"]]
        assert out.strip() == "True", err
    finally:
        instance.close()
    assert not path.exists()  # closing removes the socket file


@posix_only
def test_socket_is_private_to_the_user(qapp: object, ledger_path: Path) -> None:
    instance = SingleInstance(ledger_path)
    assert instance.listen()
    try:
        path = socket_file(instance.name)
        assert path is not None
        info = path.lstat()
        assert info.st_uid == os.getuid()
        assert stat.S_IMODE(info.st_mode) & 0o077 == 0
    finally:
        instance.close()


@posix_only
def test_garbage_is_ignored_and_the_next_message_still_arrives(
    qapp: object, qtbot: QtBot, ledger_path: Path
) -> None:
    instance = SingleInstance(ledger_path)
    assert instance.listen()
    path = socket_file(instance.name)
    assert path is not None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
            peer.connect(str(path))
            peer.sendall(b'{"hello": "world"}\n')
            peer.settimeout(0.05)
            answer = b"?"
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                qtbot.wait(20)
                try:
                    answer = peer.recv(16)
                    break
                except TimeoutError:
                    continue
            assert answer == b""  # dropped without an acknowledgement
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
            peer.connect(str(path))
            with qtbot.waitSignal(instance.message_received, timeout=5_000) as received:
                peer.sendall(encode(["b.csv"]))
            assert received.args == [["b.csv"]]
            peer.settimeout(5)
            assert peer.recv(16) == b"ok\n"
    finally:
        instance.close()


def test_server_name_depends_on_user_and_ledger_and_reveals_neither(tmp_path: Path) -> None:
    ledger = tmp_path / "shop" / "ledger.sqlite"
    name = server_name(ledger, user="anna")
    assert name == server_name(tmp_path / "shop" / ".." / "shop" / "ledger.sqlite", user="anna")
    assert name != server_name(ledger, user="bert")
    assert name != server_name(tmp_path / "other.sqlite", user="anna")
    base = Path(name).name
    assert base.startswith("dropdesk-") and "anna" not in name and "shop" not in name


def test_forwarded_files_keeps_csv_files(tmp_path: Path) -> None:
    export = tmp_path / "Orders.CSV"
    args = [str(export), str(tmp_path / "notes.txt"), str(tmp_path / "missing.csv"), "--flag"]
    assert forwarded_files(args) == [export, tmp_path / "missing.csv"]


COMMANDS = ("demo", "due", "review", "import")


@pytest.mark.parametrize(
    ("argv", "rest", "files"),
    [
        (["orders.csv"], [], ["orders.csv"]),
        (["--ledger", "b.sqlite", "a.csv", "c.csv"], ["--ledger", "b.sqlite"], ["a.csv", "c.csv"]),
        (["--ledger=demo", "a.csv"], ["--ledger=demo"], ["a.csv"]),
        (["--self-test"], ["--self-test"], []),
        (["--", "-odd.csv"], [], ["-odd.csv"]),
        (["demo", "--orders", "3"], ["demo", "--orders", "3"], []),
        (
            ["--ledger", "x", "import", "shopify-csv", "o.csv"],
            ["--ledger", "x", "import", "shopify-csv", "o.csv"],
            [],
        ),
    ],
)
def test_split_files_takes_gui_files_out_unless_a_command_is_given(
    argv: list[str], rest: list[str], files: list[str]
) -> None:
    assert split_files(argv, COMMANDS) == (rest, [Path(name) for name in files])
