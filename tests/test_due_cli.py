"""`dropdesk due --json` as a subprocess on a ledger made by importing a DSers merchant's export:
every paid, unfulfilled order has a clock (`buy` without an AliExpress number, an estimated
`ship_window` with one), and orders that need nothing (fulfilled, not paid) have none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from core import settings
from core.imports import import_shopify_csv
from core.ledger import open_ledger

ROOT = Path(__file__).parents[1]
EXPORT = Path(__file__).with_name("data") / "orders_dsers_paid.csv"
PAID_UNFULFILLED = [f"#{2000 + i}" for i in range(1, 9)]
KINDS = {"buy", "ship_window", "supplier_answer", "tracking_request", "dispute", "supplier_refund"}


def due_json(ledger: Path, *extra: str) -> dict[str, object]:
    """Run the installed command line in a child process, as a scheduler would."""
    done = subprocess.run(
        [sys.executable, "-m", "gui.cli", "due", "--ledger", str(ledger), "--json", *extra],
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


def test_every_paid_unfulfilled_order_of_an_import_has_a_clock(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    ledger = open_ledger(path)
    try:
        summary = import_shopify_csv(ledger, EXPORT)
    finally:
        ledger.close()
    assert (summary.added, summary.linked) == (10, 5)

    document = due_json(path, "--within", "24")
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
        [sys.executable, "-m", "gui.cli", "demo", "--ledger", str(path), "--orders", "400"],
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
                [sys.executable, "-m", "gui.cli", *command, "--ledger", str(path)],
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
