"""Real exports' shapes: no Currency column (older shops), dates a spreadsheet rewrote without
their offset (day-first, month-first, dotted), note attributes. The files are in tests/data
(made by tests/data/derive_rewritten.py from the hand-made admin export)."""

from __future__ import annotations

import re
import tracemalloc
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from core.imports import import_shopify_csv
from core.imports.date_order import scan_date_order
from core.imports.generate import generate_export
from core.imports.questions import Answers, AnswersNeeded, locale_date_order
from core.ledger import Ledger
from core.ledger.models import Shop
from core.ledger.types import to_db
from tests.catalogue import in_english, in_german
from tests.core.imports.conftest import DATA, count, orders_in

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(text: str) -> str | None:
    """A wall time in the merchant's zone (the default setting), as the ledger stores it."""
    return to_db(datetime.fromisoformat(text).replace(tzinfo=BERLIN))


def add_shop(ledger: Ledger, domain: str, currency: str) -> int:
    with ledger.session() as session:
        shop = Shop(domain=domain, currency=currency)
        session.add(shop)
        session.flush()
        assert shop.id is not None
        return shop.id


def note_attributes(ledger: Ledger) -> dict[str, str]:
    with ledger.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT name, note_attributes FROM customer_order")
        return dict(rows.all())


# --- no Currency column --------------------------------------------------------------------


def test_an_export_without_currency_takes_the_connected_shops(ledger: Ledger) -> None:
    shop_id = add_shop(ledger, "old-shop.myshopify.com", "USD")

    summary = import_shopify_csv(ledger, DATA / "orders_no_currency.csv")

    orders = orders_in(ledger)
    assert summary.added == 4 and not summary.refused
    assert {order["currency"] for order in orders.values()} == {"USD"}
    assert orders["#1003"]["total_minor"] == 123450  # 1234.50 USD
    assert summary.reading.currency == "USD" and summary.reading.currency_from == "shop"
    assert summary.reading.shop == "old-shop.myshopify.com"
    assert "No Currency column: amounts read in USD" in in_english(summary.reading.notes()[1])
    with ledger.engine.connect() as connection:
        shops = connection.exec_driver_sql("SELECT DISTINCT shop_id FROM customer_order").all()
    assert shops == [(shop_id,)]


def test_an_export_without_currency_and_no_shop_is_a_question_not_eur(ledger: Ledger) -> None:
    with pytest.raises(AnswersNeeded) as raised:
        import_shopify_csv(ledger, DATA / "orders_no_currency.csv")

    assert [q.kind for q in raised.value.questions] == ["currency"]
    assert "no Currency column" in str(raised.value) and "keine Spalte Currency" in (
        in_german(raised.value.text)
    )
    assert count(ledger, "customer_order") == 0 and count(ledger, "event") == 0

    preview = import_shopify_csv(
        ledger, DATA / "orders_no_currency.csv", dry_run=True, provisional=True, locale="en_GB"
    )
    (question,) = preview.questions
    assert (question.kind, question.suggested) == ("currency", "GBP")
    assert question.choices[0] == "GBP" and "EUR" in question.choices
    assert preview.added == 4 and preview.reading.currency_from == "suggested"
    assert count(ledger, "customer_order") == 0

    summary = import_shopify_csv(
        ledger, DATA / "orders_no_currency.csv", answers=Answers(currency="CHF")
    )
    assert summary.added == 4 and not summary.questions
    assert {order["currency"] for order in orders_in(ledger).values()} == {"CHF"}
    assert summary.reading.as_dict() == {"currency": "CHF", "currency_from": "answer"}


def test_a_provisional_preview_is_only_for_dry_runs(ledger: Ledger) -> None:
    with pytest.raises(AnswersNeeded):
        import_shopify_csv(ledger, DATA / "orders_no_currency.csv", provisional=True)
    assert count(ledger, "customer_order") == 0


