from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from core.money import minor_digits, split, to_decimal, to_minor


def test_currency_exponents() -> None:
    assert minor_digits("EUR") == 2
    assert minor_digits("jpy") == 0
    assert minor_digits("KWD") == 3


def test_to_minor_rounds_half_even() -> None:
    assert to_minor(Decimal("12.345"), "EUR") == 1234
    assert to_minor(Decimal("12.355"), "EUR") == 1236
    assert to_minor(Decimal("1999"), "JPY") == 1999


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(["EUR", "JPY", "KWD"]))
def test_round_trip(minor: int, currency: str) -> None:
    assert to_minor(to_decimal(minor, currency), currency) == minor
    negative, whole, fraction = split(minor, currency)
    text = f"{'-' if negative else ''}{whole}{'.' + fraction if fraction else ''}"
    assert Decimal(text) == to_decimal(minor, currency)
