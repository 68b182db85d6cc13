"""How instants, money and AliExpress statuses read on screen, in the merchant's locale."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from core.clocks import as_zone, countdown
from core.money import split
from core.status_words import EndKind, end_kind, known_status, status_words
from gui.i18n import say


def status_text(status: str, end_reason: str = "") -> str:
    """A readable status in the window's language; a code Dropdesk does not know reads as a
    generic phrase (status_tooltip gives the code)."""
    return say(status_words(status, end_reason))


def status_tooltip(status: str, end_reason: str = "") -> str:
    """For a status Dropdesk has no words for: the code AliExpress sent, for support."""
    unknown_end = status.strip() == "FINISH" and end_kind(end_reason) is EndKind.OTHER
    if known_status(status) and not unknown_end:
        return ""
    codes = " / ".join(code for code in (status, end_reason) if code)
    return QCoreApplication.translate("status", "AliExpress says: {0}").format(codes)


def countdown_text(delta: timedelta) -> str:
    """Time left ("2 d 05 h", "3 h 12 min", "overdue 6 h") in the window's language, worded
    from core's numbers (core.clocks.countdown)."""
    left = countdown(delta)
    if left.days:
        span = QCoreApplication.translate("countdown", "{0} d {1} h").format(
            left.days, f"{left.hours:02d}"
        )
    elif left.hours and left.minutes is not None:
        span = QCoreApplication.translate("countdown", "{0} h {1} min").format(
            left.hours, f"{left.minutes:02d}"
        )
    elif left.hours:
        span = QCoreApplication.translate("countdown", "{0} h").format(left.hours)
    elif left.minutes:
        span = QCoreApplication.translate("countdown", "{0} min").format(left.minutes)
    else:
        span = QCoreApplication.translate("countdown", "< 1 min")
    return (
        QCoreApplication.translate("countdown", "overdue {0}").format(span)
        if left.overdue
        else span
    )


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
