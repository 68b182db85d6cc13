"""Every window fits the merchant's laptop (1280x720 less a task bar: the offscreen screen of
tests/gui/laptop-screen.json) with its buttons on screen, and remembers only sizes a person
chose; the offscreen self-test writes no UI settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from core import paths
from core.connections import Connections, Connector
from core.imports import ImportSummary, Refusal
from core.ledger import Ledger
from core.secrets import SecretStore
from gui.about_dialog import AboutDialog
from gui.cancel_ports import manual_opener
from gui.cancel_wizard import CancelWizard, PageKey
from gui.cancellations_view import CancellationsView
from gui.connections import ConnectionsDialog
from gui.import_csv import ImportSummaryDialog
from gui.main_window import ALL_ORDERS, MainWindow
from gui.policy_dialog import PolicyDialog
from gui.review_view import ReviewView
from gui.supplier_order_dialog import SupplierOrderDialog
from gui.suppliers_view import SuppliersView
from gui.ui_settings import ui_settings

LAPTOP = QRect(0, 0, 1280, 680)


def ui_ini() -> Path:
    return paths.data_dir() / "ui.ini"


def in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def assert_fits(qtbot: QtBot, window: QWidget) -> None:
    """The framed window inside the available geometry, and every button not in a scroll
    area inside the window (so on screen)."""
    if not window.isVisible():
        window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    assert area == LAPTOP
    assert area.contains(window.frameGeometry()), (type(window).__name__, window.frameGeometry())
    inside = window.rect()
    buttons = [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisibleTo(window) and not in_scroll_area(b, window)
    ]
    for button in buttons:
        placed = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert inside.contains(placed), (type(window).__name__, button.text(), placed, inside)


def test_the_offscreen_screen_is_the_laptop(qapp: QApplication) -> None:
    assert QGuiApplication.primaryScreen().availableGeometry() == LAPTOP


def test_main_window_fits_and_its_default_size_is_not_saved(
    qtbot: QtBot, demo_ledger: Ledger, language: str
) -> None:
    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    assert_fits(qtbot, window)
    assert window.width() > 1000  # it uses the room there is
    window.close()
    assert not ui_ini().exists() or ui_settings().value("main/geometry") is None


def test_a_chosen_size_is_remembered_and_one_too_big_for_the_screen_is_not(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.show()
    window.resize(900, 500)  # the merchant's choice
    window.close()
    again = MainWindow(demo_ledger)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (900, 500)
    # A size saved on a bigger monitor: the window fits this one instead.
    again.show()
    again.setGeometry(0, 0, 1900, 1150)
    settings = ui_settings()
    settings.setValue("main/geometry", again.saveGeometry())
    settings.sync()
    again.close()
    third = MainWindow(demo_ledger, remember_layout=False)
    qtbot.addWidget(third)
    assert_fits(qtbot, third)


def test_self_test_writes_no_ui_settings(demo_template: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gui", "--self-test", "--ledger", str(demo_template)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "self-test ok" in done.stdout
    assert not ui_ini().exists()


def test_the_wizard_fits_on_every_step(qtbot: QtBot, demo_ledger: Ledger, language: str) -> None:
    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.status_filter.setCurrentIndex(0)
    order = window.model.row_at(0)
    assert order is not None
    wizard = CancelWizard(
        demo_ledger, manual_opener(demo_ledger), supplier_order_id=order.id, parent=window
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=10_000)
    for key in PageKey:
        wizard._show_page(key)  # every step's layout, reachable or not yet
        assert_fits(qtbot, wizard)  # Back / Next / Close included


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda ledger: SupplierOrderDialog(ledger, 1), id="supplier-order-edit"),
        pytest.param(lambda ledger: SupplierOrderDialog(ledger, None), id="supplier-order-add"),
        pytest.param(SuppliersView, id="suppliers"),
        pytest.param(ReviewView, id="review"),
        pytest.param(lambda ledger: PolicyDialog(ledger, None), id="policy"),
        pytest.param(CancellationsView, id="cancellations"),
        pytest.param(lambda ledger: AboutDialog(ledger.path), id="about"),
        pytest.param(
            lambda _ledger: ImportSummaryDialog(
                Path("orders_export_with_a_long_name.csv"),
                ImportSummary(
                    added=12,
                    refused=[Refusal(n, "Created at", 'not a date: "soon"') for n in range(2, 500)],
                ),
            ),
            id="import-preview",
        ),
    ],
)
def test_every_dialog_fits(qtbot: QtBot, demo_ledger: Ledger, language: str, make: object) -> None:
    window = make(demo_ledger)  # type: ignore[operator]
    qtbot.addWidget(window)
    assert_fits(qtbot, window)


def test_the_connections_screen_fits(
    qtbot: QtBot, ledger: Ledger, secret_store: SecretStore, language: str
) -> None:
    dialog = ConnectionsDialog(Connections(ledger, secret_store, Connector()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring is not None or dialog.keyring_problem is not None)
    assert_fits(qtbot, dialog)


def test_the_main_window_at_the_smallest_screen_keeps_its_toolbar(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    assert_fits(qtbot, window)
    assert window.status_filter.isVisible()
