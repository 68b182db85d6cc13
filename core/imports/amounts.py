"""Amounts as an export writes them, or as a spreadsheet rewrote them, to integer minor units.

Shopify writes `1234.50`. German Excel saves `1234,50` (and `1.234,50` when the cell was
formatted). The file's decimal mark comes from its separator (`;` files use `,`), but a value
whose reading is unambiguous is read the same way in any file: `12.50` is twelve and a half
even in a `;` file, because `.` followed by two digits cannot be a thousands separator.
Anything else (`12,3,4`, `1.2.3`, `12 €`) is refused rather than guessed.
"""

from __future__ import annotations

import re

from core.money import minor_digits
from core.texts import Text

_PLAIN = {mark: re.compile(rf"([+-]?)([0-9]+)(?:\{mark}([0-9]+))?") for mark in ".,"}
_SHAPE = re.compile(r"([+-]?)([0-9.,]+)")
_GROUPED = {mark: re.compile(rf"[0-9]{{1,3}}(?:\{mark}[0-9]{{3}})+") for mark in ".,"}
_CURRENCY = re.compile(r"[A-Z]{3}")


MAX_WHOLE_DIGITS = 13  # under ten trillion units: no order costs more


class AmountError(ValueError):
    """Not an amount; the message quotes the text (and `text` in German too)."""

    def __init__(self, message: Text | str, german: str = "") -> None:
        self.text = message if isinstance(message, Text) else Text.pair(message, german)
        super().__init__(self.text.english())


def is_currency_code(text: str) -> bool:
    return bool(_CURRENCY.fullmatch(text))


def parse_amount(text: str, currency: str, *, decimal_mark: str = ".") -> int:
    """`text` in minor units of `currency`; AmountError when it is not an amount.

    More decimals than the currency has are refused unless they are zeros (`12.500` EUR is
    fine, `12.345` EUR is not): rounding money silently is not an import's call.
    """
    stripped = text.strip()
    plain = _PLAIN[decimal_mark].fullmatch(stripped)  # the usual case, read directly
    if plain is not None:
        sign, whole, fraction = plain.groups()
        return _minor(text, sign, whole, fraction or "", currency)
    shape = _SHAPE.fullmatch(stripped)
    if shape is None:
        raise AmountError(Text("core.imports.amounts", 'not an amount: "{text}"', text=text))
    sign, body = shape.groups()
    whole, fraction = _split(body, decimal_mark)
    if whole is None:
        raise AmountError(Text("core.imports.amounts", 'not an amount: "{text}"', text=text))
    return _minor(text, sign, whole, fraction, currency)


def _minor(text: str, sign: str, whole: str, fraction: str, currency: str) -> int:
    digits = minor_digits(currency)
    significant = fraction.rstrip("0")
    if len(significant) > digits:
        raise AmountError(
            Text(
                "core.imports.amounts",
                '"{text}" has more decimals than {currency} has',
                text=text,
                currency=currency,
            ),
        )
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:  # the ledger stores 64-bit minor units
        raise AmountError(
            Text(
                "core.imports.amounts",
                '"{text}" is too large to be an amount',
                text=text,
            )
        )
    minor = int(whole or "0") * int(10**digits) + int(significant.ljust(digits, "0") or "0")
    return -minor if sign == "-" else minor


def format_amount(minor: int, currency: str, *, decimal_mark: str = ".") -> str:
    """The way an export writes `minor` (no grouping): 123450 EUR -> "1234.50"."""
    digits = minor_digits(currency)
    whole, fraction = divmod(abs(minor), 10**digits)
    sign = "-" if minor < 0 else ""
    return f"{sign}{whole}{decimal_mark}{fraction:0{digits}d}" if digits else f"{sign}{whole}"


def _split(body: str, decimal_mark: str) -> tuple[str | None, str]:
    """(whole digits without grouping, fraction digits), or (None, "") when not a number."""
    marks = [mark for mark in ".," if mark in body]
    if not marks:
        return body, ""
    if len(marks) == 2:  # both: the last one is the decimal mark, the other groups thousands
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        whole, _, fraction = body.rpartition(decimal)
        if fraction.isdigit() and _is_grouped(whole, "," if decimal == "." else "."):
            return _ungroup(whole), fraction
        return None, ""
    mark = marks[0]
    if body.count(mark) > 1:  # only thousands separators can repeat
        return (_ungroup(body), "") if _is_grouped(body, mark) else (None, "")
    whole, _, fraction = body.partition(mark)
    if not fraction.isdigit() or (whole and not whole.isdigit()):
        return None, ""
    if mark != decimal_mark and len(fraction) == 3 and whole and len(whole) <= 3:
        return whole + fraction, ""  # "1.500" in a ";" file: one thousand five hundred
    return whole, fraction


def _is_grouped(text: str, mark: str) -> bool:
    return text.isdigit() or bool(_GROUPED[mark].fullmatch(text))


def _ungroup(text: str) -> str:
    return text.replace(".", "").replace(",", "")
