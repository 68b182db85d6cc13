"""The "Cancel everywhere" wizard driven end to end: the fake Shopify and the fake AliExpress
gateway on 127.0.0.1, a real ledger, real clicks. Confirmations are answered by `Answers`
(the wizard's `Asker`), links are caught by a URL handler instead of opening a browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from core.aliexpress import sync_order_statuses
from core.cancel.states import State
from core.cancel.workflow import CancelWorkflow
from core.connections import Connections, ShopDraft
from core.ledger import Ledger
from core.ledger.models import Cancellation
from core.secrets import SecretStore
from gui.cancel_ports import WorkflowHandle, open_workflow, shop_of_order, workflow_opener
from gui.cancel_wizard import CancelLauncher, CancelWizard, Confirmation, DialogAsker, PageKey
from tests.connections_support import Fakes, running_fakes
from tests.core.cancel.wiring import seed, shop_port, supplier_port
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN

WAIT = 10_000


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    with running_fakes() as started:
        yield started


@pytest.fixture
def ae_token(fakes: Fakes) -> str:
    return str(fakes.aliexpress.grant()["access_token"])


class FakesOpener:
    """An `OpenWorkflow` reaching the fakes without the keyring (what `workflow_opener` builds
    from the merchant's connections); `shop`/`supplier` False is manual mode for that side."""

    def __init__(
        self,
        ledger: Ledger,
        fakes: Fakes,
        token: str,
        *,
        shop: bool = True,
        supplier: bool = True,
        **options: Any,
    ) -> None:
        self.ledger, self.fakes, self.token = ledger, fakes, token
        self.shop, self.supplier = shop, supplier
        self.options = {"job_poll": 0.02, **options}
        self.opened: list[int | None] = []

    def __call__(self, supplier_order_id: int | None, on_step: Any) -> WorkflowHandle:
        self.opened.append(supplier_order_id)
        stack = ExitStack()
        shop = shop_port(self.fakes.shopify.url) if self.shop else None
        supplier = (
            supplier_port(self.fakes.aliexpress.base_url, self.token) if self.supplier else None
        )
        if shop is not None:
            stack.callback(shop.client.close)
        if supplier is not None:
            stack.callback(supplier.client.close)
        workflow = CancelWorkflow(self.ledger, shop, supplier, on_step=on_step, **self.options)
        return WorkflowHandle(workflow, (), stack)


@dataclass
class Answers:
    """The merchant's answers to the wizard's questions."""

    yes: bool = True
    reason: str | None = "The customer wants the order after all"
    asked: list[Confirmation] = field(default_factory=list)

    def confirm(self, parent: QWidget, question: Confirmation) -> bool:
        self.asked.append(question)
        return self.yes

    def text(self, parent: QWidget, title: str, label: str) -> str | None:
        return self.reason


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def urls() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    # PySide 6.11 wants the slot name as str at run time, whatever its stubs say.
    QDesktopServices.setUrlHandler("https", catcher, "open")  # type: ignore[arg-type]
    yield catcher
    QDesktopServices.unsetUrlHandler("https")


@pytest.fixture
def answers() -> Answers:
    return Answers()


def paid_two_days_ago() -> datetime:
    return datetime.now(UTC) - timedelta(days=2)


def open_wizard(
    qtbot: QtBot,
    ledger: Ledger,
    opener: Any,
    answers: Answers,
    *,
    supplier_order_id: int | None = None,
    cancellation_id: int | None = None,
) -> CancelWizard:
    wizard = CancelWizard(
        ledger,
        opener,
        supplier_order_id=supplier_order_id,
        cancellation_id=cancellation_id,
        asker=answers,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=WAIT)
    return wizard


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def settle(qtbot: QtBot, wizard: CancelWizard, state: State) -> None:
    """Wait for the call in flight to end and the run to stand in `state`."""

    def there() -> bool:
        return not wizard.busy and wizard.view is not None and wizard.view.state is state

    try:
        qtbot.waitUntil(there, timeout=WAIT)
    except AssertionError:
        shown = wizard.view.state if wizard.view else None
        raise AssertionError(f"{shown} instead of {state}: {wizard.banner.text()}") from None


def start(qtbot: QtBot, wizard: CancelWizard, reason: str = "changed_mind") -> None:
    page = wizard.reason_page
    page.reason.setCurrentIndex(page.reason.findData(reason))
    click(qtbot, page.start_button)
    qtbot.waitUntil(lambda: wizard.view is not None and not wizard.busy, timeout=WAIT)


def stored_state(ledger: Ledger, run: int) -> str:
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None
        return row.state


# -- the accepted path ---------------------------------------------------------------------


def test_accepted_path_end_to_end(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers, urls: UrlCatcher
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    assert orders.shop_order is not None
    wizard = open_wizard(
        qtbot,
        ledger,
        FakesOpener(ledger, fakes, ae_token),
        answers,
        supplier_order_id=orders.supplier_order_id,
    )
    assert wizard.shown is PageKey.REASON
    assert orders.external_order_id in wizard.reason_page.order_card.text()
    assert wizard.reason_page.fault.currentData() == "customer"  # follows "changed mind"
    assert not wizard.later_button.isVisible() and wizard.close_button.isVisible()

    start(qtbot, wizard)
    assert wizard.view is not None and wizard.view.state is State.SUPPLIER_CANCEL_TODO
    assert wizard.shown is PageKey.CHECK  # what the check found comes first
    assert "Cancel:" in wizard.check_page.way.text()
    assert "not shipped yet" in wizard.check_page.why.text()
    assert wizard.connection_label.text() == "AliExpress: connected · Shopify: connected"
    assert wizard.later_button.isVisible() and not wizard.close_button.isVisible()

    click(qtbot, wizard.next_button)
    page = wizard.supplier_page
    assert wizard.shown is PageKey.SUPPLIER
    url = f"https://www.aliexpress.com/p/order/detail.html?orderId={orders.external_order_id}"
    assert page.url.text() == url
    click(qtbot, page.open_button)
    qtbot.waitUntil(lambda: urls.urls == [url])
    click(qtbot, page.message.copy_button)
    clipboard = QGuiApplication.clipboard().text()
    assert clipboard.startswith("Hello,") and orders.external_order_id in clipboard
    assert page.message.copy_button.text() == "Copied ✓"
    click(qtbot, page.message.german)
    assert page.message.body.toPlainText().startswith("Guten Tag,")
    assert "Cancel order" in page.clicks.text()  # the merchant's steps: the window's language
    click(qtbot, page.message.copy_button)
    assert QGuiApplication.clipboard().text().startswith("Guten Tag,")
    click(qtbot, page.message.english)

    click(qtbot, page.requested_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    assert wizard.deadline_label.text().startswith("The cancel request resolves by itself: ")
    assert "Waiting for the supplier's answer" in page.status.text()
    assert page.accepted_button.isVisible() and page.refresh_button.isVisible()

    click(qtbot, page.accepted_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_TODO)
    shop = wizard.shop_page
    assert wizard.shown is PageKey.SHOP
    assert shop.cancel_box.isVisible() and not shop.risk.isVisible()
    assert shop.manual_toggle.isVisible() and not shop.manual_box.isVisible()
    shop.notify.setChecked(False)
    qtbot.keyClicks(shop.staff_note, "Supplier agreed")
    click(qtbot, shop.cancel_button)
    settle(qtbot, wizard, State.AWAITING_SUPPLIER_REFUND)
    (question,) = answers.asked
    assert question.text == (
        f"Cancel {orders.shop_order.name} on Shopify and refund 42.40 EUR to the customer's "
        "original payment method?"
    )
    assert "Shopify cannot undo a cancellation." in question.details
    assert fakes.shopify.state.cancel_requests == [
        {
            "orderId": orders.shop_order.gid,
            "reason": "CUSTOMER",
            "restock": True,
            "notifyCustomer": False,
            "refundMethod": {"originalPaymentMethodsRefund": True},
            "staffNote": "Supplier agreed",
        }
    ]
    assert orders.shop_order.cancelled_at is not None
    assert fakes.shopify.state.jobs and all(j.polls >= 2 for j in fakes.shopify.state.jobs.values())

    money = wizard.money_page
    assert wizard.shown is PageKey.MONEY
    assert wizard.deadline_label.text().startswith("The supplier's refund should have arrived: ")
    assert money.table.rowCount() == 2
    assert money.received_amount.text() == "8.34" and money.received_currency.text() == "USD"
    assert money.note.isVisible() and "has been cancelled" in money.note.current()
    money.received_amount.setText("8.30")
    click(qtbot, money.received_button)
    settle(qtbot, wizard, State.DONE)
    assert money.heading.text() == "Done"
    assert money.status.text() == "This cancellation is complete."
    assert wizard.close_button.isVisible() and not wizard.later_button.isVisible()
    assert wizard.timeline.titles() == [
        "Cancellation started",
        "Your decision: what Dropdesk does by itself",
        "Cancel at the supplier on AliExpress",
        "Waiting for the supplier's answer",
        "Cancelled at the supplier",
        "Cancel the order on Shopify",
        "Cancel sent to Shopify",
        "Shopify started the cancel job",
        "Refund to the customer recorded",
        "Cancelled on Shopify",
        "Waiting for the supplier's refund",
        "Done",
    ]
    assert stored_state(ledger, wizard.view.id) == "done"
    # Back walks through the finished steps, read-only.
    click(qtbot, wizard.back_button)
    assert wizard.shown is PageKey.SHOP and "Done on Shopify: 42.40 EUR" in shop.status.text()
    assert not shop.cancel_box.isVisible()


# -- the fulfilled path --------------------------------------------------------------------


def test_fulfilled_path_refunds_after_a_preview(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(
        ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago(), fulfilled=True
    )
    fakes.aliexpress.ship(orders.external_order_id, "LP0042")
    wizard = open_wizard(
        qtbot,
        ledger,
        FakesOpener(ledger, fakes, ae_token),
        answers,
        supplier_order_id=orders.supplier_order_id,
    )
    start(qtbot, wizard, "wrong_size")
    settle(qtbot, wizard, State.SHOP_REFUND_TODO)
    check = wizard.check_page
    assert wizard.shown is PageKey.CHECK
    assert check.way.text().startswith("Refund:")
    assert "LP0042" in check.why.text() and check.alternatives.isVisible()
    assert "take delivery" in check.alternatives.text()

    click(qtbot, wizard.next_button)
    assert wizard.shown is PageKey.SUPPLIER
    assert not wizard.supplier_page.requested_button.isVisible()
    click(qtbot, wizard.next_button)
    shop = wizard.shop_page
    assert wizard.shown is PageKey.SHOP
    assert shop.heading.text() == "Refund the customer on Shopify"
    assert shop.refund_box.isVisible() and not shop.cancel_box.isVisible()
    panel = shop.refund_panel
    assert not panel.refund_button.isEnabled()  # nothing is refunded without a preview

    click(qtbot, panel.preview_button)
    qtbot.waitUntil(lambda: panel.preview is not None and not wizard.busy, timeout=WAIT)
    table = [
        [panel.table.item(r, c).text() for c in range(4)] for r in range(panel.table.rowCount())
    ]
    assert table == [
        ["Lamp", "2", "Return to stock", "30.00 EUR"],
        ["Shade", "1", "Return to stock", "7.50 EUR"],
        ["Shipping", "", "", "4.90 EUR"],
        ["Refund to the customer", "", "", "42.40 EUR"],
        ["Most that can be refunded", "", "", "42.40 EUR"],
    ]
    assert fakes.shopify.state.refunds == []  # a preview sends nothing
    assert panel.refund_button.text() == "Refund 42.40 EUR on Shopify…"
    qtbot.keyClicks(panel.note, "Wrong size advised")

    answers.yes = False
    click(qtbot, panel.refund_button)
    assert fakes.shopify.state.refund_requests == [] and wizard.view is not None
    assert wizard.view.state is State.SHOP_REFUND_TODO
    answers.yes = True
    click(qtbot, panel.refund_button)
    settle(qtbot, wizard, State.DONE)
    assert answers.asked[-1].text.startswith("Refund 42.40 EUR to the customer of ")
    (request,) = fakes.shopify.state.refund_requests
    assert request["input"]["note"] == "Wrong size advised"
    with ledger.session() as session:
        row = session.exec(select(Cancellation)).one()
        assert row.refund_idempotency_key and request["key"] == row.refund_idempotency_key
    assert fakes.shopify.state.cancel_requests == []
    money = wizard.money_page
    assert wizard.shown is PageKey.MONEY
    assert "Out of pocket: 42.40 EUR" in money.status.text()
    assert money.table.item(0, 0).text() == "Refunded to the customer"


# -- manual mode ---------------------------------------------------------------------------


def test_manual_mode_without_connections(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers, urls: UrlCatcher
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    assert orders.shop_order is not None
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    start(qtbot, wizard)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_TODO)
    assert wizard.connection_label.text() == "AliExpress: by hand · Shopify: by hand"
    assert "AliExpress is not connected" in wizard.check_page.notes.text()
    assert not wizard.check_page.sources.isVisible()  # the notes say where facts came from
    click(qtbot, wizard.next_button)
    page = wizard.supplier_page
    click(qtbot, page.requested_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    assert not page.refresh_button.isVisible()  # nobody to ask
    click(qtbot, page.accepted_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_TODO)

    shop = wizard.shop_page
    assert not shop.cancel_box.isVisible() and shop.manual_box.isVisible()
    assert "Shopify is not connected" in shop.status.text()
    admin = f"https://admin.shopify.com/store/dropdesk-test/orders/{orders.shop_order.legacy_id}"
    assert shop.manual_panel.url.text() == admin
    click(qtbot, shop.manual_panel.open_button)
    qtbot.waitUntil(lambda: urls.urls == [admin])
    assert "Cancel order" in shop.manual_panel.clicks.text()
    assert shop.manual_panel.amount.text() == "42.40"
    shop.manual_panel.amount.setText("40")
    click(qtbot, shop.manual_panel.confirm_button)
    settle(qtbot, wizard, State.AWAITING_SUPPLIER_REFUND)
    assert answers.asked == []  # recording what was done by hand is not irreversible
    lines = {(m.direction, m.amount_minor, m.currency) for m in wizard.view.money}  # type: ignore[union-attr]
    assert ("to_customer", 4000, "EUR") in lines
    click(qtbot, wizard.money_page.received_button)
    settle(qtbot, wizard, State.DONE)
    assert fakes.shopify.log == [] and fakes.aliexpress.calls == []  # manual means manual


def test_a_wrong_amount_is_said_and_nothing_recorded(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    start(qtbot, wizard)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.supplier_page.requested_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    click(qtbot, wizard.supplier_page.accepted_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_TODO)
    panel = wizard.shop_page.manual_panel
    panel.amount.setText("12.345")
    click(qtbot, panel.confirm_button)
    assert "more decimals than EUR has" in wizard.shop_page.status.text()
    assert wizard.view is not None and wizard.view.state is State.SHOP_CANCEL_TODO


# -- do this later, then resume ------------------------------------------------------------


def test_do_this_later_then_resume_from_the_cancellations_view(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    wizard = open_wizard(
        qtbot,
        ledger,
        FakesOpener(ledger, fakes, ae_token),
        answers,
        supplier_order_id=orders.supplier_order_id,
    )
    start(qtbot, wizard)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.supplier_page.requested_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    run = wizard.view.id  # type: ignore[union-attr]
    click(qtbot, wizard.later_button)
    assert not wizard.isVisible() and wizard.handle is None  # its clients are closed
    assert stored_state(ledger, run) == "supplier_cancel_requested"

    # A fresh start of the app: a new launcher, a new workflow, the run from the ledger.
    window = QWidget()
    qtbot.addWidget(window)
    opener = FakesOpener(ledger, fakes, ae_token)
    launcher = CancelLauncher(ledger, opener, window, asker=answers)
    view = launcher.show_cancellations()
    qtbot.addWidget(view)
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.table.topLevelItemCount() == 1, timeout=WAIT)
    item = view.table.topLevelItem(0)
    assert item is not None
    assert item.text(2) == "Waiting for the supplier's answer"
    assert item.text(3) == "The cancel request resolves by itself"
    assert "in 2 d 23 h" in item.text(4)
    where = view.table.visualItemRect(item).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: len(launcher.wizards) == 1, timeout=WAIT)
    resumed = launcher.wizards[0]
    qtbot.waitUntil(lambda: resumed.handle is not None and resumed.view is not None, timeout=WAIT)
    assert resumed.cancellation_id == run and opener.opened == [orders.supplier_order_id]
    assert resumed.shown is PageKey.SUPPLIER and resumed.supplier_page.accepted_button.isVisible()
    assert not resumed.reason_page.reason.isEnabled()  # the reason is recorded
    assert launcher.open_for_order(orders.supplier_order_id) is resumed  # one window per run

    click(qtbot, resumed.supplier_page.accepted_button)
    # The app's wizards run the autopilot: the decision taken at the start authorises the
    # Shopify cancel, sent by itself once the supplier accepted.
    settle(qtbot, resumed, State.AWAITING_SUPPLIER_REFUND)
    assert len(fakes.shopify.state.cancel_requests) == 1
    waiting = "Waiting for the supplier's refund"
    qtbot.waitUntil(lambda: view.table.topLevelItem(0).text(2) == waiting)  # type: ignore[union-attr]
    launcher.close_all()  # the main window closes: the run stays open in the ledger
    qtbot.waitUntil(lambda: launcher.wizards == [])
    assert resumed.handle is None and not view.isVisible()
    assert stored_state(ledger, run) == "awaiting_supplier_refund"


def test_an_order_with_an_open_run_opens_that_run(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    flow = CancelWorkflow(ledger, None, None)
    run = flow.start(orders.supplier_order_id, "out_of_stock", "supplier")
    wizard = open_wizard(
        qtbot,
        ledger,
        FakesOpener(ledger, fakes, ae_token),
        answers,
        supplier_order_id=orders.supplier_order_id,
    )
    assert wizard.cancellation_id == run
    assert wizard.view is not None and wizard.view.state is State.CHECKING
    assert wizard.shown is PageKey.CHECK and wizard.check_page.check_button.isVisible()
    assert wizard.reason_page.reason.currentData() == "out_of_stock"
    click(qtbot, wizard.check_page.check_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_TODO)


# -- Shopify before the supplier ------------------------------------------------------------


def test_cancelling_on_shopify_before_the_supplier_agreed_asks_first(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    wizard = open_wizard(
        qtbot,
        ledger,
        FakesOpener(ledger, fakes, ae_token),
        answers,
        supplier_order_id=orders.supplier_order_id,
    )
    start(qtbot, wizard)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.supplier_page.requested_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    assert wizard.next_button.isEnabled()  # Shopify may come first, with a warning
    click(qtbot, wizard.next_button)
    shop = wizard.shop_page
    assert wizard.shown is PageKey.SHOP
    assert shop.risk.isVisible() and "out of your own pocket" in shop.risk.text()

    answers.yes = False
    click(qtbot, shop.cancel_button)
    (question,) = answers.asked
    assert question.accept == "Cancel on Shopify anyway"
    assert question.details.startswith("The supplier has not agreed to cancel yet.")
    assert fakes.shopify.state.cancel_requests == []
    assert stored_state(ledger, wizard.view.id) == "supplier_cancel_requested"  # type: ignore[union-attr]

    answers.yes = True
    click(qtbot, shop.cancel_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)  # back to waiting for the supplier
    assert len(fakes.shopify.state.cancel_requests) == 1
    assert wizard.shown is PageKey.SUPPLIER
    click(qtbot, wizard.next_button)
    assert wizard.shown is PageKey.SHOP and "Done on Shopify" in shop.status.text()
    assert not shop.risk.isVisible() and not shop.cancel_box.isVisible()


# -- Shopify's answers ----------------------------------------------------------------------


def to_shop_step(qtbot: QtBot, wizard: CancelWizard) -> None:
    start(qtbot, wizard)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.supplier_page.requested_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    click(qtbot, wizard.supplier_page.accepted_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_TODO)


def test_a_refused_token_is_shown_redacted_and_nothing_is_sent(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    wizard = open_wizard(
        qtbot,
        ledger,
        FakesOpener(ledger, fakes, ae_token),
        answers,
        supplier_order_id=orders.supplier_order_id,
    )
    to_shop_step(qtbot, wizard)
    fakes.shopify.access_token = "shpat_" + "rotated0" * 4
    click(qtbot, wizard.shop_page.cancel_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_TODO)
    assert wizard.banner.kind == "error"
    assert "Nothing was sent to Shopify." in wizard.banner.text()
    assert ACCESS_TOKEN not in wizard.banner.text()
    assert fakes.shopify.state.cancel_requests == []


def test_a_slow_cancel_job_is_checked_again_not_resent(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    fakes.shopify.state.job_polls_needed = 10_000
    opener = FakesOpener(ledger, fakes, ae_token, job_timeout=0.1)
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    to_shop_step(qtbot, wizard)
    click(qtbot, wizard.shop_page.cancel_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_SENT)
    assert wizard.banner.kind == "warning" and "has not finished cancelling" in wizard.banner.text()
    status = wizard.shop_page.status
    assert status.button.isVisible() and status.button.text() == "Check again"
    assert not wizard.abandon_button.isVisible()  # not while Shopify may be acting

    click(qtbot, wizard.later_button)  # quit meanwhile; Shopify finishes the job
    (job,) = fakes.shopify.state.jobs.values()
    job.polls_needed = 0
    reopened = open_wizard(
        qtbot, ledger, opener, answers, cancellation_id=wizard.cancellation_id or 0
    )
    settle(qtbot, reopened, State.AWAITING_SUPPLIER_REFUND)  # resumed by itself on opening
    assert len(fakes.shopify.state.cancel_requests) == 1
    assert "Continuing" not in reopened.banner.text()


def test_resume_all_at_start_up_finishes_what_was_in_flight(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    fakes.shopify.state.job_polls_needed = 10_000
    opener = FakesOpener(ledger, fakes, ae_token, job_timeout=0.1)
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    to_shop_step(qtbot, wizard)
    click(qtbot, wizard.shop_page.cancel_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_SENT)
    wizard.close()
    (job,) = fakes.shopify.state.jobs.values()
    job.polls_needed = 0

    window = QWidget()
    qtbot.addWidget(window)
    launcher = CancelLauncher(ledger, opener, window, asker=answers)
    with qtbot.waitSignal(launcher.message, timeout=WAIT) as said:
        assert launcher.resume_all()
    assert said.args == ["Cancellations continued after the restart: 1."]
    assert stored_state(ledger, wizard.cancellation_id or 0) == "awaiting_supplier_refund"
    assert len(fakes.shopify.state.cancel_requests) == 1


def test_abandon_asks_why_and_closes_the_run(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    start(qtbot, wizard)
    answers.reason = None  # backed out of the question
    click(qtbot, wizard.abandon_button)
    assert wizard.view is not None and wizard.view.state is State.SUPPLIER_CANCEL_TODO
    answers.reason = "The customer wants the order after all"
    click(qtbot, wizard.abandon_button)
    settle(qtbot, wizard, State.ABANDONED)
    assert wizard.shown is PageKey.MONEY and wizard.money_page.heading.text() == "Abandoned"
    assert "the customer wants the order after all" in wizard.money_page.status.text().lower()
    assert not wizard.abandon_button.isVisible() and wizard.close_button.isVisible()


# -- the ports from the merchant's connections (real keyring) -------------------------------


def test_workflow_from_the_connections(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, secret_store: SecretStore
) -> None:
    connections = Connections(ledger, secret_store, fakes.connector())
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    handle = open_workflow(connections, orders.supplier_order_id)
    try:  # nothing connected yet: both sides by hand
        assert handle.workflow.rt.shop is None and handle.workflow.rt.supplier is None
    finally:
        handle.close()
    shop_id = connections.save_shop(ShopDraft(DOMAIN, token=ACCESS_TOKEN))
    fake = fakes.aliexpress
    connections.connect_aliexpress(fake.app_key, fake.app_secret, fake.issue_code())
    assert shop_of_order(ledger, orders.supplier_order_id) == shop_id

    window = QWidget()
    qtbot.addWidget(window)
    launcher = CancelLauncher(ledger, workflow_opener(connections), window, asker=Answers())
    wizard = launcher.open_for_order(orders.supplier_order_id)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=WAIT)
    start(qtbot, wizard)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_TODO)
    assert wizard.connection_label.text() == "AliExpress: connected · Shopify: connected"
    assert fake.order_ids_asked() == {orders.external_order_id}
    assert any(entry.path.endswith("graphql.json") for entry in fakes.shopify.log)
    wizard.close()
    assert wizard.handle is None


def test_status_sync_moves_runs_on(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    flow = CancelWorkflow(ledger, None, None)
    run = flow.start(orders.supplier_order_id, "changed_mind")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    fakes.aliexpress.close(orders.external_order_id, "cancel_order_close_trade")
    api = supplier_port(fakes.aliexpress.base_url, ae_token)
    try:  # what "Refresh from AliExpress" does
        summary = sync_order_statuses(ledger, api)
    finally:
        api.client.close()
    window = QWidget()
    qtbot.addWidget(window)
    launcher = CancelLauncher(ledger, FakesOpener(ledger, fakes, ae_token), window, asker=answers)
    with qtbot.waitSignal(launcher.message, timeout=WAIT) as said:
        assert launcher.apply_status_sync(summary)
    assert said.args == ["AliExpress refresh: 1 cancellations moved on."]
    assert stored_state(ledger, run) == "shop_cancel_todo"
    with qtbot.waitSignal(launcher.syncer.ended, timeout=WAIT):
        assert launcher.apply_status_sync()  # again, over every open run: nothing more moves
    assert stored_state(ledger, run) == "shop_cancel_todo"


def test_the_real_question_defaults_to_going_back(qtbot: QtBot) -> None:
    question = Confirmation("Cancel on Shopify", "Cancel #1001?", "Cancel on Shopify", "No undo.")
    box, accept = DialogAsker.box(None, question)
    qtbot.addWidget(box)
    assert (box.text(), box.informativeText(), accept.text()) == (
        "Cancel #1001?",
        "No undo.",
        "Cancel on Shopify",
    )
    default = box.defaultButton()
    assert default is not None and default.text() == "Go back"  # Enter never confirms
    assert box.escapeButton() is default


def test_an_unknown_supplier_cost_is_asked_not_taken_as_zero(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    """An imported order's supplier cost is often unknown (0): the supplier still owes what was
    paid, so "the money arrived" needs the amount that arrived, never 0 by default."""
    from core.ledger.models import SupplierOrder

    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    with ledger.session() as session:
        order = session.get(SupplierOrder, orders.supplier_order_id)
        assert order is not None
        order.cost_minor = 0
        session.add(order)
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    start(qtbot, wizard)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.supplier_page.requested_button)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_REQUESTED)
    click(qtbot, wizard.supplier_page.accepted_button)
    settle(qtbot, wizard, State.SHOP_CANCEL_TODO)
    click(qtbot, wizard.shop_page.manual_panel.confirm_button)
    settle(qtbot, wizard, State.AWAITING_SUPPLIER_REFUND)
    money = wizard.money_page
    assert "does not know the amount" in money.receive_text.text()
    assert money.received_amount.text() == ""
    click(qtbot, money.received_button)
    assert "Enter the amount that arrived" in money.status.text()
    assert wizard.view is not None and wizard.view.state is State.AWAITING_SUPPLIER_REFUND
    money.received_amount.setText("7.10")
    click(qtbot, money.received_button)
    settle(qtbot, wizard, State.DONE)
    received = [m for m in wizard.view.money if m.direction == "from_supplier"]
    assert [(m.amount_minor, m.state) for m in received] == [(710, "received")]
