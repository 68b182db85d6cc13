"""Cancelling on Shopify: orderCancel, job polling, re-reading cancelledAt; refusals."""

from __future__ import annotations

import pytest

from core.ledger.types import Reason
from core.shopify import (
    OrderCancelRefusedError,
    OrderNotFoundError,
    ShopifyJobError,
    cancel_order,
    cancel_order_and_wait,
    get_order,
    wait_for_job,
)
from tests.core.shopify.conftest import MakeClient, Sleeper
from tests.fakes.shopify_server import FakeShopify


def test_cancel_polls_the_job_until_done_then_reads_the_order(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order(lines=2)
    sleeper = Sleeper(real=True)
    client = make_client(sleep=sleeper)
    order = cancel_order_and_wait(
        client,
        fake.gid,
        reason=Reason.CHANGED_MIND.shopify_cancel_reason,
        restock=True,
        notify_customer=True,
        staff_note="Supplier cancelled on AliExpress",
        poll_interval=0.05,
    )
    assert order.cancelled_at is not None and order.cancel_reason == "CUSTOMER"
    assert order.financial_status == "REFUNDED" and order.refunded == order.total
    job = next(iter(fake_shopify.state.jobs.values()))
    assert job.polls == 2  # the first poll said "not done"
    assert sleeper.waits == [0.05]
    sent = fake_shopify.state.cancel_requests
    assert sent == [
        {
            "orderId": fake.gid,
            "reason": "CUSTOMER",
            "restock": True,
            "notifyCustomer": True,
            "refundMethod": {"originalPaymentMethodsRefund": True},
            "staffNote": "Supplier cancelled on AliExpress",
        }
    ]
    operations = [e.operation for e in fake_shopify.graphql_log()]
    assert operations == ["OrderCancel", "Job", "Job", "OrderById"]


def test_order_is_not_cancelled_until_the_job_is_done(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order()
    client = make_client()
    job = cancel_order(client, fake.gid, reason="OTHER", restock=False)
    assert not job.done and job.job_id.startswith("gid://shopify/Job/")
    assert get_order(client, fake.gid).cancelled_at is None
    wait_for_job(client, job.job_id, poll_interval=0.01)
    assert get_order(client, fake.gid).cancelled_at is not None


def test_fulfilled_order_cannot_be_cancelled(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order(fulfilled=True)
    with pytest.raises(OrderCancelRefusedError, match="refund it instead") as info:
        cancel_order_and_wait(make_client(), fake.gid, reason="CUSTOMER", restock=True)
    assert "fulfilled" in str(info.value)
    assert info.value.details[0].code == "INVALID"
    assert fake_shopify.state.jobs == {}
    assert fake.cancelled_at is None


def test_cancelling_twice_is_refused(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    fake = fake_shopify.state.add_order()
    client = make_client()
    cancel_order_and_wait(client, fake.gid, reason="OTHER", restock=False, poll_interval=0.01)
    with pytest.raises(OrderCancelRefusedError, match="already been canceled"):
        cancel_order(client, fake.gid, reason="OTHER", restock=False)


def test_cancelling_an_unknown_order(make_client: MakeClient) -> None:
    with pytest.raises(OrderNotFoundError, match="4242"):
        cancel_order(make_client(), 4242, reason="OTHER", restock=False)


def test_job_that_never_finishes_times_out(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake_shopify.state.job_polls_needed = 10_000
    fake = fake_shopify.state.add_order()
    client = make_client(sleep=Sleeper(real=True))
    job = cancel_order(client, fake.gid, reason="OTHER", restock=False)
    with pytest.raises(ShopifyJobError, match="not finished"):
        wait_for_job(client, job.job_id, timeout=0.3, poll_interval=0.05)


def test_bad_arguments_are_refused_before_sending(make_client: MakeClient) -> None:
    client = make_client()
    with pytest.raises(ValueError, match="cancel reasons"):
        cancel_order(client, 1001, reason="changed_mind", restock=False)
    with pytest.raises(ValueError, match="255"):
        cancel_order(client, 1001, reason="OTHER", restock=False, staff_note="x" * 256)
    assert client.stats.requests == 0
