"""`dropdesk due --json` as a subprocess on a ledger made by importing a DSers merchant's export:
every paid, unfulfilled order has a clock (`buy` without an AliExpress number, an estimated
`ship_window` with one), and orders that need nothing (fulfilled, not paid) have none."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from core import settings
from core.imports import import_shopify_csv
from core.ledger import Ledger, open_ledger

ROOT = Path(__file__).parents[1]
EXPORT = Path(__file__).with_name("data") / "orders_dsers_paid.csv"
PAID_UNFULFILLED = [f"#{2000 + i}" for i in range(1, 9)]
KINDS = {"buy", "ship_window", "supplier_answer", "tracking_request", "dispute", "supplier_refund"}


def due_text(ledger: Path | str, columns: int, *extra: str) -> list[str]:
    """The table a merchant in Berlin reads in a terminal `columns` wide."""
    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "due", "--ledger", str(ledger), *extra],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(ROOT), "TZ": "Europe/Berlin", "COLUMNS": str(columns)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def due_json(ledger: Path | str, *extra: str) -> dict[str, object]:
    """Run the installed command line in a child process, as a scheduler would."""
    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "due", "--ledger", str(ledger), "--json", *extra],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert isinstance(document, dict)
    return document


@pytest.mark.both_engines  # a file, or `--ledger postgresql://…` (a server ledger)
def test_every_paid_unfulfilled_order_of_an_import_has_a_clock(ledger: Ledger) -> None:
    summary = import_shopify_csv(ledger, EXPORT)
    assert (summary.added, summary.linked) == (10, 5)

    document = due_json(ledger.location, "--within", "24")  # beside the open ledger
    entries = document["orders"]
    assert isinstance(entries, list)
    by_name = {entry["order_name"]: entry for entry in entries}
    assert sorted(by_name) == PAID_UNFULFILLED  # not #2009 (fulfilled) nor #2010 (pending)
    for name in PAID_UNFULFILLED:
        entry = by_name[name]
        numbered = int(name[1:]) % 2 == 0  # DSers wrote the AliExpress number into the note
        assert entry["kind"] == ("ship_window" if numbered else "buy"), entry
        assert entry["estimated"] is numbered  # a window from the Shopify payment time
        assert entry["overdue"] is True and entry["remaining_seconds"] < 0
        assert datetime.fromisoformat(entry["deadline"]).utcoffset() is not None
        assert entry["what"]
    for entry in entries:
        assert entry["kind"] in KINDS
        assert set(entry) >= {"kind", "order_name", "deadline", "remaining_seconds", "overdue"}
    buy = by_name["#2001"]
    # Created 2026-11-01 10:00 +01:00, and the default is to buy within 24 hours.
    assert buy["deadline"] == "2026-11-02T09:00:00+00:00"
    assert buy["what"] == "Order it from the supplier"
    window = by_name["#2002"]
    assert (
        window["external_order_id"] == "8198352049852002"
        and window["ae_order_id"] == window["external_order_id"]  # the name scripts knew
        and window["ship_by"] == window["deadline"]
    )
    deadlines = [datetime.fromisoformat(str(e["deadline"])) for e in entries]
    assert deadlines == sorted(deadlines)


def test_the_buy_clock_is_a_ledger_setting(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    ledger = open_ledger(path)
    try:
        import_shopify_csv(ledger, EXPORT)
        with ledger.session() as session:
            settings.put(session, "buy_within_hours", 48)
    finally:
        ledger.close()
    entries = due_json(path)["orders"]
    assert isinstance(entries, list)
    (buy,) = [e for e in entries if e["order_name"] == "#2001"]
    assert buy["deadline"] == "2026-11-03T09:00:00+00:00"


def test_a_demo_lists_every_kind_after_the_sale(tmp_path: Path) -> None:
    """Protection, withdrawals and chargebacks join the one list (the demo holds each)."""
    path = tmp_path / "demo.sqlite"
    made = subprocess.run(
        [sys.executable, "-m", "core.cli", "demo", "--ledger", str(path), "--orders", "400"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    entries = due_json(path, "--within", str(24 * 365))["orders"]
    assert isinstance(entries, list)
    kinds = {entry["kind"] for entry in entries}
    assert {"protection", "withdrawal_refund", "chargeback"} <= kinds, kinds
    deadlines = [entry["deadline"] for entry in entries]
    assert deadlines == sorted(deadlines, key=datetime.fromisoformat)  # one list, by time
    # The table: protection's and withdrawals' sentences name their time in Berlin's zone.
    lines = due_text(path, 100, "--within", str(24 * 365))
    text = "\n".join(lines)
    assert "UTC" not in text and "protection of" in text and "Withdrawal from" in text
    assert re.search(r"ends 20\d\d-\d\d-\d\d \d\d:\d\d CES?T", text), text
    assert max(map(len, lines)) <= 100


def test_the_table_fits_the_terminal_in_the_local_zone(tmp_path: Path) -> None:
    """A 309-column table wrapped in an 80-column terminal is unreadable: the columns fit the
    terminal (COLUMNS, as shutil reads it), "What" wraps; times in the local zone, the JSON in
    UTC."""
    path = tmp_path / "ledger.sqlite"
    ledger = open_ledger(path)
    try:
        import_shopify_csv(ledger, EXPORT)
    finally:
        ledger.close()
    for columns in (80, 120, 200):
        lines = due_text(path, columns, "--within", "24")
        assert max(map(len, lines)) <= columns, (columns, lines)
        assert lines[0].startswith("Deadline") and "Supplier" in lines[0]
        (buy,) = [line for line in lines if "#2001" in line]
        # 2026-11-02 09:00 UTC is 10:00 in Berlin (winter time).
        assert buy.startswith("2026-11-02 10:00 CET"), buy
        assert "UTC" not in "\n".join(lines)
        assert sum("Order it from the supplier" in line for line in lines) == 4  # one per order
    assert "What" in due_text(path, 200, "--within", "24")[0]  # wide: "What" is a column
    entry = due_json(path)["orders"]
    assert isinstance(entry, list) and entry[0]["deadline"].endswith("+00:00")


def test_due_and_review_end_quietly_when_the_reader_leaves(tmp_path: Path) -> None:
    """`dropdesk due | head` and `dropdesk review | head`: the reader is gone before a word is
    written; no traceback, exit 0."""
    path = tmp_path / "ledger.sqlite"
    ledger = open_ledger(path)
    try:
        import_shopify_csv(ledger, EXPORT)
    finally:
        ledger.close()
    for command in (["due", "--within", "100000"], ["review"]):
        reader, writer = os.pipe()
        os.close(reader)
        try:
            child = subprocess.run(
                [sys.executable, "-m", "core.cli", *command, "--ledger", str(path)],
                stdout=writer,
                stderr=subprocess.PIPE,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                timeout=120,
                check=False,
            )
        finally:
            os.close(writer)
        assert child.stderr == b"", (command, child.stderr)
        assert child.returncode == 0, command


@pytest.mark.postgresql
def test_a_reading_command_cannot_write_a_server_ledger(pg_ledger_url: str) -> None:
    """Like a file opened for reading (query_only), a server ledger opened for `due` or
    `review` runs read-only transactions."""
    reader = open_ledger(pg_ledger_url, for_reading=True)
    try:
        with pytest.raises(DBAPIError, match="read-only transaction"), reader.session() as s:
            s.connection().exec_driver_sql("INSERT INTO supplier (name) VALUES ('x')")
        with reader.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM supplier").scalar() == 0
    finally:
        reader.close()
