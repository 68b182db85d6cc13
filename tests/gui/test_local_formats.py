"""Dates, months and numbers read the way the window's language writes them: one path
(gui.formatting) for the date fields, the review's charts and tables, and core's facts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QValueAxis
from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from gui.formatting import (
    date_time_format,
    day_format,
    day_text,
    field_text,
    local_time,
    month_text,
    number_text,
)
from gui.review_view import ReviewView


def test_days_months_and_numbers_in_german(language: str) -> None:
    german = language == "de"
    assert day_text(date(2026, 12, 8)) == ("08.12.2026" if german else "12/8/2026")
    assert day_text(date(2026, 12, 8), weekday=True) == (
        "Di., 08.12.2026" if german else "Tue, 12/8/2026"
    )
    assert month_text("2026-10") == ("Okt. 2026" if german else "Oct 2026")
    assert month_text("not a month") == "not a month"
    assert number_text(1234) == ("1.234" if german else "1,234")
    assert number_text(Decimal("2.5"), 1) == ("2,5" if german else "2.5")
    assert day_format() == ("dd.MM.yyyy" if german else "M/d/yyyy")
    assert date_time_format().startswith(day_format())
    # Core's facts inside a sentence: an instant in the merchant's time, a day, a rate.
    moment = datetime(2026, 11, 28, 3, 33, tzinfo=UTC)
    assert field_text(moment) == local_time(moment)
    assert field_text(date(2026, 11, 28)) == day_text(date(2026, 11, 28))
    assert field_text(Decimal("0.895095")) == ("0,895095" if german else "0.895095")
    assert field_text("Shenzhen Bright Home Store") == "Shenzhen Bright Home Store"
    assert field_text(3) == 3  # a whole number a template may format itself
    if german:
        assert "2026-" not in day_text(date(2026, 12, 8)) + local_time(moment)


def test_the_reviews_charts_dates_and_counts_speak_german(
    qtbot: QtBot, demo_ledger: Ledger, language: str
) -> None:
    view = ReviewView(demo_ledger)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.show()
    german = language == "de"
    locale = QLocale()
    for chart_view in view.chart_views:
        chart = chart_view.chart()
        assert chart.localizeNumbers() and chart.locale().name() == locale.name()
        for axis in chart.axes():
            if isinstance(axis, QValueAxis):
                assert axis.labelFormat() in ("%.0f", "%.1f")  # localized by the chart
    months = next(
        axis for axis in view.chart_views[0].chart().axes() if isinstance(axis, QBarCategoryAxis)
    ).categories()
    assert months and all(m[-4:].isdigit() and "-" not in m for m in months)
    assert ("Nov. 2026" if german else "Nov 2026") in months
    for edit in (view.first_day, view.last_day):
        edit.setDate(QDate(2026, 12, 8))
        assert edit.text() == ("08.12.2026" if german else "12/8/2026")
    view.breakdown.setCurrentIndex(3)  # by month
    labels = [view.groups.item(row, 0).text() for row in range(view.groups.rowCount())]
    assert ("Okt. 2026" if german else "Oct 2026") in labels
