"""Error envelopes become typed exceptions whose message tells the merchant what to do."""

from __future__ import annotations

import pytest

from core.aliexpress.errors import (
    AliExpressError,
    CredentialsError,
    GatewayError,
    GatewayUnavailableError,
    OrderNotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ReconnectRequiredError,
    SignatureError,
    TimestampError,
    TokenExpiredError,
    error_from_fields,
)


@pytest.mark.parametrize(
    ("fields", "kind", "says"),
    [
        ({"code": "IllegalAccessToken", "msg": "The specified access token is invalid or expired"},
         TokenExpiredError, "access token"),
        ({"code": "27", "msg": "Invalid session", "sub_code": "invalid-sessionkey"},
         TokenExpiredError, "access token"),
        ({"code": "IllegalRefreshToken"}, ReconnectRequiredError, "Connect AliExpress again"),
        ({"code": "IncompleteSignature"}, SignatureError, "app secret"),
        ({"code": "25", "msg": "Invalid signature"}, SignatureError, "app secret"),
        ({"code": "InvalidAppKey"}, CredentialsError, "app key"),
        ({"code": "InvalidTimestamp"}, TimestampError, "clock"),
        ({"code": "15", "type": "ISP", "sub_code": "isv.insufficient-permission",
          "sub_msg": "Insufficient permission.", "msg": "Remote service error"},
         PermissionDeniedError, "not allowed"),
        ({"code": "15", "sub_code": "isv.order-not-exist", "msg": "Remote service error"},
         OrderNotFoundError, "no such order"),
        ({"code": "ApiCallLimit"}, RateLimitedError, "slow down"),
        ({"code": "7", "msg": "App Call Limited"}, RateLimitedError, "slow down"),
        ({"code": "15", "sub_code": "isp.service-unavailable"}, GatewayUnavailableError,
         "temporary"),
        ({"code": "42", "msg": "Something new"}, GatewayError, "Something new"),
    ],
)  # fmt: skip
def test_envelopes_map_to_typed_errors(
    fields: dict[str, str], kind: type[AliExpressError], says: str
) -> None:
    error = error_from_fields({**fields, "request_id": "21abc"}, subject="order 81")
    assert type(error) is kind
    assert says in str(error)
    assert error.request_id == "21abc" and error.code == fields["code"]


def test_only_whole_account_problems_stop_a_batch() -> None:
    assert TokenExpiredError("x").fatal and SignatureError("x").fatal
    assert PermissionDeniedError("x").fatal and TimestampError("x").fatal
    assert not OrderNotFoundError("x").fatal and not GatewayError("x").fatal
    assert RateLimitedError("x").retryable and GatewayUnavailableError("x").retryable
    assert not SignatureError("x").retryable
