"""View > Language applies at once: the window, its open screens and an open cancel wizard
speak the new language, and the merchant keeps what they were looking at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from core import clocks
from core.cancel.listing import open_cancellations
from core.ledger import Ledger
from gui import i18n
from gui.main_window import ALL_ORDERS, MainWindow
from gui.ui_settings import ui_settings
from tests.gui.conftest import DEMO_NOW
from tests.gui.test_words import (
    ENGLISH,
    QUOTED,
    WAIT,
    german_catalogue,
    merchant_data,
    visible_texts,
    without_data,
)


@pytest.fixture(autouse=True)
def _english_afterwards(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    yield
    for widget in qapp.topLevelWidgets():  # the last window (its predecessors are deleted)
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget):
            widget.close()
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    clocks.use_overrides({})  # a holiday saved here must not move other tests' calendars


def switched(qtbot: QtBot, window: MainWindow, value: str) -> MainWindow:
    """Choose `value` in View > Language; the window that takes `window`'s place."""
    menu = next(
        m
        for m in window.findChildren(QMenu)
        if m.title().replace("&", "") in ("Language", "Sprache")
    )
    action = next(a for a in menu.actions() if a.data() == value)
    with qtbot.waitSignal(window.replaced, timeout=WAIT) as taken:
        action.trigger()
    successor = taken.args[0]
    assert isinstance(successor, MainWindow) and successor is not window
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    return successor


def english_left(screens: list[QWidget], data: list[str]) -> list[str]:
    catalogue = german_catalogue()
    left = []
    for screen in screens:
        for text in visible_texts(screen):
            if text.replace("&", "") in catalogue or ENGLISH.search(
                QUOTED.sub(" ", without_data(text, data))
            ):
                left.append(text)
    return left


def test_language_switch_rewords_every_open_screen_at_once(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = MainWindow(demo_ledger, clock=lambda: DEMO_NOW, remember_layout=False)
    window.show()
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    run = open_cancellations(demo_ledger)[0]
    order = window.model.row_at(5)
    assert order is not None and order.order_name
    window.search.setText(order.order_name)
    window.apply_filters()
    assert window.select_order(order.id)
    window.table.sortByColumn(2, window.table.horizontalHeader().sortIndicatorOrder())
    window.resize(1100, 650)
    window.show_needs_me()
    window.cancels.show_cancellations()
    wizard = window.cancels.open_cancellation(run.id)
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=WAIT)
    sort = window.table.horizontalHeader().sortIndicatorSection()

    german = switched(qtbot, window, "de")
    assert ui_settings().value(i18n.SETTING) == "de" and i18n.current_language() == "de"
    assert QLocale().language() == QLocale.Language.German
    # What the merchant was looking at is still there.
    assert german.status_filter.currentIndex() == ALL_ORDERS
    assert german.search.text() == order.order_name
    chosen = german.selected_order()
    assert chosen is not None and chosen.id == order.id
    assert german.details.isVisible()
    assert german.table.horizontalHeader().sortIndicatorSection() == sort
    assert (german.width(), german.height()) == (1100, 650)
    # In German: menus, headers, status bar, details, Needs me, Cancellations, the wizard.
    menus = [action.text() for action in german.menuBar().actions()]
    assert menus[:2] == ["&Datei", "&Ansicht"]
    assert german.count_label.text().endswith("Lieferantenbestellungen")
    assert german._needs_me is not None and german._needs_me.isVisible()
    view = german.cancels.view
    assert view is not None and view.isVisible()
    (reopened,) = german.cancels.wizards
    assert reopened.cancellation_id == run.id and reopened.isVisible()
    qtbot.waitUntil(lambda: reopened.handle is not None and not reopened.busy, timeout=WAIT)
    screens: list[QWidget] = [german, german._needs_me, view, reopened]
    assert english_left(screens, merchant_data(demo_ledger)) == []

    english = switched(qtbot, german, "en")
    assert i18n.current_language() == "en" and QLocale().language() == QLocale.Language.English
    assert [action.text() for action in english.menuBar().actions()][:2] == ["&File", "&View"]
    assert english.count_label.text().endswith("supplier orders")
    assert english_left([english], merchant_data(demo_ledger))  # the check sees English
    assert english.cancels.view is not None and english.cancels.view.isVisible()
    chosen = english.selected_order()
    assert chosen is not None and chosen.id == order.id


