"""Changing the decision of a run under way: what has not happened yet can change (and the
autopilot then acts on the new decision); what something was already done on cannot, and the
refusal says which part and why, in English and German. Each change is journalled."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlmodel import select

from core.cancel.autopilot import Autopilot, Need
from core.cancel.decision import CHANGED, Decision, ShopAction, decision_of
from core.cancel.errors import CancelError
from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.models import Cancellation, Event
from core.ledger.types import Fault, Reason
from tests.catalogue import in_english, in_german
from tests.core.cancel.conftest import MakeWorkflow
from tests.core.cancel.wiring import Seeded
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify

DECISION = Decision(Reason.OUT_OF_STOCK, Fault.SUPPLIER, notify_customer=False)


def changes(ledger: Ledger, run: int) -> list[list[str]]:
    with ledger.session() as session:
        query = select(Event).where(Event.entity_id == run, Event.kind == CHANGED)
        return [json.loads(e.payload)["changed"] for e in session.exec(query)]


def test_what_has_not_happened_yet_changes_and_the_autopilot_follows_it(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
) -> None:
    flow = make_workflow()
    pilot = Autopilot(flow)
    run = pilot.start(orders.supplier_order_id, DECISION)
    assert pilot.advance(run).need is Need.ALIEXPRESS
    # Before anything went to the supplier: every part may change, the reason too.
    decided = replace(DECISION, reason=Reason.DAMAGED, fault=Fault.CARRIER)
    assert pilot.change_decision(run, decided) == ["reason", "fault"]
    pilot.aliexpress_requested(run)
    # Waiting for the supplier: Shopify's part has not happened, so it may still change.
    refund = replace(decided, shop_action=ShopAction.REFUND, restock=False)
    assert pilot.change_decision(run, refund) == ["shop_action", "restock"]
    assert pilot.change_decision(run, refund) == []  # the same again: nothing to journal
    with ledger.session() as session:
        assert decision_of(session, run) == refund
        row = session.get(Cancellation, run)
        assert row is not None and (row.reason, row.fault) == ("damaged", "carrier")
    assert changes(ledger, run) == [["reason", "fault"], ["shop_action", "restock"]]
    assert "You changed your decision" in [e.title for e in flow.state(run).timeline]

    fake_ae.close(orders.external_order_id, "cancel_order_close_trade")  # the supplier accepts
    (progress,) = pilot.watch()
    assert "autopilot:shop_refund" in progress.did  # the new decision: a refund, no cancel
    assert fake_shop.state.cancel_requests == []


def test_parts_already_acted_on_are_refused_in_words(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    fake_ae: FakeAliExpress,
) -> None:
    pilot = Autopilot(make_workflow(supplier=False))
    run = pilot.start(orders.supplier_order_id, DECISION)
    pilot.advance(run)
    pilot.aliexpress_requested(run)
    with pytest.raises(CancelError) as told:  # the supplier was asked with this reason
        pilot.change_decision(run, replace(DECISION, reason=Reason.CHANGED_MIND))
    assert "the reason: the supplier was already asked" in in_english(told.value.text)
    assert "der Grund: der Lieferant wurde" in in_german(told.value.text)

    progress = pilot.supplier_answered(run, True)  # the autopilot cancels on Shopify
    assert progress.state is State.AWAITING_SUPPLIER_REFUND
    assert len(fake_shop.state.cancel_requests) == 1
    for part in (
        {"shop_action": ShopAction.REFUND},
        {"restock": False},
        {"notify_customer": True},
    ):
        with pytest.raises(CancelError) as told:
            pilot.change_decision(run, replace(DECISION, **part))  # type: ignore[arg-type]
        assert "the Shopify step was already sent with it" in in_english(told.value.text)
        assert "Es wurde nichts geändert." in in_german(told.value.text)
    with ledger.session() as session:
        assert decision_of(session, run) == DECISION  # nothing changed
    assert changes(ledger, run) == []
    # The fault is still free until a refund is recorded with it... which the cancel did.
    with pytest.raises(CancelError, match="a refund was already recorded"):
        pilot.change_decision(run, replace(DECISION, fault=Fault.MERCHANT))

    pilot.money_arrived(run)
    with pytest.raises(CancelError, match="closed"):
        pilot.change_decision(run, DECISION)
