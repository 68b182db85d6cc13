"""The ledger table's columns: one complete object each, and the only thing the table reads.

Each column must be translated, sized and (when sortable) sorted by SQL that a real ledger runs
along an index; the window's header, widths and sorting must follow the list, so that a new
column is one more object in `gui.ledger_columns.COLUMNS`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from core.order_list import OrderList, OrderQuery
from gui import i18n
from gui.ledger_columns import COLUMNS, DEFAULT_SORT, LedgerColumn, position
from gui.main_window import ALL_ORDERS, MainWindow
from resources import ROOT
from tests.gui.conftest import DEMO_NOW

SORTABLE = [column for column in COLUMNS if column.sort is not None]


def catalogue(context: str) -> dict[str, str]:
    """The finished German translations of one context of the committed catalogue."""
    found: dict[str, str] = {}
    for block in ET.parse(ROOT / "translations" / "dropdesk_de.ts").getroot().iter("context"):
        if block.findtext("name") != context:
            continue
        for message in block.iter("message"):
            translation = message.find("translation")
            if translation is not None and not translation.get("type") and translation.text:
                found[message.findtext("source") or ""] = translation.text
    return found


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    i18n.install_translators(qapp, "de")
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def window_on(qtbot: QtBot, ledger: Ledger) -> MainWindow:
    window = MainWindow(ledger, clock=lambda: DEMO_NOW)
    qtbot.addWidget(window)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_column_is_complete(qtbot: QtBot, demo_ledger: Ledger, german: None) -> None:
    keys = [column.key for column in COLUMNS]
    assert len(set(keys)) == len(keys)
    titles = catalogue("OrderTableModel")
    window = window_on(qtbot, demo_ledger)
    metrics = QFontMetrics(window.table.font())
    for number, column in enumerate(COLUMNS):
        # Words from a row, or cells that move with the clock: exactly one of them.
        assert (column.text is None) != (column.clock is None), column.key
        assert titles.get(column.title), f"{column.title!r} has no German translation"
        header = window.model.headerData(number, Qt.Orientation.Horizontal)
        assert header == titles[column.title]
        sample = column.sample()
        assert sample and metrics.horizontalAdvance(sample) > 0, column.key
        header_view = window.table.horizontalHeader()
        assert header_view.isSectionHidden(number) == column.hidden, column.key
        shown = [n for n in range(len(COLUMNS)) if not header_view.isSectionHidden(n)]
        if number in shown[:-1]:  # the last shown one stretches to the window's edge
            width = header_view.sectionSize(number)
            assert width >= metrics.horizontalAdvance(sample), column.key
            assert width >= header_view.fontMetrics().horizontalAdvance(header), column.key
        cell = window.model.index(0, number).data()
        assert isinstance(cell, str), column.key


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_shown_columns_fit_a_laptop_screen(
    qtbot: QtBot, demo_ledger: Ledger, qapp: QApplication, language: str
) -> None:
    """At 1280x720 (the offscreen screen) the table shows its columns beside the details panel
    without scrolling sideways, in English and in German."""
    i18n.install_translators(qapp, language)
    try:
        window = window_on(qtbot, demo_ledger)
        header = window.table.horizontalHeader()
        shown = [n for n in range(len(COLUMNS)) if not header.isSectionHidden(n)]
        assert [COLUMNS[n].key for n in shown][:5] == [
            "order",
            "customer",
            "countdown",
            "ship_by",
            "status",
        ]
        # Nothing selected (the details panel shows its hint, long in German), then a row.
        hint = window.details.title.text()
        for selected in (False, True):
            if selected:
                window.table.selectRow(0)
                assert window.details.title.text() != hint
            qtbot.wait(50)
            assert window.width() <= 1280 and window.details.isVisible()
            used = sum(header.sectionSize(n) for n in shown[:-1])
            room = window.table.viewport().width() - used
            assert room >= 100, (selected, room)  # and room for the supplier
            assert not window.table.horizontalScrollBar().isVisible(), selected
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_header_menu_shows_a_hidden_column_and_remembers_it(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    from gui import ledger_header
    from gui.ledger_columns import TRACKING

    window = window_on(qtbot, demo_ledger)
    header = window.table.horizontalHeader()
    assert header.isSectionHidden(position(TRACKING))
    menu = ledger_header.column_menu(window.table)
    entries = {action.text(): action for action in menu.actions()}
    assert list(entries)[position(TRACKING)] == "Tracking"
    entries["Tracking"].setChecked(True)
    assert not header.isSectionHidden(position(TRACKING))
    entries["Order"].setChecked(False)
    again = window_on(qtbot, demo_ledger)  # the next window shows what was chosen
    again_header = again.table.horizontalHeader()
    assert not again_header.isSectionHidden(position(TRACKING))
    assert again_header.isSectionHidden(0)
    only = ledger_header.column_menu(again.table)
    for action in only.actions():
        if action.isChecked() and action.text() != "Status":
            action.setChecked(False)
    last = [a for a in only.actions() if a.isChecked()]
    assert [a.text() for a in last] == ["Status"] and not last[0].isEnabled()


@pytest.mark.parametrize("column", SORTABLE, ids=lambda c: c.key)
@pytest.mark.parametrize("descending", [False, True])
def test_each_sort_key_is_sql_that_walks_an_index(
    demo_ledger: Ledger, column: LedgerColumn, descending: bool
) -> None:
    assert column.sort is not None
    query = OrderQuery(sort=column.sort, descending=descending)
    where, params = query.where()
    plan = demo_ledger.reader.execute(
        f"EXPLAIN QUERY PLAN SELECT so.id FROM supplier_order AS so{where}"
        f"{query.order_by()} LIMIT 30",
        params,
    ).fetchall()
    steps = " ".join(str(row[3]) for row in plan)
    assert "TEMP B-TREE" not in steps, steps  # sorted by walking an index, not in memory
    orders = OrderList(demo_ledger.reader)
    total = orders.count(query)
    shown = [row.id for row in orders.window(query, 0, 60, total)]
    direction = "DESC" if descending else "ASC"
    plain = [
        row[0]
        for row in demo_ledger.reader.execute(
            f"SELECT so.id FROM supplier_order AS so ORDER BY {query.sort} {direction}, "
            f"so.id {direction} LIMIT 60"
        )
    ]
    assert shown == plain
    assert orders.position(query, plain[41]) == 41


def test_the_window_sorts_by_the_columns_and_only_those(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = window_on(qtbot, demo_ledger)
    model = window.model
    assert model.columnCount() == len(COLUMNS)
    assert model.query.sort == DEFAULT_SORT.sort == OrderQuery().sort
    for number, column in enumerate(COLUMNS):
        tip = model.headerData(number, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert (tip == "Click to sort") is (column.sort is not None), column.key
        before = model.query
        window.table.sortByColumn(number, Qt.SortOrder.DescendingOrder)
        if column.sort is None:
            assert model.query == before, column.key
        else:
            assert (model.query.sort, model.query.descending) == (column.sort, True)
    window.table.sortByColumn(position(DEFAULT_SORT), Qt.SortOrder.AscendingOrder)
    assert model.query.sort == DEFAULT_SORT.sort and not model.query.descending


def test_an_estimated_ship_by_shows_its_mark_whole(
    qtbot: QtBot, ledger: Ledger, german: None
) -> None:
    """Imported orders have a ship-by estimated from the Shopify payment: "≈" comes first and
    the column is wide enough for the mark and the time ("21.04.26 16:00…" hid it)."""
    from pathlib import Path

    from core.imports import import_shopify_csv
    from gui.ledger_columns import SHIP_BY

    import_shopify_csv(ledger, Path(__file__).parents[1] / "data" / "orders_dsers_paid.csv")
    window = window_on(qtbot, ledger)
    column = position(SHIP_BY)
    width = window.table.horizontalHeader().sectionSize(column)
    metrics = QFontMetrics(window.table.font())
    marked = 0
    for row in range(window.model.rowCount()):
        text = str(window.model.index(row, column).data() or "")
        if text.startswith("≈ "):
            marked += 1
            assert metrics.horizontalAdvance(text) + 8 <= width, (text, width)
    assert marked >= 4
