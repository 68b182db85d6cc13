"""The money model in the review: one reporting currency at the rate of each day (or the
merchant's own), refunds Shopify knows counted beside Dropdesk's without double counting, and
the net cost of each way a cancellation can go."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import Session

from core import settings
from core.cancel import money_trail
from core.imports.generate import generate_export
from core.imports.shopify_csv import import_shopify_csv
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, Supplier, SupplierOrder
from core.money import net_cost, to_minor
from core.rates import EcbTable, Rates, check_currency, parse_manual, shipped_table
from core.review import (
    Amount,
    LineKind,
    Review,
    ReviewFilter,
    rates_of_ledger,
    reporting_currency,
    write_review_csv,
)
from tests.catalogue import in_english, in_german

# Fixed test rates (units per euro), as the ECB's CSV has them: Friday 8 May, Monday 11 May.
TABLE = EcbTable(
    [
        "Date,USD,GBP,JPY,",
        "2026-05-11,1.2500,0.8000,160.00,",
        "2026-05-08,1.1000,0.8500,N/A,",
        "2026-05-07,1.0000,0.9000,155.00,",
    ]
)
FRIDAY = datetime(2026, 5, 8, 9, tzinfo=UTC)
SATURDAY = datetime(2026, 5, 9, 9, tzinfo=UTC)
MONDAY = datetime(2026, 5, 11, 9, tzinfo=UTC)
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def test_rates_of_the_day_cross_and_weekend() -> None:
    rates = Rates("EUR", TABLE)
    usd = rates.rate("USD", MONDAY.date())
    assert usd is not None and usd.value == Decimal("0.8") and usd.day == MONDAY.date()
    weekend = rates.rate("USD", SATURDAY.date())  # no publication: Friday's, and says so
    assert weekend is not None and weekend.day == FRIDAY.date()
    assert weekend.value == (Decimal(1) / Decimal("1.1")).quantize(Decimal("1e-12"))
    assert in_english(weekend.describe()) == "1 USD = 0.909091 EUR (ECB, 2026-05-08)"
    # The catalogue's German words; the rate and day stay facts the window formats itself
    # (gui.formatting.field_text: "0,909091" and the window's date order).
    assert in_german(weekend.describe()) == "1 USD = 0.909091 EUR (EZB, 2026-05-08)"
    assert weekend.describe().fields["value"] == Decimal("0.909091")
    assert weekend.describe().fields["day"] == FRIDAY.date()
    # A cross rate from one day's two euro rates: 1 USD = 0.8 / 1.25 GBP on Monday.
    gbp = Rates("GBP", TABLE).rate("USD", MONDAY.date())
    assert gbp is not None and gbp.value == Decimal("0.64")
    # JPY missing on Friday: the latest publication before it.
    yen = Rates("EUR", TABLE).rate("JPY", FRIDAY.date())
    assert yen is not None and yen.day == date(2026, 5, 7)
    # Before the history: unknown; after it: the last day, marked.
    assert rates.rate("USD", date(2026, 5, 1)) is None
    late = rates.rate("USD", date(2026, 7, 1))
    assert (
        late is not None
        and late.latest_known
        and "latest rate known" in in_english(late.describe())
    )
    assert rates.rate("XYZ", MONDAY.date()) is None and not rates.knows("XYZ")


def test_manual_rate_wins_both_ways() -> None:
    manual = parse_manual({"usd/eur": "0.5", "GBP/EUR": "nonsense", "bad": "1"})
    assert manual == {("USD", "EUR"): Decimal("0.5")}
    rate = Rates("EUR", TABLE, manual).rate("USD", MONDAY.date())
    assert rate is not None and rate.value == Decimal("0.5") and rate.origin == "manual"
    assert in_english(rate.describe()) == "1 USD = 0.5 EUR (set by hand)"
    back = Rates("USD", TABLE, manual).rate("EUR", MONDAY.date())
    assert back is not None and back.value == 2


def test_shipped_history_is_the_ecbs() -> None:
    table = shipped_table()
    assert {"USD", "GBP", "EUR", "CHF"} <= table.currencies
    last = table.last_day()
    assert last is not None and last >= date(2026, 1, 1)
    found = table.per_euro("USD", date(2024, 5, 8))
    assert found == (Decimal("1.0743"), date(2024, 5, 8))  # the ECB's published rate that day


def test_currency_codes_are_checked() -> None:
    assert check_currency(" usd ") == "USD"
    with pytest.raises(ValueError, match="not a currency code"):
        check_currency("dollars")


# --- the model on a ledger ----------------------------------------------------------------------


def _case(
    s: Session,
    supplier: Supplier,
    n: int,
    *,
    total: int = 10_000,
    cost: int = 4_000,
    at: datetime = MONDAY,
    cancelled: bool = False,
    path: str = "refund",
) -> tuple[CustomerOrder, SupplierOrder, Cancellation]:
    order = CustomerOrder(
        name=f"#{2000 + n}",
        currency="EUR",
        total_minor=total,
        processed_at=at,
        cancelled_at=at if cancelled else None,
    )
    s.add(order)
    s.flush()
    placed = SupplierOrder(
        external_order_id=f"8200000000{n:06d}",
        supplier_id=supplier.id,
        customer_order_id=order.id,
        paid_at=at,
        cost_minor=cost,
        currency="USD",
    )
    s.add(placed)
    s.flush()
    row = Cancellation(
        supplier_order_id=placed.id,
        customer_order_id=order.id,
        reason="damaged",
        fault="supplier",
        state="done",
        path=path,
        created_at=at,
    )
    s.add(row)
    s.flush()
    return order, placed, row


def _eur(minor_usd: int, per_euro: str) -> Decimal:
    return Decimal(minor_usd) / Decimal(per_euro)


def test_net_cost_of_each_cancellation_path(ledger: Ledger) -> None:
    """Each path, as the wizard records it, costs what core.money.net_cost says: USD at
    Monday's 1.25 per euro, EUR as it is."""
    with ledger.session() as s:
        supplier = Supplier(name="Path Store")
        s.add(supplier)
        s.flush()
        # 1. Cancelled before shipping: customer refunded in full, supplier refunded in full.
        _o, _p, row = _case(s, supplier, 1, cancelled=True, path="cancel")
        money_trail.record_to_customer(s, row, MONDAY, 10_000, "EUR")
        money_trail.expect_from_supplier(s, row, MONDAY, completed_at_supplier=True)
        money_trail.receive_from_supplier(s, row, MONDAY, None)
        # 2. Shipped, the supplier refused: the customer got everything back, the supplier
        #    nothing: the supplier cost is lost.
        _o, _p, row = _case(s, supplier, 2)
        money_trail.record_to_customer(s, row, MONDAY, 10_000, "EUR")
        # 3. A partial refund while the goods stay (20 EUR); the supplier paid back 5 USD.
        _o, _p, row = _case(s, supplier, 3)
        money_trail.record_to_customer(s, row, MONDAY, 2_000, "EUR")
        money_trail.expect_from_supplier(s, row, MONDAY, completed_at_supplier=False)
        money_trail.receive_from_supplier(s, row, MONDAY, 500)
        # 4. Refunded in full, the supplier's refund still in flight.
        _o, _p, row = _case(s, supplier, 4)
        money_trail.record_to_customer(s, row, MONDAY, 10_000, "EUR")
        money_trail.expect_from_supplier(s, row, MONDAY, completed_at_supplier=False)
    model_usd = [
        net_cost(paid=0, refunded=0, supplier_cost=4_000, recovered=4_000, reversed_sale=True),
        net_cost(paid=0, refunded=0, supplier_cost=4_000, recovered=0, reversed_sale=True),
        0,
        net_cost(paid=0, refunded=0, supplier_cost=4_000, recovered=0, reversed_sale=True),
    ]
    model_eur = [
        net_cost(paid=10_000, refunded=10_000, supplier_cost=0, recovered=0, reversed_sale=True),
        net_cost(paid=10_000, refunded=10_000, supplier_cost=0, recovered=0, reversed_sale=True),
        net_cost(paid=10_000, refunded=2_000, supplier_cost=0, recovered=0, reversed_sale=False),
        0,
    ]
    assert model_usd == [0, 4_000, 0, 4_000] and model_eur == [0, 0, 2_000, 0]
    review = Review(ledger.engine, Rates("EUR", TABLE))
    summary = review.summary(ReviewFilter(), NOW)
    months = {g.key: g for g in summary.in_reporting("month")}
    # Each case alone, through the filter on its order's supplier order is not possible, so
    # the whole: 0 + 40 USD + (20 EUR - 5 USD) + 40 USD, USD at 1.25 per euro.
    expected_eur = Decimal(2_000) + _eur(4_000 + 4_000 - 500, "1.25")
    assert summary.reporting("net_cost") == to_minor(expected_eur / 100, "EUR")
    assert summary.reporting("net_cost") == 2_000 + 6_000
    assert months["2026-05"].measures.net_cost == 8_000
    by_currency = {m.currency: m for m in summary.totals}
    # Per currency: -P + R_c of the undone sales cancel out in EUR; the partial refund stays.
    assert by_currency["EUR"].net_cost == 2_000
    assert by_currency["USD"].net_cost == 4_000 - 4_000 + 4_000 - 500 + 4_000
    assert by_currency["USD"].expected == 4_000  # case 4: in flight
    assert summary.reporting("expected") == 3_200
    assert summary.reporting("refunded") == 32_000
    assert summary.reporting("recovered") == to_minor(_eur(4_500, "1.25") / 100, "EUR")
    # Per order, in the reporting currency: net cost and profit by the same model.
    orders = review.lines(LineKind.ORDERS, ReviewFilter(), 0, 10)
    assert review.count(LineKind.ORDERS, ReviewFilter()) == len(orders) == 4
    per_order = {line[1]: line for line in orders}
    net = {name: line[8] for name, line in per_order.items()}
    assert net == {
        "#2001": Amount("EUR", 0),
        "#2002": Amount("EUR", 3_200),
        "#2003": Amount("EUR", 2_000 - 400),
        "#2004": Amount("EUR", 3_200),
    }
    assert per_order["#2002"][9] == Amount("EUR", -3_200)  # paid back, the supplier kept 40 USD
    assert per_order["#2003"][9] == Amount("EUR", 10_000 - 2_000 - 3_200 + 400)
    assert per_order["#2003"][7] == "" and per_order["#2002"][7] == "yes"  # sale undone
    assert sum(n.minor for n in net.values() if n) == summary.reporting("net_cost")


