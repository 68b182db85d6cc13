"""`dropdesk import shopify-csv`: exit codes, the JSON contract, progress on a terminal, Ctrl-C.

gui/cli.py does not route the subcommand yet, so these call `run_import` directly, in this
process and in a fresh interpreter (`python -c`), the way the CLI will.
"""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.imports.generate import generate_export
from core.ledger import open_ledger
from gui.import_cli import run_import

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).with_name("data")
BROKEN_JSON = (
    '{"added": 2, "updated": 0, "unchanged": 0, "refused": ['
    '{"line": 4, "column": "", "reason": "has 78 fields where the header has 79"}, '
    '{"line": 5, "column": "Created at", '
    '"reason": "not a date: \\"2026-13-45 25:00:00 +0530\\""}, '
    '{"line": 9, "column": "Lineitem price", "reason": "not an amount: \\"12,3,4\\""}]}'
)
CALL = (
    "import sys\n"
    "from pathlib import Path\n"
    "from gui.import_cli import run_import\n"
    "code = run_import(Path(sys.argv[1]), Path(sys.argv[2]), as_json=sys.argv[3] == 'json',"
    " mode=sys.argv[4], dry_run=sys.argv[5] == 'dry')\n"
    "assert 'PySide6' not in sys.modules, 'the import CLI must run without Qt'\n"
    "sys.exit(code)\n"
)


def order_names(path: Path) -> list[str]:
    ledger = open_ledger(path)
    try:
        with ledger.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT name FROM customer_order ORDER BY name")
            return [name for (name,) in rows]
    finally:
        ledger.close()


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"


def test_json_summary_of_a_clean_file(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_import(
        ledger_path, DATA / "orders_shopify.csv", as_json=True, mode="rest", dry_run=False
    )

    out, err = capsys.readouterr()
    assert code == 0
    assert out == '{"added": 4, "updated": 0, "unchanged": 0, "refused": []}\n'
    assert err == ""  # no progress bar when stderr is not a terminal
    assert order_names(ledger_path) == ["#1001", "#1002", "#1003", "#1004"]


def test_reimport_of_a_newer_export_updates(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_import(ledger_path, DATA / "orders_shopify.csv", as_json=True, mode="rest", dry_run=False)
    capsys.readouterr()
    code = run_import(
        ledger_path, DATA / "orders_shopify_v2.csv", as_json=True, mode="rest", dry_run=False
    )

    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "added": 1,
        "updated": 2,
        "unchanged": 2,
        "refused": [],
    }


def test_refused_rows_exit_3_and_the_rest_is_imported(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_import(
        ledger_path, DATA / "orders_broken.csv", as_json=True, mode="rest", dry_run=False
    )

    assert code == 3
    assert capsys.readouterr().out == BROKEN_JSON + "\n"
    assert order_names(ledger_path) == ["#1001", "#1005"]


def test_mode_nothing_imports_nothing_when_rows_are_refused(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_import(
        ledger_path, DATA / "orders_broken.csv", as_json=True, mode="nothing", dry_run=False
    )

    assert code == 3
    summary = json.loads(capsys.readouterr().out)
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (0, 0, 0)
    assert [refusal["line"] for refusal in summary["refused"]] == [4, 5, 9]
    assert order_names(ledger_path) == []


def test_text_summary_lists_each_refused_row(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_import(
        ledger_path, DATA / "orders_broken.csv", as_json=False, mode="nothing", dry_run=False
    )

    assert code == 3
    assert capsys.readouterr().out == (
        "orders_broken.csv: 0 added, 0 updated, 0 unchanged (orders)\n"
        "3 rows refused:\n"
        "  line 4: has 78 fields where the header has 79\n"
        '  line 5, Created at: not a date: "2026-13-45 25:00:00 +0530"\n'
        '  line 9, Lineitem price: not an amount: "12,3,4"\n'
        "Nothing was imported (--mode nothing): fix these rows, or use --mode rest to import "
        "the other orders.\n"
    )


def test_dry_run_writes_nothing(ledger_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run_import(
        ledger_path, DATA / "orders_shopify.csv", as_json=False, mode="rest", dry_run=True
    )

    assert code == 0
    assert capsys.readouterr().out == (
        "orders_shopify.csv: would be 4 added, 0 updated, 0 unchanged (orders)\n"
        "Dry run: nothing was written to the ledger.\n"
    )
    assert order_names(ledger_path) == []


@pytest.mark.parametrize("as_json", [True, False])
def test_a_file_that_cannot_be_imported_exits_1_with_the_reason(
    ledger_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: bool
) -> None:
    empty = tmp_path / "export.csv"
    empty.write_bytes(b"")
    code = run_import(ledger_path, empty, as_json=as_json, mode="rest", dry_run=False)

    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""  # stdout stays clean for a JSON reader
    assert err == "dropdesk import shopify-csv: export.csv is empty.\n"


def test_a_file_that_is_not_a_ledger_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_ledger = tmp_path / "notes.sqlite"
    not_a_ledger.write_text("shopping list\n")
    code = run_import(
        not_a_ledger, DATA / "orders_shopify.csv", as_json=True, mode="rest", dry_run=False
    )

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith("dropdesk import shopify-csv: ") and "notes.sqlite" in err
    assert not_a_ledger.read_text() == "shopping list\n"


def test_an_unknown_mode_is_a_usage_error(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_import(
        ledger_path, DATA / "orders_shopify.csv", as_json=True, mode="some", dry_run=False
    )

    assert code == 2
    assert "--mode must be rest or nothing" in capsys.readouterr().err
    assert not ledger_path.exists()


def run_child(*args: str, stderr: int = subprocess.PIPE) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", CALL, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=stderr,
    )


def test_in_a_fresh_interpreter_without_qt(ledger_path: Path) -> None:
    child = run_child(str(ledger_path), str(DATA / "orders_broken.csv"), "json", "rest", "real")
    out, err = child.communicate(timeout=60)

    assert (child.returncode, err) == (3, b"")
    assert out.decode() == BROKEN_JSON + "\n"


@pytest.fixture(scope="module")
def long_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Long enough (about a second to import) to be interrupted half-way."""
    path = tmp_path_factory.mktemp("exports") / "orders_12000.csv"
    generate_export(path, rows=12_000, seed=11)
    return path


def read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_progress_on_a_terminal_and_ctrl_c_cancels(ledger_path: Path, long_export: Path) -> None:
    terminal, child_side = pty.openpty()
    try:
        child = run_child(
            str(ledger_path), str(long_export), "json", "rest", "real", stderr=child_side
        )
        os.close(child_side)
        shown = read_until(terminal, b"% ", seconds=60)
        assert b"Importing orders_12000.csv [" in shown  # the bar, on stderr, on a terminal
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=60)
        rest = read_until(terminal, b"nothing was imported", seconds=10)
    finally:
        os.close(terminal)

    assert child.returncode == 130
    assert out == b""
    assert b"dropdesk import shopify-csv: interrupted; nothing was imported" in shown + rest
    assert order_names(ledger_path) == []
    reopened = open_ledger(ledger_path)
    try:
        with reopened.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM event").scalar_one() == 0
    finally:
        reopened.close()
