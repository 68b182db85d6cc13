"""Every cancellation state has one descriptor, and the wizard has the page it names.

The descriptors (`core.cancel.states.STATES`) are the only per-state table: the wizard takes
each state's page, words and actions from them. A state whose page the wizard lacks, or whose
actions no page (nor the wizard's own Resume and Abandon) can offer, would strand a run.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.cancel.actions import Action
from core.cancel.states import STATES, PageKey, State
from core.cancel.workflow import CancelWorkflow
from core.ledger import Ledger
from gui.cancel_ports import WorkflowHandle
from gui.cancel_wizard import CancelWizard
from gui.cancel_wizard.step import PAGE_ACTIONS, page_of, tr
from tests.gui.conftest import DEMO_NOW
from tests.gui.test_ledger_columns import catalogue

WAIT = 10_000
#: What the wizard offers itself, on whichever page it is (its bottom row of buttons).
WIZARD_ACTIONS = frozenset({Action.RESUME, Action.ABANDON})


class ByHand:
    """Opens the real workflow with neither Shopify nor AliExpress connected."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def __call__(self, supplier_order_id: int | None, on_step: Any) -> WorkflowHandle:
        workflow = CancelWorkflow(self.ledger, None, None, on_step=on_step, now=lambda: DEMO_NOW)
        return WorkflowHandle(workflow, (), ExitStack())


def awaiting_order(ledger: Ledger) -> int:
    row = ledger.reader.execute(
        "SELECT id FROM supplier_order WHERE order_status = 'WAIT_SELLER_SEND_GOODS' "
        "AND customer_order_id IS NOT NULL ORDER BY id LIMIT 1"
    ).fetchone()
    assert row is not None
    return int(row[0])


def test_every_state_has_one_descriptor_and_its_page(qtbot: QtBot, demo_ledger: Ledger) -> None:
    assert list(STATES) == list(State)  # one each (a mapping), in the run's order
    wizard = CancelWizard(
        demo_ledger,
        ByHand(demo_ledger),
        supplier_order_id=awaiting_order(demo_ledger),
        now=lambda: DEMO_NOW,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=WAIT)
    assert {key: page.key for key, page in wizard.pages.items()} == {k: k for k in PageKey}
    for state, info in STATES.items():
        assert info.page in wizard.pages, state
        assert page_of(state) is info.page
        offered = PAGE_ACTIONS[info.page] | WIZARD_ACTIONS
        assert set(info.actions) <= offered, (state, set(info.actions) - offered)
    # Every page but the reason (before any run) shows at least one state.
    assert {info.page for info in STATES.values()} == set(PageKey) - {PageKey.REASON}

    # A real run: the wizard goes to its state's page and says its descriptor's words.
    page = wizard.reason_page
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.view is not None and not wizard.busy, timeout=WAIT)
    assert wizard.view is not None
    info = STATES[wizard.view.state]
    assert wizard.shown is info.page
    assert wizard.state_label.text() == tr("Now: {0}").format(tr(info.label))
    assert set(info.actions) <= set(wizard.view.actions)


def test_every_state_label_has_its_german() -> None:
    """The wizard and the Cancellations view translate the descriptors' labels."""
    for context in ("CancelWizard", "CancellationsView"):
        german = catalogue(context)
        missing = [info.label for info in STATES.values() if not german.get(info.label)]
        assert missing == [], context
