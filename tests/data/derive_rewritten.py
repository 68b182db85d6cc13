"""Writes the exports a spreadsheet or an older shop makes, from the hand-made ones here.

Run from the repository root: `python tests/data/derive_rewritten.py`. The output is
committed; this script says exactly how each file was made (see README.md here).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).parent
DATE_COLUMNS = ("Paid at", "Fulfilled at", "Created at", "Cancelled at")


def _read(name: str, delimiter: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    text = (HERE / name).read_text(encoding=encoding)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _write(name: str, rows: list[list[str]], *, delimiter: str = ",", bom: bool = False) -> None:
    out = io.StringIO(newline="")
    line_end = "\r\n" if bom else "\n"  # Excel writes CRLF; the admin's export LF
    csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    (HERE / name).write_bytes(("\ufeff" if bom else "").encode() + out.getvalue().encode())


def _rewrite_dates(rows: list[list[str]], layout: str, *, blank: tuple[str, ...] = ()) -> None:
    """Each date cell as a spreadsheet shows it: the wall time, without the UTC offset."""
    header = rows[0]
    for column in DATE_COLUMNS:
        at = header.index(column)
        for row in rows[1:]:
            if not row[at]:
                continue
            if column in blank:
                row[at] = ""
                continue
            moment = datetime.strptime(row[at], "%Y-%m-%d %H:%M:%S %z")
            text = moment.strftime(layout)
            if "%p" in layout:  # US Excel: no leading zeros, "4/14/2026 8:00 AM"
                month, day, rest = text.split("/", 2)
                year, clock = rest.split(" ", 1)
                text = f"{int(month)}/{int(day)}/{year} {clock.lstrip('0')}"
            row[at] = text


def main() -> None:
    rows = _read("orders_shopify.csv")
    at = rows[0].index("Currency")
    _write("orders_no_currency.csv", [row[:at] + row[at + 1 :] for row in rows])

    rows = _read("orders_shopify.csv")
    _rewrite_dates(rows, "%d/%m/%Y %H:%M")
    _write("orders_excel_uk.csv", rows, bom=True)

    rows = _read("orders_shopify.csv")
    _rewrite_dates(rows, "%m/%d/%Y %I:%M %p")
    _write("orders_excel_us.csv", rows, bom=True)

    rows = _read("orders_shopify.csv")
    _rewrite_dates(rows, "%d/%m/%Y %H:%M", blank=("Fulfilled at",))
    _write("orders_excel_unsettled.csv", rows, bom=True)

    rows = _read("orders_excel_de.csv", delimiter=";", encoding="utf-8-sig")
    _rewrite_dates(rows, "%d.%m.%Y %H:%M")
    _write("orders_excel_de_dotted.csv", rows, delimiter=";", bom=True)


if __name__ == "__main__":
    main()
