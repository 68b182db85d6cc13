"""One way to do each thing, held by reading the source: every long job goes through
`gui.jobs`, and no screen carries a colour value (they name `gui.palette.Colours` roles)."""

from __future__ import annotations

import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "gui"

THREADS = re.compile(
    r"\bQThread\b|\bQRunnable\b|threading\.Thread\b|QThreadPool\.globalInstance\(\)|"
    r"\.start\(\s*self\._run|concurrent\.futures|run_in_executor"
)
HEX = re.compile(r"#[0-9a-fA-F]{6}(?![0-9a-fA-F])|#[0-9a-fA-F]{3}\b(?=[\"';\s])")
NAMED = re.compile(r"QColor\(\s*[\"'][a-z]+[\"']\s*\)")

#: No exceptions: printed documents take `gui.palette.PAPER_STYLE`, charts the `Colours` roles.
#: Strings that look like colours but are not: width samples of order numbers.
NOT_COLOURS = {("ledger_columns.py", "#100000")}


def _sources() -> list[tuple[str, str]]:
    return [(str(path.relative_to(GUI)), path.read_text()) for path in sorted(GUI.rglob("*.py"))]


def test_every_long_job_goes_through_gui_jobs() -> None:
    found = [
        f"{name}: {match.group(0)}"
        for name, text in _sources()
        if name != "jobs.py"
        for match in THREADS.finditer(text)
    ]
    assert found == []


def test_no_screen_holds_a_colour_value() -> None:
    found = [
        f"{name}: {match.group(0)}"
        for name, text in _sources()
        if name != "palette.py"
        for pattern in (HEX, NAMED)
        for match in pattern.finditer(text)
        if (name, match.group(0)) not in NOT_COLOURS
    ]
    assert found == []


def test_the_checks_catch_what_they_are_for() -> None:
    assert HEX.search('label.setStyleSheet("color: #a61b1b;")')
    assert NAMED.search('painter.setPen(QColor("white"))')
    assert THREADS.search("class Worker(QThread):")
    assert THREADS.search("threading.Thread(target=work).start()")
    assert not HEX.search('sample=lambda: "#1000000"')
