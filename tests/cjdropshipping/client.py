"""The CJdropshipping client of the test plug-in: what `port.OrderSource` asks, over httpx."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from core.supplier_platforms.port import SupplierError


class CJError(SupplierError):
    """CJ refused or could not be read."""


class CJTokenError(CJError):
    fatal = True  # every further call fails the same way


@dataclass(frozen=True)
class CJOrderState:
    """One order in CJ's words (`port.RemoteOrder`); CJ has no separate parcel state."""

    order_id: str
    order_status: str
    tracking_number: str
    carrier: str
    logistics_status: str = ""
    end_reason: str = ""


@dataclass(frozen=True)
class CJTracking:
    tracking_number: str
    carrier: str
    first_event_at: datetime | None


class CJClient:
    def __init__(self, base_url: str, token: str) -> None:
        self._http = httpx.Client(
            base_url=base_url, headers={"CJ-Access-Token": token}, timeout=5.0
        )

    def close(self) -> None:
        self._http.close()

    def _get(self, path: str, params: dict[str, str]) -> Any:
        try:
            response = self._http.get(path, params=params)
        except httpx.HTTPError as error:
            raise CJError(f"CJdropshipping could not be reached: {type(error).__name__}") from None
        body = response.json()
        if response.status_code == 401:
            raise CJTokenError("CJdropshipping refused the access token.")
        if not body.get("result"):
            raise CJError(f"CJdropshipping: {body.get('message', 'refused')}")
        return body["data"]

    def order(self, external_order_id: str) -> CJOrderState:
        data = self._get("/api2.0/v1/shopping/order/getOrderDetail", {"orderId": external_order_id})
        return CJOrderState(
            order_id=str(data["orderId"]),
            order_status=str(data.get("orderStatus") or ""),
            tracking_number=str(data.get("trackNumber") or ""),
            carrier=str(data.get("logisticName") or ""),
        )

    def tracking(self, external_order_id: str) -> CJTracking | None:
        number = self.order(external_order_id).tracking_number
        if not number:
            return None
        rows = self._get("/api2.0/v1/logistic/trackInfo", {"trackNumber": number})
        if not rows:
            return None
        first = rows[0].get("trackingFrom")
        return CJTracking(
            tracking_number=str(rows[0]["trackingNumber"]),
            carrier=str(rows[0].get("logisticName") or ""),
            first_event_at=datetime.fromtimestamp(first / 1000, UTC) if first else None,
        )
