"""The bulk cancel dialog ("Cancel everywhere" for several orders) in manual mode: the merchant
sees what they are about to cancel before anything starts, the instruction follows the order
in hand and ends as a summary, and a confirmation's work does not grow with the selection."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlmodel import select

from core.ledger import Ledger
from core.ledger.models import CustomerOrder
from gui.cancel_wizard import CancelLauncher
from gui.cancel_wizard.bulk_dialog import (
    ALIEXPRESS,
    CUSTOMER,
    ORDER,
    STATUS,
    TOTAL,
    BulkCancelDialog,
)
from tests.connections_support import Fakes
from tests.core.cancel.wiring import Seeded, seed
from tests.gui import test_cancel_wizard as wizard_tests
from tests.gui.test_cancel_wizard import WAIT, FakesOpener, UrlCatcher, paid_two_days_ago

fakes = wizard_tests.fakes
ae_token = wizard_tests.ae_token
urls = wizard_tests.urls


def seeded_orders(ledger: Ledger, fakes: Fakes, count: int) -> list[Seeded]:
    orders = [
        seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
        for _ in range(count)
    ]
    with ledger.session() as session:
        for n, order in enumerate(orders):
            row = session.get(CustomerOrder, order.customer_order_id)
            assert row is not None
            row.customer_name = f"Käthe Müller-Lüdenscheidt {n}"
            session.add(row)
    return orders


def names(ledger: Ledger, orders: list[Seeded]) -> list[str]:
    with ledger.session() as session:
        ids = [o.customer_order_id for o in orders]
        found = {c.id: c.name for c in session.exec(select(CustomerOrder))}
        return [found[i] for i in ids]


def open_dialog(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, orders: list[Seeded]
) -> tuple[CancelLauncher, BulkCancelDialog]:
    window = QWidget()
    qtbot.addWidget(window)
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)  # manual mode
    launcher = CancelLauncher(ledger, opener, window)
    dialog = BulkCancelDialog(launcher, [o.supplier_order_id for o in orders], window)
    qtbot.addWidget(dialog)
    dialog.show()
    return launcher, dialog


def start(qtbot: QtBot, dialog: BulkCancelDialog, urls: UrlCatcher) -> None:
    dialog.start_button.click()
    qtbot.waitUntil(lambda: len(urls.urls) == 1 and not dialog.runner.busy, timeout=WAIT * 3)


def confirm(qtbot: QtBot, dialog: BulkCancelDialog) -> None:
    dialog.done_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=WAIT)


@contextmanager
def counted_statements(ledger: Ledger) -> Iterator[list[str]]:
    """Every SQL statement the ledger runs meanwhile (the worker's and the window's)."""
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(ledger.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(ledger.engine, "before_cursor_execute", record)


def test_the_list_shows_every_order_before_anything_starts(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, urls: UrlCatcher
) -> None:
    orders = seeded_orders(ledger, fakes, 3)
    _, dialog = open_dialog(qtbot, ledger, fakes, ae_token, orders)
    table = dialog.table
    assert table.topLevelItemCount() == 3  # before "Start all": nothing started yet
    assert urls.urls == []
    shown = [table.topLevelItem(i) for i in range(3)]
    assert [item.text(ORDER) for item in shown if item] == names(ledger, orders)
    assert all(item.text(ORDER).startswith("#") for item in shown if item)
    assert [item.text(ALIEXPRESS) for item in shown if item] == [
        o.external_order_id for o in orders
    ]
    assert [item.text(CUSTOMER) for item in shown if item] == [
        f"Käthe Müller-Lüdenscheidt {n}" for n in range(3)
    ]
    assert all("EUR" in item.text(TOTAL) for item in shown if item)
    assert all(item.text(STATUS) == "Awaiting shipment" for item in shown if item)
    # Sized for its content at 1280x720: every column but the status shows its text whole.
    assert dialog.width() <= 1280 and dialog.height() <= 720
    metrics = table.fontMetrics()
    for column in (ORDER, CUSTOMER, TOTAL, ALIEXPRESS):
        for item in shown:
            assert item is not None
            assert table.columnWidth(column) >= metrics.horizontalAdvance(item.text(column))
    status = shown[0]
    assert status is not None and status.toolTip(STATUS) == status.text(STATUS)
    dialog.close()


def test_the_instruction_follows_the_order_and_ends_as_a_summary(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, urls: UrlCatcher
) -> None:
    orders = seeded_orders(ledger, fakes, 3)
    launcher, dialog = open_dialog(qtbot, ledger, fakes, ae_token, orders)
    told: list[None] = []
    launcher.changed.connect(lambda: told.append(None))
    start(qtbot, dialog, urls)
    assert len(told) == 1  # the main window re-reads once after the start
    order_names = names(ledger, orders)
    for n, order in enumerate(orders):
        text = dialog.status.text()
        assert order_names[n] in text and order.external_order_id in text
        assert "clipboard" in text
        current = dialog.table.currentItem()
        assert current is not None and current.text(ORDER) == order_names[n]
        assert QGuiApplication.clipboard().text()  # the message for this order
        confirm(qtbot, dialog)
    assert not dialog.done_button.isVisible()
    summary = dialog.status.text()
    assert summary == "3 cancellations started; 3 need your answer in Needs me."
    assert "clipboard" not in summary
    assert len(told) == 2  # once more after the last confirmation, not after each one
    dialog.close()
    assert len(told) == 2  # nothing new to re-read on close


def test_a_confirmation_does_the_same_work_for_3_orders_as_for_9(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, urls: UrlCatcher
) -> None:
    # The test's parentless windows live to its end: one freed by garbage collection in a
    # Job's thread would be deleted behind Qt's back.
    kept: list[CancelLauncher] = []

    def statements_per_confirmation(count: int) -> list[int]:
        orders = seeded_orders(ledger, fakes, count)
        launcher, dialog = open_dialog(qtbot, ledger, fakes, ae_token, orders)
        kept.append(launcher)
        urls.urls.clear()
        start(qtbot, dialog, urls)
        counts = []
        for _ in range(2):
            with counted_statements(ledger) as seen:
                confirm(qtbot, dialog)
            counts.append(len(seen))
        dialog.close()
        return counts

    few, many = statements_per_confirmation(3), statements_per_confirmation(9)
    assert few == many, (few, many)  # no re-reading of every run per confirmation
    assert max(many) < 120, many
