"""Bad input and hostile surroundings end in Dropdesk's own message, never a traceback: the
real CLI in a fresh interpreter (`python -m core.cli`), as a merchant or a scheduler runs it."""

from __future__ import annotations

import hashlib
import os
import pty
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.imports.generate import generate_export
from tests.test_import_cli import read_until

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).with_name("data")


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "core.cli", *args]


def environment(home: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "DROPDESK_HOME": str(home)}


def dropdesk(home: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args),
        cwd=ROOT,
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_header_line_over_the_csv_field_limit_is_a_clear_refusal(tmp_path: Path) -> None:
    export = tmp_path / "orders.csv"
    export.write_text("Name,Email," + "X" * 140_000 + "\n#1001,a@example.com,1\n")
    ledger = tmp_path / "ledger.sqlite"
    done = dropdesk(
        tmp_path / "home", "import", "shopify-csv", str(export), "--ledger", str(ledger)
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "orders.csv cannot be read: its header (line 1) is not a line of column names" in (
        done.stderr
    )


def test_a_fifo_is_not_a_regular_file_and_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "orders.csv"
    os.mkfifo(fifo)  # no writer: opening it for reading would block for ever
    done = dropdesk(tmp_path / "home", "import", "shopify-csv", str(fifo), timeout=30)
    assert done.returncode == 1
    assert done.stderr == (
        "dropdesk import shopify-csv: orders.csv cannot be read: it is not a regular file "
        "(a pipe or a device).\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("due",),
        ("review",),
        ("demo", "--orders", "5"),
        ("import", "shopify-csv", str(DATA / "orders_shopify.csv")),
    ],
)
def test_an_unusable_dropdesk_home_is_a_message(tmp_path: Path, args: tuple[str, ...]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = dropdesk(blocker / "home", *args)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"{blocker} is a file, not a folder" in done.stderr
    assert "DROPDESK_HOME" in done.stderr
    assert blocker.read_text() == "not a folder"


def test_a_ledger_under_a_file_is_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    ledger = blocker / "ledger.sqlite"
    done = dropdesk(
        tmp_path / "home", "import", "shopify-csv", str(DATA / "orders_shopify.csv"),
        "--ledger", str(ledger),
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"{blocker} is a file, not a folder" in done.stderr


def ledger_state(path: Path) -> str:
    """A hash of every order and event: what "unchanged" means to the merchant."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = [
            *db.execute("SELECT * FROM customer_order ORDER BY id"),
            *db.execute("SELECT * FROM customer_order_line ORDER BY id"),
            *db.execute("SELECT * FROM event ORDER BY id"),
        ]
    db.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_sigterm_mid_import_is_an_interruption(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ledger = tmp_path / "ledger.sqlite"
    first = dropdesk(home, "import", "shopify-csv", str(DATA / "orders_shopify.csv"), "--ledger",
                     str(ledger))  # fmt: skip
    assert first.returncode == 0, first.stderr
    before = ledger_state(ledger)
    export = tmp_path / "orders_12000.csv"
    generate_export(export, rows=12_000, seed=11)

    terminal, child_side = pty.openpty()  # a terminal: the progress bar says it is under way
    try:
        child = subprocess.Popen(
            command("import", "shopify-csv", str(export), "--ledger", str(ledger)),
            cwd=ROOT,
            env=environment(home),
            stdout=subprocess.PIPE,
            stderr=child_side,
        )
        os.close(child_side)
        shown = read_until(terminal, b"% ", seconds=60)
        assert b"Importing orders_12000.csv [" in shown
        child.send_signal(signal.SIGTERM)
        out, _ = child.communicate(timeout=60)
        rest = read_until(terminal, b"nothing was imported", seconds=10)
    finally:
        os.close(terminal)

    assert child.returncode == 130
    assert out == b""
    assert b"interrupted; nothing was imported" in shown + rest
    assert b"Traceback" not in shown + rest
    assert ledger_state(ledger) == before


def test_sigterm_during_a_demo_is_an_interruption(tmp_path: Path) -> None:
    """Any other command: SIGTERM is Ctrl+C (exit 130, a line on stderr, no traceback)."""
    target = tmp_path / "demo.sqlite"
    terminal, child_side = pty.openpty()
    try:
        child = subprocess.Popen(
            command("demo", "--ledger", str(target), "--orders", "400000"),
            cwd=ROOT,
            env=environment(tmp_path / "home"),
            stdout=subprocess.PIPE,
            stderr=child_side,
        )
        os.close(child_side)
        assert b"Writing demo [" in read_until(terminal, b"Writing demo [", seconds=60)
        child.send_signal(signal.SIGTERM)
        child.communicate(timeout=60)
        rest = read_until(terminal, b"interrupted", seconds=10)
    finally:
        os.close(terminal)
    assert child.returncode == 130
    assert b"dropdesk: interrupted" in rest
    assert b"Traceback" not in rest
    assert not target.exists()
