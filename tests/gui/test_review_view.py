"""The refund review window on the demo ledger: totals, filters, CSV and PDF exports, the CLI."""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from core import settings
from core.cli.arguments import add_review_arguments
from core.cli.review import run_review
from core.ledger import Ledger
from core.review import LineKind, Review, ReviewFilter
from gui.formatting import money
from gui.launch import PARTS
from gui.review_rates import RatesDialog
from gui.review_view import CUSTOM, ReviewView


def open_review(qtbot: QtBot, ledger: Ledger) -> ReviewView:
    view = ReviewView(ledger)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.show()
    return view


def test_opens_with_totals_per_currency(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = open_review(qtbot, demo_ledger)
    assert view.summary is not None
    expected = Review(demo_ledger.engine).summary(ReviewFilter(), view.summary.now)
    assert view.summary.totals == expected.totals
    assert view.summary.converted == expected.converted and expected.currency == "EUR"
    # Every card in the reporting currency, the net cost first; USD converted.
    assert view.cards["recovered"].value.text() == money(expected.reporting("recovered"), "EUR")
    assert view.cards["net_cost"].value.text() == money(expected.reporting("net_cost"), "EUR")
    assert "USD" in view.cards["recovered"].toolTip()  # the per-currency detail
    assert "1 USD = " in view.rate_note.text() and "ECB" in view.rate_note.text()
    assert f"{expected.refunds:,} refund lines" in view.counts.text()
    assert view.models[LineKind.REFUNDS].rowCount() == expected.refunds > 0
    orders = view.models[LineKind.ORDERS]
    assert orders.rowCount() == Review(demo_ledger.engine).count(LineKind.ORDERS, ReviewFilter())
    assert orders.rowCount() == expected.reporting("customer_refunds") > 0  # one refund each
    assert orders.index(0, 9).data().endswith(" EUR")  # profit in the reporting currency
    for chart_view in view.chart_views:
        assert chart_view.chart().series(), chart_view.chart().title()
    assert view.groups.rowCount() == len(expected.in_reporting("reason"))
    # One click away: each currency's own amounts.
    view.per_currency.click()
    assert view.cards["recovered"].value.text().endswith(" USD")
    refunded = view.cards["refunded"].value.text()
    assert refunded.endswith(" EUR") and "USD" not in refunded  # customers were paid in EUR
    assert view.groups.rowCount() == len(expected.by_reason)


def test_reporting_currency_and_rates_by_hand(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = open_review(qtbot, demo_ledger)
    assert view.summary is not None
    usd = {m.currency: m for m in view.summary.totals}["USD"]
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.currency.setCurrentText("USD")
        view.currency.activated.emit(0)
    assert view.summary.currency == "USD"
    assert view.cards["recovered"].value.text() == money(usd.recovered, "USD")
    with demo_ledger.session() as session:
        assert settings.get(session, "reporting_currency") == "USD"
    # 1 EUR = 2 USD by hand: the customers' refunds double.
    eur = {m.currency: m for m in view.summary.totals}["EUR"]
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.set_manual_rates({"EUR/USD": "2"})
    assert view.summary.reporting("refunded") == 2 * eur.refunded
    assert "set by hand" in view.rate_note.text()
    view.currency.setCurrentText("XYZ")
    view.currency.activated.emit(0)
    assert "no exchange rates for XYZ" in view.status.text()


def test_filter_by_supplier(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = open_review(qtbot, demo_ledger)
    assert view.summary is not None
    everything = view.models[LineKind.REFUNDS].rowCount()
    name = view.supplier.itemText(2)
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.supplier.setCurrentIndex(2)
    assert view.summary.filter.supplier_ids == (view.supplier.itemData(2),)
    model = view.models[LineKind.REFUNDS]
    assert 0 < model.rowCount() < everything
    suppliers = {model.index(row, 3).data() for row in range(model.rowCount())}
    assert suppliers == {name}
    assert [r.name for r in view.summary.supplier_rates] == [name]
    assert {g.label for g in view.summary.by_supplier} == {name}


def test_custom_period_and_state(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = open_review(qtbot, demo_ledger)
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.period.setCurrentIndex(CUSTOM)
        view.first_day.setDate(QDate(2026, 11, 1))
        view.last_day.setDate(QDate(2026, 11, 15))
        view.state.setCurrentIndex(view.state.findData("expected"))
    assert view.summary is not None
    flt = view.summary.filter
    assert flt.start is not None and flt.end is not None and flt.states == ("expected",)
    assert flt.start.isoformat() == "2026-10-31T23:00:00+00:00"  # midnight in Berlin
    model = view.models[LineKind.REFUNDS]
    states = {model.index(row, 8).data() for row in range(model.rowCount())}
    assert states == {"Expected"}
    assert view.summary.total("refunded") == ()  # expected refunds paid nobody yet


def test_export_csv(qtbot: QtBot, demo_ledger: Ledger, tmp_path: Path) -> None:
    view = open_review(qtbot, demo_ledger)
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.supplier.setCurrentIndex(1)
    target = tmp_path / "refunds.csv"
    with qtbot.waitSignal(view.exported, timeout=10_000) as signal:
        view.export_csv(target)
    assert signal.args == [str(target)]
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:4] == ["Date (UTC)", "Order", "AliExpress order", "Supplier"]
    assert len(rows) - 1 == view.models[LineKind.REFUNDS].rowCount()
    assert {row[3] for row in rows[1:]} == {view.supplier.itemText(1)}
    assert {row[6] for row in rows[1:]} <= {"EUR", "USD"}
    assert "Wrote" in view.status.text()


def _ink(image: QImage) -> int:
    """Pixels that are not (nearly) white, on a coarse grid."""
    white = QColor("white").rgb()
    return sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if image.pixel(x, y) != white
    )


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_export_pdf(qtbot: QtBot, demo_ledger: Ledger, tmp_path: Path) -> None:
    view = open_review(qtbot, demo_ledger)
    target = tmp_path / "review.pdf"
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.export_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(target), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    first = QImage(str(pages[0]))
    assert first.width() > first.height()  # A4 landscape
    assert _ink(first) > 2_000  # totals and two charts, not a blank page
    text = subprocess.run(
        ["pdftotext", "-l", "3", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Refund review" in text and "Net cost of refunds" in text and "By reason" in text


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_review_arguments(parser)
    return parser.parse_args(list(argv))


def test_cli_csv_and_pdf(
    demo_ledger: Ledger, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_ledger.path
    demo_ledger.close()
    csv_file, pdf_file = tmp_path / "r.csv", tmp_path / "r.pdf"
    args = _args(
        "--from", "2026-11-01", "--to", "2026-11-30",
        "--csv", str(csv_file), "--pdf", str(pdf_file), "--language", "en",
    )  # fmt: skip
    assert run_review(args, path, gui=PARTS) == 0  # the PDF: the GUI part, handed in
    out = capsys.readouterr().out
    assert "Refunded to customers" in out and "EUR" in out and "Refund rate by supplier" in out
    assert csv_file.read_text(encoding="utf-8-sig").startswith("Date (UTC),Order")
    assert pdf_file.read_bytes().startswith(b"%PDF")
    assert run_review(_args("--from", "2026-12-01", "--to", "2026-11-01"), path) == 2
    assert run_review(_args(), tmp_path / "missing.sqlite") == 1
    assert not (tmp_path / "missing.sqlite").exists()  # the review never creates a ledger
    assert "no ledger" in capsys.readouterr().err


def test_rates_dialog_reads_what_is_typed(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = open_review(qtbot, demo_ledger)
    assert view.summary is not None
    stored = {("GBP", "USD"): Decimal("1.3")}  # another reporting currency's rate stays
    dialog = RatesDialog("EUR", ["EUR", "USD"], stored, view.summary.rates, view)
    qtbot.addWidget(dialog)
    assert list(dialog.fields) == ["USD"]
    assert dialog.fields["USD"].placeholderText().startswith("ECB of each day, latest 0.")
    dialog.fields["USD"].setText("0,5")
    assert dialog.rates() == {"GBP/USD": "1.3", "USD/EUR": "0.5"}
    dialog.fields["USD"].setText("-2")
    dialog._save()
    assert not dialog.result() and "USD" in dialog.error.text()


def test_chart_axes_are_not_cut_at_1280_in_either_language(
    qtbot: QtBot, demo_ledger: Ledger, language: str
) -> None:
    """Long German reasons ("Nicht wie beschrieben"), long supplier names and the axis titles
    wrap or fit: no text of a chart ends in "…" at 1280x720 (QtCharts cuts labels to fit)."""
    from PySide6.QtWidgets import QGraphicsTextItem

    view = open_review(qtbot, demo_ledger)
    view.resize(1280, 720)
    qtbot.wait(100)
    shown: list[str] = []
    for chart_view in view.chart_views:
        for item in chart_view.scene().items():
            label = item.toGraphicsObject()  # QtCharts' labels and titles are text items
            if not isinstance(label, QGraphicsTextItem):
                continue
            text = label.toPlainText()
            if item.isVisible() and text:
                shown.append(text)
                assert not text.endswith(("…", "...")), text
    joined = " ".join(shown)
    assert "Shenzhen Bright Home Store" in joined and "Guangzhou Fashion Hub" in joined
    assert ("Nicht wie beschrieben" if language == "de" else "Not as described") in joined
    assert ("% der Bestellungen erstattet" if language == "de" else "% of orders") in joined


def test_a_lines_cell_cut_by_its_column_has_its_whole_text_as_tooltip(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    from PySide6.QtCore import Qt

    from core.review import LineKind

    view = open_review(qtbot, demo_ledger)
    model = view.models[LineKind.REFUNDS]
    tips = [
        (model.index(0, c).data(), model.index(0, c).data(Qt.ItemDataRole.ToolTipRole))
        for c in range(model.columnCount())
    ]
    texts = [shown for shown, tip in tips if tip is not None]
    assert texts and all(shown == tip for shown, tip in tips if tip is not None)
    assert any(tip is None for _shown, tip in tips)  # amounts need none
