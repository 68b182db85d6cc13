"""The layers: core never imports Qt or gui, and the command line reaches the window only
through the `dropdesk.gui` entry points that pyproject.toml registers (core.cli.gui_seam)."""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from core.cli.gui_seam import GROUP, REVIEW_PDF, WINDOW

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "shiboken6", "gui")
DYNAMIC = ("importlib.import_module", "import_module", "__import__")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, anywhere in it (also inside functions), with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in DYNAMIC and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant):
                found.append((node.lineno, str(first.value)))
    return found


def _forbidden(path: Path) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for line, module in _imports(path)
        if module.split(".")[0] in FORBIDDEN
    ]


def test_core_never_imports_qt_or_gui() -> None:
    offending = [hit for path in sorted((ROOT / "core").rglob("*.py")) for hit in _forbidden(path)]
    assert offending == []


def test_the_check_finds_what_it_is_for(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text(
        "import os\n"
        "def later():\n"
        "    from gui.app import run\n"
        "    import PySide6.QtCore\n"
        "    importlib.import_module('gui.launch')\n"
        "from guide import x\n",
        "utf-8",
    )
    hits = [module for _, module in _imports(sneaky) if module.split(".")[0] in FORBIDDEN]
    assert hits == ["gui.app", "PySide6.QtCore", "gui.launch"]


def _entry_points() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["scripts"]["dropdesk"] == "core.cli:main"
    return dict(project["entry-points"][GROUP])


def test_the_registered_gui_parts_exist_and_match_what_python_m_gui_hands_in() -> None:
    points = _entry_points()
    assert set(points) == {WINDOW, REVIEW_PDF}
    from gui.launch import PARTS

    for name, target in points.items():
        module, _, attribute = target.partition(":")
        assert getattr(importlib.import_module(module), attribute) is PARTS[name]


def _installed_checkout(folder: Path) -> dict[str, str]:
    """An environment where this checkout is installed as pip would: its entry points in a
    dist-info on the path (the lead's virtualenv holds main's metadata, not this branch's)."""
    info = folder / "dropdesk_checkout-0.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: dropdesk-checkout\nVersion: 0.0.0\n", "utf-8"
    )
    lines = [f"[{GROUP}]"] + [f"{name} = {target}" for name, target in _entry_points().items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", "utf-8")
    path = os.pathsep.join([str(folder), str(ROOT), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path, "QT_QPA_PLATFORM": "offscreen"}


def test_the_command_line_opens_the_window_through_the_entry_point(tmp_path: Path) -> None:
    from core.demo import write_demo

    ledger = tmp_path / "demo.sqlite"
    write_demo(ledger, orders=60, seed=3)
    env = _installed_checkout(tmp_path)
    command = [sys.executable, "-m", "core.cli", "--self-test", "--ledger", str(ledger)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "self-test ok" in done.stdout


def test_without_the_gui_the_window_is_refused_clearly_and_the_commands_run(
    tmp_path: Path,
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "DROPDESK_HOME": str(tmp_path),
    }
    probe = (
        f"import importlib.metadata as m, sys\nif m.entry_points(group={GROUP!r}): sys.exit(99)\n"
    )
    if subprocess.run([sys.executable, "-c", probe], env=env).returncode == 99:
        pytest.skip("this Python has Dropdesk's GUI parts installed")
    ledger = tmp_path / "none.sqlite"
    command = [sys.executable, "-m", "core.cli", "--ledger", str(ledger)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1 and "window" in done.stderr and "not installed" in done.stderr
    assert "Traceback" not in done.stderr and not ledger.exists()
    due = [sys.executable, "-m", "core.cli", "due", "--ledger", str(ledger)]
    done = subprocess.run(due, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1 and "no ledger at" in done.stderr