# --- dates a spreadsheet rewrote --------------------------------------------------------------


def test_day_first_dates_settled_by_the_file(ledger: Ledger) -> None:
    summary = import_shopify_csv(ledger, DATA / "orders_excel_uk.csv")

    assert (summary.added, summary.refused) == (4, [])
    orders = orders_in(ledger)
    assert orders["#1001"]["created_at"] == berlin("2026-04-10 11:11")
    assert orders["#1002"]["cancelled_at"] == berlin("2026-04-11 09:00")
    reading = summary.reading
    assert (reading.date_order, reading.date_order_from) == ("dmy", "file")
    assert reading.date_evidence == 'line 5: "14/04/2026 08:00"'  # #1003's Fulfilled at
    assert (reading.time_zone, reading.time_zone_from) == ("Europe/Berlin", "merchant")
    notes = [in_english(note) for note in reading.notes()]
    assert 'Dates read day-first (as the file shows, line 5: "14/04/2026 08:00").' in notes
    assert any("read in Europe/Berlin" in note for note in notes)


def test_month_first_dates_with_a_12_hour_clock(ledger: Ledger) -> None:
    summary = import_shopify_csv(ledger, DATA / "orders_excel_us.csv", locale="de_DE")

    assert (summary.added, summary.refused) == (4, [])
    orders = orders_in(ledger)
    assert orders["#1003"]["created_at"] == berlin("2026-04-10 13:30")  # 4/10/2026 1:30 PM
    assert orders["#1004"]["created_at"] == berlin("2026-04-11 08:45")
    # The file settles it, whatever the merchant's locale writes.
    assert (summary.reading.date_order, summary.reading.date_order_from) == ("mdy", "file")


def test_the_file_beats_an_answer_that_contradicts_it(ledger: Ledger) -> None:
    summary = import_shopify_csv(
        ledger, DATA / "orders_excel_uk.csv", answers=Answers(date_order="mdy")
    )
    assert (summary.reading.date_order, summary.reading.date_order_from) == ("dmy", "file")
    assert orders_in(ledger)["#1001"]["created_at"] == berlin("2026-04-10 11:11")


def test_dotted_dates_of_german_excel(ledger: Ledger) -> None:
    summary = import_shopify_csv(ledger, DATA / "orders_excel_de_dotted.csv")

    assert (summary.added, summary.refused) == (4, [])
    assert orders_in(ledger)["#1001"]["created_at"] == berlin("2026-04-10 11:11")
    assert summary.reading.date_order is None  # nothing to settle: dots are day-first
    assert summary.reading.time_zone == "Europe/Berlin"


def test_an_unsettled_file_is_asked_once_and_nothing_is_imported(ledger: Ledger) -> None:
    path = DATA / "orders_excel_unsettled.csv"
    with pytest.raises(AnswersNeeded) as raised:
        import_shopify_csv(ledger, path)
    (question,) = raised.value.questions
    assert (question.kind, question.example) == ("date_order", "10/04/2026 11:11")
    assert count(ledger, "customer_order") == 0 and count(ledger, "event") == 0

    preview = import_shopify_csv(ledger, path, dry_run=True, provisional=True, locale="en")
    assert [q.kind for q in preview.questions] == ["date_order"]  # one question, not 4 rows
    assert preview.added == 4 and not preview.refused


@pytest.mark.parametrize(
    ("locale", "answer", "created", "source"),
    [
        ("de_DE", None, "2026-04-10 11:11", "locale"),
        ("en_US", None, "2026-10-04 11:11", "locale"),
        (None, "mdy", "2026-10-04 11:11", "answer"),
        ("en_US", "dmy", "2026-04-10 11:11", "answer"),
    ],
)
def test_an_unsettled_file_read_by_answer_or_locale(
    ledger: Ledger, locale: str | None, answer: str | None, created: str, source: str
) -> None:
    answers = Answers(date_order="mdy" if answer == "mdy" else "dmy" if answer else None)
    summary = import_shopify_csv(
        ledger, DATA / "orders_excel_unsettled.csv", answers=answers, locale=locale
    )
    assert summary.added == 4 and summary.reading.date_order_from == source
    assert orders_in(ledger)["#1001"]["created_at"] == berlin(created)


