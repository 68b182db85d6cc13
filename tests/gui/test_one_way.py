"""One way to do each thing, held by reading the source: every long job goes through
`gui.jobs`, no screen carries a colour value (they name `gui.palette.Colours` roles), and no
screen talks SQL (core's use cases own their transactions and serve the GUI and the CLI)."""

from __future__ import annotations

import ast
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


#: Calls that open a transaction or run SQL, whatever they are called on.
SQL_CALLS = {"session", "connection", "execute", "executemany", "executescript", "exec_driver_sql"}
#: Query builders, called by their bare name.
QUERY_BUILDERS = {"select", "text", "insert", "update", "delete"}
#: The ledger's handles: a screen may hand them to a core function (`OrderList(ledger.reader)`,
#: `Review(ledger.engine)`: core runs the query) but never use them itself (`.engine.connect()`).
HANDLES = {"engine", "reader"}
#: Database modules: a screen takes only their errors (to name what a read through core met).
DB_MODULES = {"sqlalchemy", "sqlmodel", "sqlite3"}
#: (file, line text) a screen may keep with a reason; empty: every query lives in core.
SQL_ALLOWED: set[tuple[str, str]] = set()


def ledger_access(source: str) -> list[tuple[int, str]]:
    """Where a source opens a session or connection, runs SQL or builds a query."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in SQL_CALLS:
                found.append((node.lineno, f".{func.attr}("))
            elif isinstance(func, ast.Name) and func.id in QUERY_BUILDERS:
                found.append((node.lineno, f"{func.id}("))
        elif isinstance(node, ast.Attribute):
            inner = node.value
            if isinstance(inner, ast.Attribute) and inner.attr in HANDLES:
                found.append((node.lineno, f".{inner.attr}.{node.attr}"))
            elif (
                isinstance(inner, ast.Name)
                and inner.id in DB_MODULES
                and not node.attr.endswith("Error")
            ):
                found.append((node.lineno, f"{inner.id}.{node.attr}"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in DB_MODULES:
            for alias in node.names:
                if not alias.name.endswith("Error"):
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
    return sorted(found)


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


def test_no_screen_opens_the_ledger_or_builds_a_query() -> None:
    found = []
    for name, text in _sources():
        lines = text.splitlines()
        for number, what in ledger_access(text):
            if (name, lines[number - 1].strip()) not in SQL_ALLOWED:
                found.append(f"{name}:{number}: {what}")
    assert found == []


def test_the_checks_catch_what_they_are_for() -> None:
    assert HEX.search('label.setStyleSheet("color: #a61b1b;")')
    assert NAMED.search('painter.setPen(QColor("white"))')
    assert THREADS.search("class Worker(QThread):")
    assert THREADS.search("threading.Thread(target=work).start()")
    assert not HEX.search('sample=lambda: "#1000000"')


def test_the_ledger_check_catches_what_it_is_for() -> None:
    def caught(source: str) -> list[str]:
        return [what for _, what in ledger_access(source)]

    assert caught("with ledger.session() as s:\n    pass") == [".session("]
    assert caught("with self._ledger.engine.connect() as c:\n    pass") == [".engine.connect"]
    assert caught("ledger.reader.execute('SELECT 1')") == [".execute(", ".reader.execute"]
    assert caught("c.exec_driver_sql('SELECT 1')") == [".exec_driver_sql("]
    assert caught("from sqlmodel import col, select") == [
        "from sqlmodel import col",
        "from sqlmodel import select",
    ]
    assert caught("rows = s.exec(select(Shop))") == ["select("]
    assert caught("import sqlite3\nsqlite3.connect(path)") == ["sqlite3.connect"]
    # Handing a handle to core, a dialog's exec(), a selection's select(), errors: all fine.
    assert caught("Review(ledger.engine); OrderList(ledger.reader)") == []
    assert caught("dialog.exec(); self.table.selectionModel().select(s, f)") == []
    assert caught("from sqlalchemy.exc import DatabaseError") == []
    assert caught("import sqlite3\ntry:\n    pass\nexcept sqlite3.DatabaseError:\n    pass") == []
