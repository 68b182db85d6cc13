"""`gui.notice`: the one way screens tell the merchant (banner, status line, message, question)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from gui.notice import Banner, Kind, confirm, status, tell
from gui.palette import Colours, dark_palette


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    yield
    qapp.setPalette(before)


def test_a_banner_takes_its_colours_from_the_palette_roles(qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    assert banner.isHidden()  # nothing to say yet
    banner.show_notice("The keyring is locked.", Kind.ERROR)
    assert not banner.isHidden() and banner.kind is Kind.ERROR
    sheet = banner.styleSheet()
    assert Colours.ERROR_FILL.color(dark=False).name() in sheet
    assert Colours.ERROR_TEXT.color(dark=False).name() in sheet
    banner.clear_notice()
    assert banner.isHidden() and banner.text() == ""


def test_a_banner_reads_in_dark_mode(qtbot: QtBot, dark: None) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_notice("Reconnect AliExpress soon.", Kind.WARNING)
    assert Colours.WARNING_FILL.color(dark=True).name() in banner.styleSheet()
    assert Colours.WARNING_TEXT.color(dark=True).name() in banner.styleSheet()


def test_status_goes_to_the_main_window_of_any_widget(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    inner = QWidget()
    window.setCentralWidget(inner)
    status(inner, "Shopify sync done: 3 orders updated.")
    assert window.statusBar().currentMessage() == "Shopify sync done: 3 orders updated."
    status(QWidget(), "nowhere to show it")  # no main window: nothing happens


def test_a_message_is_deleted_once_dismissed(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = tell(parent, "Import finished", "12 orders imported.", Kind.INFO, detail="2 refused")
    assert box.isVisible() and box.informativeText() == "2 refused"
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None
    ok.click()
    qtbot.waitUntil(lambda: not isValid(box), timeout=2_000)


@pytest.mark.parametrize("answer_yes", [True, False])
def test_confirm_acts_only_on_yes_and_cancel_is_the_default(qtbot: QtBot, answer_yes: bool) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[bool] = []
    box = confirm(
        parent, "Remove shop?", "Its token is deleted.", "Remove", lambda: done.append(True)
    )
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert box.defaultButton() is cancel
    [remove] = [b for b in box.buttons() if b.text() == "Remove"]
    (remove if answer_yes else cancel).click()
    assert done == ([True] if answer_yes else [])
