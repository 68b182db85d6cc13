"""`dropdesk due`: every deadline closing soon or overdue, as text or one JSON object.

It only reads the ledger (core.cli.opening), so it runs beside the open app, and it never loads
Qt: a scheduler on a headless server runs it."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from core.cli.opening import open_existing
from core.cli.output import print_for_reader


def run_due(path: Path | str, within: float, as_json: bool) -> int:
    from core import due

    ledger = open_existing(path)
    if ledger is None:
        return 1
    now = datetime.now().astimezone()
    try:
        rows = due.ledger_deadlines(ledger, now, within)
    finally:
        ledger.close()
    if as_json:
        print_for_reader(due.to_json(rows, now, within_hours=within))
    else:
        width = shutil.get_terminal_size((100, 24)).columns  # COLUMNS, the terminal, or 100
        print_for_reader(due.render_text(rows, now, within_hours=within, width=width))
    return 0
