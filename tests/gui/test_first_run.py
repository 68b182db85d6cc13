"""A new, empty ledger shows three ways in, and each one does what it says.

Real ledgers on disk, the real import of a Shopify export through the real file dialog, the
real connections screen on the Secret Service, and the real demo written in the background and
opened by the app's session. Run under tests/with-keyring.sh.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from core import paths
from core.connections import Connections
from core.first_run import has_orders
from core.ledger import Ledger
from core.ledger.models import CustomerOrder
from core.secrets import SecretStore
from gui.app import Session
from gui.main_window import MainWindow

DATA = Path(__file__).parents[1] / "data"


def shown_window(qtbot: QtBot, ledger: Ledger, secret_store: SecretStore | None) -> MainWindow:
    connections = Connections(ledger, secret_store) if secret_store is not None else None
    window = MainWindow(ledger, connections=connections)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_new_ledger_shows_the_three_ways_in(
    qtbot: QtBot, ledger: Ledger, secret_store: SecretStore
) -> None:
    window = shown_window(qtbot, ledger, secret_store)
    panel = window.first_run
    assert window.showing_first_run and panel.isVisible()
    assert not window.splitter.isVisible()  # no empty table, no empty details
    assert [b.text() for b in panel.buttons] == [
        "Import the Shopify orders export",
        "Connect your shop",
        "Open the demo",
    ]
    for button in panel.buttons:
        assert button.isVisible() and button.isEnabled()
    assert "Orders and click Export" in panel.descriptions[panel.import_button].text()


def test_without_connections_the_connect_way_is_left_out(qtbot: QtBot, ledger: Ledger) -> None:
    window = shown_window(qtbot, ledger, None)  # the self-test's and the screenshots' window
    panel = window.first_run
    assert panel.import_button.isVisible() and panel.demo_button.isVisible()
    assert not panel.connect_button.isVisible()


def test_a_ledger_with_orders_shows_its_table(qtbot: QtBot, demo_ledger: Ledger) -> None:
    window = shown_window(qtbot, demo_ledger, None)
    assert not window.showing_first_run
    assert not window.first_run.isVisible()
    assert window.table.isVisible() and window.model.rowCount() > 0


def test_customer_orders_alone_count_as_orders(ledger: Ledger) -> None:
    assert not has_orders(ledger.reader)
    with ledger.session() as session:  # an imported order without an AliExpress number
        session.add(CustomerOrder(name="#1001", financial_status="paid", source="import"))
    assert has_orders(ledger.reader)


def choose_in_file_dialog(path: Path) -> list[str]:
    """Pick `path` in the file dialog the click opens, as a merchant would; the dialog's title
    lands in the list."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog.windowTitle())
        dialog.selectFile(str(path))
        dialog.accept()

    QTimer.singleShot(0, answer)
    return seen


def test_the_import_way_imports_the_export_and_the_table_replaces_it(
    qtbot: QtBot, ledger: Ledger, secret_store: SecretStore
) -> None:
    window = shown_window(qtbot, ledger, secret_store)
    seen = choose_in_file_dialog(DATA / "orders_shopify.csv")
    qtbot.mouseClick(window.first_run.import_button, Qt.MouseButton.LeftButton)
    assert seen == ["Import Shopify orders"]
    flow = window.csv_import
    qtbot.waitUntil(lambda: flow.summary_dialog is not None, timeout=10_000)
    assert flow.summary_dialog is not None and flow.summary_dialog.rest_button is not None
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        flow.summary_dialog.rest_button.click()
    assert flow.message_box is not None
    flow.message_box.button(QMessageBox.StandardButton.Ok).click()

    assert not window.showing_first_run  # the ways in are gone: the ledger has orders
    assert window.table.isVisible() and window.total_orders > 0


