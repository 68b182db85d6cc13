"""The German catalogue: complete, in step with the sources, and its committed .qm current.

These fail when a text is added to the GUI without a German translation, when the .ts was
edited without rebuilding the .qm (`python packaging/build_translations.py`), or when a
translation loses a placeholder, a tag or an accelerator on the way.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    """packaging/build_translations.py (a folder of scripts: `packaging` is PyPI's name)."""
    name = "build_translations"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build = _load()
TS = build.ts_path("de")
QM = build.qm_path("de")


def _pairs() -> list[tuple[str, str, str]]:
    """(context, English, German) of every live message."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") not in ("vanished", "obsolete"):
                found.append((name, message.findtext("source") or "", translation.text or ""))
    return found


def test_every_text_is_translated() -> None:
    counts = build.counts(TS)
    assert counts.texts > 800
    assert counts.unfinished == 0
    assert counts.finished == counts.texts


def test_committed_qm_is_built_from_the_committed_ts(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    build.release(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "run: python packaging/build_translations.py"


def test_catalogue_of_variable_texts_is_current() -> None:
    assert build.catalog_source(build.dynamic_texts()) == build.CATALOG.read_text("utf-8"), (
        "run: python packaging/build_translations.py --update"
    )


def test_sources_hold_no_text_the_catalogue_lacks(tmp_path: Path) -> None:
    """lupdate over today's sources finds nothing new (what a translator would have to do)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    report = build.lupdate(copy)
    counts = build.counts(copy)
    assert counts.unfinished == 0, report
    assert counts.texts == build.counts(TS).texts, report


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("gui/review_view.py", {"_tr": "ReviewView"}),
        ("gui/main_window.py", {"_tr": "MainWindow"}),
        ("gui/cancel_wizard/money_page.py", {"tr": "CancelWizard"}),  # imported from step.py
        ("gui/connections/shop_panel.py", {"tr": "Connections"}),  # imported from common.py
    ],
)
def test_wrapper_contexts_are_read_from_the_modules(module: str, expected: dict[str, str]) -> None:
    assert build.wrapper_contexts(ROOT / module) == expected


def test_wrapper_calls_are_filed_under_their_run_time_context() -> None:
    root = build.with_run_time_contexts(TS)
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    assert "" not in contexts
    review = {m.findtext("source"): m.findtext("translation") for m in contexts["ReviewView"]}
    assert review["Export CSV…"] == "CSV exportieren…"  # a _tr() call in review_view.py
    assert review["All time"] == "Gesamter Zeitraum"  # from the catalogue of variable texts
    # one English text used by two modules reaches both contexts
    suppliers = {m.findtext("source") for m in contexts["SuppliersView"]}
    assert "Supplier" in suppliers and "Supplier" in review


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))


def _problems(english: str, german: str) -> list[str]:
    checks = {
        "empty": not german.strip(),
        # the fields by name (a date's format may differ by language)
        "placeholders": sorted(re.findall(r"\{(\w*)[^{}]*\}", german.replace("{{", "")))
        != sorted(re.findall(r"\{(\w*)[^{}]*\}", english.replace("{{", ""))),
        "tags": sorted(re.findall(r"</?\w+", german)) != sorted(re.findall(r"</?\w+", english)),
        "accelerator": _accelerators(german) != _accelerators(english),
        "ellipsis": german.endswith("…") != english.endswith("…"),
        "lines": german.count("\n") != english.count("\n"),
        "spaces": (german[:1].isspace(), german[-1:].isspace())
        != (english[:1].isspace(), english[-1:].isspace()),
    }
    return [name for name, failed in checks.items() if failed]


def test_translations_keep_placeholders_tags_and_accelerators() -> None:
    wrong = [(c, e, g, p) for c, e, g in _pairs() if (p := _problems(e, g))]
    assert not wrong


def test_every_core_marker_is_in_the_catalogue_with_its_german() -> None:
    """Core's Text markers (found by reading the sources) are entries of the catalogue that
    translators work in, each translated; a third language is one more such file."""
    markers = build.core_texts()
    assert sum(len(sources) for sources in markers.values()) > 200
    german = {(c, e): g for c, e, g in _pairs()}
    missing = [(c, s) for c, sources in markers.items() for s in sources if not german.get((c, s))]
    assert missing == []
    assert german["core.ledger.errors", "the disk is full"] == "der Datenträger ist voll"


def test_the_scan_of_core_imports_nothing() -> None:
    """The scanner reads core as text: a module that would fail on import is still read."""
    tree = build.ast.parse("import no_such_module\nX = Text('core.x', 'Hello {name}', name=1)\n")
    assert list(build.text_markers(tree)) == [("core.x", "Hello {name}")]


def test_accelerators_are_unique_within_each_menu() -> None:
    """German menus: the titles of the menu bar, and the entries of File, View and Review."""
    german = {english: text for _context, english, text in _pairs()}
    menus = {
        "menu bar": ["&File", "&View", "&Connect", "&Review", "&Help"],
        "File": ["&Open ledger…", "&Import Shopify orders…", "&Add supplier order…", "&Quit"],
        "View": ["&Search", "&Refresh", "Needs &me…", "&Language"],
        "Review": ["Refund &review…", "&Suppliers…", "Refund &policy…"],
        "Connect": ["&Connections…", "Sync with &Shopify", "Refresh from &AliExpress"],
        "Help": ["&About Dropdesk", "Open &logs folder", "Save &diagnostics…"],
    }
    for menu, entries in menus.items():
        keys = [re.findall(r"&(\w)", german[e])[0].lower() for e in entries]
        assert len(set(keys)) == len(keys), (menu, [german[e] for e in entries])
