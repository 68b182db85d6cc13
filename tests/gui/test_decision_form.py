"""The cancel decision is edited in one form (`gui.cancel_wizard.decision_form`), wherever
it is taken: the wizard's first page, the bulk dialog, "Change decision…". Held here against
a real ledger's remembered decisions; the three screens' own tests hold their flows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.cancel.decision import Decision, ShopAction, remember
from core.ledger import Ledger
from core.ledger.types import Fault, Reason
from core.texts import Text
from gui.cancel_wizard.decision_form import ALL_LOCKED, DecisionForm
from gui.cancel_wizard.wizard import remembered_decision

GUI = Path(__file__).resolve().parents[2] / "gui"


def form_for(qtbot: QtBot, ledger: Ledger, **options: bool) -> DecisionForm:
    form = DecisionForm(**options)  # type: ignore[arg-type]
    qtbot.addWidget(form)
    form.set_defaults(lambda reason: remembered_decision(ledger, reason))
    form.show()
    return form


def choose_reason(form: DecisionForm, reason: Reason) -> None:
    form.reason.setCurrentIndex(form.reason.findData(reason.value))


def test_a_reason_brings_back_the_decision_last_taken_for_it(qtbot: QtBot, ledger: Ledger) -> None:
    with ledger.session() as session:
        remember(
            session,
            Decision(
                Reason.DAMAGED,
                Fault.SUPPLIER,
                ShopAction.REFUND,
                restock=False,
                notify_customer=False,
            ),
        )
    form = form_for(qtbot, ledger)
    assert form.decision() == Decision(Reason.CHANGED_MIND, Fault.CUSTOMER)  # built-in
    form.before_supplier.setChecked(True)
    with qtbot.waitSignal(form.changed):
        choose_reason(form, Reason.DAMAGED)
    assert form.decision() == Decision(
        Reason.DAMAGED, Fault.SUPPLIER, ShopAction.REFUND, restock=False, notify_customer=False
    )  # and "Shopify at once" is never carried over: chosen each time or not at all


def test_a_fault_the_merchant_chose_stays_when_the_reason_changes(
    qtbot: QtBot, ledger: Ledger
) -> None:
    form = form_for(qtbot, ledger)
    assert form.decision().fault is Fault.CUSTOMER
    form.fault.setFocus()
    qtbot.keyClick(form.fault, Qt.Key.Key_Down)  # the merchant picks the next fault
    chosen = form.decision().fault
    assert chosen is not Fault.CUSTOMER
    choose_reason(form, Reason.OUT_OF_STOCK)  # remembers "supplier" for itself
    assert form.decision().reason is Reason.OUT_OF_STOCK
    assert form.decision().fault is chosen


def test_locked_parts_say_why_and_the_rest_stays_editable(qtbot: QtBot, ledger: Ledger) -> None:
    form = form_for(qtbot, ledger)
    decided = Decision(
        Reason.WRONG_SIZE, Fault.CARRIER, ShopAction.REFUND, restock=False,
        shop_before_supplier=True,
    )  # fmt: skip
    asked = Text.pair("the supplier was already asked", "der Lieferant wurde bereits gefragt")
    form.set_decision(decided, {"reason": asked, "shop_action": None})
    assert form.decision() == decided  # shown as it is, no remembered default mixed in
    assert not form.reason.isEnabled() and not form.shop_action.isEnabled()
    assert form.reason.toolTip() == "Cannot change any more: the supplier was already asked"
    assert form.shop_action.toolTip() == ""  # locked without a why
    assert form.fault.isEnabled() and form.restock.isEnabled() and form.notify.isEnabled()

    form.set_decision(decided, ALL_LOCKED)
    assert not any(control.isEnabled() for control in form.controls.values())
    form.set_decision(decided)
    assert all(control.isEnabled() for control in form.controls.values())
    assert form.reason.toolTip() == ""


def test_the_bulk_form_never_offers_shopify_before_the_supplier(
    qtbot: QtBot, ledger: Ledger
) -> None:
    form = form_for(qtbot, ledger, before_supplier=False)
    assert not form.before_supplier.isVisibleTo(form)
    form.set_decision(Decision(Reason.OTHER, shop_before_supplier=True))
    assert form.decision().shop_before_supplier is False


def test_the_decision_is_edited_in_one_place() -> None:
    """Its words live in the form only: a second copy of it would have to repeat them."""
    words = ("Why is it cancelled?", "Whose fault was it?", "Refund the customer, keep the order")
    copies = [
        str(path.relative_to(GUI))
        for path in sorted(GUI.rglob("*.py"))
        if path.name != "decision_form.py" and any(word in path.read_text() for word in words)
    ]
    assert copies == []
