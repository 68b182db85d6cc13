"""Money as integer minor units of an ISO 4217 currency; Decimal at the edges, never float."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

_ZERO_DECIMALS = frozenset(
    {
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "ISK",
        "JPY",
        "KMF",
        "KRW",
        "PYG",
        "RWF",
        "UGX",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    }
)
_THREE_DECIMALS = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})


def minor_digits(currency: str) -> int:
    code = currency.upper()
    if code in _ZERO_DECIMALS:
        return 0
    return 3 if code in _THREE_DECIMALS else 2


def to_minor(amount: Decimal, currency: str) -> int:
    """12.345 EUR -> 1234 (banker's rounding, as payment processors do)."""
    digits = minor_digits(currency)
    return int((amount * 10**digits).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def to_decimal(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-minor_digits(currency))


def split(minor: int, currency: str) -> tuple[bool, int, str]:
    """(negative, whole units, fraction digits) for formatting in any locale."""
    digits = minor_digits(currency)
    whole, fraction = divmod(abs(minor), 10**digits)
    return minor < 0, whole, f"{fraction:0{digits}d}" if digits else ""
