"""Deterministic, realistic Orders > Export files for tests and benchmarks.

The same seed writes the same file, byte for byte. Each order draws from its own random
stream (seed and order number), so `revision=1` rewrites the same orders with some of them
moved on (fulfilled, refunded, cancelled): importing revision 1 after revision 0 must update
exactly `changed` orders and add none. Some orders carry an AliExpress order number (16
digits, unique per order) in their note, note attributes or tags, the way DSers writes them,
and some notes span several lines.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TextIO

from core.imports.amounts import format_amount
from core.imports.columns import EXPORT_COLUMNS


@dataclass(frozen=True)
class ExportStyle:
    """How the file is written: as Shopify does, or as a spreadsheet saved it."""

    delimiter: str = ","
    decimal_mark: str = "."
    line_end: str = "\n"
    bom: bool = False
    encoding: str = "utf-8"


SHOPIFY = ExportStyle()
#: German Excel, "CSV UTF-8 (Trennzeichen-getrennt)": BOM, CRLF, `;` and decimal commas.
EXCEL_DE = ExportStyle(delimiter=";", decimal_mark=",", line_end="\r\n", bom=True)


@dataclass(frozen=True)
class GeneratedExport:
    orders: int
    rows: int  # CSV records after the header (one per line item)
    changed: int  # orders that differ from revision 0
    ae_numbers: int  # AliExpress order numbers written into the orders


_FIRST = (
    "Anna Lena Jonas Lukas Mia Emma Paul Jürgen Sofia Zoë Felix Noah Clara Ben Léa Finn".split()
)
_LAST = "Müller Schmidt Weber Meyer Wagner Becker Krüger Smith Jones Novak Rossi Dubois".split()
_CITIES = (
    ("Berlin", "10115", "BE", "Berlin"),
    ("München", "80331", "BY", "Bavaria"),
    ("Köln", "50667", "NW", "North Rhine-Westphalia"),
    ("Hamburg", "20095", "HH", "Hamburg"),
    ("Leipzig", "04109", "SN", "Saxony"),
)
_STREETS = ("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Am Markt")
_PRODUCTS = (
    ("LED Strip Lights 5m RGB", "LED-5M-RGB", 1999),
    ("Magnetic Phone Holder", "MAG-HOLD-01", 1299),
    ('Silicone Baking Mat Set, 3 pcs "Pro"', "BAKE-MAT-3", 1599),
    ("Wireless Earbuds Pro - Black", "EAR-PRO-BLK", 3499),
    ("Cat Tunnel Foldable 90cm", "PET-TUN-90", 2299),
    ("Posture Corrector Größe M", "POST-COR-M", 1899),
    ("Mini Projector 1080p", "PROJ-MINI", 8999),
    ("Bamboo Cutting Board; large", "KIT-BAM-L", 2499),
)
_NEXT_STATE = {
    "pending": "paid",
    "paid": "fulfilled",
    "partial": "fulfilled",
    "fulfilled": "refunded",
    "refunded": "cancelled",
    "cancelled": "cancelled",
}
_OFFSETS = ("+0100", "+0200", "-0400", "+0530")
_SHIPPING_MINOR = 499
_START = datetime(2026, 1, 5, 8, 0, 0)


def generate_export(
    path: Path,
    *,
    orders: int | None = None,
    rows: int | None = None,
    seed: int = 0,
    revision: int = 0,
    style: ExportStyle = SHOPIFY,
) -> GeneratedExport:
    """Write an export file to `path` (see `write_export`)."""
    with path.open("w", encoding=style.encoding, newline="") as out:
        return write_export(
            out, orders=orders, rows=rows, seed=seed, revision=revision, style=style
        )


def write_export(
    out: TextIO,
    *,
    orders: int | None = None,
    rows: int | None = None,
    seed: int = 0,
    revision: int = 0,
    style: ExportStyle = SHOPIFY,
    first_number: int = 1001,
) -> GeneratedExport:
    """Write `orders` orders (1 to 3 lines each), or as many as make exactly `rows` rows."""
    if (orders is None) == (rows is None):
        raise ValueError("give either orders or rows")
    if style.bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=style.delimiter, lineterminator=style.line_end)
    writer.writerow(EXPORT_COLUMNS)
    offset = _OFFSETS[seed % len(_OFFSETS)]
    written_rows = written_orders = changed = ae_numbers = 0
    index = 0
    while (orders is not None and index < orders) or (rows is not None and written_rows < rows):
        budget = None if rows is None else rows - written_rows
        order = _Order(seed, index, first_number, offset, revision, budget, style.decimal_mark)
        writer.writerows(order.rows())
        written_rows += len(order.lines)
        written_orders += 1
        changed += order.changed
        ae_numbers += order.ae_number is not None
        index += 1
    return GeneratedExport(written_orders, written_rows, changed, ae_numbers)


class _Order:
    def __init__(
        self,
        seed: int,
        index: int,
        first_number: int,
        offset: str,
        revision: int,
        row_budget: int | None,
        decimal_mark: str,
    ) -> None:
        rnd = random.Random(f"{seed}:{index}")
        self.mark = decimal_mark
        self.name = f"#{first_number + index}"
        self.order_id = 5_600_000_000_000 + seed * 10_000_000 + index
        self.offset = offset
        sign = -1 if offset[0] == "-" else 1
        zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:])))
        self.created = (_START + timedelta(minutes=7 * index + rnd.randrange(7))).replace(
            tzinfo=zone
        )
        count = rnd.choice((1, 1, 1, 2, 2, 3))
        if row_budget is not None:
            count = min(count, row_budget)
        self.lines = [(rnd.choice(_PRODUCTS), rnd.choice((1, 1, 1, 2))) for _ in range(count)]
        self.first, self.last = rnd.choice(_FIRST), rnd.choice(_LAST)
        self.city = rnd.choice(_CITIES)
        self.street = f"{rnd.choice(_STREETS)} {rnd.randint(1, 120)}"
        self.subtotal = sum(price * quantity for (_, _, price), quantity in self.lines)
        self.discount = 500 if rnd.random() < 0.1 and self.subtotal > 2000 else 0
        self.total = self.subtotal - self.discount + _SHIPPING_MINOR
        self.state = rnd.choices(
            ("paid", "fulfilled", "partial", "refunded", "cancelled", "pending"),
            weights=(40, 40, 5, 5, 5, 5),
        )[0]
        self.ae_number: str | None = None
        self.ae_place = ""
        if rnd.random() < 0.3:
            self.ae_number = f"81{seed % 100:02d}{index:012d}"
            self.ae_place = rnd.choice(("note", "note", "attributes", "tags"))
        self.multiline_note = rnd.random() < 0.1
        self.phone = f"+49 1{rnd.randint(50, 79)} {rnd.randint(1000000, 9999999)}"
        self.changed = False
        if revision and random.Random(f"{seed}:{index}:{revision}").random() < 0.15:
            before, self.state = self.state, _NEXT_STATE[self.state]
            self.changed = self.state != before

    def money(self, minor: int) -> str:
        return format_amount(minor, "EUR", decimal_mark=self.mark)

    def time(self, moment: datetime) -> str:
        return moment.strftime("%Y-%m-%d %H:%M:%S ") + self.offset

    def rows(self) -> list[list[str]]:
        state = self.state
        cancelled = state == "cancelled"
        refunded = self.total if state in ("refunded", "cancelled") else 0
        financial = {
            "refunded": "refunded",
            "cancelled": "refunded",
            "pending": "pending",
        }.get(state, "paid")
        fulfillment = {"fulfilled": "fulfilled", "partial": "partial", "refunded": "fulfilled"}
        status = fulfillment.get(state, "unfulfilled")
        paid_at = "" if state == "pending" else self.time(self.created + timedelta(seconds=3))
        fulfilled_at = (
            self.time(self.created + timedelta(days=6)) if status != "unfulfilled" else ""
        )
        taxes = self.total - self.total * 100 // 119
        note = "Bitte beim Nachbarn abgeben" if self.multiline_note else ""
        if self.multiline_note:
            note += "\nfalls nicht zu Hause.\nDanke!"
        attributes, tags = "", "dsers" if self.ae_number else ""
        if self.ae_number and self.ae_place == "note":
            note = f"{note}\nAliExpress order {self.ae_number}".strip()
        elif self.ae_number and self.ae_place == "attributes":
            attributes = f"AliExpress Order Number: {self.ae_number}\nSource: DSers"
        elif self.ae_number:
            tags = f"dsers, AE-{self.ae_number}"
        customer = f"{self.first} {self.last}"
        email = f"{self.first.lower()}.{self.last.lower()}.{self.order_id % 100000}@example.com"
        city, zip_code, province, province_name = self.city
        address = [customer, self.street, self.street, "", "", city, zip_code, province, "DE"]
        head = {
            "Name": self.name,
            "Email": email,
            "Financial Status": financial,
            "Paid at": paid_at,
            "Fulfillment Status": status,
            "Fulfilled at": fulfilled_at,
            "Accepts Marketing": "no",
            "Currency": "EUR",
            "Subtotal": self.money(self.subtotal - self.discount),
            "Shipping": self.money(_SHIPPING_MINOR),
            "Taxes": self.money(taxes),
            "Total": self.money(self.total),
            "Discount Code": "WELCOME5" if self.discount else "",
            "Discount Amount": self.money(self.discount),
            "Shipping Method": "Standard",
            "Created at": self.time(self.created),
            **dict(zip(_BILLING, [*address, self.phone], strict=True)),
            **dict(zip(_SHIPPING, [*address, self.phone], strict=True)),
            "Notes": note,
            "Note Attributes": attributes,
            "Cancelled at": self.time(self.created + timedelta(hours=20)) if cancelled else "",
            "Payment Method": "Shopify Payments",
            "Payment Reference": f"c{self.order_id}.1",
            "Refunded Amount": self.money(refunded),
            "Outstanding Balance": self.money(0),
            "Id": str(self.order_id),
            "Tags": tags,
            "Risk Level": "Low",
            "Source": "web",
            "Tax 1 Name": "DE MwSt 19%",
            "Tax 1 Value": self.money(taxes),
            "Phone": self.phone,
            "Billing Province Name": province_name,
            "Shipping Province Name": province_name,
            "Payment ID": f"c{self.order_id}.1",
            "Payment References": f"c{self.order_id}.1",
        }
        result = []
        for number, ((title, sku, price), quantity) in enumerate(self.lines):
            row = dict(head) if number == 0 else {"Name": self.name, "Email": email}
            row.update(
                {
                    "Lineitem quantity": str(quantity),
                    "Lineitem name": title,
                    "Lineitem price": self.money(price),
                    "Lineitem compare at price": "",
                    "Lineitem sku": sku,
                    "Lineitem requires shipping": "true",
                    "Lineitem taxable": "true",
                    "Lineitem fulfillment status": "fulfilled"
                    if status == "fulfilled" or (status == "partial" and number == 0)
                    else "pending",
                    "Vendor": "AliExpress",
                    "Lineitem discount": self.money(0),
                }
            )
            result.append([row.get(column, "") for column in EXPORT_COLUMNS])
        return result


_ADDRESS = ("Name", "Street", "Address1", "Address2", "Company", "City", "Zip", "Province")
_BILLING = [f"Billing {part}" for part in (*_ADDRESS, "Country", "Phone")]
_SHIPPING = [f"Shipping {part}" for part in (*_ADDRESS, "Country", "Phone")]
