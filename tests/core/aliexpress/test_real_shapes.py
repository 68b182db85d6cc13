"""Shapes the real platform answers in and our first fakes did not (issue 18), end to end
through the real client over loopback: end reasons on child orders, the delivered reason
`buyer_confirm_goods`, errors flat at the top level, and two-day refresh tokens."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert
from sqlmodel import col, select

from core.aliexpress import (
    DropshipApi,
    EndKind,
    GatewayClient,
    RateLimiter,
    RefreshingTokens,
    RetryPolicy,
    StaticToken,
    TimestampError,
    TokenSet,
    refresh_warning,
    sync_order_statuses,
)
from core.aliexpress.oauth import exchange_code, refresh_tokens, refresh_warning_lead
from core.aliexpress.orders import end_kind, parse_order
from core.aliexpress.status_sync import EVENT_CANCELLED, EVENT_RUN
from core.cancel.orders import cancelled_at_supplier, shipped_at_supplier
from core.ledger import Ledger
from core.ledger.models import Event, SupplierOrder
from tests.catalogue import in_english, in_german
from tests.core.aliexpress.conftest import SleepLog
from tests.fakes.aliexpress_gateway import ORDER_GET, FakeAliExpress, FakeOrder

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
ORDER_ID = "8100000000000001"


def _ledger_order(ledger: Ledger, external_order_id: str, **values: Any) -> int:
    row = {
        "external_order_id": external_order_id,
        "paid_at": NOW - timedelta(days=3),
        "order_status": "IN_CANCEL",
        "logistics_status": "WAIT_SELLER_SEND_GOODS",
        "end_reason": "",
        **values,
    }
    with ledger.engine.begin() as connection:
        connection.execute(insert(SupplierOrder), [row])
    with ledger.session() as session:
        found = session.exec(
            select(SupplierOrder.id).where(SupplierOrder.external_order_id == external_order_id)
        ).one()
    assert found is not None
    return found


def _stored(ledger: Ledger, row_id: int) -> SupplierOrder:
    with ledger.session() as session:
        row = session.get(SupplierOrder, row_id)
        assert row is not None
        session.expunge(row)
        return row


def _events(ledger: Ledger, kind: str) -> list[Event]:
    with ledger.session() as session:
        return list(session.exec(select(Event).where(Event.kind == kind).order_by(col(Event.id))))


# -- end reasons on the child orders -----------------------------------------------------------


@pytest.mark.parametrize("shape", ["wrapped", "unwrapped", "bare"])
def test_a_supplier_cancel_told_on_the_child_orders_reaches_the_cancel_workflow(
    ledger: Ledger, fake: FakeAliExpress, api: DropshipApi, shape: str
) -> None:
    fake.add_order(FakeOrder(ORDER_ID, order_status="IN_CANCEL", shape=shape))
    row_id = _ledger_order(ledger, ORDER_ID)
    fake.close_children(ORDER_ID, "CANCELED", "CANCELED")

    order = api.order(ORDER_ID)
    assert order.end_reason == "CANCELED" and order.end is EndKind.CANCELLED and order.cancelled

    summary = sync_order_statuses(ledger, api, now=lambda: NOW)
    assert summary.cancelled == (row_id,) and summary.shipped == ()
    stored = _stored(ledger, row_id)
    assert (stored.order_status, stored.end_reason) == ("FINISH", "CANCELED")
    assert cancelled_at_supplier(stored) and not shipped_at_supplier(stored)
    (event,) = _events(ledger, EVENT_CANCELLED)
    assert json.loads(event.payload)["after_cancel_request"] is True


def test_a_finish_without_a_known_end_is_checked_again_until_the_reason_comes(
    ledger: Ledger, fake: FakeAliExpress, api: DropshipApi
) -> None:
    fake.add_order(FakeOrder(ORDER_ID, order_status="IN_CANCEL"))
    row_id = _ledger_order(ledger, ORDER_ID)
    fake.close_children(ORDER_ID, "CANCELED", "")  # one child has no reason yet

    first = sync_order_statuses(ledger, api, now=lambda: NOW)
    assert first.checked == 1 and first.cancelled == ()
    assert (_stored(ledger, row_id).order_status, _stored(ledger, row_id).end_reason) == (
        "FINISH",
        "",
    )

    fake.close_children(ORDER_ID, "CANCELED", "CANCELED")
    second = sync_order_statuses(ledger, api, now=lambda: NOW)
    assert second.total == 1, "a FINISH order without its end stays in the set"
    assert second.cancelled == (row_id,)
    assert len(_events(ledger, EVENT_CANCELLED)) == 1

    third = sync_order_statuses(ledger, api, now=lambda: NOW)
    assert third.total == 0, "once its end is known, the order is not asked for again"


def test_a_finish_the_buyer_confirmed_is_settled_without_a_reason(
    ledger: Ledger, fake: FakeAliExpress, api: DropshipApi
) -> None:
    """The official sample: FINISH, BUYER_ACCEPT_GOODS, no end reason anywhere."""
    fake.add_order(
        FakeOrder(ORDER_ID, order_status="FINISH", logistics_status="BUYER_ACCEPT_GOODS")
    )
    _ledger_order(ledger, ORDER_ID, order_status="WAIT_BUYER_ACCEPT_GOODS")
    assert sync_order_statuses(ledger, api, now=lambda: NOW).total == 1
    assert sync_order_statuses(ledger, api, now=lambda: NOW).total == 0


def test_mixed_child_ends_delivered_and_cancelled_count_as_delivered(
    ledger: Ledger, fake: FakeAliExpress, api: DropshipApi
) -> None:
    fake.add_order(FakeOrder(ORDER_ID, order_status="IN_CANCEL"))
    row_id = _ledger_order(ledger, ORDER_ID)
    fake.close_children(ORDER_ID, "buyer_confirm_goods", "CANCELED")

    summary = sync_order_statuses(ledger, api, now=lambda: NOW)
    assert summary.cancelled == () and summary.shipped == (row_id,)
    stored = _stored(ledger, row_id)
    assert stored.end_reason == "buyer_confirm_goods,CANCELED"
    assert end_kind(stored.end_reason) is EndKind.DELIVERED
    assert shipped_at_supplier(stored) and not cancelled_at_supplier(stored)


def test_buyer_confirm_goods_is_a_delivery(
    ledger: Ledger, fake: FakeAliExpress, api: DropshipApi
) -> None:
    fake.add_order(FakeOrder(ORDER_ID, order_status="WAIT_BUYER_ACCEPT_GOODS"))
    row_id = _ledger_order(ledger, ORDER_ID, order_status="WAIT_BUYER_ACCEPT_GOODS")
    fake.close(ORDER_ID, "buyer_confirm_goods")
    order = api.order(ORDER_ID)
    assert order.end is EndKind.DELIVERED and order.shipped
    sync_order_statuses(ledger, api, now=lambda: NOW)
    assert shipped_at_supplier(_stored(ledger, row_id))


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("buyer_accept_goods", EndKind.DELIVERED),
        ("buyer_accept_goods_timeout", EndKind.DELIVERED),
        ("buyer_confirm_goods", EndKind.DELIVERED),
        ("BUYER_CONFIRM_GOODS", EndKind.DELIVERED),
        ("CANCELED", EndKind.CANCELLED),
        ("seller_send_goods_timeout", EndKind.CANCELLED),
        ("buyer_pay_timeout", EndKind.CANCELLED),
        ("risk_reject_closed", EndKind.CANCELLED),
        ("seller_accept_issue_no_goods_return", EndKind.REFUNDED),
        ("seller_response_issue_timeout", EndKind.REFUNDED),
        ("CANCELED,seller_accept_issue_no_goods_return", EndKind.REFUNDED),
        ("CANCELED,CANCELED", EndKind.CANCELLED),
        ("CANCELED,something_new", EndKind.OTHER),
        ("CANCELED,", EndKind.OPEN),
        ("something_new", EndKind.OTHER),
        ("", EndKind.OPEN),
    ],
)
def test_documented_end_reasons_are_classed(reason: str, kind: EndKind) -> None:
    assert end_kind(reason) is kind


def test_the_order_level_reason_wins_over_the_child_orders() -> None:
    body = {
        "result": {
            "order_status": "FINISH",
            "end_reason": "cancel_order_close_trade",
            "child_order_list": {"aeop_child_order_info": [{"end_reason": "buyer_confirm_goods"}]},
        }
    }
    assert parse_order(body, ORDER_ID).end_reason == "cancel_order_close_trade"


# -- errors flat at the top level ---------------------------------------------------------------


def _client(fake: FakeAliExpress, **overrides: Any) -> GatewayClient:
    options: dict[str, Any] = {
        "gateway": fake.gateway,
        "retry": RetryPolicy(sleep=SleepLog()),
        "limiter": RateLimiter(10_000),
        "timeout": 5.0,
        **overrides,
    }
    return GatewayClient(fake.app_key, fake.app_secret, **options)


def test_a_flat_clock_error_tells_the_merchant_to_fix_the_clock_in_both_languages(
    ledger: Ledger, fake: FakeAliExpress, tokens: TokenSet
) -> None:
    fake.flat_errors = True
    fake.add_order(FakeOrder(ORDER_ID))
    _ledger_order(ledger, ORDER_ID, order_status="WAIT_SELLER_SEND_GOODS")
    three_hours_late = lambda: time.time() - 3 * 3600  # noqa: E731
    with _client(fake, clock=three_hours_late) as client:
        api = DropshipApi(client, StaticToken(tokens.access_token))
        with pytest.raises(TimestampError) as raised:
            api.order(ORDER_ID)
        assert raised.value.code == "IllegalTimestamp" and raised.value.request_id
        assert "clock" in in_english(raised.value.text)
        assert "Uhr" in in_german(raised.value.text)

        with pytest.raises(TimestampError):
            sync_order_statuses(ledger, api, now=lambda: NOW)
    assert fake.count(ORDER_GET, "IllegalTimestamp") == 2, "refused once per try, no retries"
    (run,) = _events(ledger, EVENT_RUN)
    payload = json.loads(run.payload)
    assert payload["checked"] == 0 and "TimestampError" in payload["stopped_by"]


def test_a_flat_error_about_one_order_is_a_failure_not_a_checked_order(
    ledger: Ledger, fake: FakeAliExpress, api: DropshipApi
) -> None:
    fake.flat_errors = True
    fake.add_order(FakeOrder(ORDER_ID))
    known = _ledger_order(ledger, ORDER_ID, order_status="WAIT_SELLER_SEND_GOODS")
    unknown = _ledger_order(ledger, "8100000000000002", order_status="WAIT_SELLER_SEND_GOODS")
    summary = sync_order_statuses(ledger, api, now=lambda: NOW)
    assert summary.total == 2 and summary.checked == 1
    assert [failure.supplier_order_id for failure in summary.failed] == [unknown]
    assert "no order 8100000000000002" in summary.failed[0].reason
    assert _stored(ledger, unknown).order_status == "WAIT_SELLER_SEND_GOODS"
    assert _stored(ledger, known).order_status == "WAIT_SELLER_SEND_GOODS"


def test_a_flat_token_error_refreshes_the_token_like_the_wrapped_one(
    fake: FakeAliExpress, client: GatewayClient, tokens: TokenSet
) -> None:
    fake.flat_errors = True
    fake.add_order(FakeOrder(ORDER_ID))
    refreshing = RefreshingTokens(client, tokens)
    fake.expire_access_tokens()
    order = DropshipApi(client, refreshing).order(ORDER_ID)
    assert order.order_status == "WAIT_SELLER_SEND_GOODS"
    assert refreshing.refreshes == 1


def test_a_flat_error_handed_to_the_parser_is_no_order() -> None:
    body = {
        "type": "ISV",
        "code": "IllegalTimestamp",
        "message": "The timestamp is out of range",
        "request_id": "21fake000000000001",
    }
    with pytest.raises(TimestampError):
        parse_order(body, ORDER_ID)


# -- refresh tokens that live two days -----------------------------------------------------------


def test_a_two_day_refresh_token_warns_in_its_last_quarter_only(
    fake: FakeAliExpress, client: GatewayClient
) -> None:
    fake.refresh_ttl, fake.access_ttl = timedelta(days=2), timedelta(hours=8)
    issued = datetime.now(UTC)
    tokens = exchange_code(client, fake.issue_code(), now=issued)
    assert tokens.refresh_issued_at is not None
    assert abs(tokens.refresh_issued_at - issued) < timedelta(seconds=5)
    lead = refresh_warning_lead(tokens.refresh_issued_at, tokens.refresh_expires_at)
    assert abs(lead - timedelta(hours=12)) < timedelta(seconds=5)
    assert not refresh_warning(tokens, issued + timedelta(minutes=1))
    assert not refresh_warning(tokens, issued + timedelta(hours=35))
    assert refresh_warning(tokens, issued + timedelta(hours=36, seconds=5))
    again = refresh_tokens(client, tokens, now=issued + timedelta(hours=1))
    assert again.refresh_issued_at is not None
    assert again.refresh_issued_at > tokens.refresh_issued_at - timedelta(seconds=5)


def test_a_sixty_day_refresh_token_still_warns_a_week_before(tokens: TokenSet) -> None:
    assert tokens.refresh_issued_at is not None
    week = timedelta(days=7)
    assert refresh_warning_lead(tokens.refresh_issued_at, tokens.refresh_expires_at) == week
    assert not refresh_warning(tokens, tokens.refresh_expires_at - week - timedelta(minutes=1))
    assert refresh_warning(tokens, tokens.refresh_expires_at - week + timedelta(minutes=1))
