"""Hostile AliExpress answers: the response parsers return values or raise AliExpressError.

Fuzzed: whole answers built from the platform's own keys, the contract samples with a few
values replaced, and raw HTTP bodies through the client's reader. Whatever comes back must be
usable: statuses are text, instants aware UTC, amounts finite and convertible to minor units.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.aliexpress import AliExpressError
from core.aliexpress.client import GatewayClient
from core.aliexpress.orders import AEOrder, Money, Tracking, parse_order, parse_tracking
from tests.conftest import CONTRACTS
from tests.reliability.fuzzing import DEEP, QUICK, fuzz
from tests.reliability.json_strategies import keys_of, mutations, values

SAMPLES = CONTRACTS / "aliexpress"
ORDER_SAMPLE = json.loads(
    (SAMPLES / "aliexpress_trade_ds_order_get_sample_response.json").read_text()
)
TRACKING_SAMPLE = json.loads(
    (SAMPLES / "aliexpress_ds_order_tracking_get_sample_response.json").read_text()
)
KEYS = sorted(
    {
        *keys_of(ORDER_SAMPLE),
        *keys_of(TRACKING_SAMPLE),
        "error_response",
        "code",
        "sub_code",
        "cent",
        "cent_factor",
        "order_paidtime_string",
        "end_reason",
        "eta_time_stamp",
    }
)


def usable_instant(moment: datetime | None) -> None:
    assert moment is None or moment.utcoffset() == UTC.utcoffset(None)


def usable_money(money: Money | None) -> None:
    if money is not None:
        assert isinstance(money.amount, Decimal) and money.amount.is_finite()
        assert isinstance(money.minor_units, int)


def usable_order(order: AEOrder) -> None:
    assert isinstance(order.order_status, str) and isinstance(order.logistics_status, str)
    usable_instant(order.created_at)
    usable_instant(order.paid_at)
    usable_money(order.amount)
    for child in order.children:
        assert isinstance(child.quantity, int)
        for money in (child.price, child.paid, child.shipping_fee):
            usable_money(money)
    # the derived answers the GUI and the cancel workflow ask for
    assert isinstance(order.shipped, bool) and isinstance(order.cancelled, bool)
    assert isinstance(order.tracking_number, str) and isinstance(order.carrier, str)
    order.end  # noqa: B018
    order.status  # noqa: B018


def usable_tracking(tracking: Tracking | None) -> None:
    if tracking is None:
        return
    usable_instant(tracking.first_event_at)
    for package in tracking.packages:
        usable_instant(package.eta)
        assert all(isinstance(item.quantity, int) for item in package.items)
    assert isinstance(tracking.tracking_number, str)


def parse_both(body: Any) -> None:
    if not isinstance(body, dict):
        return
    try:
        usable_order(parse_order(body, "8100000000000001"))
    except AliExpressError as error:
        assert str(error)
    try:
        usable_tracking(parse_tracking(body))
    except AliExpressError as error:
        assert str(error)


@fuzz(QUICK)
@given(mutations(ORDER_SAMPLE, KEYS))
def test_mutated_order_answers(body: Any) -> None:
    parse_both(body)


@fuzz(QUICK)
@given(mutations(TRACKING_SAMPLE, KEYS))
def test_mutated_tracking_answers(body: Any) -> None:
    parse_both(body)


@fuzz(QUICK)
@given(st.dictionaries(st.sampled_from(KEYS), values(KEYS), max_size=6))
def test_answers_made_of_the_platforms_keys(body: dict[str, Any]) -> None:
    parse_both(body)


@pytest.mark.slow
@fuzz(DEEP)
@given(
    st.one_of(
        mutations(ORDER_SAMPLE, KEYS),
        mutations(TRACKING_SAMPLE, KEYS),
        st.dictionaries(st.sampled_from(KEYS), values(KEYS), max_size=6),
    )
)
def test_deep(body: Any) -> None:
    parse_both(body)


@fuzz(QUICK)
@given(
    status=st.sampled_from([200, 200, 200, 201, 301, 400, 404, 429, 500, 502]),
    content=st.one_of(
        st.binary(max_size=64),
        st.text(max_size=64).map(str.encode),
        values(KEYS).map(lambda value: json.dumps(value, default=str).encode()),
        st.sampled_from(
            [
                b"",
                b"{",
                b'{"a":',
                b"[]",
                b"null",
                b"1e999999",
                b"9" * 5000,
                b"<html>502 Bad Gateway</html>",
                b'{"error_response": 3}',
            ]
        ),
    ),
)
def test_raw_http_bodies(status: int, content: bytes) -> None:
    """The client's reader: a dict to look into, or an AliExpressError that says why not."""
    response = httpx.Response(status, content=content)
    try:
        body = GatewayClient._parse(response)
    except AliExpressError as error:
        assert str(error)
        return
    assert isinstance(body, dict)
    parse_both(body)
