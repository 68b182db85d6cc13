"""AliExpress (and DSers, which places AliExpress orders) as a supplier platform.

The ledger's status vocabulary is AliExpress' own documented words, so classifying is keeping
them and naming the ones AliExpress added since. The client is `core.aliexpress.DropshipApi`.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.status_words import LOGISTICS_STATUSES, ORDER_STATUS
from core.supplier_platforms.port import Status

ORDER_URL = "https://www.aliexpress.com/p/order/detail.html?orderId={order_id}"


@dataclass(frozen=True)
class AliExpress:
    id: str = "aliexpress"
    name: str = "AliExpress"

    def classify(
        self, order_status: str, logistics_status: str = "", end_reason: str = ""
    ) -> Status:
        unknown = tuple(
            raw
            for raw, known in (
                (order_status, order_status in ORDER_STATUS),
                (logistics_status, logistics_status in LOGISTICS_STATUSES),
            )
            if raw and not known
        )
        return Status(order_status, logistics_status, end_reason, unknown)

    def order_url(self, external_order_id: str) -> str:
        return ORDER_URL.format(order_id=external_order_id.strip())


PLATFORM = AliExpress()
