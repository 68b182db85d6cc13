"""Every shape a merchant's export arrives in gives the same orders in the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.imports import import_shopify_csv
from core.ledger import Ledger
from core.ledger.types import to_db
from tests.core.imports.conftest import orders_in, utc

#: What tests/data/orders_*.csv (first version) hold, as the ledger stores it.
EXPECTED = {
    "#1001": {
        "legacy_id": 6100000001001,
        "customer_name": "Ada Lovelace",
        "email": "ada@example.com",
        "created_at": to_db(utc("2026-04-10T11:11:26+05:30")),
        "currency": "EUR",
        "total_minor": 5296,
        "refunded_minor": 0,
        "financial_status": "paid",
        "fulfillment_status": "unfulfilled",
        "cancelled_at": None,
        "note": "AliExpress order 8198352049851315",
        "tags": "",
        "source": "csv",
        "lines": [
            ("Magnetic Phone Holder", "MAG-HOLD-01", 2, 1299, "pending"),
            ("LED Strip Lights 5m RGB", "LED-5M-RGB", 1, 2199, "pending"),
        ],
    },
    "#1002": {
        "legacy_id": 6100000001002,
        "customer_name": "Bob Müller",
        "email": "bob@example.com",
        "created_at": to_db(utc("2026-04-10T12:00:00+05:30")),
        "currency": "EUR",
        "total_minor": 3499,
        "refunded_minor": 3499,
        "financial_status": "refunded",
        "fulfillment_status": "unfulfilled",
        "cancelled_at": to_db(utc("2026-04-11T09:00:00+05:30")),
        "note": "",
        "tags": "cancelled, customer changed mind",
        "source": "csv",
        "lines": [("Wireless Earbuds Pro - Black", "EAR-PRO-BLK", 1, 3000, "pending")],
    },
    "#1003": {
        "legacy_id": 6100000001003,
        "customer_name": "Chloé Dubois",
        "email": "chloe@example.com",
        "created_at": to_db(utc("2026-04-10T13:30:00+05:30")),
        "currency": "EUR",
        "total_minor": 123450,
        "refunded_minor": 0,
        "financial_status": "paid",
        "fulfillment_status": "partial",
        "cancelled_at": None,
        "note": "Please ring twice.\nLeave it at the door if nobody answers.",
        "tags": "",
        "source": "csv",
        "lines": [
            ("Mini Projector 1080p", "PROJ-MINI", 1, 89900, "fulfilled"),
            ("Bamboo Cutting Board; large", "KIT-BAM-L", 3, 11017, "pending"),
        ],
    },
    "#1004": {
        "legacy_id": 6100000001004,
        "customer_name": "Dan Smith",
        "email": "dan@example.com",
        "created_at": to_db(utc("2026-04-11T08:45:00+05:30")),
        "currency": "EUR",
        "total_minor": 1999,
        "refunded_minor": 0,
        "financial_status": "paid",
        "fulfillment_status": "fulfilled",
        "cancelled_at": None,
        "note": "",
        "tags": "dsers, AE-8198352049851317",
        "source": "csv",
        "lines": [('Cat Tunnel "Foldable" 90cm', "PET-TUN-90", 1, 1500, "fulfilled")],
    },
}


def _without_ids(ledger: Ledger) -> dict[str, dict[str, object]]:
    orders = orders_in(ledger)
    for order in orders.values():
        del order["id"], order["name"]
    return orders


@pytest.mark.parametrize(
    ("file", "what"),
    [
        ("orders_shopify.csv", "as Shopify writes it: LF, commas, dot decimals"),
        ("orders_bom_crlf.csv", "a UTF-8 BOM and CRLF line ends"),
        ("orders_excel_de.csv", "German Excel: BOM, CRLF, ';', decimal commas, 1.234,50"),
        ("orders_excel_de_cp1252.csv", "German Excel's plain CSV: Windows-1252 and a sep= line"),
        ("orders_reordered.csv", "reordered, renamed-case and extra columns, some missing"),
    ],
)
def test_each_variant_fills_the_ledger_alike(
    ledger: Ledger, data: Path, file: str, what: str
) -> None:
    summary = import_shopify_csv(ledger, data / file)

    assert summary.as_dict() == {"added": 4, "updated": 0, "unchanged": 0, "refused": []}, what
    assert _without_ids(ledger) == EXPECTED, what


def test_fixtures_really_are_the_variants_they_claim(data: Path) -> None:
    """Guard against an editor 'fixing' the hand-made files."""
    assert (data / "orders_bom_crlf.csv").read_bytes().startswith(b"\xef\xbb\xbfName,")
    assert b"\r\n#1001," in (data / "orders_bom_crlf.csv").read_bytes()
    german = (data / "orders_excel_de.csv").read_bytes()
    assert german.startswith(b"\xef\xbb\xbfName;Email;") and b";1.234,50;" in german
    ansi = (data / "orders_excel_de_cp1252.csv").read_bytes()
    assert ansi.startswith(b"sep=;\r\nName;") and "Bob Müller".encode("cp1252") in ansi
    shopify = (data / "orders_shopify.csv").read_text(encoding="utf-8")
    assert shopify.splitlines()[0].count(",") == 78  # the 79 columns of the real header
    assert '"Please ring twice.\nLeave it' in shopify  # a quoted newline in a note


def test_file_without_id_column_upserts_by_name(ledger: Ledger, data: Path) -> None:
    first = import_shopify_csv(ledger, data / "orders_minimal_no_id.csv")
    ids = {name: order["id"] for name, order in orders_in(ledger).items()}
    again = import_shopify_csv(ledger, data / "orders_minimal_no_id.csv")
    full = import_shopify_csv(ledger, data / "orders_shopify.csv")
    minimal_after_full = import_shopify_csv(ledger, data / "orders_minimal_no_id.csv")

    assert (first.added, again.unchanged) == (4, 4)
    # The full export finds the orders by name (they had no id yet) and completes them.
    assert (full.added, full.updated) == (0, 4)
    assert {name: order["id"] for name, order in orders_in(ledger).items()} == ids
    assert _without_ids(ledger) == EXPECTED
    # The minimal file again: nothing it has differs, and what it lacks is kept.
    assert (minimal_after_full.unchanged, minimal_after_full.updated) == (4, 0)
    assert _without_ids(ledger) == EXPECTED
