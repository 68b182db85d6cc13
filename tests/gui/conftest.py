"""GUI fixtures: a demo ledger shared by the module, opened fresh for each test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from core.demo import write_demo
from core.ledger import Ledger, open_ledger

DEMO_NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
#: The offscreen screen is the merchant's laptop: 1280x720 less a 40 px task bar.
LAPTOP_SCREEN = Path(__file__).with_name("laptop-screen.json")
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"


@pytest.fixture(autouse=True, scope="session")
def english_locale() -> None:
    """Pin number and date formats (the machine's locale is C)."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    write_demo(path, orders=2_000, seed=5, now=DEMO_NOW)
    return path


@pytest.fixture
def demo_ledger(demo_template: Path, tmp_path: Path) -> Iterator[Ledger]:
    """A private copy of the demo ledger (tests may change it)."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    ledger = open_ledger(path)
    yield ledger
    ledger.close()


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The test runs once in English and once in German (then back to English, en_US)."""
    from gui import i18n

    code = i18n.install_translators(qapp, str(request.param))
    yield code
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
