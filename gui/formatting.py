"""How instants, dates, numbers, money and AliExpress statuses read on screen: the one path
for all of them, in the locale of the window's language (gui.i18n makes it QLocale's default
when the language is chosen or switched), so a German window never shows 2026-12-08 or 3.5.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTimeZone

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
    """Date and time in the system zone, formatted for the window's language."""
    if moment is None:
        return ""
    return QLocale().toString(to_qdatetime(moment).toLocalTime(), QLocale.FormatType.ShortFormat)


def day_format() -> str:
    """The window's short date format with a four-digit year ("dd.MM.yyyy", "M/d/yyyy"): for
    date fields and calendar days, where "26" could be a day as well as a year."""
    short = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def date_time_format() -> str:
    """The window's short date (four-digit year) and short time: for date-and-time fields."""
    return f"{day_format()} {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}"


def day_text(day: date | None, *, weekday: bool = False) -> str:
    """A calendar day (no zone: a holiday, an exchange rate's day) for the window's language:
    "08.12.2026" or "12/8/2026", the short weekday in front if asked ("Di., 08.12.2026")."""
    if day is None:
        return ""
    shown = QDate(day.year, day.month, day.day)
    text = QLocale().toString(shown, day_format())
    return f"{QLocale().toString(shown, 'ddd')}, {text}" if weekday else text


def month_text(key: str) -> str:
    """A month key of core's ("2026-11") as the window's language names it ("Nov. 2026")."""
    try:
        year, month = (int(part) for part in key.split("-"))
        return QLocale().toString(QDate(year, month, 1), "MMM yyyy")
    except ValueError:
        return key


def number_text(value: int | float | Decimal, decimals: int = 0) -> str:
    """A count or a measure with the window's separators ("1.234", "12,5")."""
    if isinstance(value, int) and not decimals:
        return QLocale().toString(value)
    return QLocale().toString(float(value), "f", decimals)


def percent_text(per_mille: int) -> str:
    """A share given in tenths of a percent, with the window's decimal mark: "3,4 %" in German,
    "3.4 %" in English (a no-break space keeps the sign with its number)."""
    return f"{number_text(per_mille / 10, 1)}\u00a0%"


def field_text(value: object) -> object:
    """A fact inside a core text as the window shows it: instants in the merchant's zone and
    dates, fractions in the window's formats; any other value (a name, a whole number a
    template may format itself) as it is."""
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, date):
        return day_text(value)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return number_text(value, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    if isinstance(value, float):
        return QLocale().toString(value, "g", 12)
    return value


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
