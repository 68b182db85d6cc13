"""The stored ship_by follows paid_at, the supplier's clock and the defaults, on a real ledger."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, func, select

from core import clocks, deadlines, settings
from core.ledger import Ledger, journal
from core.ledger.models import Event, Supplier, SupplierOrder
from core.ledger.types import from_db, to_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
PAID = datetime(2026, 2, 12, 15, 30, tzinfo=SHANGHAI)  # Thursday before Chinese New Year
PAID_SHIP_BY = datetime(2026, 2, 28, 16, 0, tzinfo=UTC)  # see test_clocks


def add_supplier(session: Session, name: str, **clock: object) -> int:
    supplier = Supplier(name=name, **clock)  # type: ignore[arg-type]
    session.add(supplier)
    session.flush()
    assert supplier.id is not None
    return supplier.id


def add_order(session: Session, external_order_id: str, supplier_id: int | None) -> int:
    order = SupplierOrder(external_order_id=external_order_id, supplier_id=supplier_id)
    session.add(order)
    session.flush()
    assert order.id is not None
    return order.id


def stored_ship_by(ledger: Ledger, order_id: int) -> datetime | None:
    with ledger.session() as session:
        order = session.get(SupplierOrder, order_id)
        assert order is not None
        return order.ship_by


def event_count(ledger: Ledger) -> int:
    with ledger.session() as session:
        return session.exec(select(func.count()).select_from(Event)).one()


# --- single records ---------------------------------------------------------------------------


def test_set_paid_at_computes_ship_by_and_journals_it(ledger: Ledger) -> None:
    with ledger.session() as session:
        order_id = add_order(session, "8100000000000001", add_supplier(session, "Acme"))
        order = deadlines.set_paid_at(session, order_id, PAID)
        assert order.ship_by == PAID_SHIP_BY
    assert stored_ship_by(ledger, order_id) == PAID_SHIP_BY
    with ledger.session() as session:
        [event] = journal.timeline(session, "supplier_order", order_id)
        assert event.kind == "paid_at_changed"
        payload = json.loads(event.payload)
        assert payload["ship_by"] == PAID_SHIP_BY.isoformat()
        assert payload["previous_ship_by"] is None
        deadlines.set_paid_at(session, order_id, PAID)  # no change, no second event
        assert len(journal.timeline(session, "supplier_order", order_id)) == 1
        deadlines.set_paid_at(session, order_id, None)
    assert stored_ship_by(ledger, order_id) is None


def test_the_suppliers_clock_applies(ledger: Ledger) -> None:
    with ledger.session() as session:
        german = add_supplier(
            session,
            "Berlin GmbH",
            ship_window_days=2,
            holiday_country="DE",
            time_zone="Europe/Berlin",
        )
        order_id = add_order(session, "8100000000000002", german)
        # Thu 2 Apr 2026 in Berlin: Good Friday and Easter Monday off, Tue 7 and Wed 8 count.
        paid = datetime(2026, 4, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
        order = deadlines.set_paid_at(session, order_id, paid)
        assert order.ship_by == datetime(2026, 4, 9, 0, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_orders_without_supplier_follow_the_defaults(ledger: Ledger) -> None:
    with ledger.session() as session:
        loose = add_order(session, "8100000000000003", None)
        kept = add_order(session, "8100000000000004", add_supplier(session, "Acme"))
        deadlines.set_paid_at(session, loose, PAID)
        deadlines.set_paid_at(session, kept, PAID)
        assert session.get(SupplierOrder, loose).ship_by == PAID_SHIP_BY  # type: ignore[union-attr]
        changed = deadlines.update_default_clock(session, ship_window_days=3)
        assert changed == 1
        assert settings.get(session, "ship_window_days") == 3
        [event] = journal.timeline(session, "ledger", 0)
        assert event.kind == "default_clock_changed"
        assert json.loads(event.payload)["recomputed"] == 1
    # Fri 13, Sat 14 (make-up), [off until 23], Tue 24 = 3rd working day.
    assert stored_ship_by(ledger, loose) == datetime(2026, 2, 25, 0, 0, tzinfo=SHANGHAI)
    assert stored_ship_by(ledger, kept) == PAID_SHIP_BY


def test_refresh_after_the_supplier_is_set(ledger: Ledger) -> None:
    with ledger.session() as session:
        order_id = add_order(session, "8100000000000005", None)
        deadlines.set_paid_at(session, order_id, PAID)
        slow = add_supplier(session, "Slow", ship_window_days=10)
        order = session.get(SupplierOrder, order_id)
        assert order is not None
        order.supplier_id = slow
        deadlines.refresh_ship_by(session, order_id)
        kinds = [event.kind for event in journal.timeline(session, "supplier_order", order_id)]
        assert kinds == ["paid_at_changed", "ship_by_recomputed"]
    # From Sat 28 Feb (7th): Mon 2, Tue 3, Wed 4 Mar = 10th.
    assert stored_ship_by(ledger, order_id) == datetime(2026, 3, 5, 0, 0, tzinfo=SHANGHAI)


def test_supplier_clock_change_recomputes_only_its_orders(ledger: Ledger) -> None:
    with ledger.session() as session:
        acme = add_supplier(session, "Acme")
        other = add_supplier(session, "Other")
        mine = [add_order(session, f"81000000000001{i:02d}", acme) for i in range(5)]
        theirs = add_order(session, "8100000000000200", other)
        for order_id in [*mine, theirs]:
            deadlines.set_paid_at(session, order_id, PAID)
    before = event_count(ledger)
    with ledger.session() as session:
        loaded = session.get(SupplierOrder, mine[0])  # in the identity map during the bulk write
        changed = deadlines.update_supplier_clock(session, acme, ship_window_days=0)
        assert changed == 5
        assert loaded is not None
        assert loaded.ship_by == datetime(2026, 2, 13, 0, 0, tzinfo=SHANGHAI)  # not stale
        assert deadlines.update_supplier_clock(session, acme, ship_window_days=0) == 0
    assert event_count(ledger) == before + 1  # one summary, not one per order
    with ledger.session() as session:
        [event] = journal.timeline(session, "supplier", acme)
        payload = json.loads(event.payload)
        assert payload["before"]["window_days"] == 7
        assert payload["after"]["window_days"] == 0
        assert payload["recomputed"] == 5
    assert stored_ship_by(ledger, theirs) == PAID_SHIP_BY


def test_calendar_and_zone_changes_move_ship_by(ledger: Ledger) -> None:
    with ledger.session() as session:
        acme = add_supplier(session, "Acme")
        order_id = add_order(session, "8100000000000300", acme)
        deadlines.set_paid_at(session, order_id, PAID)
        # Plain German calendar, Berlin time: Thu 12 Feb 08:30 CET; 7 weekdays -> Mon 23 Feb.
        deadlines.update_supplier_clock(
            session, acme, holiday_country="DE", time_zone="Europe/Berlin"
        )
    berlin = ZoneInfo("Europe/Berlin")
    assert stored_ship_by(ledger, order_id) == datetime(2026, 2, 24, 0, 0, tzinfo=berlin)


def test_edits_made_elsewhere_are_caught_up(ledger: Ledger) -> None:
    with ledger.session() as session:
        acme = add_supplier(session, "Acme")
        order_id = add_order(session, "8100000000000400", acme)
        deadlines.set_paid_at(session, order_id, PAID)
    with ledger.session() as session:
        supplier = session.get(Supplier, acme)
        assert supplier is not None
        supplier.ship_window_days = 1
        session.add(supplier)
        assert deadlines.on_supplier_changed(session, acme) == 1
        assert deadlines.on_supplier_changed(session, acme) == 0
        assert [e.kind for e in journal.timeline(session, "supplier", acme)] == [
            "ship_by_recomputed"
        ]
    assert stored_ship_by(ledger, order_id) == datetime(2026, 2, 14, 0, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "change",
    [
        {"ship_window_days": -1},
        {"ship_window_days": 1000},
        {"holiday_country": "XX"},
        {"time_zone": "Nowhere/Special"},
    ],
)
def test_unusable_clocks_are_refused_and_nothing_changes(
    ledger: Ledger, change: dict[str, object]
) -> None:
    with ledger.session() as session:
        acme = add_supplier(session, "Acme")
        order_id = add_order(session, "8100000000000500", acme)
        deadlines.set_paid_at(session, order_id, PAID)
    with pytest.raises(ValueError), ledger.session() as session:
        deadlines.update_supplier_clock(session, acme, **change)  # type: ignore[arg-type]
    with ledger.session() as session:
        supplier = session.get(Supplier, acme)
        assert supplier is not None
        assert (supplier.ship_window_days, supplier.holiday_country) == (7, "CN")
        assert journal.timeline(session, "supplier", acme) == []
    assert stored_ship_by(ledger, order_id) == PAID_SHIP_BY


def test_unknown_records_are_reported(ledger: Ledger) -> None:
    with ledger.session() as session:
        with pytest.raises(LookupError):
            deadlines.set_paid_at(session, 999, PAID)
        with pytest.raises(LookupError):
            deadlines.update_supplier_clock(session, 999, ship_window_days=3)


# --- bulk -------------------------------------------------------------------------------------

CLOCKS = [(7, "CN", "Asia/Shanghai"), (3, "DE", "Europe/Berlin"), (10, "US", "America/New_York")]


def fill(
    ledger: Ledger, count: int, seed: int = 7
) -> dict[int, tuple[datetime | None, int | None]]:
    """Rows inserted the way importers do (raw executemany, ship_by left NULL)."""
    rnd = random.Random(seed)
    with ledger.session() as session:
        supplier_ids: list[int | None] = [
            add_supplier(session, f"S{n}", ship_window_days=w, holiday_country=c, time_zone=z)
            for n, (w, c, z) in enumerate(CLOCKS)
        ]
    supplier_ids.append(None)
    start = datetime(2025, 12, 1, tzinfo=UTC)
    orders: dict[int, tuple[datetime | None, int | None]] = {}
    for order_id in range(1, count + 1):
        paid = start + timedelta(seconds=rnd.randrange(400 * 86400))
        orders[order_id] = (None if order_id % 97 == 0 else paid, rnd.choice(supplier_ids))
    with ledger.engine.begin() as connection:
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany(  # a cursor's: either engine's driver has it
            "INSERT INTO supplier_order (id, external_order_id, supplier_id, paid_at, order_status,"
            " logistics_status, tracking_number, carrier, cost_minor, currency, end_reason)"
            " VALUES (?, ?, ?, ?, 'WAIT_SELLER_SEND_GOODS', '', '', '', 0, 'USD', '')",
            [(i, f"82{i:014d}", s, to_db(p)) for i, (p, s) in orders.items()],
        )
    return orders


def oracle(ledger: Ledger) -> Callable[[datetime | None, int | None], datetime | None]:
    """ship_by computed one order at a time through clocks.ship_by, for comparison."""
    with ledger.session() as session:
        by_supplier: dict[int | None, deadlines.SupplierClock] = {
            supplier.id: deadlines.clock_of(supplier) for supplier in session.exec(select(Supplier))
        }
        by_supplier[None] = deadlines.default_clock(session)

    def expected(paid: datetime | None, supplier_id: int | None) -> datetime | None:
        if paid is None:
            return None
        clock = by_supplier[supplier_id]
        return clocks.ship_by(paid, clock.window_days, clock.country, clock.tz)

    return expected


def all_ship_by(ledger: Ledger) -> dict[int, datetime | None]:
    with ledger.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT id, ship_by FROM supplier_order")
        return {order_id: from_db(text) for order_id, text in rows}


def test_bulk_recompute_matches_the_clock_for_every_row(ledger: Ledger) -> None:
    orders = fill(ledger, 1500)
    events = event_count(ledger)
    with ledger.session() as session:
        changed = deadlines.recompute_ship_by(session, batch_size=128)
    assert changed == sum(1 for paid, _ in orders.values() if paid is not None)
    stored, expected = all_ship_by(ledger), oracle(ledger)
    for order_id, (paid, supplier_id) in orders.items():
        assert stored[order_id] == expected(paid, supplier_id), order_id
    assert event_count(ledger) == events  # bulk writes no per-row events
    with ledger.session() as session:
        assert deadlines.recompute_ship_by(session) == 0  # nothing to write the second time


def test_bulk_recompute_on_a_connection_and_by_scope(ledger: Ledger) -> None:
    orders = fill(ledger, 1200, seed=11)
    some = sorted(order_id for order_id in orders if order_id % 3 == 0)  # > one IN chunk
    with ledger.engine.begin() as connection:
        changed = deadlines.recompute_ship_by(connection, order_ids=some)
    stored, expected = all_ship_by(ledger), oracle(ledger)
    assert changed == sum(1 for i in some if orders[i][0] is not None)
    assert all(stored[i] is None for i in orders if i % 3 != 0)
    assert all(stored[i] == expected(*orders[i]) for i in some)

    with ledger.engine.begin() as connection:
        deadlines.recompute_ship_by(connection, supplier_id=2, batch_size=50)
        deadlines.recompute_ship_by(connection, unassigned=True)
    stored = all_ship_by(ledger)
    for order_id, (paid, supplier_id) in orders.items():
        if supplier_id in (2, None) or order_id % 3 == 0:
            assert stored[order_id] == expected(paid, supplier_id)
        else:
            assert stored[order_id] is None


def test_bulk_recompute_rolls_back_with_the_transaction(ledger: Ledger) -> None:
    fill(ledger, 50)
    with pytest.raises(RuntimeError), ledger.session() as session:
        assert deadlines.recompute_ship_by(session) > 0
        raise RuntimeError("the caller's use case fails after the recompute")
    assert set(all_ship_by(ledger).values()) == {None}


def test_bulk_recompute_reports_progress_and_can_be_cancelled(ledger: Ledger) -> None:
    fill(ledger, 100)
    seen: list[int] = []
    with ledger.session() as session:
        deadlines.recompute_ship_by(session, batch_size=30, progress=seen.append)
    assert seen == [30, 60, 90, 100]

    def cancel(read: int) -> None:
        raise InterruptedError("cancelled by the merchant")

    with ledger.session() as session:
        deadlines.update_supplier_clock(session, 1, ship_window_days=1)
    with pytest.raises(InterruptedError), ledger.session() as session:
        session.get(Supplier, 1).ship_window_days = 20  # type: ignore[union-attr]
        deadlines.recompute_ship_by(session, batch_size=30, progress=cancel)
    with ledger.session() as session:
        assert session.get(Supplier, 1).ship_window_days == 1  # type: ignore[union-attr]
        assert deadlines.recompute_ship_by(session) == 0  # nothing half-written


def test_bulk_values_are_byte_identical_to_orm_writes(ledger: Ledger) -> None:
    with ledger.session() as session:
        acme = add_supplier(session, "Acme")
        orm = add_order(session, "8100000000000600", acme)
        bulk = add_order(session, "8100000000000601", acme)
        deadlines.set_paid_at(session, orm, PAID)
        session.get(SupplierOrder, bulk).paid_at = PAID  # type: ignore[union-attr]
    with ledger.session() as session:
        assert deadlines.recompute_ship_by(session, order_ids=[orm, bulk]) == 1
    with ledger.engine.connect() as connection:
        texts = connection.exec_driver_sql(
            "SELECT ship_by FROM supplier_order ORDER BY id"
        ).scalars()
        assert len(set(texts)) == 1
    with ledger.session() as session:  # and the ORDER BY ship_by index sees them as equal
        found = session.exec(
            select(SupplierOrder.id).where(SupplierOrder.ship_by == PAID_SHIP_BY)
        ).all()
        assert set(found) == {orm, bulk}
