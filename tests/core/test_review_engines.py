"""The refund review gives the same answer on a ledger file and on a server ledger.

The same seeded ledger (many currencies, partial and undated refunds, refunds on the same
instant, refunds Shopify knows beyond Dropdesk's, cancelled orders, disputes) is written into
a SQLite file and a PostgreSQL database; every summary figure and every line of every kind,
filtered and not, must be equal: what the two engines would decide differently (ties of the
first refund, NULLs in the order, instants as text or timestamps) is pinned in core.review.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from core.ledger import Ledger, open_ledger
from core.ledger.models import (
    Cancellation,
    CustomerOrder,
    Dispute,
    Refund,
    Supplier,
    SupplierOrder,
)
from core.ledger.server import open_server_ledger
from core.ledger.server_address import parse
from core.review import LineKind, Review, ReviewFilter

pytestmark = pytest.mark.postgresql

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
REASONS = ("damaged", "wrong_size", "changed_mind", "out_of_stock", "fraud", "other")
FAULTS = ("supplier", "merchant", "customer", "carrier", "unknown")
STATES = ("expected", "issued", "received", "failed")


def _when(rng: random.Random) -> datetime:
    """An instant in March to June; often the same one (ties), sometimes with microseconds."""
    day = START + timedelta(days=rng.randrange(100))
    if rng.random() < 0.3:
        return day
    return day + timedelta(hours=rng.randrange(24), microseconds=rng.choice((0, 123_456)))


def _fill(session: Session, seed: int) -> None:
    rng = random.Random(seed)
    suppliers = [Supplier(name=f"supplier {n}") for n in range(4)]
    session.add_all(suppliers)
    session.flush()
    for n in range(60):
        currency = rng.choice(("EUR", "EUR", "USD", "GBP", "XYZ"))
        total = rng.randrange(1_000, 20_000)
        placed_at = _when(rng)
        order = CustomerOrder(
            name=f"#{3000 + n}",
            currency=currency,
            total_minor=total,
            processed_at=placed_at if rng.random() < 0.8 else None,
            created_at=placed_at,
            cancelled_at=placed_at + timedelta(days=2) if rng.random() < 0.2 else None,
            cancel_reason=rng.choice(("customer", "inventory", "fraud", None)),
            refunded_minor=rng.choice((0, 0, total // 2, total)),
        )
        session.add(order)
        session.flush()
        supplier = rng.choice([*suppliers, None])
        placed = None
        if supplier is not None:
            placed = SupplierOrder(
                external_order_id=f"83000000000{n:05d}",
                supplier_id=supplier.id,
                customer_order_id=order.id,
                paid_at=placed_at + timedelta(hours=1) if rng.random() < 0.9 else None,
                cost_minor=total // 3,
                currency=rng.choice(("USD", "USD", "EUR")),
            )
            session.add(placed)
            session.flush()
        cancellation = None
        if rng.random() < 0.7:
            cancellation = Cancellation(
                supplier_order_id=placed.id if placed else None,
                customer_order_id=order.id,
                reason=rng.choice(REASONS),
                fault=rng.choice(FAULTS),
                state=rng.choice(("done", "dispute_open", "awaiting_supplier", "abandoned")),
                path=rng.choice(("refund", "cancel", "")),
                created_at=_when(rng),
                abandoned_reason="gave up" if rng.random() < 0.1 else "",
            )
            session.add(cancellation)
            session.flush()
        at = _when(rng)
        for _ in range(rng.randrange(4)):
            undated = rng.random() < 0.1
            session.add(
                Refund(
                    cancellation_id=cancellation.id if cancellation else None,
                    customer_order_id=order.id if rng.random() < 0.7 else None,
                    supplier_order_id=placed.id if placed and rng.random() < 0.5 else None,
                    direction=rng.choice(("to_customer", "to_customer", "from_supplier")),
                    amount_minor=rng.randrange(100, total),
                    currency=rng.choice((currency, currency, "USD")),
                    reason=rng.choice(REASONS),
                    fault=rng.choice(FAULTS),
                    state=rng.choice(STATES),
                    issued_at=None if undated else (at if rng.random() < 0.5 else _when(rng)),
                    expected_until=_when(rng) if rng.random() < 0.5 else None,
                )
            )
        if placed is not None and rng.random() < 0.2:
            opened = _when(rng)
            session.add(
                Dispute(
                    supplier_order_id=placed.id,
                    cancellation_id=cancellation.id if cancellation else None,
                    opened_at=opened,
                    first_tracking_at=opened + timedelta(days=rng.choice((-3, 2))),
                    amount_minor=rng.randrange(100, 5_000),
                    currency="USD",
                    state=rng.choice(("open", "escalated", "closed")),
                )
            )


def _everything(ledger: Ledger) -> list[object]:
    """Every figure and every line the review shows, for a few filters."""
    review = Review(ledger.engine)
    seen: list[object] = []
    with_suppliers = ReviewFilter(supplier_ids=(1, 3), reasons=("damaged", "other"))
    for flt in (
        ReviewFilter(),
        ReviewFilter.for_days(date(2026, 4, 1), date(2026, 5, 31)),
        with_suppliers,
        ReviewFilter(states=("issued",)),
    ):
        seen.append(review.summary(flt, NOW))
        for kind in LineKind:
            seen.append((kind, review.count(kind, flt), review.lines(kind, flt, 0, 500)))
            seen.append(review.lines(kind, flt, 5, 7))  # a page in the middle
    return seen


def test_the_same_ledger_gives_the_same_review_on_both_engines(
    tmp_path: Path, pg_ledger_url: str
) -> None:
    on_file = open_ledger(tmp_path / "ledger.sqlite")
    on_server = open_server_ledger(parse(pg_ledger_url), None)
    try:
        for ledger in (on_file, on_server):
            with ledger.session() as session:
                _fill(session, seed=22)
        file_figures, server_figures = _everything(on_file), _everything(on_server)
        # The planner overrates the review's correlated sums; JIT would compile for a second
        # on each query (core.ledger.pg_driver turns it off for the engine and the reader).
        with on_server.engine.connect() as connection:
            assert connection.exec_driver_sql("SHOW jit").scalar() == "off"
        assert on_server.reader.execute("SHOW jit").fetchone()[0] == "off"
    finally:
        on_file.close()
        on_server.close()
    summary = file_figures[0]
    assert summary.refunds > 50 and summary.by_month and summary.disputes  # type: ignore[attr-defined]
    assert len(file_figures) == len(server_figures)
    for on_sqlite, on_postgresql in zip(file_figures, server_figures, strict=True):
        assert on_sqlite == on_postgresql
