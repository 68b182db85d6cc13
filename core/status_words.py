"""An AliExpress order's status and end reason in the merchant's words, English and German.

AliExpress speaks in codes (WAIT_SELLER_SEND_GOODS, seller_send_goods_timeout); the merchant
never reads one. A code Dropdesk does not know reads as a generic phrase; the window puts the
code itself in a tooltip, for support.
"""

from __future__ import annotations

from core.texts import Text

ORDER_STATUS: dict[str, Text] = {
    "PLACE_ORDER_SUCCESS": Text("Awaiting payment", "Wartet auf Zahlung"),
    "PAYMENT_PROCESSING": Text("Payment processing", "Zahlung in Bearbeitung"),
    "WAIT_SELLER_EXAMINE_MONEY": Text("Payment check", "Zahlungsprüfung"),
    "RISK_CONTROL": Text("Payment check", "Zahlungsprüfung"),
    "RISK_CONTROL_HOLD": Text("Payment on hold", "Zahlung angehalten"),
    "WAIT_SELLER_SEND_GOODS": Text("Awaiting shipment", "Wartet auf Versand"),
    "SELLER_PART_SEND_GOODS": Text("Partly shipped", "Teilweise versandt"),
    "WAIT_BUYER_ACCEPT_GOODS": Text("Shipped", "Versandt"),
    "FUND_PROCESSING": Text("Shipped, payment settling", "Versandt, Zahlung wird abgewickelt"),
    "IN_ISSUE": Text("Dispute open", "Streitfall offen"),
    "IN_FROZEN": Text("On hold at AliExpress", "Bei AliExpress angehalten"),
    "FINISH": Text("Finished", "Abgeschlossen"),
    "IN_CANCEL": Text("Cancel requested", "Stornierung beantragt"),
    "WAIT_GROUP": Text("Awaiting group", "Wartet auf Gruppe"),
    "WAIT_COMPLETE_ADDRESS": Text("Address needed", "Adresse fehlt"),
}

#: How a finished order ended (AliExpress' `end_reason`, lower case).
END_REASON: dict[str, Text] = {
    "buyer_accept_goods": Text("Delivered", "Zugestellt"),
    "buyer_accept_goods_timeout": Text("Delivered", "Zugestellt"),
    "buyer_cancel_order": Text("Cancelled", "Storniert"),
    "cancel_order_close_trade": Text("Cancelled", "Storniert"),
    "buyer_cancel_order_in_risk": Text("Cancelled", "Storniert"),
    "buyer_cancel_notpay_order": Text("Cancelled before payment", "Vor der Zahlung storniert"),
    "buyer_pay_timeout": Text("Closed: not paid in time", "Geschlossen: nicht rechtzeitig bezahlt"),
    "pay_timeout": Text("Closed: not paid in time", "Geschlossen: nicht rechtzeitig bezahlt"),
    "risk_reject_closed": Text(
        "Closed by AliExpress' payment check", "Von der Zahlungsprüfung geschlossen"
    ),
    "seller_send_goods_timeout": Text(
        "Closed: not shipped in time", "Geschlossen: nicht rechtzeitig versandt"
    ),
    "seller_accept_issue_no_goods_return": Text(
        "Refunded after a dispute", "Nach Streitfall erstattet"
    ),
    "seller_response_issue_timeout": Text("Refunded after a dispute", "Nach Streitfall erstattet"),
}

UNKNOWN_STATUS = Text("Other AliExpress status", "Anderer AliExpress-Status")
NO_STATUS = Text("", "")


def status_words(status: str, end_reason: str = "") -> Text:
    """The status as the merchant reads it; a finished order says how it ended."""
    code = status.strip()
    if code == "FINISH":
        return END_REASON.get(end_reason.strip().lower(), ORDER_STATUS["FINISH"])
    if not code:
        return NO_STATUS
    return ORDER_STATUS.get(code, UNKNOWN_STATUS)


def known_status(status: str) -> bool:
    """Whether `status` has words of its own (empty counts: nothing to explain)."""
    return not status.strip() or status.strip() in ORDER_STATUS
