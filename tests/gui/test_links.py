"""A link that no browser opens is said, with the link to copy; one that opens says nothing.

Offscreen, QDesktopServices.openUrl returns False unless a URL handler is registered: that is
the merchant's "no browser" case. A handler registered for the scheme stands in for a browser.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from core import paths
from core.ledger import Ledger
from gui.cancel_ports import manual_opener
from gui.cancel_wizard import CancelWizard
from gui.diagnostics import open_logs_folder
from gui.links import open_link
from gui.main_window import MainWindow

ORDER_PAGE = "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"


class Browser(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    handler = Browser()
    QDesktopServices.setUrlHandler("https", handler, "open")  # type: ignore[arg-type]
    yield handler
    QDesktopServices.unsetUrlHandler("https")


def notes(parent: QWidget) -> list[QMessageBox]:
    return [n for n in parent.findChildren(QMessageBox, "linkNotOpened") if n.isVisible()]


def test_an_opened_link_says_nothing(qtbot: QtBot, browser: Browser) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert open_link(parent, ORDER_PAGE)
    assert browser.opened == [ORDER_PAGE]
    assert notes(parent) == []


def test_a_link_no_browser_opens_is_said_and_can_be_copied(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    QGuiApplication.clipboard().clear()
    assert not open_link(parent, ORDER_PAGE)
    shown = notes(parent)
    assert len(shown) == 1
    note = shown[0]
    assert "No browser opened this link" in note.text()
    assert note.informativeText() == ORDER_PAGE  # the address itself, to read or select
    copy = note.findChild(QPushButton, "copyLink")
    assert copy is not None and copy.text() == "Copy link"
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == ORDER_PAGE
    qtbot.waitUntil(lambda: not notes(parent))


def test_a_folder_no_file_manager_opens_gives_its_path(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    assert not open_logs_folder(parent)
    (note,) = notes(parent)
    assert note.informativeText() == str(paths.log_dir())
    copy = note.findChild(QPushButton, "copyLink")
    assert copy is not None and copy.text() == "Copy path"


def test_open_on_aliexpress_in_the_wizard_says_when_nothing_opens(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    order = next(  # awaiting shipment, no cancellation yet: the supplier step comes next
        row
        for row in map(window.model.row_at, range(window.model.rowCount()))
        if row is not None and row.cancel_state is None and row.external_order_id
    )
    wizard = CancelWizard(demo_ledger, manual_opener(demo_ledger), supplier_order_id=order.id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=10_000)
    page = wizard.reason_page
    page.reason.setCurrentIndex(page.reason.findData("changed_mind"))
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.view is not None and not wizard.busy, timeout=10_000)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    button = wizard.supplier_page.open_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (note,) = notes(wizard)
    assert note.informativeText().startswith("https://")
    assert "aliexpress" in note.informativeText()