def test_conversion_uses_the_rate_of_each_day_and_the_manual_rate(ledger: Ledger) -> None:
    with ledger.session() as s:
        supplier = Supplier(name="Day Store")
        s.add(supplier)
        s.flush()
        for n, day in ((1, FRIDAY), (2, MONDAY)):
            _o, _p, row = _case(s, supplier, n, at=day)
            money_trail.record_to_customer(s, row, day, 10_000, "EUR")
            money_trail.expect_from_supplier(s, row, day, completed_at_supplier=True)
            money_trail.receive_from_supplier(s, row, day, 1_100)  # 11.00 USD each
    summary = Review(ledger.engine, Rates("EUR", TABLE)).summary(ReviewFilter(), NOW)
    # 11 USD on Friday at 1.10 = 10.00 EUR; on Monday at 1.25 = 8.80 EUR.
    assert summary.reporting("recovered") == 1_000 + 880
    (use,) = [u for u in summary.rates if u.currency == "USD"]
    assert (use.first_day, use.last_day, use.days) == (FRIDAY.date(), MONDAY.date(), 2)
    assert use.latest.value == Decimal("0.8")
    assert "the rate of each day, 2 days from 2026-05-08" in in_english(use.describe())
    # The merchant sets 1 USD = 0.5 EUR by hand: it wins on every day.
    with ledger.session() as s:
        settings.put(s, "manual_rates", {"USD/EUR": "0.5"})
    rates = rates_of_ledger(ledger.engine, table=TABLE)
    manual = Review(ledger.engine, rates).summary(ReviewFilter(), NOW)
    assert manual.reporting("recovered") == 1_100
    assert manual.rates[-1].latest.origin == "manual"
    # The reporting currency: the setting, else the shop's, else EUR.
    assert reporting_currency(ledger.engine) == "EUR"
    with ledger.session() as s:
        settings.put(s, "reporting_currency", "usd")
    assert reporting_currency(ledger.engine) == "USD"
    in_usd = Review(ledger.engine, rates_of_ledger(ledger.engine, table=TABLE)).summary(
        ReviewFilter(), NOW
    )
    assert in_usd.currency == "USD" and in_usd.reporting("recovered") == 2_200
    assert in_usd.reporting("refunded") == 40_000  # 2 x 100 EUR at the manual 2 USD per EUR


