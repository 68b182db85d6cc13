"""The command line: demo and due, without Qt."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.cli import main
from core.demo import write_demo


def test_demo_then_due_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "demo.sqlite"
    assert main(["demo", "--ledger", str(ledger), "--orders", "400", "--seed", "2"]) == 0
    assert "Wrote 400 supplier orders" in capsys.readouterr().out
    assert main(["due", "--ledger", str(ledger), "--within", "72", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["within_hours"] == 72
    now = datetime.fromisoformat(report["now"])
    deadlines = [datetime.fromisoformat(o["deadline"]) for o in report["orders"]]
    assert deadlines == sorted(deadlines) and deadlines
    assert all(d <= now + timedelta(hours=72) for d in deadlines)
    assert any(o["overdue"] for o in report["orders"])


def test_due_text_lists_soonest_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "demo.sqlite"
    write_demo(ledger, orders=300, seed=4)
    assert main(["due", "--ledger", str(ledger)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["Deadline", "Left"]
    assert any("overdue" in line for line in lines[1:])


def test_due_refuses_a_missing_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.sqlite"
    assert main(["due", "--ledger", str(missing)]) == 1
    assert "no ledger at" in capsys.readouterr().err
    assert not missing.exists()


def test_demo_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "mine.sqlite"
    ledger.write_bytes(b"precious")
    assert main(["demo", "--ledger", str(ledger), "--orders", "10"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert ledger.read_bytes() == b"precious"


def test_cli_commands_do_not_load_qt(tmp_path: Path) -> None:
    import subprocess

    ledger = tmp_path / "demo.sqlite"
    code = (
        "import sys; from core.cli import main; "
        f"main(['demo', '--ledger', {str(ledger)!r}, '--orders', '50']); "
        f"main(['due', '--ledger', {str(ledger)!r}, '--json']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
