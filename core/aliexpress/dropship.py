"""The dropshipping calls Dropdesk makes, with the token refreshed once when it expired."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any

from core.aliexpress.client import GatewayClient
from core.aliexpress.errors import OrderNotFoundError, TokenExpiredError
from core.aliexpress.oauth import TokenProvider
from core.aliexpress.orders import (
    ORDER_GET,
    TRACKING_GET,
    AEOrder,
    Tracking,
    parse_order,
    parse_tracking,
)
from core.texts import Text


class DropshipApi:
    """Order status and tracking for the connected account."""

    def __init__(self, client: GatewayClient, tokens: TokenProvider) -> None:
        self.client = client
        self.tokens = tokens
        self._lock = threading.Lock()
        self.calls = 0  # API calls made (a retried call counts once)

    def __repr__(self) -> str:
        return f"DropshipApi({self.client!r})"

    def order(self, external_order_id: str) -> AEOrder:
        """Status, amounts, store and logistics of one order (`aliexpress.trade.ds.order.get`)."""
        order_id = _checked(external_order_id)
        query = json.dumps({"order_id": order_id}, separators=(",", ":"))
        try:
            body = self._call(ORDER_GET, {"single_order_query": query}, f"order {order_id}")
        except OrderNotFoundError as error:
            raise OrderNotFoundError(
                Text(
                    "core.aliexpress.dropship",
                    "AliExpress has no order {order_id} in the connected account.",
                    order_id=order_id,
                ),
                code=error.code,
                sub_code=error.sub_code,
                detail=error.detail,
                request_id=error.request_id,
            ) from None
        return parse_order(body, order_id)

    def tracking(self, external_order_id: str, *, language: str = "en_US") -> Tracking | None:
        """Parcels and scans of one order; None while AliExpress has no tracking yet."""
        order_id = _checked(external_order_id)
        body = self._call(
            TRACKING_GET, {"ae_order_id": order_id, "language": language}, f"order {order_id}"
        )
        return parse_tracking(body)

    def _call(self, method: str, params: Mapping[str, str], subject: str) -> dict[str, Any]:
        with self._lock:
            self.calls += 1
        token = self.tokens.access_token()
        try:
            return self.client.call(method, params, session=token, subject=subject)
        except TokenExpiredError:
            token = self.tokens.renew(token)
            return self.client.call(method, params, session=token, subject=subject)


def _checked(external_order_id: str) -> str:
    order_id = str(external_order_id).strip()
    if not (order_id.isascii() and order_id.isdigit()):
        raise OrderNotFoundError(
            Text(
                "core.aliexpress.dropship",
                "{order_id!r} is not an AliExpress order number.",
                order_id=order_id,
            )
        )
    return order_id
