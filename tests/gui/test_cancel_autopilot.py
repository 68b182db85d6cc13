"""One click cancels everywhere: the app's wizard (through the launcher, autopilot on) counted
in clicks. Connected: Start with the decision, then "I have requested the cancellation" after
doing it on AliExpress; the status watch does the rest. Manual: at most five clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.models import Cancellation, Refund
from gui.cancel_wizard import CancelLauncher, CancelWizard, PageKey
from tests.connections_support import Fakes
from tests.core.cancel.wiring import seed
from tests.gui import test_cancel_wizard as wizard_tests
from tests.gui.test_cancel_wizard import WAIT, Answers, FakesOpener, UrlCatcher, paid_two_days_ago

# The wizard tests' fixtures: both fakes, the AliExpress token, the answers, caught links.
fakes = wizard_tests.fakes
ae_token = wizard_tests.ae_token
answers = wizard_tests.answers
urls = wizard_tests.urls


class Clicks:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def __call__(self, button: QAbstractButton) -> None:
        assert button.isVisible() and button.isEnabled(), button.text()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.count += 1


def stored(ledger: Ledger) -> tuple[str, list[tuple[str, str]]]:
    with ledger.session() as session:
        row = session.exec(select(Cancellation)).one()
        refunds = session.exec(select(Refund).where(Refund.cancellation_id == row.id)).all()
        return row.state, sorted((r.direction, r.state) for r in refunds)


def idle(qtbot: QtBot, wizard: CancelWizard, state: State) -> None:
    qtbot.waitUntil(
        lambda: not wizard.busy and wizard.view is not None and wizard.view.state is state,
        timeout=WAIT,
    )


def open_app_wizard(
    qtbot: QtBot, ledger: Ledger, opener: FakesOpener, answers: Answers, order_id: int
) -> tuple[CancelLauncher, CancelWizard]:
    window = QWidget()
    qtbot.addWidget(window)
    launcher = CancelLauncher(ledger, opener, window, asker=answers)
    wizard = launcher.open_for_order(order_id)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=WAIT)
    return launcher, wizard


def test_connected_accepted_path_in_two_clicks(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers, urls: UrlCatcher
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    assert orders.shop_order is not None
    launcher, wizard = open_app_wizard(
        qtbot, ledger, FakesOpener(ledger, fakes, ae_token), answers, orders.supplier_order_id
    )
    click = Clicks(qtbot)
    wizard.reason_page.notify.setChecked(False)  # the decision (choices, not clicks to count)
    click(wizard.reason_page.start_button)  # 1: start with the decision
    idle(qtbot, wizard, State.SUPPLIER_CANCEL_TODO)
    # The order page opened by itself, the message to the supplier on the clipboard.
    url = f"https://www.aliexpress.com/p/order/detail.html?orderId={orders.external_order_id}"
    qtbot.waitUntil(lambda: urls.urls == [url])
    assert orders.external_order_id in QGuiApplication.clipboard().text()
    assert wizard.shown is PageKey.SUPPLIER
    name = orders.shop_order.name
    assert f"Will cancel {name} on Shopify when the supplier accepts." in wizard.banner.text()
    assert wizard.supplier_page.requested_button.isDefault()

    click(wizard.supplier_page.requested_button)  # 2: "I have done it"
    idle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    assert fakes.shopify.state.cancel_requests == []

    fakes.aliexpress.close(orders.external_order_id, "cancel_order_close_trade")  # supplier accepts
    with qtbot.waitSignal(launcher.watched, timeout=WAIT * 3):
        assert launcher.watch_now()  # what the status watch does every few minutes
    assert stored(ledger) == ("done", [("from_supplier", "issued"), ("to_customer", "issued")])
    assert len(fakes.shopify.state.cancel_requests) == 1
    assert fakes.shopify.state.cancel_requests[0]["notifyCustomer"] is False
    idle(qtbot, wizard, State.DONE)
    assert click.count == 2
    assert "Your decision: what Dropdesk does by itself" in wizard.timeline.titles()
    launcher.close_all()


def test_manual_accepted_path_in_at_most_five_clicks(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers, urls: UrlCatcher
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    launcher, wizard = open_app_wizard(qtbot, ledger, opener, answers, orders.supplier_order_id)
    click = Clicks(qtbot)
    click(wizard.reason_page.start_button)  # 1
    idle(qtbot, wizard, State.SUPPLIER_CANCEL_TODO)
    assert wizard.shown is PageKey.SUPPLIER and len(urls.urls) == 1
    click(wizard.supplier_page.requested_button)  # 2
    idle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    click(wizard.supplier_page.accepted_button)  # 3
    idle(qtbot, wizard, State.SHOP_CANCEL_TODO)
    assert wizard.shown is PageKey.SHOP
    shop = wizard.shop_page
    assert shop.manual_panel.isVisible()  # Shopify not connected: the admin's way at once
    click(shop.manual_panel.confirm_button)  # 4
    idle(qtbot, wizard, State.AWAITING_SUPPLIER_REFUND)
    assert wizard.shown is PageKey.MONEY
    click(wizard.money_page.received_button)  # 5
    idle(qtbot, wizard, State.DONE)
    assert click.count <= 5, click.count
    assert fakes.shopify.state.cancel_requests == []
    launcher.close_all()


def test_bulk_cancel_of_three_orders_with_one_decision(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers, urls: UrlCatcher
) -> None:
    from gui.cancel_wizard.bulk_dialog import BulkCancelDialog

    seeded = [
        seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
        for _ in range(3)
    ]
    window = QWidget()
    qtbot.addWidget(window)
    launcher = CancelLauncher(ledger, FakesOpener(ledger, fakes, ae_token), window, asker=answers)
    dialog = BulkCancelDialog(launcher, [s.supplier_order_id for s in seeded], window)
    qtbot.addWidget(dialog)
    dialog.show()
    click = Clicks(qtbot)
    click(dialog.start_button)
    qtbot.waitUntil(lambda: len(urls.urls) == 1 and not dialog.runner.busy, timeout=WAIT * 3)
    assert dialog.table.topLevelItemCount() == 3
    for count in (2, 3):  # the pages open one after another as each is confirmed
        click(dialog.done_button)

        def opened(n: int = count) -> bool:
            return len(urls.urls) == n and not dialog.runner.busy

        qtbot.waitUntil(opened, timeout=WAIT)
    click(dialog.done_button)
    qtbot.waitUntil(
        lambda: not dialog.runner.busy and not dialog.done_button.isVisible(), timeout=WAIT
    )
    assert [u.rsplit("=", 1)[1] for u in urls.urls] == [s.external_order_id for s in seeded]
    for s in seeded[:2]:  # two suppliers accept, the third has not answered yet
        fakes.aliexpress.close(s.external_order_id, "cancel_order_close_trade")
    with qtbot.waitSignal(launcher.watched, timeout=WAIT * 3):
        assert launcher.watch_now()
    gids = [r["orderId"] for r in fakes.shopify.state.cancel_requests]
    assert sorted(gids) == sorted(s.shop_order.gid for s in seeded[:2] if s.shop_order)
    qtbot.waitUntil(lambda: dialog.table.topLevelItem(0).text(1) == "Done", timeout=WAIT)  # type: ignore[union-attr]
    assert dialog.table.topLevelItem(2).text(1) == "Waiting for the supplier's answer"  # type: ignore[union-attr]
    assert click.count == 1 + 3  # one decision, one confirmation per AliExpress page
    dialog.close()
