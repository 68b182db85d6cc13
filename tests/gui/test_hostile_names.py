"""Hostile names in the window and the PDF report: shown without control or bidi characters
(a right-to-left override must not make #7101 read #1017)."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from core.review import LineKind, Review, ReviewFilter
from gui.ledger_columns import COLUMNS
from gui.main_window import ALL_ORDERS, MainWindow
from gui.review_report import report_html
from gui.review_view import ReviewView
from gui.suppliers_view import SuppliersView
from tests.hostile_names import poison, unsafe_in


def hostile_window(qtbot: QtBot, ledger: Ledger) -> MainWindow:
    poison(ledger.path)
    window = MainWindow(ledger)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_table_rows_and_details_show_names_plainly(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = hostile_window(qtbot, demo_ledger)
    model = window.model
    assert model.rowCount() > 0
    seen = [
        str(model.index(row, column).data() or "")
        for row in range(min(model.rowCount(), 40))
        for column in range(len(COLUMNS))
    ]
    assert any(text.endswith("[2J") for text in seen)  # order names, their ESC gone
    assert any(text.startswith("Acme[31m Store") for text in seen)
    assert not any(unsafe_in(text) for text in seen)

    window.table.selectRow(0)
    details = window.details
    qtbot.waitUntil(lambda: "[2J" in details.title.text(), timeout=3_000)
    texts = [details.title.text(), *(label.text() for label in details._fact_labels.values())]
    texts += [
        details.lines.topLevelItem(i).text(column)
        for i in range(details.lines.topLevelItemCount())
        for column in range(details.lines.columnCount())
    ]
    assert not any(unsafe_in(text) for text in texts)


def test_wizard_header_shows_the_name_plainly(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = hostile_window(qtbot, demo_ledger)
    window.table.selectRow(0)
    window.cancel_selected()
    qtbot.waitUntil(lambda: bool(window.cancels.wizards), timeout=3_000)
    wizard = window.cancels.wizards[0]
    assert "[2J" in wizard.title.text()
    assert not unsafe_in(wizard.title.text() + wizard.windowTitle())
    wizard.close()


def test_pdf_report_text_has_no_bidi_override(qtbot: QtBot, demo_ledger: Ledger) -> None:
    """What the PDF writer lays out is report_html's text: check that text."""
    poison(demo_ledger.path)
    review = Review(demo_ledger.engine)
    names = dict(review.suppliers())
    flt = ReviewFilter(supplier_ids=tuple(names))
    summary = review.summary(flt, datetime.now(UTC))
    lines = review.lines(LineKind.REFUNDS, flt, 0, 200)
    html = report_html(summary, names, lines, charts=0)
    assert "Acme[31m Store" in html and "[2J" in html
    assert not unsafe_in(html.replace("\n", ""))


def test_review_and_suppliers_screens_show_names_plainly(qtbot: QtBot, demo_ledger: Ledger) -> None:
    poison(demo_ledger.path)
    review = ReviewView(demo_ledger)
    qtbot.addWidget(review)
    with qtbot.waitSignal(review.refreshed, timeout=10_000):
        review.show()
    model = review.models[LineKind.REFUNDS]
    assert model.rowCount() > 0
    cells = [
        str(model.index(row, column).data() or "")
        for row in range(min(model.rowCount(), 40))
        for column in range(model.columnCount())
    ]
    assert any("[2J" in text for text in cells)
    assert not any(unsafe_in(text) for text in cells)

    suppliers = SuppliersView(demo_ledger)
    qtbot.addWidget(suppliers)
    suppliers.show()
    qtbot.waitUntil(lambda: suppliers.summary is not None, timeout=10_000)
    table = suppliers.table
    names = [
        item.text()
        for row in range(table.rowCount())
        for column in range(table.columnCount())
        if (item := table.item(row, column)) is not None
    ]
    assert any(name.startswith("Acme[31m Store") for name in names)
    assert not any(unsafe_in(name) for name in names)
    table.selectRow(0)
    assert not unsafe_in(suppliers.name.text())
