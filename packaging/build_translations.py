"""Dropdesk's translations: the German source catalogue (.ts) and the compiled one (.qm).

    python packaging/build_translations.py            # .ts -> .qm (all a build needs)
    python packaging/build_translations.py --update   # texts catalogue, lupdate, then .qm
    python packaging/build_translations.py --check    # exit 1 if unfinished or the .qm is stale

Both .ts and .qm are committed, so a fresh checkout speaks German without a build step.

Two things lupdate cannot see on its own, and how they get in:
- Every GUI module translates through a one-line wrapper,
  `def _tr(text): return QCoreApplication.translate("ReviewView", text)` (or `tr`, imported
  from a sibling). lupdate is told `_tr` is `tr` and files those calls under the empty context;
  when building the .qm, each such message is filed under the context of the wrapper of the
  module it was found in (read from the module's source), which is what the call asks for at
  run time. One English text therefore has one German text across the modules that share it.
- Core's messages are marked where they are defined, `Text("core.module", "English {n}", n=3)`
  (core/texts.py). `core_texts()` finds them by reading the sources (no import): a call of
  `Text` whose first two arguments are literal strings, the context not empty.
- Texts the GUI translates through a variable (column titles in a tuple) are listed by
  `dynamic_texts()` below. `--update` writes both into
  resources/translations/dynamic_texts.py as QT_TRANSLATE_NOOP calls that lupdate reads.
"""

from __future__ import annotations

import argparse
import ast
import copy
import importlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOG = TRANSLATIONS / "dynamic_texts.py"
LANGUAGES = ("de",)
#: Names the GUI modules give their translate wrapper.
WRAPPERS = ("tr", "_tr")
#: What lupdate reads, relative to ROOT.
SCANNED = ("gui", "resources/translations/dynamic_texts.py")


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"dropdesk_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"dropdesk_{language}.qm"


def qt_tool(name: str) -> Path:
    """lupdate/lrelease as shipped inside the PySide6 wheel (what pyside6-<name> runs)."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    return Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"


# --- texts translated through a variable ---------------------------------------------------


def _calls(path: str, function: str) -> list[str]:
    """The literal first arguments of every call to `function` (a name or a method) in a file."""
    tree = ast.parse((ROOT / path).read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            called = node.func
            name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
            first = node.args[0]
            if (
                name == function
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.append(first.value)
    return found


#: Where core's Text markers are looked for, relative to ROOT.
MARKED = ("core",)


def text_markers(tree: ast.AST) -> Iterator[tuple[str, str]]:
    """(context, source) of every `Text("context", "source", ...)` in a parsed module."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        called = node.func
        name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
        context, source = node.args[0], node.args[1]
        if (
            name == "Text"
            and isinstance(context, ast.Constant)
            and isinstance(context.value, str)
            and context.value
            and isinstance(source, ast.Constant)
            and isinstance(source.value, str)
            and source.value
        ):
            yield context.value, source.value


def core_texts(folders: Iterable[str] = MARKED) -> dict[str, list[str]]:
    """Core's marked messages by context, read from the sources (nothing is imported)."""
    found: dict[str, list[str]] = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for context, source in text_markers(ast.parse(path.read_text("utf-8"))):
                found.setdefault(context, []).append(source)
    return found


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


