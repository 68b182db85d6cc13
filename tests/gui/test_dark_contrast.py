"""Dark mode is readable where the merchant reads money: the refund review (cards, table,
charts) and the cancel wizard in several states. Every text colour is taken from what the
widgets carry after their style sheets were applied (their palettes, inline colours of rich
text, item foregrounds, the charts' brushes), never from the constants, and must reach
4.5:1 against the background it is drawn on."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from core.cancel.states import State
from core.ledger import Ledger
from gui.notice import Banner, Kind, muted, tint
from gui.palette import Appearance, Colours, contrast_ratio, dark_palette, is_dark
from gui.review_view import ReviewView
from tests.connections_support import Fakes, running_fakes
from tests.core.cancel.wiring import seed
from tests.gui.test_cancel_wizard import (
    Answers,
    FakesOpener,
    click,
    open_wizard,
    paid_two_days_ago,
    settle,
    start,
)

_Role = QPalette.ColorRole
INLINE = re.compile(r"color:\s*(#[0-9a-fA-F]{6})")


@pytest.fixture
def look(qapp: QApplication) -> Iterator[Appearance]:
    appearance = Appearance(qapp, Qt.ColorScheme.Dark)
    assert is_dark(qapp.palette())
    yield appearance
    appearance.set_scheme(Qt.ColorScheme.Unknown)
    appearance.setParent(None)  # apply_style looks for the application's Appearance
    appearance.deleteLater()


def _background(widget: QWidget) -> QColor:
    """What `widget` is drawn on: its own or the nearest ancestor's opaque fill (a style sheet
    `background` or an auto-filled palette), else the window's."""
    current: QWidget | None = widget
    while current is not None:
        colour = current.palette().color(current.backgroundRole())
        filled = current.autoFillBackground() or "background:" in current.styleSheet()
        if filled and colour.alpha() == 255:
            return colour
        current = current.parentWidget()
    return widget.window().palette().color(_Role.Window)


def _too_faint(root: QWidget) -> tuple[list[str], set[str]]:
    """Every text colour on show under `root` below 4.5:1, and every colour seen."""
    faint: list[str] = []
    seen: set[str] = set()

    def check(where: str, ink: QColor, paper: QColor) -> None:
        seen.add(ink.name())
        ratio = contrast_ratio(ink, paper)
        if ratio < 4.5:
            faint.append(f"{where}: {ink.name()} on {paper.name()} = {ratio:.2f}")

    for label in [root, *root.findChildren(QLabel)]:
        if not isinstance(label, QLabel) or not label.isVisible() or not label.text():
            continue
        paper = _background(label)
        name = label.objectName() or label.text()[:30]
        check(name, label.palette().color(_Role.WindowText), paper)
        for inline in INLINE.findall(label.text()):
            check(f"{name} (inline)", QColor(inline), paper)
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisible() or view.model() is None:
            continue
        model, paper = view.model(), view.palette().color(_Role.Base)
        for row in range(min(model.rowCount(), 200)):
            for column in range(64):  # a list model's columnCount is private in PySide
                if not model.hasIndex(row, column):
                    break
                brush = model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
                if brush is not None:
                    check(f"{view.objectName()} {row},{column}", brush.color(), paper)
    for chart_view in root.findChildren(QChartView):
        chart = chart_view.chart()
        paper = chart.backgroundBrush().color()
        check(f"chart {chart.title()}", chart.titleBrush().color(), paper)
        if chart.legend().isVisible():
            check("legend", chart.legend().labelColor(), paper)
        for axis in chart.axes():
            check(f"axis {axis.titleText()}", axis.labelsColor(), paper)
            check(f"axis title {axis.titleText()}", axis.titleBrush().color(), paper)
        for series in chart.series():
            if isinstance(series, QAbstractBarSeries) and series.isLabelsVisible():
                for bars in series.barSets():  # values drawn on their bars
                    check(f"values on {bars.label()}", bars.labelColor(), bars.color())
    return faint, seen


def _charts_are_dark(view: ReviewView) -> bool:
    return all(v.chart().backgroundBrush().color().lightness() < 100 for v in view.chart_views)


def open_review(qtbot: QtBot, ledger: Ledger) -> ReviewView:
    view = ReviewView(ledger)
    qtbot.addWidget(view)
    view.resize(1280, 680)
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.show()
    return view


