"""The app in German: the main window, the review and the wizard speak it, Qt's own buttons
too, and dates and money follow; the language follows the system unless told otherwise."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from core.ledger import Ledger
from core.ledger.models import Cancellation, SupplierOrder
from gui import i18n
from gui.formatting import local_time, money
from gui.ledger_columns import COUNTDOWN, SHIP_BY, STATUS, position
from gui.main_window import MainWindow
from gui.review_view import ReviewView
from gui.ui_settings import ui_settings
from resources import ROOT
from tests.gui.conftest import DEMO_NOW

EN_US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _english_with_other_german() -> frozenset[str]:
    """Source texts whose German differs: seeing one of them on screen means a miss."""
    root = ET.parse(ROOT / "translations" / "dropdesk_de.ts").getroot()
    return frozenset(
        source
        for message in root.iter("message")
        if (source := message.findtext("source") or "") != (message.findtext("translation") or "")
        and len(source) > 2
    )


UNTRANSLATED = _english_with_other_german()


def shown_texts(widget: QWidget) -> list[str]:
    """The texts a merchant reads in a widget: labels, buttons, boxes, tabs, choices, menus."""
    texts = [widget.windowTitle()]
    for label in widget.findChildren(QLabel):
        texts.append(label.text())
    for button in widget.findChildren(QAbstractButton):
        texts.append(button.text())
    for box in widget.findChildren(QGroupBox):
        texts.append(box.title())
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t]


@pytest.fixture
def no_language_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)


@pytest.fixture
def german(qapp: QApplication, no_language_override: None) -> Iterator[str]:
    """The app in German for one test, then back to English and en_US formats."""
    language = i18n.install_translators(qapp, "de")
    yield language
    i18n.remove_translators(qapp)
    QLocale.setDefault(EN_US)


@pytest.fixture
def restore(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(EN_US)


def test_main_window_speaks_german(german: str, demo_ledger: Ledger, qtbot: QtBot) -> None:
    assert german == "de"
    window = MainWindow(demo_ledger, clock=lambda: DEMO_NOW)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&Datei" and "A&uswertung" in menus and "&Hilfe" in menus
    file_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Datei")
    assert "Auftragsbuch ö&ffnen…" in [a.text() for a in file_menu.actions()]
    choices = [window.status_filter.itemText(i) for i in range(window.status_filter.count())]
    assert choices[:3] == ["Wartet auf Versand", "Frist endet bald", "Überfällig"]
    header = window.model.headerData
    assert header(position(SHIP_BY), Qt.Orientation.Horizontal) == "Versand bis"
    assert header(position(COUNTDOWN), Qt.Orientation.Horizontal) == "Restzeit"
    assert window.count_label.text().endswith("Lieferantenbestellungen")
    statuses = {window.model.data(window.model.index(r, position(STATUS))) for r in range(20)}
    assert "Wartet auf Versand" in statuses
    countdowns = [window.model.data(window.model.index(r, position(COUNTDOWN))) for r in range(50)]
    assert any(text.startswith("Verzug ") and " T " in text for text in countdowns)
    assert not [t for t in shown_texts(window) if t in UNTRANSLATED]


def test_qt_buttons_dates_and_money_are_german(german: str, qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    assert QLocale().name() == "de_DE"
    assert money(123456, "EUR") == "1.234,56 EUR"
    assert local_time(datetime(2026, 3, 9, 12, 0, tzinfo=UTC)).startswith("09.03.26")


def test_review_speaks_german(german: str, demo_ledger: Ledger, qtbot: QtBot) -> None:
    view = ReviewView(demo_ledger)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    assert view.windowTitle().startswith("Erstattungsauswertung")
    assert view.period.itemText(0) == "Gesamter Zeitraum"
    assert view.tabs.tabText(0) == "Übersicht"
    model = next(iter(view.models.values()))
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Datum"
    reasons = {model.data(model.index(r, 6)) for r in range(min(30, model.rowCount()))}
    assert reasons & {"Beschädigt", "Falsche Größe", "Meinung geändert", "Nicht wie beschrieben"}
    assert not [t for t in shown_texts(view) if t in UNTRANSLATED]


def test_cancel_wizard_speaks_german(german: str, demo_ledger: Ledger, qtbot: QtBot) -> None:
    wizard_module = pytest.importorskip("gui.cancel_wizard")
    from gui.cancel_ports import manual_opener

    with demo_ledger.session() as session:
        order_id = session.exec(
            select(SupplierOrder.id)
            .where(SupplierOrder.order_status == "WAIT_SELLER_SEND_GOODS")
            .where(col(SupplierOrder.id).not_in(select(Cancellation.supplier_order_id)))
        ).first()
    wizard = wizard_module.CancelWizard(
        demo_ledger, manual_opener(demo_ledger), supplier_order_id=order_id
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=10_000)
    texts = shown_texts(wizard)
    assert "Überall stornieren" in wizard.windowTitle() or any("stornieren" in t for t in texts)
    assert "Warum wird storniert?" in texts
    assert not [t for t in texts if t in UNTRANSLATED]
    page = wizard.reason_page  # start the run: the check says why in German too
    page.reason.setCurrentIndex(page.reason.findData("changed_mind"))
    page.start_button.click()
    qtbot.waitUntil(lambda: wizard.view is not None and not wizard.busy, timeout=10_000)
    if wizard.check_page.check_button.isVisible():
        wizard.check_page.check_button.click()
        qtbot.waitUntil(lambda: bool(wizard.check_page.why.text()), timeout=10_000)
    why = wizard.check_page.why.text()
    assert why.startswith("Laut Auftragsbuch") and "noch nicht versandt" in why
    notes = wizard.check_page.notes.label.text()
    assert "AliExpress ist nicht verbunden" in notes
    assert wizard.state_label.text() == "Jetzt: Beim Lieferanten auf AliExpress stornieren"
    assert "Stornierung begonnen" in wizard.timeline.titles()
    wizard.supplier_page.requested_button.click()  # the next deadline is said in German too
    qtbot.waitUntil(
        lambda: (
            not wizard.busy and wizard.view is not None and wizard.view.next_deadline is not None
        ),
        timeout=10_000,
    )
    assert wizard.deadline_label.text().startswith(
        "Die Stornierungsanfrage erledigt sich von selbst: "
    )


def test_system_language_with_c_locale_is_english(
    qapp: QApplication, no_language_override: None, restore: None
) -> None:
    ui_settings().setValue(i18n.SETTING, i18n.SYSTEM)
    assert i18n.install_translators(qapp, system=QLocale.c()) == "en"
    assert QCoreApplication.translate("MainWindow", "Overdue") == "Overdue"
    assert QLocale().name() == "en_US"  # C reads like en_US
    assert i18n.current_language() == "en"


def test_german_system_gives_german_with_its_own_formats(
    qapp: QApplication, no_language_override: None, restore: None
) -> None:
    assert i18n.install_translators(qapp, system=QLocale("de_AT")) == "de"
    assert QCoreApplication.translate("MainWindow", "Overdue") == "Überfällig"
    assert QLocale().name() == "de_AT"


def test_setting_overrides_the_system_and_the_environment_the_setting(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, restore: None
) -> None:
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    ui_settings().setValue(i18n.SETTING, "de")
    assert i18n.install_translators(qapp, system=QLocale("en_GB")) == "de"
    assert QLocale().name() == "de_DE"
    monkeypatch.setenv(i18n.ENVIRONMENT, "en_US.UTF-8")
    assert i18n.install_translators(qapp, system=QLocale("de_DE")) == "en"
    assert QCoreApplication.translate("MainWindow", "Overdue") == "Overdue"
    assert QLocale().name() == "en_US"
    assert i18n.install_translators(qapp, "de", system=QLocale("en_GB")) == "de"  # argument wins


def test_unknown_choices_follow_the_system(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, restore: None
) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, "fr")
    ui_settings().setValue(i18n.SETTING, "klingon")
    assert i18n.install_translators(qapp, system=QLocale("de_CH")) == "de"
    assert i18n.install_translators(qapp, system=QLocale("fr_FR")) == "en"


def test_language_menu_hands_over_a_new_choice_and_the_switch_saves_it(
    qapp: QApplication, no_language_override: None, restore: None, qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[str] = []
    menu = i18n.language_menu(parent, chosen.append)
    actions = {a.data(): a for a in menu.actions()}
    assert list(actions) == ["system", "en", "de"] and actions["system"].isChecked()
    actions["system"].trigger()  # the saved choice again: nothing to do
    actions["de"].trigger()
    assert chosen == ["de"]
    assert i18n.switch_language(qapp, "de") == "de"
    assert ui_settings().value(i18n.SETTING) == "de"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    assert i18n.install_translators(qapp, system=QLocale.c()) == "de"  # the next start too
    again = i18n.language_menu(parent, chosen.append)
    assert [a.data() for a in again.actions() if a.isChecked()] == ["de"]
    assert i18n.switch_language(qapp, "system") == "en"  # the C locale reads as English


def test_language_menu_checks_the_language_in_force(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, restore: None, qtbot: QtBot
) -> None:
    """DROPDESK_LANG=de over a saved "system" on an English system: the window is German, so
    the menu checks Deutsch (not "System language"), and choosing the system switches."""
    ui_settings().setValue(i18n.SETTING, i18n.SYSTEM)
    monkeypatch.setenv(i18n.ENVIRONMENT, "de")
    assert i18n.install_translators(qapp, system=QLocale.c()) == "de"
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[str] = []
    menu = i18n.language_menu(parent, chosen.append)
    actions = {a.data(): a for a in menu.actions()}
    assert [value for value, a in actions.items() if a.isChecked()] == ["de"]
    actions["de"].trigger()  # the language in force: nothing to do
    assert chosen == []
    actions["system"].trigger()  # a real change although "system" is the saved setting
    assert chosen == ["system"]
    assert [value for value, a in actions.items() if a.isChecked()] == ["de"]  # not switched


def test_refused_rows_are_explained_in_german(german: str, tmp_path: Path) -> None:
    from core.imports import import_shopify_csv
    from core.ledger import open_ledger
    from gui.import_csv import RefusalModel, refusals_as_text

    ledger = open_ledger(tmp_path / "ledger.sqlite")
    data = Path(__file__).parents[1] / "data" / "orders_broken.csv"
    summary = import_shopify_csv(ledger, data, mode="nothing")
    ledger.close()
    model = RefusalModel(summary.refused)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Problem"
    assert model.index(2, 2).data() == 'kein Betrag: "12,3,4"'
    assert 'kein Datum: "2026-13-45 25:00:00 +0530"' in refusals_as_text(summary.refused)