def dynamic_texts() -> dict[str, list[str]]:
    """Texts the GUI translates through a variable, by the context that translates them."""
    sys.path.insert(0, str(ROOT))
    review = _module("core.review")
    review_view = _module("gui.review_view")
    review_report = _module("gui.review_report")
    suppliers_view = _module("gui.suppliers_view")
    ledger_columns = _module("gui.ledger_columns")
    clocks = _module("core.clocks")
    main_window = _module("gui.main_window")
    cancellations = _module("gui.cancellations_view")
    import_csv = _module("gui.import_csv")
    details = _module("gui.order_details_panel")
    policy = _module("gui.policy_dialog")
    notice = _module("gui.notice_dialog")
    withdrawal = _module("gui.withdrawal_dialog")

    labels = review.REASON_LABELS, review.FAULT_LABELS, review.STATE_LABELS
    reasons, faults, states = (list(d.values()) for d in labels)
    line_titles = [c.title for cs in review.LINE_COLUMNS.values() for c in cs]
    measures = list(review_report.MEASURE_TITLES.values())
    # What the cancel workflow calls its states and deadlines (shown by the wizard and the list)
    next_deadline = _module("core.cancel.next_deadline")
    states_module = _module("core.cancel.states")
    state_labels = [info.label for info in states_module.STATES.values()]
    workflow_labels = [*state_labels, *next_deadline.LABELS.values()]
    types = _module("core.ledger.types")
    # Line cells the review shows as stored: workflow and dispute states, paths, answers.
    stored = [
        *(s.value.replace("_", " ") for s in states_module.State),
        *(s.value.replace("_", " ") for s in types.DisputeState),
        *(p.value for p in states_module.Path if p.value),
        *("accepted", "refused", "shipped", "yes"),
    ]
    texts = {
        "CsvImport": list(import_csv.RefusalModel.HEADERS),
        "OrderDetailsPanel": [
            *details._EVENT_TITLES.values(),
            details.UNKNOWN_EVENT,
            *details._FIELDS.values(),
            *details._BY.values(),
            *details._SHOP_REASONS.values(),
        ],
        "OrderTableModel": [
            *(column.title for column in ledger_columns.COLUMNS),
            *(u.value for u in clocks.Urgency),
        ],
        "PolicyDialog": [policy.NO_SHOP],
        "NoticeDialog": list(notice.KIND_LABELS.values()),
        "WithdrawalDialog": [label for _, label in withdrawal.CHANNELS],
        "ReviewCharts": reasons,
        "ReviewReport": [
            *measures,
            *line_titles,
            *reasons,
            *faults,
            *states,
            *stored,
            *review.ORIGIN_LABELS.values(),
            *review.CASE_LABELS.values(),
            *review.DIRECTION_LABELS.values(),
        ],
        "ReviewView": [
            *review_view.PERIODS,
            *review_view.BREAKDOWNS,
            *review_view._TOOLTIPS.values(),
            *measures,
            *line_titles,
            *reasons,
            *faults,
            *states,
            *review.DIRECTION_LABELS.values(),
            *review.CASE_LABELS.values(),
            *review.ORIGIN_LABELS.values(),
            *stored,
            "Refunds",
            "Profit per order",
            "Cancellations",
            "Disputes",
        ],
        "SuppliersView": [*suppliers_view.COLUMNS, *reasons],
        # Modules whose owners have yet to mark these where they are defined:
        "MainWindow": [
            *(f.label for f in main_window.FILTERS),
            *_calls("gui/main_window.py", "action"),
        ],
        "SyncActions": _calls("gui/sync_actions.py", "_action"),
        "CancellationsView": [*cancellations.COLUMNS, *reasons, *workflow_labels],
    }
    view = _module("core.cancel.view")
    timeline_titles = [
        view.REFUND_RECORDED,
        view.STEP_RECORDED,
        view.DECISION_BY_HAND,
        *view.EVENT_TITLES.values(),
    ]
    texts.update(_wizard_texts([*reasons, *faults, *workflow_labels, *timeline_titles]))
    for context, sources in core_texts().items():
        texts.setdefault(context, []).extend(sources)
    return {context: list(dict.fromkeys(found)) for context, found in texts.items()}


def _wizard_texts(from_core: list[str]) -> dict[str, list[str]]:
    """The cancel wizard's labels: its own tables, and those from core it shows."""
    try:
        step = _module("gui.cancel_wizard.step")
    except ImportError:  # not there (yet)
        return {}
    found: list[str] = [*from_core, *step.PAGE_TITLES.values()]
    for module, names in (
        ("gui.cancel_wizard.check_page", ("_WAY",)),
        ("gui.cancel_wizard.money_page", ("_WHAT", "_STATE")),
        ("gui.cancel_wizard.refund_panel", ("_RESTOCK",)),
        ("gui.cancel_wizard.supplier_page", ("_AFTER",)),
        ("gui.cancel_wizard.runner", ("_POINTS",)),
        ("gui.cancel_wizard.timeline", ("_BY", "_HOW")),
    ):
        loaded = _module(module)
        for name in names:
            table = getattr(loaded, name, {})
            found += [v for v in table.values() if isinstance(v, str)]
    refused = _module("gui.cancel_wizard.refused_page")
    found += [label for _value, label in getattr(refused, "OUTCOMES", ())]
    return {"CancelWizard": found}


def _literal(text: str) -> str:
    """A double-quoted Python literal lupdate reads back as `text`."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def catalog_source(texts: dict[str, list[str]]) -> str:
    lines = [
        '"""Core\'s marked texts and those the GUI translates through a variable, for lupdate to',
        "read (never imported).",
        "",
        "Generated by `python packaging/build_translations.py --update`; do not edit.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "# fmt: off",
        "TEXTS = (",
    ]
    for context in sorted(texts):
        lines += [
            f"    QT_TRANSLATE_NOOP({_literal(context)}, {_literal(text)}),"
            for text in texts[context]
        ]
    lines += [")", "# fmt: on", ""]
    return "\n".join(lines)


# --- lupdate ---------------------------------------------------------------------------------