def test_the_connect_way_opens_the_connections_screen(
    qtbot: QtBot, ledger: Ledger, secret_store: SecretStore
) -> None:
    window = shown_window(qtbot, ledger, secret_store)
    qtbot.mouseClick(window.first_run.connect_button, Qt.MouseButton.LeftButton)
    assert window.connection_menu is not None
    dialog = window.connection_menu.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.shop_panel.use_client.isChecked()  # a new shop: the Dev Dashboard way
    qtbot.waitUntil(lambda: dialog.keyring is not None, timeout=10_000)
    dialog.close()


def test_the_demo_way_writes_and_opens_the_demo_ledger(
    qtbot: QtBot, ledger: Ledger, dropdesk_home: Path
) -> None:
    session = Session(ledger, secrets=SecretStore(service="dropdesk-test-first-run"))
    first = session.window  # not qtbot's: opening the demo closes and deletes it
    first.first_frame_shown.connect(session.start)
    first.show()
    qtbot.waitUntil(lambda: session.ready, timeout=20_000)
    assert first.showing_first_run and first.first_run.demo_button.isEnabled()

    qtbot.mouseClick(first.first_run.demo_button, Qt.MouseButton.LeftButton)
    demo = first._demo
    assert demo is not None and demo.progress is not None and demo.progress.isVisible()
    assert demo.progress.bar.isVisible()
    qtbot.waitUntil(lambda: session.window is not first, timeout=60_000)

    window = session.window
    qtbot.addWidget(window)
    assert session.ledger.path == paths.demo_ledger().resolve()
    assert session.ledger.path.parent == dropdesk_home.resolve()  # the user data folder
    assert window.isVisible() and not window.showing_first_run
    assert window.model.rowCount() > 0 and window.table.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))  # the empty ledger's window is gone
    session.close()
    with closing(sqlite3.connect(ledger.path)) as own:  # the merchant's ledger is untouched
        assert own.execute("SELECT count(*) FROM supplier_order").fetchone() == (0,)


def test_an_export_dropped_on_the_ways_in_is_imported(
    qtbot: QtBot, ledger: Ledger, secret_store: SecretStore
) -> None:
    """The import way's text says "drop it on this window": the panel passes drops on."""
    from tests.gui.test_import_csv import drag_and_drop, file_mime

    window = shown_window(qtbot, ledger, secret_store)
    card = window.first_run.descriptions[window.first_run.import_button]
    at = card.mapTo(window, card.rect().center())
    assert drag_and_drop(window, file_mime(DATA / "orders_shopify.csv"), at) == (True, True)
    flow = window.csv_import
    qtbot.waitUntil(lambda: flow.summary_dialog is not None, timeout=10_000)
    assert flow.summary_dialog is not None
    assert flow.summary_dialog.windowTitle() == "Import orders_shopify.csv"
    flow.summary_dialog.reject()


def test_a_demo_already_there_is_opened_as_it_is(
    qtbot: QtBot, ledger: Ledger, demo_template: Path
) -> None:
    demo_path = paths.demo_ledger()
    paths.ensure_private_dir(demo_path.parent)
    shutil.copy(demo_template, demo_path)
    written = demo_path.stat().st_mtime_ns
    window = shown_window(qtbot, ledger, None)
    with qtbot.waitSignal(window.ledger_chosen) as chosen:
        qtbot.mouseClick(window.first_run.demo_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [demo_path]
    assert window._demo is not None and window._demo.progress is None  # nothing to write
    assert demo_path.stat().st_mtime_ns == written


def test_cancelling_the_demo_leaves_nothing_behind(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    from gui.demo_ledger import DemoLedger

    parent = QWidget()
    qtbot.addWidget(parent)
    demo = DemoLedger(parent, tmp_path / "demo.sqlite", orders=30_000)  # two rounds of rows
    opened: list[object] = []
    demo.ready.connect(opened.append)
    demo.open()
    assert demo.progress is not None
    assert demo.job is not None
    demo.progress.request_cancel()
    qtbot.waitUntil(lambda: demo.job is None, timeout=60_000)
    assert opened == [] and not demo.busy
    assert list(tmp_path.iterdir()) == []  # no demo, no partial file