def test_unknown_currency_is_left_out_and_named(ledger: Ledger) -> None:
    with ledger.session() as s:
        s.add(CustomerOrder(name="#9", currency="XYZ", total_minor=500, refunded_minor=500))
    summary = Review(ledger.engine, Rates("EUR", TABLE)).summary(ReviewFilter(), NOW)
    assert summary.unconverted == ("XYZ",)
    assert summary.reporting("refunded") == 0
    assert {m.currency: m.refunded for m in summary.totals} == {"XYZ": 500}


# --- the whole history: the export and the sync ------------------------------------------------


def _money_cell(text: str) -> int:
    return int(Decimal(text.replace(",", ".")) * 100)


def test_an_imported_export_gives_its_refunded_amounts_per_currency(
    ledger: Ledger, tmp_path: Path
) -> None:
    source = tmp_path / "export.csv"
    generate_export(source, orders=120, seed=5)
    with source.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    header = rows[0]
    name, currency, refunded = (header.index(c) for c in ("Name", "Currency", "Refunded Amount"))
    # Every third order in USD; every refunded order whose number ends in 1 refunded in part.
    orders: dict[str, int] = {}
    for row in rows[1:]:
        number = int(row[name].lstrip("#"))
        if number % 3 == 0:
            row[currency] = "USD" if row[currency] else ""
        if row[refunded] and _money_cell(row[refunded]) and number % 10 == 1:
            row[refunded] = "12.34"
        orders.setdefault(row[name], number)
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    expected: dict[str, int] = {}
    for row in rows[1:]:
        if row[refunded]:  # the order's first row carries its amounts
            code = row[currency]
            expected[code] = expected.get(code, 0) + _money_cell(row[refunded])
    assert sum(expected.values()) > 0 and set(expected) == {"EUR", "USD"}
    summary = import_shopify_csv(ledger, edited)
    assert summary.added == len(orders)
    review = Review(ledger.engine, Rates("EUR", TABLE))
    result = review.summary(ReviewFilter(), NOW)
    assert {m.currency: m.refunded for m in result.totals} == expected
    assert {m.currency: m.from_shop for m in result.totals} == expected
    assert result.reporting("customer_refunds") == sum(
        1 for row in rows[1:] if row[refunded] and _money_cell(row[refunded])
    )
    # Listed as known from Shopify, dated by their orders.
    lines = review.lines(LineKind.REFUNDS, ReviewFilter(), 0, 500)
    assert lines and {line[11] for line in lines} == {"Shopify (order date)"}


