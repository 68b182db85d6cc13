"""`dropdesk review --json`, `--currency` and the German CSV, run as the merchant runs them."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from core.cancel import money_trail
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, Supplier, SupplierOrder
from core.money import to_minor
from core.rates import shipped_table
from tests.cli_support import run_dropdesk

DAY = datetime(2024, 5, 8, 10, tzinfo=UTC)  # the ECB published 1.0743 USD per euro that day


def _ledger_with_a_case(ledger: Ledger) -> None:
    """Order #5001: paid 100.00 EUR, refunded in full; the supplier (cost 40.00 USD) paid back
    21.49 USD, all on 8 May 2024. Supplier named like a formula."""
    with ledger.session() as s:
        supplier = Supplier(name='=HYPERLINK("http://x")')
        s.add(supplier)
        s.flush()
        order = CustomerOrder(name="#5001", currency="EUR", total_minor=10_000, processed_at=DAY)
        s.add(order)
        s.flush()
        placed = SupplierOrder(
            external_order_id="8400000000000001", supplier_id=supplier.id, customer_order_id=order.id,
            paid_at=DAY, cost_minor=4_000, currency="USD",
        )  # fmt: skip
        s.add(placed)
        s.flush()
        row = Cancellation(
            supplier_order_id=placed.id, customer_order_id=order.id, reason="damaged",
            state="done", path="refund", created_at=DAY,
        )  # fmt: skip
        s.add(row)
        s.flush()
        money_trail.record_to_customer(s, row, DAY, 10_000, "EUR")
        money_trail.expect_from_supplier(s, row, DAY, completed_at_supplier=True)
        money_trail.receive_from_supplier(s, row, DAY, 2_149)


def test_json_is_one_object_in_the_reporting_currency(ledger: Ledger) -> None:
    _ledger_with_a_case(ledger)
    done = run_dropdesk("review", "--json", "--ledger", str(ledger.path))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert list(result) == [
        "currency",
        "refunded_to_customers",
        "recovered_from_suppliers",
        "net_cost",
        "in_flight",
        "refunds",
        "by_currency",
        "rates",
    ]
    per_euro = shipped_table().per_euro("USD", DAY.date())
    assert per_euro == (Decimal("1.0743"), DAY.date())
    recovered = to_minor(Decimal("21.49") / Decimal("1.0743"), "EUR")
    # Net cost of the sale undone: supplier cost 40.00 USD less the 21.49 USD recovered.
    net = to_minor(Decimal("18.51") / Decimal("1.0743"), "EUR")
    assert result["currency"] == "EUR"
    assert result["refunded_to_customers"] == "100.00"
    assert result["recovered_from_suppliers"] == str(Decimal(recovered).scaleb(-2))
    assert Decimal(result["net_cost"]) == Decimal(net).scaleb(-2)
    assert result["in_flight"] == "0.00" and result["refunds"] == 1
    assert result["by_currency"] == {
        "EUR": {
            "refunded_to_customers": "100.00",
            "recovered_from_suppliers": "0.00",
            "net_cost": "0.00",
            "in_flight": "0.00",
        },
        "USD": {
            "refunded_to_customers": "0.00",
            "recovered_from_suppliers": "21.49",
            "net_cost": "18.51",
            "in_flight": "0.00",
        },
    }
    usd = result["rates"]["USD"]
    assert usd["source"] == "ECB" and usd["day"] == "2024-05-08" and usd["days"] == 1
    assert Decimal(usd["rate"]) == (1 / Decimal("1.0743")).quantize(Decimal("1e-12"))


def test_currency_option_and_its_refusal(ledger: Ledger) -> None:
    _ledger_with_a_case(ledger)
    done = run_dropdesk("review", "--json", "--currency", "usd", "--ledger", str(ledger.path))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["currency"] == "USD" and result["recovered_from_suppliers"] == "21.49"
    assert result["refunded_to_customers"] == "107.43"  # 100 EUR at 1.0743
    assert list(result["rates"]) == ["EUR"]
    bad = run_dropdesk("review", "--currency", "dollars", "--ledger", str(ledger.path))
    assert bad.returncode == 2 and "not a currency code" in bad.stderr
    assert "Traceback" not in bad.stderr
    unknown = run_dropdesk("review", "--currency", "XYZ", "--ledger", str(ledger.path))
    assert unknown.returncode == 2 and "no exchange rates for XYZ" in unknown.stderr


def test_german_csv_opens_in_german_excel(ledger: Ledger, tmp_path: Path) -> None:
    _ledger_with_a_case(ledger)
    target = tmp_path / "erstattungen.csv"
    done = run_dropdesk(
        "review", "--csv", str(target), "--language", "de", "--ledger", str(ledger.path)
    )
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    header = rows[0]
    assert header[:8] == [
        "Datum (UTC)",
        "Bestellung",
        "AliExpress-Bestellung",
        "Lieferant",
        "Richtung",
        "Betrag",
        "Währung",
        "Grund",
    ]
    lines = {row[4]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    customer = lines["An Kunden"]
    assert customer["Betrag"] == "100,00"  # a number to German Excel, no apostrophe
    assert customer["Grund"] == "Beschädigt" and customer["Bekannt aus"] == "Dropdesk"
    supplier = lines["Vom Lieferanten"]
    assert supplier["Betrag"] == "21,49" and supplier["Währung"] == "USD"
    assert supplier["Berichtswährung"] == "EUR" and supplier["Kursquelle"] == "EZB 2024-05-08"
    assert Decimal(supplier["Verwendeter Kurs"].replace(",", ".")) < 1
    # The supplier's formula-like name is still neutralised.
    assert customer["Lieferant"].startswith("'=HYPERLINK")
    assert date.fromisoformat(customer["Datum (UTC)"][:10]) == DAY.date()
