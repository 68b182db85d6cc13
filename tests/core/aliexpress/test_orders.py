"""Parsing order and tracking answers: the contract samples and the shapes around them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from core.aliexpress.errors import GatewayError, OrderNotFoundError, PermissionDeniedError
from core.aliexpress.orders import (
    EndKind,
    Money,
    OrderStatus,
    end_kind,
    parse_order,
    parse_tracking,
)
from tests.conftest import CONTRACTS

SAMPLES = CONTRACTS / "aliexpress"


def sample(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SAMPLES / name).read_text(), parse_float=Decimal)
    return loaded


def test_order_sample() -> None:
    order = parse_order(sample("aliexpress_trade_ds_order_get_sample_response.json"), "81")
    assert order.order_status == "FINISH"
    assert order.status is OrderStatus.FINISH
    assert order.logistics_status == "BUYER_ACCEPT_GOODS"
    assert order.amount == Money(Decimal("8.34"), "USD")
    assert order.amount is not None and order.amount.minor_units == 834
    assert order.store is not None
    assert (order.store.store_id, order.store.name) == ("1103800006", "Kedi Bottles Store")
    assert order.tracking_number == "LP00675700340000"
    assert order.carrier == "CAINIAO_FULFILLMENT_STD"
    [child] = order.children
    assert child.quantity == 1 and child.sku_id == "1200003702000037"
    assert child.paid == Money(Decimal("8.12"), "USD")
    assert child.shipping_fee is not None and child.shipping_fee.minor_units == 93
    # AliExpress' wall-clock times are US Pacific: 21:00:03 PDT is 04:00:03 UTC the next day.
    assert order.created_at == datetime(2024, 9, 10, 4, 0, 3, tzinfo=UTC)
    # Finished without an end reason in the sample but delivered by logistics: shipped.
    assert order.shipped and not order.cancelled


def _result() -> dict[str, Any]:
    body = sample("aliexpress_trade_ds_order_get_sample_response.json")
    result: dict[str, Any] = body["aliexpress_trade_ds_order_get_response"]["result"]
    return result


def test_unwrapped_and_bare_lists_and_the_bare_result_parse_the_same() -> None:
    wrapped = parse_order(_result(), "81")
    unwrapped = _result()
    unwrapped["logistics_info_list"] = unwrapped["logistics_info_list"]["aeop_order_logistics_info"]
    unwrapped["child_order_list"] = unwrapped["child_order_list"]["aeop_child_order_info"]
    bare = _result()
    bare["logistics_info_list"] = {
        "logistics_no": "LP00675700340000",
        "logistics_service": "CAINIAO_FULFILLMENT_STD",
    }
    bare["child_order_list"] = bare["child_order_list"]["aeop_child_order_info"][0]
    assert parse_order(unwrapped, "81") == wrapped
    assert parse_order(bare, "81") == wrapped
    assert parse_order({"result": _result()}, "81") == wrapped


def test_missing_fields_and_unknown_statuses_are_kept_raw() -> None:
    order = parse_order(
        {"result": {"order_status": "WAIT_SOMETHING_NEW", "logistics_status": "TELEPORTED"}}, "7"
    )
    assert order.order_status == "WAIT_SOMETHING_NEW"
    assert order.status is None
    assert order.logistics_status == "TELEPORTED"
    assert order.amount is None and order.store is None and order.created_at is None
    assert order.children == () and order.logistics == ()
    assert not order.shipped and not order.cancelled


def test_odd_values_do_not_crash() -> None:
    order = parse_order(
        {
            "result": {
                "order_status": "WAIT_SELLER_SEND_GOODS",
                "gmt_create": "not a date",
                "user_order_amount": {"amount": "n/a", "currency_code": "USD"},
                "child_order_list": {"aeop_child_order_info": ["junk", {"product_count": "x"}]},
                "logistics_info_list": None,
                "store_info": "junk",
                "order_paidtime_string": "2026-02-12 15:30:12",
            }
        },
        "7",
    )
    assert order.created_at is None and order.amount is None and order.store is None
    assert [child.quantity for child in order.children] == [1]
    assert order.paid_at == datetime(2026, 2, 12, 23, 30, 12, tzinfo=UTC)  # PST = UTC-8


def test_an_empty_result_means_no_such_order() -> None:
    with pytest.raises(OrderNotFoundError, match="no order 42"):
        parse_order({"aliexpress_trade_ds_order_get_response": {"result": None}}, "42")


def test_order_error_sample_is_a_permission_error() -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        parse_order(sample("aliexpress_trade_ds_order_get_error_response.json"), "42")
    assert caught.value.sub_code == "isv.insufficient-permission"
    assert caught.value.request_id == "210126da17406391015547789"
    assert "permission" in str(caught.value)


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("", EndKind.OPEN),
        ("buyer_accept_goods", EndKind.DELIVERED),
        ("buyer_accept_goods_timeout", EndKind.DELIVERED),
        ("cancel_order_close_trade", EndKind.CANCELLED),
        ("seller_send_goods_timeout", EndKind.CANCELLED),
        ("buyer_cancel_something_new", EndKind.CANCELLED),
        ("seller_accept_issue_no_goods_return", EndKind.REFUNDED),
        ("moon_phase_closed", EndKind.OTHER),
    ],
)
def test_end_reasons(reason: str, kind: EndKind) -> None:
    assert end_kind(reason) is kind


def test_a_cancellation_that_went_through() -> None:
    order = parse_order(
        {"result": {"order_status": "FINISH", "end_reason": "cancel_order_close_trade"}}, "1"
    )
    assert order.cancelled and not order.shipped and order.end is EndKind.CANCELLED


def test_tracking_sample() -> None:
    tracking = parse_tracking(sample("aliexpress_ds_order_tracking_get_sample_response.json"))
    assert tracking is not None
    assert tracking.tracking_number == "4209795192144903600008220012159992"
    assert tracking.carrier == "AliExpress standard shipping"
    [package] = tracking.packages
    assert package.eta == datetime(2025, 2, 23, 1, 23, tzinfo=UTC)
    [event] = package.events
    assert event.at == datetime(2025, 2, 19, 1, 23, tzinfo=UTC)
    assert event.description == "Your package arrived at local Facility."
    assert tracking.first_event_at == event.at
    [item] = package.items
    assert item.item_id == "1005008453688391" and item.sku == "Color:Silvery; Size:M"


@pytest.mark.parametrize("moment", [float("inf"), float("-inf"), float("nan"), 10**30, "soon"])
def test_tracking_times_that_are_no_instant_are_left_empty(moment: object) -> None:
    body = sample("aliexpress_ds_order_tracking_get_sample_response.json")
    [line] = body["aliexpress_ds_order_tracking_get_response"]["result"]["data"][
        "tracking_detail_line_list"
    ]["tracking_detail"]
    line["eta_time_stamps"] = moment
    line["detail_node_list"]["detail_node"][0]["time_stamp"] = moment
    tracking = parse_tracking(body)
    assert tracking is not None
    [package] = tracking.packages
    assert package.eta is None and package.events[0].at is None
    assert package.events[0].description == "Your package arrived at local Facility."


def test_tracking_1001_means_no_tracking_yet() -> None:
    assert parse_tracking(sample("aliexpress_ds_order_tracking_get_error_response.json")) is None


def test_other_tracking_failures_are_errors() -> None:
    body = {"result": {"ret": "false", "code": "5000", "msg": "SYSTEM BUSY"}}
    with pytest.raises(GatewayError, match="SYSTEM BUSY"):
        parse_tracking(body)


def test_money_minor_units_follow_the_currency() -> None:
    assert Money(Decimal("1234"), "JPY").minor_units == 1234
    assert Money(Decimal("1.005"), "KWD").minor_units == 1005
    assert Money(Decimal("0.125"), "EUR").minor_units == 12  # banker's rounding
