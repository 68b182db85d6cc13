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


# --- The money model (docs/DESIGN.md, "Money model") -------------------------------------------


def net_cost(
    *,
    paid: int,
    refunded: int,
    supplier_cost: int,
    recovered: int,
    reversed_sale: bool,
    fees: int = 0,
) -> int:
    """What the refunds of one order cost the merchant's profit, all in one currency.

    A refund that undoes the sale (the order was cancelled, or the customer got everything
    back) only returns the customer's own money: the loss is the supplier cost not recovered
    plus the fees, less whatever of the payment the merchant kept. A partial refund while the
    goods stay with the customer is lost in full, less what the supplier paid back.
    """
    if reversed_sale:
        return (supplier_cost - recovered) + fees - (paid - refunded)
    return refunded - recovered


def profit(*, paid: int, refunded: int, supplier_cost: int, recovered: int, fees: int = 0) -> int:
    """An order's profit once its refunds are settled (what the review shows per order)."""
    return (paid - refunded) - (supplier_cost - recovered) - fees


def converted(minor: int, currency: str, rate: Decimal) -> Decimal:
    """`minor` units of `currency` at `rate`, in major units of the target, not yet rounded
    (sums are rounded once, at the end)."""
    return to_decimal(minor, currency) * rate
