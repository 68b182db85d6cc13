"""Text from outside (order, customer, supplier and product names, notes) made safe to show.

A name comes from a Shopify export, a sync or a supplier: anyone who can place an order
chooses it. Two kinds of characters in it make the merchant read something else than what
is there:

- control characters (C0, DEL and C1): ESC starts a terminal escape sequence (`ESC [2J`
  clears the screen, others retitle the window or fake earlier output), CR overwrites the
  line, NUL and the rest confuse PDF and table renderers;
- bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) and the Unicode line
  and paragraph separators: a right-to-left override turns `#7101` into what reads `#1017`.

`display_text` removes them (a tab or a line break becomes a space, so words stay apart).
Nothing legible is lost: letters of every script, umlauts, emoji and right-to-left words (which
Unicode's own algorithm orders without any control) stay. It is the one chokepoint for names on
their way to the merchant: the CLI printers, the CSV and PDF exports and the window's tables,
details and wizard use it.
"""

from __future__ import annotations

_SPACE_LIKE = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_CONTROLS = [chr(code) for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]
_BIDI = [
    "\u061c",  # Arabic letter mark
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    *(chr(code) for code in range(0x202A, 0x202F)),  # embeddings and overrides
    *(chr(code) for code in range(0x2066, 0x206A)),  # isolates
]

_TABLE: dict[int, str | None] = {
    ord(char): (" " if char in _SPACE_LIKE else None)
    for char in (*_CONTROLS, *_BIDI, "\u2028", "\u2029")
}
UNSAFE = frozenset(chr(code) for code in _TABLE)
"""Every character display_text removes or turns into a space."""


def display_text(text: str) -> str:
    """`text` without control and bidi characters (tabs and line breaks become spaces)."""
    if text.isprintable():  # the common case: printable text holds none of them
        return text
    return text.translate(_TABLE)

