""" "Sync with Shopify" and "Refresh from AliExpress" against the fakes, with the real keyring."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import func, select

from core import settings
from core.connections import Connections, ShopDraft
from core.ledger import Ledger
from core.ledger.models import CustomerOrder
from core.secrets import SecretStore
from gui.main_window import MainWindow
from gui.progress_dialog import JobProgressDialog
from gui.sync_actions import ConnectionMenu, LastSyncLabel, SyncActions
from tests.connections_support import Fakes, add_supplier_orders, running_fakes
from tests.fakes.aliexpress_gateway import FakeOrder
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN

START = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    with running_fakes() as started:
        yield started


@pytest.fixture
def connections(ledger: Ledger, secret_store: SecretStore, fakes: Fakes) -> Connections:
    return Connections(ledger, secret_store, fakes.connector())


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def order_count(ledger: Ledger) -> int:
    with ledger.session() as session:
        return session.exec(select(func.count()).select_from(CustomerOrder)).one()


def test_sync_with_shopify_shows_progress_and_updates_the_last_sync(
    qtbot: QtBot, connections: Connections, fakes: Fakes, ledger: Ledger, window: QWidget
) -> None:
    fakes.shopify.state.add_orders(120, start=START)
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    actions = SyncActions(connections, window)
    label = LastSyncLabel(connections)
    assert label.text() == "Shopify never synced"
    reports: list[tuple[int, int]] = []

    with qtbot.waitSignal(actions.synced, timeout=10_000) as synced:
        job = actions.sync_shopify()
        assert job is not None and actions.busy
        assert actions.progress is not None and actions.progress.isVisible()
        job.progressed.connect(lambda done, total: reports.append((done, total)))
        assert actions.sync_shopify() is None  # one at a time

    assert synced.args == ["Shopify sync done: 120 orders updated."]
    assert reports and reports[-1] == (120, 120)
    qtbot.waitUntil(lambda: actions.progress is not None and not actions.progress.isVisible())
    assert actions.progress.counter.text() == "120 of 120 orders"
    assert order_count(ledger) == 120
    label.refresh()
    assert label.text().startswith("Shopify synced ")
    assert not actions.busy


def test_withheld_customer_data_is_told_once_after_the_sync(
    qtbot: QtBot, connections: Connections, fakes: Fakes, ledger: Ledger, window: QWidget
) -> None:
    fakes.shopify.state.add_orders(90, start=START)
    fakes.shopify.protected = {"email"}
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    actions = SyncActions(connections, window)
    with qtbot.waitSignal(actions.synced, timeout=10_000) as synced:
        actions.sync_shopify()
    assert synced.args == ["Shopify sync done: 90 orders updated."]
    assert actions.message is not None
    assert actions.message.windowTitle() == "Sync with Shopify"
    text = actions.message.text()
    assert text.count("Shopify withholds") == 1 and "e-mail address" in text
    assert order_count(ledger) == 90


def test_cancel_stops_the_sync_and_the_next_one_continues(
    qtbot: QtBot, connections: Connections, fakes: Fakes, ledger: Ledger, window: QWidget
) -> None:
    fakes.shopify.state.add_orders(600, start=START)
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    actions = SyncActions(connections, window)

    with qtbot.waitSignal(actions.synced, timeout=10_000) as synced:
        actions.sync_shopify()
        assert actions.progress is not None
        actions.progress.cancel_button.click()
        assert actions.progress.cancelling
        assert actions.progress.counter.text() == "Stopping after the current step…"

    assert "stopped" in synced.args[0]
    assert 0 <= order_count(ledger) < 600
    with qtbot.waitSignal(actions.synced, timeout=10_000) as again:
        actions.sync_shopify()
    assert again.args[0].startswith("Shopify sync done")
    assert order_count(ledger) == 600


def test_a_refused_token_is_shown_clearly_and_redacted(
    qtbot: QtBot, connections: Connections, fakes: Fakes, window: QWidget
) -> None:
    fakes.shopify.state.add_orders(5, start=START)
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    fakes.shopify.access_token = "shpat_" + "rotated0" * 4  # the merchant rotated the token
    actions = SyncActions(connections, window)
    ended: list[bool] = []
    actions.ended.connect(lambda: ended.append(True))

    with qtbot.waitSignal(actions.failed, timeout=10_000) as failed:
        actions.sync_shopify()

    assert "refused the access token" in failed.args[0]
    assert ACCESS_TOKEN not in failed.args[0]
    box = actions.message
    assert box is not None and box.isVisible()
    assert box.text() == "Sync with Shopify did not finish."
    assert box.informativeText() == failed.args[0]
    assert ended == [True] and not actions.busy
    box.accept()  # dismissed, the box is deleted rather than kept hidden
    qtbot.waitUntil(lambda: not shiboken6.isValid(box))


def test_nothing_connected_points_to_the_connections_screen(
    qtbot: QtBot, connections: Connections, window: QWidget
) -> None:
    actions = SyncActions(connections, window)
    with qtbot.waitSignal(actions.connections_needed):
        assert actions.sync_shopify() is None
    assert actions.message is not None and "Connections" in actions.message.text()
    with qtbot.waitSignal(actions.connections_needed):
        assert actions.refresh_aliexpress() is None
    assert "AliExpress" in actions.message.text()


def test_refresh_from_aliexpress(
    qtbot: QtBot, connections: Connections, fakes: Fakes, ledger: Ledger, window: QWidget
) -> None:
    fake = fakes.aliexpress
    ids = add_supplier_orders(ledger, 8)
    for order_id in ids:
        fake.add_order(FakeOrder(order_id))
    fake.ship(ids[2], "LP00999888777CN")
    connections.connect_aliexpress(fake.app_key, fake.app_secret, fake.issue_code())
    actions = SyncActions(connections, window)
    label = LastSyncLabel(connections)
    assert "AliExpress never refreshed" in label.text()

    with qtbot.waitSignal(actions.synced, timeout=10_000) as synced:
        actions.refresh_aliexpress()

    assert synced.args == ["AliExpress: 8 of 8 orders checked, 1 changed, 1 shipped."]
    label.refresh()
    assert "AliExpress refreshed " in label.text()
    assert actions.message is None  # no expiry warning for a fresh connection


def test_refresh_warns_a_week_before_the_connection_expires(
    qtbot: QtBot, connections: Connections, fakes: Fakes, ledger: Ledger, window: QWidget
) -> None:
    fake = fakes.aliexpress
    connections.connect_aliexpress(fake.app_key, fake.app_secret, fake.issue_code())
    soon = datetime.now(UTC) + timedelta(days=5)
    issued = soon - timedelta(days=60)  # a 60-day token in its last week
    with ledger.session() as session:
        settings.put(session, "aliexpress_refresh_expires_at", soon.isoformat())
        settings.put(session, "aliexpress_refresh_issued_at", issued.isoformat())
    actions = SyncActions(connections, window)
    with qtbot.waitSignal(actions.synced, timeout=10_000):
        actions.refresh_aliexpress()
    assert actions.message is not None and actions.message.windowTitle() == (
        "Reconnect AliExpress soon"
    )
    assert "reconnect AliExpress by" in LastSyncLabel(connections).text()


def test_connection_menu_in_the_main_window(
    qtbot: QtBot, connections: Connections, fakes: Fakes, ledger: Ledger
) -> None:
    """The wiring proposed for gui/main_window.py, applied from outside to the real window."""
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    menu = ConnectionMenu(connections, window)
    window.statusBar().addPermanentWidget(menu.label)
    menu.ended.connect(window.refresh)
    window.menuBar().addMenu("&Connect").addActions(menu.actions)
    window.show()
    connections_action, sync_action, refresh_action = menu.actions
    assert [a.shortcut().toString() for a in menu.actions] == ["Ctrl+K", "Ctrl+R", "Ctrl+Shift+R"]

    connections_action.trigger()
    qtbot.waitUntil(lambda: menu.dialog is not None and menu.dialog.isVisible())
    first = menu.dialog
    assert first is not None
    first.close()
    qtbot.waitUntil(lambda: menu.dialog is None)
    refresh_action.trigger()  # AliExpress not connected: the connections screen opens
    qtbot.waitUntil(lambda: menu.dialog is not None and menu.dialog.isVisible())
    assert menu.dialog is not first
    sync_action.trigger()  # nor a shop: the same screen, raised, not a second one
    assert menu.open_connections() is menu.dialog
    menu.dialog.close()
    qtbot.waitUntil(lambda: menu.dialog is None)

    fakes.shopify.state.add_orders(12, start=START)
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    refreshed: list[bool] = []
    menu.ended.connect(lambda: refreshed.append(True))
    with qtbot.waitSignal(menu.sync.synced, timeout=10_000):
        sync_action.trigger()
    assert window.statusBar().currentMessage() == "Shopify sync done: 12 orders updated."
    qtbot.waitUntil(lambda: refreshed == [True])
    assert menu.label.text().startswith("Shopify synced ")
    assert menu.label.isVisibleTo(window)


def test_closing_the_progress_window_cancels_and_waits(
    qtbot: QtBot, connections: Connections, fakes: Fakes, window: QWidget
) -> None:
    fakes.shopify.state.add_orders(300, start=START)
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    fakes.shopify.stall_seconds = 0.5
    fakes.shopify.fail_next("timeout")  # the first answer comes half a second late
    actions = SyncActions(connections, window)
    with qtbot.waitSignal(actions.synced, timeout=10_000) as synced:
        actions.sync_shopify()
        progress = actions.progress
        assert progress is not None
        progress.close()  # as the window's close button does: it asks to stop...
        assert progress.cancelling and progress.isVisible()  # ...and stays until stopped
    assert "stopped" in synced.args[0]
    qtbot.waitUntil(lambda: not progress.isVisible())


def synced_three_times(qtbot: QtBot, connections: Connections) -> weakref.ref[SyncActions]:
    """Three syncs for a window; returns the actions once the window is let go of."""
    host = QWidget()
    actions = SyncActions(connections, host)
    for _ in range(3):
        with qtbot.waitSignal(actions.synced, timeout=10_000):
            actions.sync_shopify()
    qtbot.waitUntil(lambda: len(host.findChildren(JobProgressDialog)) == 1)
    return weakref.ref(actions)


def test_old_progress_windows_go_and_nothing_is_left_to_the_cycle_collector(
    qtbot: QtBot, connections: Connections, fakes: Fakes
) -> None:
    """One progress window at a time, and no reference cycle: what a cycle holds is destroyed
    by Python's cycle collector, whenever and on whichever thread it runs."""
    fakes.shopify.state.add_orders(5, start=START)
    connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    gc.disable()
    try:
        gone = synced_three_times(qtbot, connections)
        assert gone() is None  # gone with the window, which took everything it owns along
    finally:
        gc.enable()