def test_a_refund_shopify_and_dropdesk_both_know_counts_once(ledger: Ledger) -> None:
    """Shopify's refunded total includes the refund Dropdesk made through it: only what was
    refunded beyond Dropdesk's own refunds on the order counts as Shopify's."""
    with ledger.session() as s:
        supplier = Supplier(name="Twice Store")
        s.add(supplier)
        s.flush()
        order, _p, row = _case(s, supplier, 1)
        money_trail.record_to_customer(
            s, row, MONDAY, 3_000, "EUR", shopify_refund_gid="gid://shopify/Refund/1"
        )
        order.refunded_minor = 3_000  # the sync (or a new export) brings Shopify's total
        s.add(order)
    review = Review(ledger.engine, Rates("EUR", TABLE))
    once = review.summary(ReviewFilter(), NOW)
    assert once.reporting("refunded") == 3_000 and once.reporting("from_shop") == 0
    assert once.reporting("customer_refunds") == 1
    # Then a second refund of 10 EUR is made in the Shopify admin: the total grows to 40 EUR.
    with ledger.session() as s:
        stored = s.get(CustomerOrder, order.id)
        assert stored is not None
        stored.refunded_minor = 4_000
        s.add(stored)
    both = review.summary(ReviewFilter(), NOW)
    assert both.reporting("refunded") == 4_000 and both.reporting("from_shop") == 1_000
    assert both.reporting("customer_refunds") == 2


def test_orders_csv_keeps_its_columns_where_amounts_are_missing(
    ledger: Ledger, tmp_path: Path
) -> None:
    with ledger.session() as s:  # refunded in Shopify, no supplier order: no cost, no profit
        s.add(CustomerOrder(name="#7", currency="EUR", total_minor=5_000, refunded_minor=1_000))
    target = tmp_path / "orders.csv"
    review = Review(ledger.engine, Rates("EUR", TABLE))
    assert write_review_csv(review, ReviewFilter(), target, LineKind.ORDERS, language="de") == 1
    with target.open(encoding="utf-8-sig", newline="") as stream:
        header, row = list(csv.reader(stream, delimiter=";"))
    assert len(header) == len(row)
    line = dict(zip(header, row, strict=True))
    assert line["Bezahlt"] == "50,00" and line["Erstattet"] == "10,00"
    assert line["Lieferantenkosten"] == "" and line["Gewinn"] == ""
    assert line["Nettokosten"] == "10,00"  # a partial refund, the goods kept
