"""A second supplier platform as a plug-in, the way a real one would be added: its client
(`client.py`) and one `PLATFORM` object; `core.supplier_platforms.register(PLATFORM)` (or a
line in `_BUILT_IN`) makes the app use it for suppliers whose platform is "cjdropshipping".
"""

from __future__ import annotations

from dataclasses import dataclass

from core.supplier_platforms.port import Status

#: CJ's order statuses in the ledger's vocabulary: (order_status, logistics_status, end_reason).
_VOCABULARY = {
    "CREATED": ("PLACE_ORDER_SUCCESS", "", ""),
    "IN_CART": ("PLACE_ORDER_SUCCESS", "", ""),
    "UNPAID": ("PLACE_ORDER_SUCCESS", "", ""),
    "UNSHIPPED": ("WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_SEND_GOODS", ""),
    "SHIPPED": ("WAIT_BUYER_ACCEPT_GOODS", "SELLER_SEND_GOODS", ""),
    "DELIVERED": ("FINISH", "BUYER_ACCEPT_GOODS", "buyer_accept_goods"),
    "CANCELLED": ("FINISH", "NO_LOGISTICS", "cancelled"),
}


@dataclass(frozen=True)
class CJDropshipping:
    id: str = "cjdropshipping"
    name: str = "CJdropshipping"

    def classify(
        self, order_status: str, logistics_status: str = "", end_reason: str = ""
    ) -> Status:
        known = _VOCABULARY.get(order_status.strip().upper())
        if known is None:  # kept raw, and reported: the screens show a generic phrase
            return Status(order_status, logistics_status, end_reason, (order_status,))
        return Status(*known)

    def order_url(self, external_order_id: str) -> str:
        return f"https://cjdropshipping.com/myCJ.html#/order-detail?orderId={external_order_id}"


PLATFORM = CJDropshipping()