def lupdate(ts: Path) -> str:
    """Bring `ts` up to date with the sources; returns lupdate's report."""
    command = [
        str(qt_tool("lupdate")),
        "-extensions",
        "py",
        "-tr-function-alias",
        ",".join(f"tr+={name}" for name in WRAPPERS if name != "tr"),
        "-source-language",
        "en",
        "-no-obsolete",
        *SCANNED,
        "-ts",
        str(ts),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


# --- contexts of the wrapper calls ---------------------------------------------------------


def _wrapper_context(function: ast.FunctionDef) -> str | None:
    """ "X" for `def _tr(text): return QCoreApplication.translate("X", text)`."""
    for statement in function.body:
        if isinstance(statement, ast.Return) and isinstance(statement.value, ast.Call):
            call = statement.value
            if (
                getattr(call.func, "attr", "") == "translate"
                and call.args
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
            ):
                return call.args[0].value
    return None


def _module_path(importer: Path, module: str | None, level: int) -> Path:
    if level:
        base = importer.parent
        for _ in range(level - 1):
            base = base.parent
    else:
        base = ROOT
    for part in (module or "").split(".") if module else []:
        base = base / part
    return base.with_suffix(".py") if base.with_suffix(".py").is_file() else base / "__init__.py"


def wrapper_contexts(path: Path, _seen: frozenset[Path] = frozenset()) -> dict[str, str]:
    """The translate wrappers a module can call by name, and the context of each."""
    if path in _seen or not path.is_file():
        return {}
    found: dict[str, str] = {}
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.FunctionDef) and node.name in WRAPPERS:
            context = _wrapper_context(node)
            if context is not None:
                found[node.name] = context
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if (alias.asname or alias.name) in WRAPPERS:
                    source = _module_path(path, node.module, node.level)
                    theirs = wrapper_contexts(source, _seen | {path})
                    if alias.name in theirs:
                        found[alias.asname or alias.name] = theirs[alias.name]
    return found


@dataclass(frozen=True)
class Counts:
    texts: int
    finished: int
    unfinished: int


def _messages(root: ET.Element) -> Iterator[ET.Element]:
    for message in root.iter("message"):
        translation = message.find("translation")
        kind = translation.get("type", "") if translation is not None else ""
        if kind not in ("vanished", "obsolete"):
            yield message


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") == "unfinished":
        return False
    forms = translation.findall("numerusform") or [translation]
    return all((form.text or "").strip() for form in forms)


def counts(ts: Path) -> Counts:
    messages = list(_messages(ET.parse(ts).getroot()))
    finished = sum(1 for message in messages if _finished(message))
    return Counts(len(messages), finished, len(messages) - finished)


def with_run_time_contexts(ts: Path) -> ET.Element:
    """The catalogue with each wrapper call's message filed under the context it asks for."""
    root = ET.parse(ts).getroot()
    contexts: dict[str, list[ET.Element]] = {}
    problems = []
    cache: dict[Path, set[str]] = {}
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            if name:
                contexts.setdefault(name, []).append(message)
                continue
            targets: set[str] = set()
            for location in message.findall("location"):
                source = (ts.parent / location.get("filename", "")).resolve()
                if source not in cache:
                    cache[source] = set(wrapper_contexts(source).values())
                targets |= cache[source]
            if not targets:
                problems.append(message.findtext("source") or "")
            for target in sorted(targets):
                contexts.setdefault(target, []).append(message)
        root.remove(context)
    if problems:
        raise SystemExit(f"No translate wrapper found for the module of: {problems[:5]}")
    for name in sorted(contexts):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        seen: set[tuple[str, str]] = set()
        for message in contexts[name]:
            key = (message.findtext("source") or "", message.findtext("comment") or "")
            if key not in seen:
                seen.add(key)
                context.append(copy.deepcopy(message))
    return root


def release(ts: Path, qm: Path) -> str:
    """Compile `ts` into `qm` (finished translations only); returns lrelease's report."""
    with tempfile.TemporaryDirectory() as folder:
        filed = Path(folder) / ts.name
        ET.ElementTree(with_run_time_contexts(ts)).write(
            filed, encoding="utf-8", xml_declaration=True
        )
        command = [str(qt_tool("lrelease")), "-nounfinished", str(filed), "-qm", str(qm)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def stale(ts: Path, qm: Path) -> bool:
    """Whether `qm` differs from what `ts` compiles to now."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / qm.name
        release(ts, fresh)
        return not qm.is_file() or fresh.read_bytes() != qm.read_bytes()


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--update", action="store_true", help="regenerate the .ts from sources")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on problems")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.update:
        CATALOG.write_text(catalog_source(dynamic_texts()), "utf-8")
    failed = False
    for language in LANGUAGES:
        ts, qm = ts_path(language), qm_path(language)
        if args.update:
            print(lupdate(ts).strip())
        found = counts(ts)
        print(
            f"{ts.name}: {found.texts} texts, {found.finished} translated, "
            f"{found.unfinished} unfinished"
        )
        if args.check:
            if stale(ts, qm):
                print(f"{qm.name} is out of date: run packaging/build_translations.py")
                failed = True
            failed = failed or found.unfinished > 0
        else:
            print(release(ts, qm).strip())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
