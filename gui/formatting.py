"""How instants, money and AliExpress statuses read on screen, in the merchant's locale."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from core.clocks import as_zone, format_countdown
from core.money import split

_STATUS = {
    "PLACE_ORDER_SUCCESS": "Awaiting payment",
    "PAYMENT_PROCESSING": "Payment processing",
    "WAIT_SELLER_EXAMINE_MONEY": "Payment check",
    "RISK_CONTROL": "Payment check",
    "RISK_CONTROL_HOLD": "Payment on hold",
    "WAIT_SELLER_SEND_GOODS": "Awaiting shipment",
    "SELLER_PART_SEND_GOODS": "Partly shipped",
    "WAIT_BUYER_ACCEPT_GOODS": "Shipped",
    "FINISH": "Finished",
    "IN_CANCEL": "Cancel requested",
    "WAIT_GROUP": "Awaiting group",
    "WAIT_COMPLETE_ADDRESS": "Address needed",
}

_END_REASON = {  # lower case; the child orders' `CANCELED` too (core.aliexpress.orders)
    "buyer_cancel_order": "Cancelled",
    "cancel_order_close_trade": "Cancelled",
    "canceled": "Cancelled",
    "buyer_accept_goods": "Delivered",
    "buyer_accept_goods_timeout": "Delivered",
    "buyer_confirm_goods": "Delivered",
    "seller_send_goods_timeout": "Closed: not shipped in time",
}


def status_text(status: str, end_reason: str = "") -> str:
    """A readable status; unknown AliExpress strings are shown as they came."""
    reason = end_reason.strip().lower()
    if status == "FINISH" and reason in _END_REASON:
        return QCoreApplication.translate("status", _END_REASON[reason])
    label = _STATUS.get(status)
    return QCoreApplication.translate("status", label) if label else status


def countdown_text(delta: timedelta) -> str:
    """core's compact countdown ("overdue 2 d 05 h", "3 h 12 min") in the window's language."""
    words = {
        "overdue": QCoreApplication.translate("countdown", "overdue"),
        "d": QCoreApplication.translate("countdown", "d", "days"),
        "h": QCoreApplication.translate("countdown", "h", "hours"),
        "min": QCoreApplication.translate("countdown", "min", "minutes"),
    }
    return " ".join(words.get(word, word) for word in format_countdown(delta).split(" "))


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.utc())


def local_time(moment: datetime | None) -> str:
    """Date and time in the system zone, formatted for the system locale."""
    if moment is None:
        return ""
    return QLocale().toString(to_qdatetime(moment).toLocalTime(), QLocale.FormatType.ShortFormat)


def deadline_tooltip(deadline: datetime, supplier_zone: str, *, estimated: bool = False) -> str:
    """The exact deadline in the merchant's time and in the supplier's, and whether it is
    counted with a holiday calendar that is not official yet."""
    theirs = as_zone(deadline, supplier_zone)
    text = QCoreApplication.translate(
        "deadline", "Ship by {0} (your time)\n{1} {2} (supplier's time)"
    ).format(
        local_time(deadline),
        QLocale().toString(
            QDateTime(theirs.year, theirs.month, theirs.day, theirs.hour, theirs.minute, 0),
            QLocale.FormatType.ShortFormat,
        ),
        supplier_zone,
    )
    return f"{text}\n{estimated_note()}" if estimated else text


def estimated_note() -> str:
    """Why a deadline is marked estimated (tooltips, the details panel, the suppliers view)."""
    return QCoreApplication.translate(
        "deadline",
        "Estimated: the official holidays and make-up working days for that year are not "
        "known yet. Add them under Suppliers › Holidays and working days.",
    )


def money(minor: int, currency: str) -> str:
    """ "1.234,56 EUR" or "1,234.56 EUR": the locale's separators, no float on the way."""
    negative, whole, fraction = split(minor, currency)
    locale = QLocale()
    text = locale.toString(whole) + (locale.decimalPoint() + fraction if fraction else "")
    return f"{'-' if negative else ''}{text} {currency}"