@pytest.mark.parametrize(
    ("locale", "order"),
    [
        ("de_DE.UTF-8", "dmy"),
        ("de", "dmy"),
        ("en_GB", "dmy"),
        ("en-US", "mdy"),
        ("es_US", "mdy"),
        ("en_CA", None),
        ("en", None),
        ("ja_JP", None),
        ("C", None),
        (None, None),
    ],
)
def test_locale_conventions(locale: str | None, order: str | None) -> None:
    assert locale_date_order(locale) == order


def _unsettled_export(path: Path, rows: int) -> Path:
    """A generated export whose dates a spreadsheet rewrote, every day 1-12: nothing settles
    the order, so a scan reads the whole file."""
    generate_export(path, rows=rows, seed=3)
    stamp = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2} [+-]\d{4}")
    text = stamp.sub(
        lambda m: f"{int(m[3]) % 12 + 1:02d}/{m[2]}/{m[1]} {m[4]}:{m[5]}",
        path.read_text(encoding="utf-8"),
    )
    path.write_text(text, encoding="utf-8")
    return path


def _scan_peak(path: Path) -> int:
    columns = [3, 5, 15]  # Paid at, Fulfilled at, Created at in the admin's layout
    tracemalloc.start()
    try:
        assert scan_date_order(path, columns) == (None, None)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_order_scan_keeps_memory_flat(tmp_path: Path) -> None:
    """The first pass that settles the order reads only date cells, streaming: a file four
    times as long takes no more memory."""
    small = _unsettled_export(tmp_path / "small.csv", 5_000)
    large = _unsettled_export(tmp_path / "large.csv", 20_000)
    assert large.stat().st_size > 4 * small.stat().st_size * 0.9
    small_peak, large_peak = _scan_peak(small), _scan_peak(large)
    assert large_peak < small_peak + 256 * 1024, f"{small_peak:,} -> {large_peak:,} bytes"


def test_an_unsettled_large_file_is_one_question(ledger: Ledger, tmp_path: Path) -> None:
    path = _unsettled_export(tmp_path / "orders.csv", 3_000)
    with pytest.raises(AnswersNeeded) as raised:
        import_shopify_csv(ledger, path)
    assert [q.kind for q in raised.value.questions] == ["date_order"]
    summary = import_shopify_csv(ledger, path, answers=Answers(date_order="dmy"))
    assert summary.added > 0 and not summary.refused


# --- note attributes ---------------------------------------------------------------------------


def test_note_attributes_are_stored_and_still_link(ledger: Ledger) -> None:
    summary = import_shopify_csv(ledger, DATA / "orders_shopify.csv")

    stored = note_attributes(ledger)
    assert stored["#1003"] == "AliExpress Order Number: 8198352049851316\nSource: DSers"
    assert stored["#1001"] == ""
    assert summary.linked == 3  # note (#1001), note attributes (#1003), tags (#1004)
    with ledger.engine.connect() as connection:
        linked = connection.exec_driver_sql(
            "SELECT c.name FROM supplier_order s JOIN customer_order c"
            " ON c.id = s.customer_order_id WHERE s.external_order_id = '8198352049851316'"
        ).all()
    assert linked == [("#1003",)]

    again = import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)


def test_a_file_without_note_attributes_leaves_them_alone(ledger: Ledger) -> None:
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    import_shopify_csv(ledger, DATA / "orders_reordered.csv")  # has them too
    import_shopify_csv(ledger, DATA / "orders_minimal_no_id.csv")  # has not
    assert note_attributes(ledger)["#1003"].startswith("AliExpress Order Number: 8198352049851316")
