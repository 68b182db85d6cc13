"""Refunds: suggestedRefund preview, then refundCreate whose idempotency key makes retries safe."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.shopify import (
    Money,
    RefundLineRequest,
    RefundRefusedError,
    RefundTransactionRequest,
    ShopifyQueryError,
    create_refund,
    create_refund_as_suggested,
    get_order,
    new_idempotency_key,
    suggest_refund,
)
from tests.core.shopify.conftest import MakeClient
from tests.fakes.shopify_server import FakeShopify

LINES = [("Lamp", "L-1", 2, Decimal("15.00")), ("Shade", "S-1", 1, Decimal("7.50"))]


def test_full_refund_suggestion(make_client: MakeClient, fake_shopify: FakeShopify) -> None:
    fake = fake_shopify.state.add_order(lines=LINES, fulfilled=True)
    suggestion = suggest_refund(make_client(), fake.gid, full=True)
    assert suggestion.amount == Money(Decimal("42.40"), "EUR")  # 30 + 7.50 + 4.90 shipping
    assert suggestion.shipping.amount == Decimal("4.90")
    assert [(line.quantity, line.price.amount) for line in suggestion.lines] == [
        (2, Decimal("15.00")),
        (1, Decimal("7.50")),
    ]
    (transaction,) = suggestion.transactions
    assert transaction.parent_id == fake.sale_gid and transaction.kind == "SUGGESTED_REFUND"


def test_repeated_key_creates_one_refund(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order(lines=LINES, fulfilled=True)
    client = make_client()
    line = RefundLineRequest(fake.lines[0].gid, 1, "RETURN")
    suggestion = suggest_refund(client, fake.gid, [line])
    assert suggestion.amount.amount == Decimal("15.00")
    key = new_idempotency_key()
    first = create_refund_as_suggested(client, suggestion, idempotency_key=key, note="Damaged")
    again = create_refund_as_suggested(client, suggestion, idempotency_key=key, note="Damaged")
    assert again.gid == first.gid
    assert first.total == Money(Decimal("15.00"), "EUR")
    assert len(fake_shopify.state.refunds) == 1
    assert len(fake_shopify.state.refund_requests) == 2
    assert fake.refunded == Decimal("15.00")
    order = get_order(client, fake.gid)
    assert order.refunded.minor == 1500 and order.financial_status == "PARTIALLY_REFUNDED"


def test_lost_answer_is_retried_with_the_same_key(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order(lines=LINES, fulfilled=True)
    client = make_client()
    suggestion = suggest_refund(client, fake.gid, full=True)
    fake_shopify.fail_next("drop_after")  # Shopify refunds, then the connection drops
    refund = create_refund_as_suggested(client, suggestion, idempotency_key="cancel-17-refund")
    sent = [e for e in fake_shopify.graphql_log() if e.operation == "RefundCreate"]
    assert [e.variables["key"] for e in sent] == ["cancel-17-refund"] * 2
    assert len(fake_shopify.state.refunds) == 1
    assert refund.total.amount == Decimal("42.40") and fake.refunded == Decimal("42.40")


def test_different_keys_are_different_refunds(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order(lines=LINES, fulfilled=True)
    client = make_client()
    money = Money(Decimal("20.00"), "EUR")
    payment = RefundTransactionRequest(money, "shopify_payments", fake.sale_gid)
    create_refund(client, fake.gid, idempotency_key="a", transactions=[payment])
    create_refund(client, fake.gid, idempotency_key="b", transactions=[payment])
    assert len(fake_shopify.state.refunds) == 2
    with pytest.raises(RefundRefusedError, match="greater than the refundable amount"):
        create_refund(client, fake.gid, idempotency_key="c", transactions=[payment])


def test_reused_key_with_other_parameters_is_an_error(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order(lines=LINES)
    client = make_client()
    one = RefundTransactionRequest(Money(Decimal("1.00"), "EUR"), "shopify_payments", fake.sale_gid)
    two = RefundTransactionRequest(Money(Decimal("2.00"), "EUR"), "shopify_payments", fake.sale_gid)
    create_refund(client, fake.gid, idempotency_key="k", transactions=[one])
    with pytest.raises(ShopifyQueryError) as info:
        create_refund(client, fake.gid, idempotency_key="k", transactions=[two])
    assert info.value.code == "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"


def test_fake_requires_the_idempotent_directive(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    fake = fake_shopify.state.add_order()
    document = """mutation RefundCreate($input: RefundInput!) {
      refundCreate(input: $input) { refund { id } userErrors { field message } }
    }"""
    with pytest.raises(ShopifyQueryError) as info:
        make_client().execute(document, {"input": {"orderId": fake.gid}}, operation="RefundCreate")
    assert info.value.code == "IDEMPOTENCY_KEY_REQUIRED"
    assert fake_shopify.state.refunds == []


def test_blank_key_is_refused_before_sending(make_client: MakeClient) -> None:
    client = make_client()
    with pytest.raises(ValueError, match="idempotency key"):
        create_refund(client, 1001, idempotency_key="  ")
    assert client.stats.requests == 0
