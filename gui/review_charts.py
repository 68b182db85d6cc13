"""The review's charts (QtCharts): the net cost of refunds per month, refunds by reason,
suppliers ranked by refund rate; and the same charts as images for the PDF report.

Amounts are in the reporting currency (each converted at the rate of its day by core.review).
Charts plot doubles: amounts become floats only here, for drawing. Their numbers and months
read in the window's language (the chart's locale is the one gui.formatting uses). On screen
they take the window's palette (dark in dark mode, not a white panel); on paper, the light one.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsScene

from core.money import to_decimal
from core.review import GroupRow, ReviewSummary
from gui.formatting import month_text
from gui.palette import Colours, contrast_ratio, is_dark

IMAGE_SIZE = QSize(640, 300)


RATE = "rate"
"""The object name of the suppliers' refund-rate bars (they take `Colours.RATE`)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewCharts", text)


def _plot(minor: int, currency: str) -> float:
    """Display only: the chart API takes doubles."""
    return float(to_decimal(minor, currency))


def _label(name: str, limit: int = 30) -> str:
    """A category label drawn whole (the axes do not cut it to "…"): a name longer than
    `limit` loses its middle, keeping both ends ("Shenzhen Bright…Home Store" tells suppliers
    apart by their ends); the tables below give every name in full. QtCharts draws labels as
    rich text, so the name is escaped."""
    if len(name) > limit:
        keep = limit - 1
        name = name[: (keep + 1) // 2].rstrip() + "…" + name[-(keep // 2) :].lstrip()
    return html.escape(name)


def _new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.setLocale(QLocale())  # the window's language, not the system's: "1.000", "2,5 %"
    chart.setLocalizeNumbers(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _empty(chart: QChart, text: str) -> QChart:
    chart.setTitle(f"{chart.title()} — {text}")
    chart.legend().hide()
    return chart


def _amount_sets(
    groups: Sequence[GroupRow], measure: str, keys: Sequence[str]
) -> list[tuple[str, list[float]]]:
    """Per currency, the measure of each key (0 where a key has none in that currency)."""
    currencies = ReviewSummary.currencies(measure, groups)
    values = {(g.key, g.measures.currency): getattr(g.measures, measure) for g in groups}
    return [
        (currency, [_plot(values.get((key, currency), 0), currency) for key in keys])
        for currency in currencies
    ]


def _value_axis(title: str) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setLabelFormat("%.0f")
    axis.setMin(0)
    return axis


def net_cost_chart(summary: ReviewSummary) -> QChart:
    chart = _new_chart(_tr("Net cost of refunds per month"))
    groups = summary.in_reporting("month")
    months = sorted({g.key for g in groups if g.measures.net_cost or g.measures.refunded})
    sets = _amount_sets(groups, "net_cost", months)
    if not sets:
        return _empty(chart, _tr("no cost"))
    series = QBarSeries()
    for number, (currency, values) in enumerate(sets):
        bars = QBarSet(currency)
        bars.setObjectName(f"series-{number}")
        bars.append(values)
        series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([month_text(month) for month in months])
    categories.setTruncateLabels(False)
    if len(months) > 4:  # "Okt. 2026" side by side would be cut to "Okt. 20…": stand them up
        categories.setLabelsAngle(-90)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    values_axis = _value_axis(_tr("Amount"))
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values_axis)
    values_axis.applyNiceNumbers()
    if min((min(v) for _c, v in sets), default=0) < 0:  # a month that earned money back
        values_axis.setMin(min(min(v) for _c, v in sets))
        values_axis.applyNiceNumbers()
    return chart


def reasons_chart(summary: ReviewSummary) -> QChart:
    chart = _new_chart(_tr("Refunded to customers by reason"))
    totals: dict[str, int] = {}
    labels: dict[str, str] = {}
    groups = summary.in_reporting("reason")
    for g in groups:
        totals[g.key] = totals.get(g.key, 0) + g.measures.customer_refunds
        labels[g.key] = _tr(g.label)
    keys = sorted((k for k in totals if totals[k]), key=lambda k: (totals[k], k))
    sets = _amount_sets(groups, "refunded", keys)
    if not sets:
        return _empty(chart, _tr("no refunds"))
    series = QHorizontalBarSeries()
    for number, (currency, values) in enumerate(sets):
        bars = QBarSet(currency)
        bars.setObjectName(f"series-{number}")
        bars.append(values)
        series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    # Qt would cut a label to fit its share of the chart (a third of a 1280 px screen):
    # "Nicht wie beschrieb…". Drawn whole, it takes its width from the bars.
    categories.append([_label(labels[k]) for k in keys])
    categories.setTruncateLabels(False)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    values_axis = _value_axis(_tr("Amount refunded"))
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values_axis)
    values_axis.applyNiceNumbers()
    return chart


