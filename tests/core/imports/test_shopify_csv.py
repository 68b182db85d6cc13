"""Importing the orders export: upserts, refusals, modes, cancel, progress, errors, journal."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlmodel import select

from core.imports import (
    EmptyFileError,
    ImportCancelled,
    ImportFileError,
    ImportSummary,
    NotAShopifyExportError,
    Refusal,
    UnreadableFileError,
    import_shopify_csv,
)
from core.imports.generate import generate_export
from core.ledger import Ledger
from core.ledger.models import CustomerOrder, Event
from tests.catalogue import in_german
from tests.core.imports.conftest import count, orders_in

BROKEN_REFUSALS = [
    Refusal(4, "", "has 78 fields where the header has 79"),
    Refusal(5, "Created at", 'not a date: "2026-13-45 25:00:00 +0530"'),
    Refusal(9, "Lineitem price", 'not an amount: "12,3,4"'),
]


def _edited(source: Path, target: Path, changes: dict[tuple[int, str], str]) -> Path:
    """A copy of an export with cells changed: (record index, 0 = header, column) -> text."""
    with source.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    header = records[0]
    for (index, column), value in changes.items():
        records[index][header.index(column)] = value
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(records)
    return target


def _import_events(ledger: Ledger) -> list[Event]:
    with ledger.session() as session:
        query = select(Event).where(Event.kind == "shopify_csv_imported")
        return list(session.exec(query))


# --- upserts ------------------------------------------------------------------------------


def test_reimport_updates_nothing_and_duplicates_nothing(ledger: Ledger, data: Path) -> None:
    first = import_shopify_csv(ledger, data / "orders_shopify.csv")
    before = orders_in(ledger)
    again = import_shopify_csv(ledger, data / "orders_shopify.csv")

    assert (first.added, again.added, again.updated, again.unchanged) == (4, 0, 0, 4)
    assert orders_in(ledger) == before
    assert count(ledger, "customer_order_line") == 6


def test_newer_export_updates_changed_orders_and_adds_new_ones(ledger: Ledger, data: Path) -> None:
    import_shopify_csv(ledger, data / "orders_shopify.csv")
    ids = {name: order["id"] for name, order in orders_in(ledger).items()}
    summary = import_shopify_csv(ledger, data / "orders_shopify_v2.csv")
    orders = orders_in(ledger)

    assert summary.as_dict() == {"added": 1, "updated": 2, "unchanged": 2, "refused": []}
    assert {name: orders[name]["id"] for name in ids} == ids
    assert orders["#1001"]["fulfillment_status"] == "fulfilled"
    assert [line[4] for line in orders["#1001"]["lines"]] == ["fulfilled", "fulfilled"]
    assert orders["#1003"]["financial_status"] == "partially_refunded"
    assert orders["#1003"]["refunded_minor"] == 11017
    assert orders["#1005"]["lines"] == [
        ("Posture Corrector Größe M", "POST-COR-M", 1, 2299, "pending")
    ]
    assert count(ledger, "customer_order") == 5


def test_facts_the_export_lacks_survive_a_reimport(ledger: Ledger, data: Path) -> None:
    import_shopify_csv(ledger, data / "orders_shopify.csv")
    with ledger.session() as session:
        order = session.exec(select(CustomerOrder).where(CustomerOrder.name == "#1002")).one()
        order.cancel_reason = "CUSTOMER"  # known from the API, not in any export
        order.shopify_gid = "gid://shopify/Order/6100000001002"
    import_shopify_csv(ledger, data / "orders_shopify_v2.csv")

    with ledger.session() as session:
        order = session.exec(select(CustomerOrder).where(CustomerOrder.name == "#1002")).one()
        assert (order.cancel_reason, order.shopify_gid) == (
            "CUSTOMER",
            "gid://shopify/Order/6100000001002",
        )
        assert order.cancelled_at is not None and order.refunded_minor == 3499


def test_ambiguous_name_without_id_is_refused(ledger: Ledger, data: Path) -> None:
    with ledger.session() as session:
        session.add(CustomerOrder(name="#1001", legacy_id=1, source="api"))
        session.add(CustomerOrder(name="#1001", legacy_id=2, source="api"))
    summary = import_shopify_csv(ledger, data / "orders_minimal_no_id.csv")

    assert summary.refused == [
        Refusal(
            2,
            "Name",
            "2 orders in the ledger are named #1001; this file has no Id to tell them apart",
        )
    ]
    assert (summary.added, count(ledger, "customer_order")) == (3, 5)


# --- refused rows and the merchant's choice ---------------------------------------------


def test_broken_rows_are_refused_exactly_and_the_rest_imported(ledger: Ledger, data: Path) -> None:
    summary = import_shopify_csv(ledger, data / "orders_broken.csv", mode="rest")

    assert summary.refused == BROKEN_REFUSALS
    assert (summary.added, summary.updated, summary.unchanged) == (2, 0, 0)
    assert sorted(orders_in(ledger)) == ["#1001", "#1005"]  # a refused row keeps its order out
    # the window shows the reasons in its language; the JSON keeps English
    assert [in_german(r.text) for r in summary.refused] == [
        "hat 78 Felder, die Kopfzeile hat 79",
        'kein Datum: "2026-13-45 25:00:00 +0530"',
        'kein Betrag: "12,3,4"',
    ]
    assert [r.as_dict()["reason"] for r in summary.refused] == [r.reason for r in BROKEN_REFUSALS]


def test_mode_nothing_imports_nothing_when_a_row_is_refused(ledger: Ledger, data: Path) -> None:
    summary = import_shopify_csv(ledger, data / "orders_broken.csv", mode="nothing")

    assert summary == ImportSummary(0, 0, 0, BROKEN_REFUSALS)
    for table in ("customer_order", "customer_order_line", "supplier_order", "event"):
        assert count(ledger, table) == 0, table


def test_mode_nothing_imports_a_clean_file(ledger: Ledger, data: Path) -> None:
    summary = import_shopify_csv(ledger, data / "orders_shopify.csv", mode="nothing")

    assert (summary.added, summary.refused) == (4, [])
    assert count(ledger, "customer_order") == 4


def test_dry_run_previews_without_writing(ledger: Ledger, data: Path) -> None:
    import_shopify_csv(ledger, data / "orders_shopify.csv")
    before = orders_in(ledger)
    events = count(ledger, "event")
    preview = import_shopify_csv(ledger, data / "orders_broken.csv", dry_run=True)
    real = import_shopify_csv(ledger, data / "orders_broken.csv", mode="rest")

    assert preview.as_dict() == real.as_dict()
    assert preview.as_dict()["updated"] == 1 and preview.refused == BROKEN_REFUSALS
    assert orders_in(ledger) != before  # the real run changed #1001; the preview did not:
    assert count(ledger, "event") > events


def test_summary_json_is_stable(ledger: Ledger, data: Path) -> None:
    summary = import_shopify_csv(ledger, data / "orders_broken.csv")

    assert summary.to_json() == (
        '{"added": 2, "updated": 0, "unchanged": 0, "refused": ['
        '{"line": 4, "column": "", "reason": "has 78 fields where the header has 79"}, '
        '{"line": 5, "column": "Created at", '
        '"reason": "not a date: \\"2026-13-45 25:00:00 +0530\\""}, '
        '{"line": 9, "column": "Lineitem price", "reason": "not an amount: \\"12,3,4\\""}]}'
    )
    assert list(json.loads(summary.to_json())) == ["added", "updated", "unchanged", "refused"]


@pytest.mark.parametrize(
    ("record", "column", "value", "reason"),
    [
        (
            1,
            "Id",
            "6.1E+12",
            'not an order id: "6.1E+12" (a spreadsheet turned it into a rounded number)',
        ),
        (1, "Currency", "EURO", 'not a currency code: "EURO"'),
        (1, "Total", "52.965", '"52.965" has more decimals than EUR has'),
        (1, "Total", "52,96 €", 'not an amount: "52,96 €"'),
        (2, "Lineitem quantity", "two", 'not a quantity: "two"'),
        (1, "Cancelled at", "yesterday", 'not a date: "yesterday"'),
        (1, "Created at", "2026/04/10 11:11", 'not a date: "2026/04/10 11:11"'),
    ],
)
def test_unreadable_values_are_refused_with_line_and_column(
    ledger: Ledger, data: Path, tmp_path: Path, record: int, column: str, value: str, reason: str
) -> None:
    path = _edited(data / "orders_shopify.csv", tmp_path / "x.csv", {(record, column): value})
    summary = import_shopify_csv(ledger, path)

    assert summary.refused == [Refusal(record + 1, column, reason)]
    assert summary.added == 3 and "#1001" not in orders_in(ledger)


def test_rows_without_a_name_and_split_orders_are_refused(
    ledger: Ledger, data: Path, tmp_path: Path
) -> None:
    text = (data / "orders_shopify.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    # lines: 1 header, 2-3 #1001, 4 #1002, 5-8 #1003 (its note spans 5-7), 9 #1004
    moved = text[:3] + text[3:4] + text[2:3] + text[4:] + [",x@example.com" + "," * 77 + "\n"]
    path = tmp_path / "split.csv"
    path.write_text("".join(moved), encoding="utf-8")
    summary = import_shopify_csv(ledger, path)

    assert summary.refused == [
        Refusal(
            5,
            "Name",
            "order #1001 already appeared on line 2: the rows of one order must be next to "
            "each other",
        ),
        Refusal(11, "Name", "no order name (empty)"),
    ]
    assert summary.added == 4


def test_rows_of_an_order_without_its_first_row_are_refused(
    ledger: Ledger, data: Path, tmp_path: Path
) -> None:
    text = (data / "orders_shopify.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "cut.csv"
    path.write_text("".join(text[:1] + text[2:]), encoding="utf-8")  # #1001's first row cut
    summary = import_shopify_csv(ledger, path)

    assert summary.refused == [
        Refusal(
            2,
            "Financial Status",
            "no row of order #1001 has its order details (Financial Status, Currency, Total, "
            "Subtotal are empty): was the file sorted or cut?",
        )
    ]


def test_a_quote_never_closed_stops_reading_with_a_refusal(
    ledger: Ledger, data: Path, tmp_path: Path
) -> None:
    lines = (data / "orders_minimal_no_id.csv").read_text(encoding="utf-8").splitlines()
    # line 4 (#1002) opens a quote that nothing closes, and 200 KB of text follow
    lines[3] = lines[3].replace(",Wireless", ',"Wireless')
    tail = ["#1003,EUR,1.00,paid,,1,Filler,1.00"] * 6_000
    path = tmp_path / "runaway.csv"
    path.write_text("\n".join(lines[:4] + tail) + "\n", encoding="utf-8")
    summary = import_shopify_csv(ledger, path)

    assert summary.refused == [
        Refusal(
            2,
            "Name",
            "order #1001 not imported: its rows may go on in the part of the file that could "
            "not be read (from line 4)",
        ),
        Refusal(
            4,
            "",
            'a field runs on for more than 128 KB: a quote (") opened here is probably never '
            "closed; the rest of the file could not be read",
        ),
    ]
    assert summary.added == 0


# --- cancel, progress, journal -----------------------------------------------------------


def test_cancel_rolls_everything_back(ledger: Ledger, tmp_path: Path) -> None:
    generate_export(tmp_path / "a.csv", rows=2_500, seed=3)
    generate_export(tmp_path / "b.csv", rows=2_500, seed=3, revision=1)
    import_shopify_csv(ledger, tmp_path / "a.csv")
    before = orders_in(ledger)
    events = count(ledger, "event")
    checks: list[int] = []

    def cancel() -> bool:
        checks.append(1)
        return len(checks) >= 2  # let a chunk be written first, then cancel

    with pytest.raises(ImportCancelled):
        import_shopify_csv(ledger, tmp_path / "b.csv", cancel=cancel)

    assert len(checks) == 2
    assert orders_in(ledger) == before
    assert count(ledger, "event") == events


def test_progress_reports_bytes_up_to_the_total(ledger: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    generate_export(path, rows=3_000, seed=4)
    reports: list[tuple[int, int]] = []
    import_shopify_csv(ledger, path, progress=lambda done, total: reports.append((done, total)))

    total = path.stat().st_size
    assert len(reports) >= 3
    assert all(t == total for _, t in reports)
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    assert reports[0][0] < total and reports[-1] == (total, total)


def test_one_event_per_import_run(ledger: Ledger, data: Path) -> None:
    import_shopify_csv(ledger, data / "orders_shopify.csv")
    import_shopify_csv(ledger, data / "orders_shopify_v2.csv")
    events = _import_events(ledger)

    assert [(e.entity, e.entity_id) for e in events] == [("ledger", 0), ("ledger", 0)]
    payload = json.loads(events[1].payload)
    assert payload["file"] == "orders_shopify_v2.csv"
    assert (payload["added"], payload["updated"], payload["unchanged"]) == (1, 2, 2)


# --- files that are no export at all -----------------------------------------------------


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", EmptyFileError, "x.csv is empty."),
        (b"\r\n\r\n  \n", EmptyFileError, "x.csv has no header line."),
        (
            b"Handle,Title,Body (HTML),Vendor\nmug,Mug,,Acme\n",
            NotAShopifyExportError,
            'x.csv is not a Shopify orders export: it has no "Name" column (the order number, '
            "e.g. #1001). In the Shopify admin use Orders > Export.",
        ),
        (
            b"Name,Phone\nAda,123\n",
            NotAShopifyExportError,
            "x.csv is not a Shopify orders export: it has a Name column but none of Id, Total, "
            "Financial Status or Lineitem name.",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            UnreadableFileError,
            "x.csv is an Excel workbook (.xlsx), not a CSV file. Export or save it as CSV.",
        ),
        (
            b"Name,Total\n#1,1\x00\x00",
            UnreadableFileError,
            "x.csv contains binary data, not CSV text.",
        ),
        (
            b"Name,Total\n#1\x81\x8d,1\n",
            UnreadableFileError,
            "x.csv is not readable text: save it as CSV (UTF-8) and import it again.",
        ),
    ],
)
def test_files_that_cannot_be_imported_say_why(
    ledger: Ledger, tmp_path: Path, content: bytes, error: type[Exception], message: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(error) as raised:
        import_shopify_csv(ledger, path)

    assert str(raised.value) == message
    assert count(ledger, "event") == 0
    assert isinstance(raised.value, ImportFileError)  # which also says it in German
    assert (
        in_german(raised.value.text).startswith("x.csv ")
        and in_german(raised.value.text) != message
    )


def test_header_only_export_imports_zero_orders(ledger: Ledger, data: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text((data / "orders_shopify.csv").read_text().splitlines()[0] + "\n")

    assert import_shopify_csv(ledger, path) == ImportSummary()


def test_line_numbers_count_the_sep_line_and_crlf(
    ledger: Ledger, data: Path, tmp_path: Path
) -> None:
    raw = (data / "orders_excel_de_cp1252.csv").read_bytes()
    assert raw.count(b";12,99;") == 1
    path = tmp_path / "x.csv"
    path.write_bytes(raw.replace(b";12,99;", b";12,3,4;"))
    summary = import_shopify_csv(ledger, path)

    # line 1 "sep=;", line 2 the header, line 3 #1001's first row
    assert summary.refused == [Refusal(3, "Lineitem price", 'not an amount: "12,3,4"')]


def test_unicode_text_from_excel_imports(ledger: Ledger, data: Path, tmp_path: Path) -> None:
    """Excel's "Unicode Text": UTF-16 with a BOM, tab separated."""
    with (data / "orders_shopify.csv").open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    path = tmp_path / "x.txt"
    with path.open("w", encoding="utf-16", newline="") as handle:
        csv.writer(handle, delimiter="\t", lineterminator="\r\n").writerows(records)
    summary = import_shopify_csv(ledger, path)

    assert (summary.added, summary.refused) == (4, [])
    assert orders_in(ledger)["#1002"]["customer_name"] == "Bob Müller"


