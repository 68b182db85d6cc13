"""The refund review's figures on a small ledger whose every number is known."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from core.cancel import money_trail
from core.ledger import Ledger
from core.ledger.models import (
    Cancellation,
    CustomerOrder,
    Dispute,
    Refund,
    Supplier,
    SupplierOrder,
)
from core.ledger.types import Fault, Reason, RefundDirection, RefundState
from core.review import Amount, LineKind, Measures, Review, ReviewFilter, write_review_csv

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
TO = RefundDirection.TO_CUSTOMER.value
FROM = RefundDirection.FROM_SUPPLIER.value
ISSUED, RECEIVED = RefundState.ISSUED.value, RefundState.RECEIVED.value
EXPECTED, FAILED = RefundState.EXPECTED.value, RefundState.FAILED.value


@dataclass
class Ids:
    a: int
    b: int
    c: int


def _order(session, supplier_id: int, n: int, *, currency: str = "EUR", total: int = 10_000):
    order = CustomerOrder(name=f"#{1000 + n}", currency=currency, total_minor=total)
    session.add(order)
    session.flush()
    placed = SupplierOrder(
        external_order_id=f"81000000000{n:05d}",
        supplier_id=supplier_id,
        customer_order_id=order.id,
        paid_at=datetime(2026, 4, 1, tzinfo=UTC) + timedelta(days=n),
        cost_minor=total // 2,
    )
    session.add(placed)
    session.flush()
    return order, placed


def _cancel(session, order, placed, reason: Reason, fault: Fault, at: datetime, state="done"):
    cancellation = Cancellation(
        supplier_order_id=placed.id,
        customer_order_id=order.id,
        reason=reason.value,
        fault=fault.value,
        state=state,
        created_at=at,
    )
    session.add(cancellation)
    session.flush()
    return cancellation


def _refund(session, cancellation, direction: str, amount: int, currency: str, state: str, at,
            *, until=None, order=None, placed=None, reason=None, fault=None) -> None:  # fmt: skip
    session.add(
        Refund(
            cancellation_id=cancellation.id if cancellation else None,
            customer_order_id=order.id if order else None,
            supplier_order_id=placed.id if placed else None,
            direction=direction,
            amount_minor=amount,
            currency=currency,
            reason=reason or (cancellation.reason if cancellation else "other"),
            fault=fault or (cancellation.fault if cancellation else "unknown"),
            state=state,
            issued_at=at,
            expected_until=until,
        )
    )


@pytest.fixture
def known(ledger: Ledger) -> Ids:
    """Three suppliers; cases in April and May 2026, in EUR and in USD.

    Supplier A (4 orders):
      1 damaged/carrier, April:   customer 100.00 EUR issued; supplier 45.00 USD received
      2 wrong size/customer, May: customer 50.00 EUR (partial) issued; no supplier refund
      3 changed mind, May:        customer 30.00 EUR issued; supplier 12.00 USD expected,
                                  overdue since 10 June
      4 (no refund)
    Supplier B (2 orders):
      5 not as described/merchant, May, a USD shop order: customer 80.00 USD issued and
        another 20.00 USD received (partial refunds); supplier 40.00 USD failed
      6 out of stock/supplier, May: customer 60.00 EUR expected (not yet paid); supplier
        25.00 USD expected until July (not overdue); a dispute in USD
    Supplier C (1 order):
      7 damaged, April, linked by customer order only (no cancellation): customer 70.00 EUR
        issued; supplier refund linked by supplier order: 30.00 USD received
    """
    april, may = datetime(2026, 4, 20, 10, tzinfo=UTC), datetime(2026, 5, 10, 10, tzinfo=UTC)
    with ledger.session() as s:
        sa, sb, sc = (Supplier(name=n) for n in ("Alpha Store", "Beta Store", "Gamma Store"))
        s.add_all([sa, sb, sc])
        s.flush()
        assert sa.id and sb.id and sc.id
        o1, p1 = _order(s, sa.id, 1)
        c1 = _cancel(s, o1, p1, Reason.DAMAGED, Fault.CARRIER, april)
        _refund(s, c1, TO, 10_000, "EUR", ISSUED, april, order=o1)
        _refund(s, c1, FROM, 4_500, "USD", RECEIVED, april, placed=p1)
        o2, p2 = _order(s, sa.id, 2)
        c2 = _cancel(s, o2, p2, Reason.WRONG_SIZE, Fault.CUSTOMER, may)
        _refund(s, c2, TO, 5_000, "EUR", ISSUED, may, order=o2)
        o3, p3 = _order(s, sa.id, 3)
        c3 = _cancel(s, o3, p3, Reason.CHANGED_MIND, Fault.CUSTOMER, may)
        _refund(s, c3, TO, 3_000, "EUR", ISSUED, may, order=o3)
        _refund(s, c3, FROM, 1_200, "USD", EXPECTED, may, until=datetime(2026, 6, 10, tzinfo=UTC))
        _order(s, sa.id, 4)
        o5, p5 = _order(s, sb.id, 5, currency="USD")
        c5 = _cancel(s, o5, p5, Reason.NOT_AS_DESCRIBED, Fault.MERCHANT, may)
        _refund(s, c5, TO, 8_000, "USD", ISSUED, may, order=o5)
        _refund(s, c5, TO, 2_000, "USD", RECEIVED, may + timedelta(days=1), order=o5)
        _refund(s, c5, FROM, 4_000, "USD", FAILED, may, placed=p5)
        o6, p6 = _order(s, sb.id, 6)
        c6 = _cancel(s, o6, p6, Reason.OUT_OF_STOCK, Fault.SUPPLIER, may, "dispute_open")
        _refund(s, c6, TO, 6_000, "EUR", EXPECTED, may, order=o6)
        _refund(s, c6, FROM, 2_500, "USD", EXPECTED, may, until=datetime(2026, 7, 1, tzinfo=UTC))
        s.add(
            Dispute(
                supplier_order_id=p6.id,
                cancellation_id=c6.id,
                opened_at=may,
                first_tracking_at=may + timedelta(days=2),
                amount_minor=2_500,
                currency="USD",
            )
        )
        o7, p7 = _order(s, sc.id, 7)
        _refund(s, None, TO, 7_000, "EUR", ISSUED, april, order=o7, reason="damaged")
        _refund(s, None, FROM, 3_000, "USD", RECEIVED, april, placed=p7, reason="damaged")
        return Ids(sa.id, sb.id, sc.id)


def by_currency(rows: tuple[Measures, ...]) -> dict[str, Measures]:
    return {m.currency: m for m in rows}


def test_totals_per_currency(ledger: Ledger, known: Ids) -> None:
    summary = Review(ledger.engine).summary(ReviewFilter(), NOW)
    eur, usd = by_currency(summary.totals)["EUR"], by_currency(summary.totals)["USD"]
    # Refunded: issued or received customer refunds, never mixed across currencies.
    assert eur.refunded == 10_000 + 5_000 + 3_000 + 7_000
    assert usd.refunded == 8_000 + 2_000
    assert eur.customer_refunds == 4 and usd.customer_refunds == 2
    # Recovered: received supplier refunds only.
    assert usd.recovered == 4_500 + 3_000 and eur.recovered == 0
    # Out of pocket: order 2 (no supplier refund) and order 5 (its supplier refund failed).
    assert eur.out_of_pocket == 5_000
    assert usd.out_of_pocket == 10_000
    # Awaiting: order 3's customer refund, whose supplier money is still expected.
    assert eur.awaiting == 3_000
    # Still expected from suppliers: orders 3 and 6; overdue: order 3 only.
    assert usd.expected == 1_200 + 2_500 and usd.overdue == 1_200
    assert summary.refunds == 12
    assert summary.total("recovered") == (Amount("USD", 7_500),)
    assert summary.total("out_of_pocket") == (Amount("EUR", 5_000), Amount("USD", 10_000))


def test_breakdowns(ledger: Ledger, known: Ids) -> None:
    summary = Review(ledger.engine).summary(ReviewFilter(), NOW)
    reasons = {(g.label, g.measures.currency): g.measures for g in summary.by_reason}
    assert reasons["Damaged", "EUR"].refunded == 17_000
    assert reasons["Damaged", "USD"].recovered == 7_500
    assert reasons["Not as described", "USD"].out_of_pocket == 10_000
    faults = {(g.key, g.measures.currency): g.measures for g in summary.by_fault}
    assert faults["merchant", "USD"].refunded == 10_000
    assert faults["customer", "EUR"].refunded == 8_000
    assert faults["customer", "EUR"].out_of_pocket == 5_000
    assert faults["unknown", "EUR"].refunded == 7_000  # order 7's refunds carry no fault
    suppliers = {(g.label, g.measures.currency): g.measures for g in summary.by_supplier}
    assert suppliers["Alpha Store", "EUR"].refunded == 18_000
    assert suppliers["Beta Store", "USD"].expected == 2_500
    assert suppliers["Gamma Store", "USD"].recovered == 3_000  # linked through orders only
    months = {(g.key, g.measures.currency): g.measures for g in summary.by_month}
    assert months["2026-04", "EUR"].refunded == 17_000
    assert months["2026-05", "EUR"].out_of_pocket == 5_000
    assert months["2026-05", "USD"].refunded == 10_000


def test_supplier_rates_rank_exactly(ledger: Ledger, known: Ids) -> None:
    rates = Review(ledger.engine).supplier_rates(ReviewFilter())
    assert [(r.name, r.orders, r.refunded_orders) for r in rates] == [
        ("Gamma Store", 1, 1),
        ("Alpha Store", 4, 3),
        ("Beta Store", 2, 1),  # order 6 was not refunded yet
    ]
    assert rates[1].percent_text() == "75.0 %"
    assert rates[1].per_mille == 750


def test_filters(ledger: Ledger, known: Ids) -> None:
    review = Review(ledger.engine)
    only_b = review.summary(ReviewFilter(supplier_ids=(known.b,)), NOW)
    assert {m.currency: m.refunded for m in only_b.totals} == {"EUR": 0, "USD": 10_000}
    assert [r.name for r in only_b.supplier_rates] == ["Beta Store"]
    assert only_b.disputes[0].count == 1 and only_b.disputes[0].shipped_after_filing == 1
    april = ReviewFilter.for_days(date(2026, 4, 1), date(2026, 4, 30), "UTC")
    in_april = by_currency(review.summary(april, NOW).totals)
    assert in_april["EUR"].refunded == 17_000 and in_april["USD"].recovered == 7_500
    # A case stays "awaiting" even when its supplier refund is outside the filter.
    issued = review.summary(ReviewFilter(states=("issued",)), NOW)
    assert by_currency(issued.totals)["EUR"].awaiting == 3_000
    assert by_currency(issued.totals)["USD"].expected == 0
    damaged = review.summary(ReviewFilter(reasons=("damaged",)), NOW)
    assert by_currency(damaged.totals)["EUR"].refunded == 17_000
    assert review.count(LineKind.REFUNDS, ReviewFilter(reasons=("damaged",))) == 4
    assert review.count(LineKind.CANCELLATIONS, ReviewFilter(supplier_ids=(known.a,))) == 3


def test_lines_newest_first_with_case(ledger: Ledger, known: Ids) -> None:
    review = Review(ledger.engine)
    lines = review.lines(LineKind.REFUNDS, ReviewFilter(supplier_ids=(known.a,)), 0, 50)
    assert len(lines) == 5
    dates = [line[0] for line in lines]
    assert all(isinstance(d, datetime) for d in dates)
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    cases = {(line[1], line[4]): line[10] for line in lines}
    assert cases["#1001", "To customer"] == "Recovered"
    assert cases["#1002", "To customer"] == "Not recovered"
    assert cases["#1003", "To customer"] == "Awaiting supplier"
    assert cases["#1003", "From supplier"] == ""
    page = review.lines(LineKind.REFUNDS, ReviewFilter(), 10, 5)
    assert len(page) == 2
    assert list(review.iter_lines(LineKind.REFUNDS, ReviewFilter())) == review.lines(
        LineKind.REFUNDS, ReviewFilter(), 0, 100
    )
    disputes = review.lines(LineKind.DISPUTES, ReviewFilter())
    assert disputes[0][8] == "yes" and disputes[0][10] == Amount("USD", 2_500)
    cancellations = review.cancellation_states(ReviewFilter())
    assert dict(cancellations) == {"done": 4, "dispute_open": 1}


def test_empty_ledger(ledger: Ledger) -> None:
    summary = Review(ledger.engine).summary(ReviewFilter(), NOW)
    assert summary.totals == () and summary.refunds == 0 and summary.supplier_rates == ()
    assert Review(ledger.engine).lines(LineKind.REFUNDS, ReviewFilter()) == []


def test_csv_export_of_the_lines(ledger: Ledger, known: Ids, tmp_path: Path) -> None:
    target = tmp_path / "refunds.csv"
    written = write_review_csv(Review(ledger.engine), ReviewFilter(), target)
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert written == 12 and len(rows) == 13
    assert rows[0][:8] == [
        "Date (UTC)",
        "Order",
        "AliExpress order",
        "Supplier",
        "Direction",
        "Amount",
        "Currency",
        "Reason",
    ]
    first_april = [r for r in rows if r[1] == "#1001" and r[4] == "To customer"]
    assert first_april == [
        [
            "2026-04-20 10:00:00",
            "#1001",
            "8100000000000001",
            "Alpha Store",
            "To customer",
            "100.00",
            "EUR",
            "Damaged",
            "Carrier",
            "Issued",
            "",
            "Recovered",
            "Dropdesk",
            "100.00",
            "EUR",
            "1",
            "",
        ]
    ]
    assert rows[0][-5:] == [
        "Known from",
        "In reporting currency",
        "Reporting currency",
        "Rate used",
        "Rate source",
    ]
    usd = next(r for r in rows if r[6] == "USD" and r[1] == "#1001")
    assert usd[-3] == "EUR" and usd[-1] == "ECB 2026-04-20"  # the ECB's rate of that Monday


def test_breakdowns_add_up_to_the_totals(ledger: Ledger, known: Ids) -> None:
    summary = Review(ledger.engine).summary(ReviewFilter(), NOW)
    for groups in (summary.by_reason, summary.by_fault, summary.by_supplier, summary.by_month):
        for total in summary.totals:
            same = [g.measures for g in groups if g.measures.currency == total.currency]
            for measure in ("refunded", "recovered", "out_of_pocket", "expected", "lines"):
                assert sum(getattr(m, measure) for m in same) == getattr(total, measure)


def test_refunds_written_by_the_cancel_workflow(ledger: Ledger) -> None:
    """The money trail of core.cancel (customer refund, supplier refund expected, completed at
    the supplier, then received) reads as awaiting, still expected, then recovered."""
    day = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with ledger.session() as s:
        supplier = Supplier(name="Workflow Store")
        s.add(supplier)
        s.flush()
        assert supplier.id is not None
        order, placed = _order(s, supplier.id, 1, total=4_200)
        row = _cancel(s, order, placed, Reason.DAMAGED, Fault.SUPPLIER, day)
        money_trail.record_to_customer(s, row, day, 4_200, "EUR")
        money_trail.expect_from_supplier(s, row, day, completed_at_supplier=False)
    review = Review(ledger.engine)
    totals = by_currency(review.summary(ReviewFilter(), day + timedelta(days=1)).totals)
    assert totals["EUR"].awaiting == 4_200 and totals["USD"].expected == 2_100
    late = by_currency(review.summary(ReviewFilter(), day + timedelta(days=60)).totals)
    assert late["USD"].overdue == 2_100  # past the supplier's 15 business days
    with ledger.session() as s:
        row = s.get(Cancellation, row.id)
        assert row is not None
        money_trail.expect_from_supplier(s, row, day, completed_at_supplier=True)
        money_trail.receive_from_supplier(s, row, day + timedelta(days=9), None)
    totals = by_currency(review.summary(ReviewFilter(), day + timedelta(days=60)).totals)
    assert totals["EUR"].refunded == 4_200 and totals["EUR"].awaiting == 0
    assert totals["EUR"].out_of_pocket == 0 and totals["USD"].recovered == 2_100
    assert totals["USD"].expected == 0
