"""The wizard says what will really happen on Shopify given the connection: Dropdesk does it
(connected), or the merchant does it and "Needs me" reminds them (not connected)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from core.cancel.states import State
from core.cancel.view import DECISION_BY_HAND, EVENT_TITLES
from core.ledger import Ledger
from tests.connections_support import Fakes
from tests.core.cancel.wiring import seed
from tests.gui import test_cancel_wizard as wizard_tests
from tests.gui.test_cancel_wizard import (
    Answers,
    FakesOpener,
    open_wizard,
    paid_two_days_ago,
    settle,
    start,
)

fakes = wizard_tests.fakes
ae_token = wizard_tests.ae_token
answers = wizard_tests.answers


def test_manual_mode_does_not_promise_that_dropdesk_cancels_on_shopify(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, shop=False, supplier=False)
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    note = wizard.reason_page.shopify_note.text()
    assert "Shopify is not connected" in note and '"Needs me"' in note
    assert "by itself" not in note
    start(qtbot, wizard)
    settle(qtbot, wizard, State.SUPPLIER_CANCEL_TODO)
    titles = wizard.timeline.titles()
    assert DECISION_BY_HAND in titles and EVENT_TITLES["decision"] not in titles


def test_connected_shopify_is_said_to_be_done_by_dropdesk(
    qtbot: QtBot, ledger: Ledger, fakes: Fakes, ae_token: str, answers: Answers
) -> None:
    orders = seed(ledger, fakes.shopify.state, fakes.aliexpress, paid_at=paid_two_days_ago())
    opener = FakesOpener(ledger, fakes, ae_token, supplier=False)
    wizard = open_wizard(qtbot, ledger, opener, answers, supplier_order_id=orders.supplier_order_id)
    assert "Dropdesk does the Shopify part by itself" in wizard.reason_page.shopify_note.text()
