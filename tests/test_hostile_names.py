"""Hostile order, customer and supplier names reach the merchant's terminal and exports
without control or bidi characters (the real CLI, in a fresh interpreter)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from core.demo import write_demo
from tests.cli_support import run_dropdesk
from tests.hostile_names import poison, unsafe_in


@pytest.fixture(scope="module")
def hostile_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "ledger.sqlite"
    write_demo(path, orders=300, seed=4)
    poison(path)
    return path


def test_due_prints_no_escape_sequence(hostile_ledger: Path) -> None:
    done = run_dropdesk("due", "--ledger", str(hostile_ledger), "--within", "200")
    assert done.returncode == 0, done.stderr
    assert "Acme[31m Store" in done.stdout  # the name is there, visibly, without its ESC
    assert unsafe_in(done.stdout) == {"\n"}


def test_due_json_carries_no_control_characters(hostile_ledger: Path) -> None:
    done = run_dropdesk("due", "--ledger", str(hostile_ledger), "--within", "200", "--json")
    assert done.returncode == 0, done.stderr
    orders = json.loads(done.stdout)["orders"]
    assert orders
    for order in orders:
        assert not unsafe_in(order["order_name"] + (order["supplier"] or ""))
        assert order["order_name"].endswith("[2J")


def test_review_text_and_csv_show_names_plainly(hostile_ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "refunds.csv"
    done = run_dropdesk("review", "--ledger", str(hostile_ledger), "--csv", str(target))
    assert done.returncode == 0, done.stderr
    assert "Acme[31m Store" in done.stdout
    assert unsafe_in(done.stdout) == {"\n"}
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) > 1
    cells = [cell for row in rows for cell in row]
    assert any("[2J" in cell for cell in cells)  # the order names are in the export
    assert not any(unsafe_in(cell) for cell in cells)