def supplier_rates_chart(summary: ReviewSummary, limit: int = 12) -> QChart:
    chart = _new_chart(_tr("Suppliers by refund rate"))
    rates = [r for r in summary.supplier_rates if r.orders][:limit]
    if not rates:
        return _empty(chart, _tr("no orders"))
    rates.reverse()  # the highest rate on top
    series = QHorizontalBarSeries()
    bars = QBarSet(_tr("Orders refunded (%)"))
    bars.setObjectName(RATE)
    bars.append([r.per_mille / 10 for r in rates])
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value %")
    series.setLabelsPrecision(3)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_label(r.name) for r in rates])
    categories.setTruncateLabels(False)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    values_axis = _value_axis(_tr("% of orders refunded"))
    values_axis.setLabelFormat("%.1f")
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values_axis)
    values_axis.applyNiceNumbers()
    chart.legend().hide()
    return chart


CHARTS = (net_cost_chart, reasons_chart, supplier_rates_chart)


def paint_chart(chart: QChart, dark: bool | None = None) -> None:
    """Colour `chart` for the application's palette, or for paper (`dark=False`, white): the
    QChart theme of the mode, then background and texts from the palette, bars from the
    `Colours` series roles. Call it again after a palette change."""
    palette = QGuiApplication.palette()
    on_screen = dark is None
    dark = is_dark(palette) if on_screen else dark
    title_font = QFont(chart.titleFont())  # a theme sets its own fonts
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setTitleFont(title_font)
    background = (
        palette.color(QPalette.ColorRole.Window) if on_screen else QColor(Qt.GlobalColor.white)
    )
    ink = (
        palette.color(QPalette.ColorRole.WindowText) if on_screen else QColor(Qt.GlobalColor.black)
    )
    chart.setBackgroundBrush(QBrush(background))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setTitleBrush(QBrush(ink))
    chart.legend().setLabelColor(ink)
    for axis in chart.axes():
        axis.setLabelsColor(ink)
        axis.setTitleBrush(QBrush(ink))
    series = Colours.series()
    for each in chart.series():
        if isinstance(each, QAbstractBarSeries):
            for number, bars in enumerate(each.barSets()):
                shade = Colours.RATE if bars.objectName() == RATE else series[number % len(series)]
                fill = shade.color(dark)
                bars.setColor(fill)
                bars.setBorderColor(fill)
                # a value drawn on its bar: the mode's ink or paper, whichever reads there
                on_bar = max((ink, background), key=lambda c: contrast_ratio(c, fill))
                bars.setLabelColor(on_bar)


def chart_views(summary: ReviewSummary) -> list[QChartView]:
    views = []
    for build in CHARTS:
        chart = build(summary)
        paint_chart(chart)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(240)
        views.append(view)
    return views


def chart_image(chart: QChart, size: QSize | None = None, scale: int = 2) -> QImage:
    """The chart drawn on a white image of `size` logical pixels (for the PDF), sharp at
    `scale` times, without showing any window. The chart belongs to the image's scene after."""
    size = size or IMAGE_SIZE
    area = QRectF(QPointF(0, 0), size.toSizeF())
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(area)
    scene.setSceneRect(area)
    image = QImage(size * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, area, area)
    painter.end()
    scene.removeItem(chart)
    return image


def chart_images(summary: ReviewSummary, size: QSize | None = None) -> list[QImage]:
    charts = [build(summary) for build in CHARTS]
    for chart in charts:
        paint_chart(chart, dark=False)
    return [chart_image(chart, size) for chart in charts]