def test_the_switch_waits_for_a_running_step(qtbot: QtBot, demo_ledger: Ledger) -> None:
    """A cancel step in flight finishes before its window closes."""
    window = MainWindow(demo_ledger, clock=lambda: DEMO_NOW, remember_layout=False)
    window.show()
    run = open_cancellations(demo_ledger)[0]
    wizard = window.cancels.open_cancellation(run.id)
    assert wizard.busy  # opening its workflow, off the GUI thread
    busy_when_replaced: list[bool] = []
    window.replaced.connect(lambda _successor: busy_when_replaced.append(wizard.busy))
    german = switched(qtbot, window, "de")
    assert busy_when_replaced == [False]
    assert [w.cancellation_id for w in german.cancels.wizards] == [run.id]


def test_the_app_adopts_the_rebuilt_window_before_and_after_its_services(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    """A switch while the app still starts: the services attach to the new window; a switch
    after: the new window has the same connections, with their menu in the new words."""
    from PySide6.QtCore import QThreadPool

    from core.secrets import SecretStore
    from gui.app import Session

    app = Session(demo_ledger, secrets=SecretStore(service="dropdesk-test-langswitch"))
    first = app.window
    first.show()
    first.switch_language("de")  # before attach_services: nothing runs yet
    assert app.window is not first and not app.window.services_ready
    app.window.first_frame_shown.connect(app.start)
    app.window.show()
    qtbot.waitUntil(lambda: app.ready, timeout=20_000)
    german = app.window
    assert german.services_ready and german.connection_menu is not None
    assert german._connect_menu.title() == "&Verbinden"
    connections = german.connections
    german.switch_language("en")
    qtbot.waitUntil(lambda: app.window is not german, timeout=WAIT)
    english = app.window
    assert english.services_ready and english.connections is connections
    assert english._connect_menu.title() == "&Connect"
    assert english._connect_menu.actions()[0].text() == "&Connections…"
    english.close()
    assert QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)


def test_unsaved_holiday_edits_stop_the_switch(qtbot: QtBot, demo_ledger: Ledger) -> None:
    """The rebuilt window would drop them: the merchant is asked to save first."""
    from datetime import date

    window = MainWindow(demo_ledger, clock=lambda: DEMO_NOW, remember_layout=False)
    with qtbot.waitSignal(window.first_frame_shown):  # and its own first status line
        window.show()
    window.show_suppliers()
    assert window._suppliers is not None
    calendar = window._suppliers.open_calendar()
    year = calendar.year.value()
    assert calendar.add_day(date(year, 3, 3), "holiday", "Shop closed")
    replaced: list[MainWindow] = []
    window.replaced.connect(replaced.append)
    menu = next(m for m in window.findChildren(QMenu) if m.title() == "&Language")
    next(a for a in menu.actions() if a.data() == "de").trigger()
    qtbot.wait(WAIT // 20)
    assert replaced == [] and i18n.current_language() == "en"
    assert "Holidays and working days" in window.statusBar().currentMessage()
    assert [a.data() for a in menu.actions() if a.isChecked()] == ["system"]
    assert ui_settings().value(i18n.SETTING) is None  # nothing saved either
    calendar.save()
    german = switched(qtbot, window, "de")
    assert german.menuBar().actions()[0].text() == "&Datei"


def test_an_unsaved_supplier_policy_stops_the_switch(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = MainWindow(demo_ledger, clock=lambda: DEMO_NOW, remember_layout=False)
    with qtbot.waitSignal(window.first_frame_shown):
        window.show()
    window.show_suppliers()
    suppliers = window._suppliers
    assert suppliers is not None
    for supplier in suppliers.suppliers:  # a policy as stored is no edit
        suppliers.select(supplier.id)
        assert not suppliers.unsaved(), supplier.name
    assert window.unsaved() == ""
    suppliers.url.setText("https://example.com/policy")
    assert suppliers.unsaved()
    window.switch_language("de")
    assert i18n.current_language() == "en" and "policy" in window.statusBar().currentMessage()
    assert suppliers.save()
    german = switched(qtbot, window, "de")
    assert german._suppliers is not None and german._suppliers.isVisible()
