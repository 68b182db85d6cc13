"""Malicious and broken CSV files: the importer imports, refuses rows, or refuses the file.

Fuzzed: raw bytes (binary, workbooks, BOMs, NULs, mixed encodings), and real-looking exports
whose cells are hostile (formulas, quotes, separators and newlines inside values, amounts of
every size and notation, impossible dates, 16-digit AliExpress numbers, look-alike digits)
written in every layout the importer accepts. Whatever the file, the only exception allowed is
ImportFileError with a message for the merchant; rows it cannot read are refusals with a line
and a reason; and the ledger stays sound, with amounts that are integers it can store.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from core.imports import ImportFileError, ImportSummary, import_shopify_csv
from core.imports.columns import EXPORT_COLUMNS
from core.ledger import Ledger, check_integrity, open_ledger
from tests.catalogue import in_german
from tests.reliability.fuzzing import DEEP, QUICK, fuzz

_files = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-csv")


@pytest.fixture(scope="module")
def ledger(folder: Path) -> Iterator[Ledger]:
    opened = open_ledger(folder / "ledger.sqlite")
    yield opened
    opened.close()
    assert check_integrity(folder / "ledger.sqlite", quick=False) == []


def write(folder: Path, data: bytes) -> Path:
    path = folder / f"export-{next(_files)}.csv"
    path.write_bytes(data)
    return path


def imported(ledger: Ledger, path: Path, *, dry_run: bool) -> ImportSummary | None:
    try:
        summary = import_shopify_csv(ledger, path, dry_run=dry_run)
    except ImportFileError as error:
        assert path.name in str(error)  # the message names the file the merchant picked
        return None
    for refusal in summary.refused:
        assert refusal.line >= 1 and refusal.reason
        german = in_german(refusal.text)
        assert german and german != refusal.reason  # said in German too (the catalogue's)
    return summary


def stored_amounts_are_integers(ledger: Ledger) -> None:
    with ledger.engine.connect() as connection:
        kinds = connection.exec_driver_sql(
            "SELECT DISTINCT typeof(total_minor), typeof(refunded_minor) FROM customer_order "
            "UNION SELECT DISTINCT typeof(price_minor), typeof(quantity) FROM customer_order_line"
        ).fetchall()
    assert set(kinds) <= {("integer", "integer")}


raw_files = st.one_of(
    st.binary(max_size=400),
    st.sampled_from(
        [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"PK\x03\x04", b"\xd0\xcf\x11\xe0"]
    ).flatmap(lambda head: st.binary(max_size=200).map(lambda rest: head + rest)),
    st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
)


@fuzz(QUICK)
@given(data=raw_files)
def test_raw_bytes(ledger: Ledger, folder: Path, data: bytes) -> None:
    imported(ledger, write(folder, data), dry_run=True)


# -- real-looking exports with hostile cells -------------------------------------------------

HOSTILE = [
    "",
    " ",
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    '"',
    'a "quoted" value',
    "line one\nline two",
    "semi;colon",
    "tab\there",
    "comma, inside",
    "\x00",
    "NaN",
    "Infinity",
    "1e999",
    "-0",
    "9" * 40,
    "12,345.67",
    "12.345,67",
    "²",
    "١٢",
    "2026-02-30 10:00:00 +0100",
    "9999-12-31 23:59:59 -1200",
    "0001-01-01 00:00:00 +1400",
    "2026-04-10 11:11:26 +2500",
    "8198352049851315",
    "#1001",
    "\u202egnp.exe",
    "x" * 300,
]
cells = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
AMOUNTS = ("Subtotal", "Shipping", "Taxes", "Total", "Lineitem price", "Refunded Amount")
IMPORTANT = (
    "Name",
    "Currency",
    "Created at",
    "Paid at",
    "Cancelled at",
    "Lineitem quantity",
    "Financial Status",
    "Fulfillment Status",
    "Notes",
    "Note Attributes",
    "Tags",
    "Id",
    *AMOUNTS,
)


def row(values: dict[str, str], columns: tuple[str, ...]) -> list[str]:
    return [values.get(column, "") for column in columns]


rows = st.lists(
    st.fixed_dictionaries(
        {"Name": st.sampled_from(["#1001", "#1002", "#1003", "", "1004", "#1001 "])},
        optional={column: cells for column in IMPORTANT if column != "Name"},
    ),
    min_size=1,
    max_size=6,
)
layouts = st.fixed_dictionaries(
    {
        "delimiter": st.sampled_from([",", ";", "\t"]),
        "encoding": st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
        "line_end": st.sampled_from(["\n", "\r\n"]),
        "columns": st.sampled_from(["all", "few", "shuffled"]),
    }
)


def export(values: list[dict[str, str]], layout: dict[str, str]) -> bytes:
    columns = EXPORT_COLUMNS
    if layout["columns"] == "few":
        columns = IMPORTANT
    elif layout["columns"] == "shuffled":
        columns = tuple(reversed(EXPORT_COLUMNS))
    text = io.StringIO()
    writer = csv.writer(text, delimiter=layout["delimiter"], lineterminator=layout["line_end"])
    writer.writerow(columns)
    for value in values:
        writer.writerow(row(value, columns))
    return text.getvalue().encode(layout["encoding"], errors="replace")


@fuzz(QUICK)
@given(values=rows, layout=layouts)
def test_hostile_cells_in_a_real_layout(
    ledger: Ledger, folder: Path, values: list[dict[str, str]], layout: dict[str, str]
) -> None:
    import_twice(ledger, folder, values, layout)


@pytest.mark.slow
@fuzz(DEEP)
@given(values=rows, layout=layouts)
def test_deep(
    ledger: Ledger, folder: Path, values: list[dict[str, str]], layout: dict[str, str]
) -> None:
    import_twice(ledger, folder, values, layout)


def import_twice(
    ledger: Ledger, folder: Path, values: list[dict[str, str]], layout: dict[str, str]
) -> None:
    """A preview, then the import: they agree on what is refused."""
    path = write(folder, export(values, layout))
    preview = imported(ledger, path, dry_run=True)
    summary = imported(ledger, path, dry_run=False)
    assert (preview is None) == (summary is None)
    if summary is not None and preview is not None:
        assert len(summary.refused) == len(preview.refused)
        event("orders written" if summary.added + summary.updated else "nothing written")
    else:
        event("file refused")
    stored_amounts_are_integers(ledger)


@pytest.mark.parametrize("column", IMPORTANT)
def test_every_hostile_cell_in_every_column(ledger: Ledger, folder: Path, column: str) -> None:
    """One order per hostile value (so one bad cell cannot hide another's failure); a NUL
    makes the whole file binary, so that one is left to the raw-bytes test."""
    hostile = [value for value in HOSTILE if "\x00" not in value]
    values = [
        {
            "Name": f"#{90000 + i}",
            "Currency": "EUR",
            "Lineitem quantity": "1",
            "Lineitem price": "1.00",
            column: value,
        }
        for i, value in enumerate(hostile)
        if column != "Name"
    ] or [{"Name": value, "Currency": "EUR"} for value in hostile]
    layout = {"delimiter": ",", "encoding": "utf-8", "line_end": "\n", "columns": "all"}
    summary = imported(ledger, write(folder, export(values, layout)), dry_run=False)
    assert summary is not None
    assert summary.added + summary.updated + summary.unchanged + len(summary.refused) > 0
    stored_amounts_are_integers(ledger)


def test_the_fuzzer_reaches_the_importer(ledger: Ledger, folder: Path) -> None:
    """A clean row through the same writer is imported, so refusals above are the cells'."""
    clean = {
        "Name": "#7001",
        "Currency": "EUR",
        "Created at": "2026-04-10 11:11:26 +0530",
        "Lineitem quantity": "1",
        "Lineitem price": "12.99",
        "Total": "12.99",
    }
    for layout in ("all", "few", "shuffled"):
        path = write(
            folder,
            export(
                [clean],
                {"delimiter": ";", "encoding": "utf-16", "line_end": "\r\n", "columns": layout},
            ),
        )
        summary = imported(ledger, path, dry_run=False)
        assert summary is not None and summary.refused == []
