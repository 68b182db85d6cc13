"""Names an attacker can choose (an order placed in the shop, a supplier's store name) that
would make the merchant read something else: a right-to-left override, terminal escapes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.display_text import UNSAFE

ORDER_SUFFIX = "\u202e\x1b[2J"  # "#7101" + RLO reads "#1017"; ESC [2J clears a terminal
CUSTOMER = "Eve\u2067 \x1b]0;pwned\x07\u2069"
SUPPLIER = "Acme\x1b[31m Store\u202d\x9b"


def poison(path: Path) -> None:
    """Give every order, customer and supplier of the ledger at `path` a hostile name."""
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE customer_order SET name = name || ?, customer_name = ?",
            (ORDER_SUFFIX, CUSTOMER),
        )
        db.execute("UPDATE supplier SET name = ? || id", (SUPPLIER,))
        db.execute("UPDATE customer_order_line SET title = title || ?", (ORDER_SUFFIX,))
    db.close()


def unsafe_in(text: str) -> set[str]:
    """The control and bidi characters found in `text`."""
    return set(text) & UNSAFE