def test_the_review_reads_in_dark_mode(qtbot: QtBot, look: Appearance, demo_ledger: Ledger) -> None:
    view = open_review(qtbot, demo_ledger)
    faint, seen = _too_faint(view)
    assert faint == []
    # the alarming totals and the card titles are shown, in the dark values of their roles
    assert Colours.NEGATIVE.color(dark=True).name() in seen
    assert Colours.MUTED.color(dark=True).name() in seen
    assert _charts_are_dark(view)


def test_the_review_follows_a_switch_to_dark_and_back(
    qtbot: QtBot, look: Appearance, demo_ledger: Ledger
) -> None:
    look.set_scheme(Qt.ColorScheme.Light)
    view = open_review(qtbot, demo_ledger)
    assert not _charts_are_dark(view)
    assert _too_faint(view)[0] == []
    look.set_scheme(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: _charts_are_dark(view))
    faint, seen = _too_faint(view)
    assert faint == []
    assert Colours.MUTED.color(dark=True).name() in seen
    assert Colours.MUTED.color(dark=False).name() not in seen
    look.set_scheme(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: not _charts_are_dark(view))
    assert Colours.NEGATIVE.color(dark=False).name() in _too_faint(view)[1]


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    with running_fakes() as started:
        yield started


def test_the_cancel_wizard_reads_in_dark_mode(
    qtbot: QtBot, look: Appearance, ledger: Ledger, fakes: Fakes
) -> None:
    """Manual mode walks the most muted texts: the order summary, the supplier's and the
    shop's addresses, the banners saying what is not connected."""
    token = str(fakes.aliexpress.grant()["access_token"])
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, token, shop=False, supplier=False)
    answers = Answers()
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    wizard.resize(1280, 680)
    seen: set[str] = set()

    def readable() -> None:
        faint, colours = _too_faint(wizard)
        assert faint == []
        seen.update(colours)

    readable()  # the reason page with the order summary
    assert "color:" in wizard.reason_page.order_card.text()
    start(qtbot, wizard)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_TODO)
    readable()  # the check page
    click(qtbot, wizard.next_button)
    readable()  # the supplier page, its address and instructions
    click(qtbot, wizard.supplier_page.requested_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    click(qtbot, wizard.supplier_page.accepted_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_TODO)
    assert wizard.shop_page.manual_panel.url.isVisible()
    readable()  # the shop page by hand: a banner and the admin's address
    assert Colours.MUTED.color(dark=True).name() in seen
    assert Colours.MUTED.color(dark=False).name() not in seen


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_chart_bars_stand_out_3_to_1(qapp: QApplication, dark: bool) -> None:
    """Bars are graphics, not text: WCAG 1.4.11 asks 3:1 against the window and the paper."""
    style = QStyleFactory.create("Fusion")
    assert style is not None
    palette = dark_palette() if dark else style.standardPalette()
    grounds = [palette.color(_Role.Window), palette.color(_Role.Base)]
    for shade in (*Colours.series(), Colours.RATE):
        for ground in grounds:
            ratio = contrast_ratio(shade.color(dark), ground)
            assert ratio >= 3.0, f"{shade.name} on {ground.name()}: {ratio:.2f}"


def test_notices_follow_a_switch_of_the_palette(qtbot: QtBot, look: Appearance) -> None:
    """The shared notice helpers name roles, so every screen using them follows the desktop."""
    look.set_scheme(Qt.ColorScheme.Light)
    banner, line, hint = Banner(), QLabel("overdue"), QLabel("nothing yet")
    for widget in (banner, line, hint):
        qtbot.addWidget(widget)
    banner.show_notice("Shopify is not connected", Kind.WARNING)
    tint(line, Kind.ERROR)
    muted(hint)

    def inks() -> list[str]:
        shown = (banner, line, hint)
        for widget in shown:
            widget.ensurePolished()  # a style sheet reaches the palette when polished
        return [w.palette().color(_Role.WindowText).name() for w in shown]

    shades = (Colours.WARNING_TEXT, Colours.NEGATIVE, Colours.MUTED)
    assert inks() == [shade.color(dark=False).name() for shade in shades]
    look.set_scheme(Qt.ColorScheme.Dark)
    assert inks() == [shade.color(dark=True).name() for shade in shades]
    banner.clear_notice()
    look.set_scheme(Qt.ColorScheme.Light)
    assert banner.styleSheet() == ""  # a cleared banner stays plain
