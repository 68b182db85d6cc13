"""The supplier refuses: tracking asked for (5 working days, China's calendar); a tracking
number sends the run the refund way, none by the deadline leads to a dispute and its clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from core import clocks
from core.cancel.errors import StepUnavailableError
from core.cancel.next_deadline import DeadlineKind
from core.cancel.states import Path, State
from core.cancel.view import Action
from core.ledger import Ledger
from core.ledger.models import Dispute, SupplierOrder
from tests.catalogue import in_english, in_german
from tests.core.cancel.conftest import Clock, MakeWorkflow
from tests.core.cancel.wiring import ORDER_TOTAL_MINOR, Seeded
from tests.fakes.aliexpress_gateway import FakeAliExpress
from tests.fakes.shopify_server import FakeShopify


def test_refused_then_tracking_then_refund(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    clock: Clock,
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "changed_mind", "customer")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    assert flow.mark_supplier_answer(run, False).state is State.SUPPLIER_REFUSED

    asked = clock.advance(hours=2)
    view = flow.request_tracking(run)
    assert view.state is State.TRACKING_REQUESTED
    due = clocks.tracking_due(asked, 5, "CN", "Asia/Shanghai")
    assert view.next_deadline == due and view.next_deadline_kind is DeadlineKind.TRACKING
    assert due == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)  # end of Mon 30 Nov in Shanghai
    message = flow.tracking_request(run).message
    assert message.recipient == "supplier" and message.language == "en"
    assert "by 30 November 2026" in message.text
    assert "bis zum 30. November 2026" in message.in_language("de").text
    assert Action.OPEN_DISPUTE not in view.actions

    clock.advance(days=2)
    first_scan = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
    view = flow.mark_tracking_received(
        run, "LP00123456789", carrier="Cainiao", first_scan_at=first_scan
    )
    assert view.state is State.SHOP_REFUND_TODO and view.path is Path.REFUND
    assert "cannot be cancelled at the supplier" in in_english(view.why)
    assert view.tracking_number == "LP00123456789"
    with ledger.session() as session:
        order = session.get(SupplierOrder, orders.supplier_order_id)
        assert order is not None and order.shipped_at == first_scan and order.carrier == "Cainiao"

    preview = flow.preview_shop_refund(run)
    # Nothing fulfilled on Shopify: every unit is refunded with restock CANCEL, plus shipping.
    assert [(line.title, line.quantity, line.restock_type) for line in preview.lines] == [
        ("Lamp", 2, "CANCEL"),
        ("Shade", 1, "CANCEL"),
    ]
    assert (preview.total_minor, preview.shipping_minor) == (ORDER_TOTAL_MINOR, 490)
    view = flow.refund_on_shop(run, preview, note="Shipped before the cancellation")
    assert view.state is State.DONE  # nothing is owed by the supplier: out of pocket
    assert len(fake_shop.state.refunds) == 1
    (to_customer,) = [m for m in view.money if m.direction == "to_customer"]
    assert to_customer.amount_minor == ORDER_TOTAL_MINOR
    assert to_customer.shopify_refund_gid == fake_shop.state.refunds[0].gid


def test_refused_without_tracking_goes_to_a_dispute(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_ae: FakeAliExpress,
    fake_shop: FakeShopify,
    clock: Clock,
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "changed_mind", "customer")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    flow.mark_supplier_answer(run, "refused")
    view = flow.request_tracking(run)
    due = view.next_deadline
    assert due is not None

    with pytest.raises(StepUnavailableError, match="has until 2026-11-30 16:00"):
        flow.open_dispute(run)
    clock.moment = due + timedelta(minutes=1)
    assert Action.OPEN_DISPUTE in flow.state(run).actions
    opened = clock()
    view = flow.open_dispute(run)
    assert view.state is State.DISPUTE_OPEN
    assert view.next_deadline == opened + timedelta(days=3)
    assert view.next_deadline_kind is DeadlineKind.DISPUTE_ESCALATION
    assert view.dispute is not None and view.dispute.opened_at == opened
    assert view.dispute.case_team_at == opened + timedelta(days=15)
    guide = flow.dispute_guide(run)
    assert "only after the day you filed the dispute" in in_english(guide.rule)
    assert "erst nach dem Tag" in in_german(guide.rule)
    assert guide.shipped_after_filing is None

    clock.advance(days=3, hours=1)
    view = flow.mark_dispute_escalated(run)
    assert view.next_deadline == opened + timedelta(days=15)
    assert view.next_deadline_kind is DeadlineKind.DISPUTE_CASE_TEAM

    # The supplier ships after all, two days after the dispute was filed: the status sync
    # records the first scan, and the guide says the money is owed back.
    scan = opened + timedelta(days=2)
    fake_ae.ship(orders.external_order_id, "LP99", first_scan_ms=int(scan.timestamp() * 1000))
    view = flow.refresh_supplier(run)
    assert view.state is State.DISPUTE_OPEN
    guide = flow.dispute_guide(run)
    assert guide.first_tracking_at == scan and guide.shipped_after_filing is True

    clock.advance(days=4)
    view = flow.close_dispute(run, outcome="refunded", refunded_minor=834)
    assert view.state is State.SHOP_CANCEL_TODO  # Shopify still unfulfilled: cancel there
    with ledger.session() as session:
        (dispute,) = session.exec(select(Dispute)).all()
        assert (dispute.state, dispute.outcome, dispute.amount_minor) == ("closed", "refunded", 834)
    view = flow.cancel_on_shop(run)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    assert len(fake_shop.state.cancel_requests) == 1
    view = flow.mark_supplier_refund_received(run)
    assert view.state is State.DONE


def test_dispute_filing_compared_with_the_first_scan_by_day() -> None:
    from core.cancel.refusal import shipped_after_filing

    filed = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai, 1 Dec
    same_day = datetime(2026, 12, 1, 15, 30, tzinfo=UTC)  # 23:30, still 1 Dec
    next_day = datetime(2026, 12, 1, 16, 30, tzinfo=UTC)  # 00:30, 2 Dec
    assert shipped_after_filing(filed, same_day, "Asia/Shanghai") is False
    assert shipped_after_filing(filed, next_day, "Asia/Shanghai") is True
    assert shipped_after_filing(filed, None, "Asia/Shanghai") is None
