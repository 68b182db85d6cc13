"""`dropdesk import shopify-csv`: exit codes, the JSON contract, progress on a terminal, Ctrl-C.

Most call `run_import` directly, in this process and in a fresh interpreter (`python -c`);
the pipe tests run the real `python -m core.cli import shopify-csv`.
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

from core.cli.import_orders import run_import
from core.imports.generate import generate_export
from core.ledger import open_ledger

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
    "from core.cli.import_orders import run_import\n"
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
    """Long enough (seconds to import, even on a fast machine) to be interrupted half-way."""
    path = tmp_path_factory.mktemp("exports") / "orders_25000.csv"
    generate_export(path, rows=25_000, seed=11)
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
        assert b"Importing orders_25000.csv [" in shown  # the bar, on stderr, on a terminal
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


# --- what a file leaves open, and the options that answer it -----------------------------------


def test_no_currency_column_and_no_shop_exits_1_until_currency_is_given(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = DATA / "orders_no_currency.csv"
    code = run_import(ledger_path, file, as_json=True, mode="rest", dry_run=False)
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        "dropdesk import shopify-csv: orders_no_currency.csv has no Currency column (an older "
        "export) and the ledger has no shop to take the currency from: give it with --currency "
        "CODE (ISO 4217, e.g. --currency EUR)\n"
        "dropdesk import shopify-csv: nothing was imported\n"
    )
    assert order_names(ledger_path) == []

    code = run_import(ledger_path, file, as_json=True, mode="rest", dry_run=False, currency="usd")
    out, _ = capsys.readouterr()
    assert code == 0
    result = json.loads(out)
    assert result["added"] == 4
    assert result["reading"] == {"currency": "USD", "currency_from": "answer"}


@pytest.mark.parametrize("bad", ["EURO", "€", "E1R", "", "eu"])
def test_a_currency_that_is_not_iso_4217_is_a_usage_error(
    ledger_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    code = run_import(
        ledger_path,
        DATA / "orders_no_currency.csv",
        as_json=False,
        mode="rest",
        dry_run=False,
        currency=bad,
    )
    assert code == 2
    assert "--currency must be an ISO 4217 code of three letters" in capsys.readouterr().err
    assert not ledger_path.exists()


def test_unsettled_dates_exit_1_until_date_order_is_given(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = DATA / "orders_excel_unsettled.csv"
    code = run_import(ledger_path, file, as_json=False, mode="rest", dry_run=True)
    _, err = capsys.readouterr()
    assert code == 1
    assert (
        'orders_excel_unsettled.csv has dates like "10/04/2026 11:11" whose day and month '
        "cannot be told apart (no day is over 12): give the order with --date-order dmy "
        "(31/12/2023) or --date-order mdy (12/31/2023)"
    ) in err

    code = run_import(
        ledger_path, file, as_json=False, mode="rest", dry_run=False, date_order="mdy"
    )
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Dates read month-first (as you said)." in out
    assert "Times without a UTC offset read in Europe/Berlin" in out


def test_the_json_says_how_a_rewritten_file_was_read(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_import(
        ledger_path, DATA / "orders_excel_uk.csv", as_json=True, mode="rest", dry_run=False
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert list(result) == ["added", "updated", "unchanged", "refused", "reading"]
    assert result["reading"] == {
        "date_order": "dmy",
        "date_order_from": "file",
        "date_evidence": 'line 5: "14/04/2026 08:00"',
        "time_zone": "Europe/Berlin",
        "time_zone_from": "merchant",
    }


def test_several_shops_exit_1_until_shop_is_given(
    ledger_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.ledger.models import Shop

    ledger = open_ledger(ledger_path)
    try:
        with ledger.session() as session:
            session.add(Shop(domain="shop-a.myshopify.com", currency="EUR"))
            session.add(Shop(domain="shop-b.myshopify.com", currency="GBP"))
    finally:
        ledger.close()
    file = DATA / "orders_no_currency.csv"
    code = run_import(ledger_path, file, as_json=True, mode="rest", dry_run=False)
    _, err = capsys.readouterr()
    assert code == 1
    assert (
        "the ledger holds several shops (shop-a.myshopify.com, shop-b.myshopify.com) and an "
        "export does not say which it is from: name it with --shop DOMAIN"
    ) in err

    code = run_import(
        ledger_path, file, as_json=True, mode="rest", dry_run=False, shop="shop-b.myshopify.com"
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert result["reading"] == {
        "currency": "GBP",
        "currency_from": "shop",
        "shop": "shop-b.myshopify.com",
    }


# --- a reader that leaves early ----------------------------------------------------------------


def _dropdesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "core.cli", *args]


def test_a_closed_pipe_ends_quietly_after_the_import(ledger_path: Path) -> None:
    """stdout is a pipe whose reader has gone before a word is written: no traceback, the exit
    code of the import, and the import committed."""
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the child writes
    try:
        child = subprocess.run(
            _dropdesk(
                "import",
                "shopify-csv",
                str(DATA / "orders_shopify.csv"),
                "--json",
                "--ledger",
                str(ledger_path),
            ),
            cwd=ROOT,
            stdout=writer,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    assert child.stderr == b""
    assert child.returncode == 0
    assert order_names(ledger_path) == ["#1001", "#1002", "#1003", "#1004"]


def test_piped_into_head(ledger_path: Path, tmp_path: Path) -> None:
    """`dropdesk import ... --json | head -c 100` with a summary far longer than a pipe holds."""
    file = tmp_path / "all_refused.csv"
    generate_export(file, rows=3_000, seed=5)
    text = file.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines[0].split(",").index("Created at")
    cells_rewritten = []
    for line in lines[1:]:
        cells = line.split(",")
        if len(cells) > at and cells[at]:
            cells[at] = "yesterday"
        cells_rewritten.append(",".join(cells))
    file.write_text("\n".join([lines[0], *cells_rewritten]), encoding="utf-8")
    command = " ".join(
        [*_dropdesk("import", "shopify-csv", str(file), "--json", "--ledger", str(ledger_path))]
    )
    child = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} | head -c 100"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert child.stdout.startswith(b'{"added": ')
    assert len(child.stdout) == 100
    assert child.stderr == b""
    assert child.returncode == 3  # rows were refused, as without the pipe
