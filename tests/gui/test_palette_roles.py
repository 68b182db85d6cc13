"""Every colour role of the screens is readable: 4.5:1 (WCAG AA) in light and in dark mode,
against the background it is read on (the window's Base and Window, or its own fill)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from gui.palette import PAPER_STYLE, Colours, Shade, contrast_ratio, dark_palette

TEXT_ROLES = [shade for shade in Colours.all() if shade.text]


def _backgrounds(shade: Shade, dark: bool) -> list[QColor]:
    if shade.on is not None:
        return [shade.on.color(dark)]
    style = QStyleFactory.create("Fusion")
    assert style is not None
    palette = dark_palette() if dark else style.standardPalette()
    role = QPalette.ColorRole
    return [palette.color(role.Base), palette.color(role.Window), palette.color(role.AlternateBase)]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("shade", TEXT_ROLES, ids=[shade.name for shade in TEXT_ROLES])
def test_each_text_role_keeps_4_5_to_1(qapp: QApplication, shade: Shade, dark: bool) -> None:
    for background in _backgrounds(shade, dark):
        ratio = contrast_ratio(shade.color(dark), background)
        assert ratio >= 4.5, f"{shade.name} on {background.name()}: {ratio:.2f}"


def test_roles_are_many_and_named_once() -> None:
    names = [shade.name for shade in Colours.all()]
    assert len(names) == len(set(names)) >= 20
    assert {"muted", "positive", "caution", "negative"} <= set(names)


def test_the_contrast_formula_is_wcag() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


def test_printed_text_is_readable_on_paper_and_in_table_headers() -> None:
    inks = re.findall(r"(?<![-\w])color: (#[0-9a-f]{6})", PAPER_STYLE)
    fills = [QColor("white"), *map(QColor, re.findall(r"background: (#[0-9a-f]{6})", PAPER_STYLE))]
    assert len(inks) >= 3 and len(fills) >= 3
    for ink in inks:
        for fill in fills:
            assert contrast_ratio(QColor(ink), fill) >= 4.5, (ink, fill.name())
