"""Lost answers, slow jobs and refusals from Shopify, handled in-process: the cancel is re-sent
only when it surely did not happen, the refund only with its stored key."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlmodel import select

from core.cancel.errors import IllegalTransitionError, ShopOutcomePendingError, ShopStepFailedError
from core.cancel.states import State
from core.cancel.workflow import CancelWorkflow
from core.ledger import Ledger
from core.ledger.models import Cancellation
from tests.core.cancel.conftest import Clock, MakeWorkflow
from tests.core.cancel.wiring import Seeded, SelfFinishingJobs
from tests.fakes.shopify_server import FakeShopify


def to_shop_step(flow: CancelWorkflow, orders: Seeded) -> int:
    run = flow.start(orders.supplier_order_id, "changed_mind", "customer")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    flow.mark_supplier_answer(run, "accepted")
    return run


def fail_when(point: str, fake: FakeShopify, *modes: tuple[str, int]) -> Callable[[str], None]:
    """An on_step hook that queues Shopify failures right before the call after `point`
    (the first time only)."""
    fired: list[str] = []

    def hook(reached: str) -> None:
        if reached == point and not fired:
            fired.append(reached)
            for mode, times in modes:
                fake.fail_next(mode, times=times)

    return hook


SENDING_CANCEL = "state:shop_cancel_sent"
SENDING_REFUND = "state:shop_refund_sent"


def key_of(ledger: Ledger, run: int) -> str | None:
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None
        return row.refund_idempotency_key


def test_slow_job_is_waited_for_not_resent(
    make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    fake_shop.state.job_polls_needed = 10_000
    flow = make_workflow(job_timeout=0.05)
    run = to_shop_step(flow, orders)
    with pytest.raises(ShopOutcomePendingError, match="has not finished cancelling"):
        flow.cancel_on_shop(run)
    view = flow.state(run)
    assert view.state is State.SHOP_CANCEL_SENT
    assert [a.value for a in view.actions] == ["resume", "confirm_manual_shop_step"]
    with pytest.raises(IllegalTransitionError, match="resume it first"):
        flow.abandon(run, "impatient")
    with pytest.raises(ShopOutcomePendingError):
        flow.resume(run)  # still running: nothing is sent again
    (job,) = fake_shop.state.jobs.values()
    job.polls_needed = 0
    assert flow.resume(run).state is State.AWAITING_SUPPLIER_REFUND
    assert len(fake_shop.state.cancel_requests) == 1


def test_cancel_lost_before_shopify_acted_is_sent_again_after_the_grace_time(
    make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify, clock: Clock
) -> None:
    # The answer to orderCancel is a 500: did Shopify cancel or not?
    hook = fail_when(SENDING_CANCEL, fake_shop, ("500", 1))
    flow = make_workflow(pending_grace=timedelta(seconds=90), settle_wait=0.05, on_step=hook)
    run = to_shop_step(flow, orders)
    with pytest.raises(ShopOutcomePendingError) as info:
        flow.cancel_on_shop(run)
    assert info.value.retry_after == clock() + timedelta(seconds=90)
    assert flow.state(run).state is State.SHOP_CANCEL_SENT
    assert fake_shop.state.cancel_requests == []  # (it did not)
    with pytest.raises(ShopOutcomePendingError):
        flow.resume(run)  # within the grace time nothing is re-sent
    clock.advance(seconds=91)
    view = flow.resume(run)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    assert len(fake_shop.state.cancel_requests) == 1
    kinds = [e.kind for e in view.timeline]
    assert "cancellation.shop_cancel_outcome_unknown" in kinds
    assert kinds.count("cancellation.shop_cancel_sent") == 2


def test_cancel_applied_but_answer_lost_is_not_sent_again(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    fake_shop.state = SelfFinishingJobs(fake_shop.domain, job_delay=0.1)
    fresh = fake_shop.state.add_order(lines=1)
    with ledger.session() as session:
        from core.ledger.models import CustomerOrder

        customer = session.get(CustomerOrder, orders.customer_order_id)
        assert customer is not None
        customer.shopify_gid, customer.legacy_id = fresh.gid, fresh.legacy_id
        session.add(customer)
    hook = fail_when(SENDING_CANCEL, fake_shop, ("drop_after", 1))  # cancelled, answer lost
    flow = make_workflow(sleep=time.sleep, job_poll=0.05, settle_wait=5.0, on_step=hook)
    run = to_shop_step(flow, orders)
    view = flow.cancel_on_shop(run)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    assert len(fake_shop.state.cancel_requests) == 1 and fresh.cancelled_at is not None


def test_job_finished_without_effect_goes_back_to_the_step(
    make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    fake_shop.state.job_polls_needed = 10_000
    flow = make_workflow(job_timeout=0.02)
    run = to_shop_step(flow, orders)
    with pytest.raises(ShopOutcomePendingError):
        flow.cancel_on_shop(run)
    (job,) = fake_shop.state.jobs.values()
    job.polls_needed, job.on_done = 0, lambda: None  # Shopify's job fails silently
    with pytest.raises(ShopStepFailedError, match="without cancelling"):
        flow.resume(run)
    assert flow.state(run).state is State.SHOP_CANCEL_TODO


def test_order_cancelled_in_the_admin_is_not_cancelled_again(
    make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    flow = make_workflow()
    run = to_shop_step(flow, orders)
    assert orders.shop_order is not None
    orders.shop_order.cancelled_at = orders.shop_order.created_at
    orders.shop_order.refunded = orders.shop_order.total
    view = flow.cancel_on_shop(run)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    assert fake_shop.state.cancel_requests == []
    assert any(e.details.get("how") == "already cancelled on Shopify" for e in view.timeline)


def refund_run(flow: CancelWorkflow, orders: Seeded) -> int:
    assert orders.shop_order is not None
    orders.shop_order.fulfill()
    return to_shop_step(flow, orders)


def test_refund_failing_everywhere_is_replayed_with_its_key(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    # Refunded, the answer lost, and Shopify down for every retry:
    hook = fail_when(SENDING_REFUND, fake_shop, ("drop_after", 1), ("500", 4))
    flow = make_workflow(on_step=hook)
    run = refund_run(flow, orders)
    preview = flow.preview_shop_refund(run)
    with pytest.raises(ShopOutcomePendingError, match="same key"):
        flow.refund_on_shop(run, preview)
    key = key_of(ledger, run)
    assert key and flow.state(run).state is State.SHOP_REFUND_SENT
    view = flow.resume(run)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    assert len(fake_shop.state.refunds) == 1
    assert {r["key"] for r in fake_shop.state.refund_requests} == {key}


def test_refund_after_the_key_may_be_forgotten_trusts_the_order(
    ledger: Ledger,
    make_workflow: MakeWorkflow,
    orders: Seeded,
    fake_shop: FakeShopify,
    clock: Clock,
) -> None:
    hook = fail_when(SENDING_REFUND, fake_shop, ("drop_after", 1), ("500", 4))
    flow = make_workflow(on_step=hook)
    run = refund_run(flow, orders)
    preview = flow.preview_shop_refund(run)
    with pytest.raises(ShopOutcomePendingError):
        flow.refund_on_shop(run, preview)
    with fake_shop.state.lock:
        fake_shop.state.idempotency.clear()  # two days later Shopify forgot the key
    clock.advance(days=2)
    view = flow.resume(run)
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    assert len(fake_shop.state.refunds) == 1
    (to_customer,) = [m for m in view.money if m.direction == "to_customer"]
    assert to_customer.amount_minor == preview.total_minor


def test_refused_refund_gets_a_new_key_next_time(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    flow = make_workflow()
    run = refund_run(flow, orders)
    preview = flow.preview_shop_refund(run)
    assert orders.shop_order is not None
    orders.shop_order.refunded = orders.shop_order.total  # refunded in the admin meanwhile
    with pytest.raises(ShopStepFailedError, match="greater than the refundable amount"):
        flow.refund_on_shop(run, preview)
    assert flow.state(run).state is State.SHOP_REFUND_TODO
    first_key = fake_shop.state.refund_requests[0]["key"]
    assert key_of(ledger, run) is None
    orders.shop_order.refunded = orders.shop_order.refunded * 0
    view = flow.refund_on_shop(run, flow.preview_shop_refund(run))
    assert view.state is State.AWAITING_SUPPLIER_REFUND
    assert fake_shop.state.refund_requests[-1]["key"] not in (first_key, None)
    assert len(fake_shop.state.refunds) == 1


def test_resume_all_finishes_what_was_in_flight(
    ledger: Ledger, make_workflow: MakeWorkflow, orders: Seeded, fake_shop: FakeShopify
) -> None:
    fake_shop.state.job_polls_needed = 10_000
    flow = make_workflow(job_timeout=0.02)
    run = to_shop_step(flow, orders)
    with pytest.raises(ShopOutcomePendingError):
        flow.cancel_on_shop(run)
    (job,) = fake_shop.state.jobs.values()
    job.polls_needed = 0
    restarted = make_workflow()
    outcomes = restarted.resume_all()
    assert [(o.cancellation_id, o.state, o.problem) for o in outcomes] == [
        (run, State.AWAITING_SUPPLIER_REFUND, "")
    ]
    with ledger.session() as session:
        assert session.exec(select(Cancellation.state)).one() == "awaiting_supplier_refund"
