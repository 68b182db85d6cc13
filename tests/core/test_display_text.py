"""display_text: names reach the merchant without control or bidi characters."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from core.display_text import UNSAFE, display_text

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_a_right_to_left_override_cannot_reverse_an_order_name() -> None:
    assert display_text("#\u202e1017") == "#1017"
    assert display_text("#7101\u202e") == "#7101"


def test_terminal_escape_sequences_lose_their_escape() -> None:
    assert display_text("Acme\x1b[2J\x1b]0;pwned\x07") == "Acme[2J]0;pwned"
    assert display_text("paid\rREFUNDED") == "paid REFUNDED"
    assert display_text("C1\x9b31m") == "C131m"


def test_legible_text_is_kept() -> None:
    for text in ("Müller & Söhne", "שלום עולם", "مرحبا", "東京", "Ø 22mm 🙂", "a\u00a0b"):
        assert display_text(text) == text


@given(st.text())
def test_nothing_unsafe_survives(text: str) -> None:
    shown = display_text(text)
    assert not set(shown) & UNSAFE
    assert not any(unicodedata.category(char) == "Cc" for char in shown)
    assert not set(shown) & set(BIDI)
    assert display_text(shown) == shown