def test_missing_file_and_folder_say_so(ledger: Ledger, tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as missing:
        import_shopify_csv(ledger, tmp_path / "gone.csv")
    with pytest.raises(UnreadableFileError) as folder:
        import_shopify_csv(ledger, tmp_path)

    assert str(missing.value) == "gone.csv cannot be read: no such file or directory."
    assert str(folder.value) == f"{tmp_path.name} cannot be read: it is a folder."


def test_a_repeated_amount_is_read_in_each_orders_currency(ledger: Ledger, tmp_path: Path) -> None:
    """Amounts read once are remembered per currency: 12.50 is 1250 cents but not yen, and
    every repetition of an unreadable one is refused on its own line."""
    header = "Name,Currency,Total,Lineitem name,Lineitem price"
    path = tmp_path / "orders.csv"
    path.write_text(
        f"{header}\n#1,EUR,12.50,a,12.50\n#2,JPY,1250,b,12.50\n#3,EUR,12.50,c,1.2.3\n"
        "#4,EUR,1.2.3,d,12.50\n#5,JPY,12.50,e,1250\n",
        encoding="utf-8",
    )
    summary = import_shopify_csv(ledger, path)

    assert [(r.line, r.column) for r in summary.refused] == [
        (3, "Lineitem price"),
        (4, "Lineitem price"),
        (5, "Total"),
        (6, "Total"),
    ]
    orders = orders_in(ledger)
    assert (orders["#1"]["total_minor"], orders["#1"]["lines"][0][3]) == (1250, 1250)
    assert set(orders) == {"#1"}
