"""`dropdesk due`: the orders whose ship window closes soon or has closed, on a real ledger."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session

from core import due, settings
from core.clocks import Urgency
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, Supplier, SupplierOrder

NOW = datetime(2026, 2, 26, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def add(
    session: Session,
    external_order_id: str,
    ship_by: datetime | None,
    *,
    status: str = "WAIT_SELLER_SEND_GOODS",
    shipped_at: datetime | None = None,
    supplier_id: int | None = None,
    customer_order_id: int | None = None,
) -> int:
    order = SupplierOrder(
        external_order_id=external_order_id,
        ship_by=ship_by,
        order_status=status,
        shipped_at=shipped_at,
        supplier_id=supplier_id,
        customer_order_id=customer_order_id,
    )
    session.add(order)
    session.flush()
    assert order.id is not None
    return order.id


@pytest.fixture
def orders(ledger: Ledger) -> dict[str, int]:
    """A small ledger: due soon, overdue, far off, shipped, finished, and unpaid orders."""
    with ledger.session() as session:
        supplier = Supplier(name="Acme Store")
        customer = CustomerOrder(name="#1001")
        session.add_all([supplier, customer])
        session.flush()
        made = {
            "in_5h": add(
                session,
                "8100000000000001",
                NOW + timedelta(hours=5),
                supplier_id=supplier.id,
                customer_order_id=customer.id,
            ),
            "overdue_6h": add(session, "8100000000000002", NOW - timedelta(hours=6)),
            "in_47h": add(
                session, "8100000000000003", NOW + timedelta(hours=47), status="RISK_CONTROL"
            ),
            "in_49h": add(session, "8100000000000004", NOW + timedelta(hours=49)),
            "overdue_3d": add(session, "8100000000000005", NOW - timedelta(days=3)),
            "shipped": add(session, "8100000000000006", NOW + timedelta(hours=2), shipped_at=NOW),
            "finished": add(session, "8100000000000007", NOW - timedelta(days=9), status="FINISH"),
            "part_sent": add(
                session,
                "8100000000000008",
                NOW + timedelta(hours=1),
                status="SELLER_PART_SEND_GOODS",
            ),
            "unpaid": add(session, "8100000000000009", None),
        }
    return made


def test_due_lists_closing_and_overdue_orders_soonest_first(
    ledger: Ledger, orders: dict[str, int]
) -> None:
    with ledger.session() as session:
        rows = due.due_orders(session, NOW, 48)
    assert [row.id for row in rows] == [
        orders["overdue_3d"],
        orders["overdue_6h"],
        orders["in_5h"],
        orders["in_47h"],
    ]
    first_due = rows[2]
    assert (first_due.order_name, first_due.supplier_name) == ("#1001", "Acme Store")
    assert first_due.external_order_id == "8100000000000001"
    assert first_due.ship_by == NOW + timedelta(hours=5)
    assert first_due.ship_by.tzinfo is UTC
    assert first_due.remaining == timedelta(hours=5)
    assert rows[0].remaining == -timedelta(days=3)
    assert (rows[0].order_name, rows[0].supplier_name) == ("", "")


def test_the_horizon_and_limit(ledger: Ledger, orders: dict[str, int]) -> None:
    with ledger.engine.connect() as connection:
        assert len(due.due_orders(connection, NOW, 4)) == 2  # only the overdue ones
        assert orders["in_49h"] in [r.id for r in due.due_orders(connection, NOW, 50)]
        assert [r.id for r in due.due_orders(connection, NOW, 48, limit=1)] == [
            orders["overdue_3d"]
        ]
        later = due.due_orders(connection, NOW + timedelta(hours=6), 0)
        assert orders["in_5h"] in [r.id for r in later]  # it became overdue


def test_counts_for_the_tray(ledger: Ledger, orders: dict[str, int]) -> None:
    with ledger.session() as session:
        lead = settings.get(session, "warn_lead_hours")
        assert due.count_closing_within(session, NOW, lead) == 2  # in_5h, in_47h
        assert due.count_closing_within(session, NOW, 4) == 0
        assert due.count_overdue(session, NOW) == 2
        assert due.count_closing_within(session, NOW + timedelta(hours=2), lead) == 3


def test_orders_entering_the_lead_time_are_seen_once(
    ledger: Ledger, orders: dict[str, int]
) -> None:
    seen: list[int] = []
    with ledger.engine.connect() as connection:
        tick = NOW
        for _ in range(8):  # a timer ticking every 15 minutes for two hours
            later = tick + timedelta(minutes=15)
            seen += [row.id for row in due.entered_lead(connection, tick, later, 48)]
            tick = later
    assert seen == [orders["in_49h"]]  # came within 48 h one hour after NOW


@pytest.mark.sqlite_only  # SQLite's query plan
def test_the_query_runs_on_the_status_ship_by_index(ledger: Ledger) -> None:
    """A ledger is mostly shipped history: a plain ship_by scan would walk all of it."""
    sql = f"{due._SELECT} WHERE {due._AWAITING} AND so.ship_by <= ? ORDER BY so.ship_by, so.id"
    params = (*due.AWAITING_SHIPMENT_STATUSES, "2026-02-28 00:00:00.000000")
    with ledger.engine.connect() as connection:
        plan = " ".join(
            str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
        )
    # Either partial index over unshipped orders keeps the shipped history out of the walk.
    assert re.search(
        r"SEARCH so USING (COVERING )?INDEX ix_supplier_order_(waiting|unshipped_status)_ship_by",
        plan,
    ), plan


@pytest.mark.sqlite_only  # SQLite's query plan
def test_tray_counts_read_the_index_alone(ledger: Ledger) -> None:
    """The count per tick must not read table rows, or it grows with the ledger."""
    sql = f"SELECT count(*) FROM supplier_order AS so WHERE {due._AWAITING} AND so.ship_by <= ?"
    params = (*due.AWAITING_SHIPMENT_STATUSES, "2026-02-28 00:00:00.000000")
    with ledger.engine.connect() as connection:
        plan = " ".join(
            str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
        )
    assert "USING COVERING INDEX ix_supplier_order_waiting_ship_by" in plan


def test_thresholds_come_from_the_settings(ledger: Ledger) -> None:
    with ledger.session() as session:
        settings.put(session, "urgent_hours", 6)
    limits = due.thresholds(ledger.reader)
    assert (limits.soon_hours, limits.urgent_hours) == (48, 6)
    assert limits.urgency(timedelta(hours=7)) is Urgency.SOON
    assert limits.urgency(timedelta(hours=5)) is Urgency.URGENT


def test_render_text(ledger: Ledger, orders: dict[str, int]) -> None:
    with ledger.session() as session:
        rows = due.deadlines(session, NOW, 48)
    berlin_now = NOW.astimezone(ZoneInfo("Europe/Berlin"))
    text = due.render_text(rows, berlin_now, within_hours=48, width=160, zone=BERLIN)
    lines = text.splitlines()
    assert lines[0].split() == [
        "Deadline", "Left", "Order", "AliExpress", "order", "Supplier", "What"
    ]  # fmt: skip
    assert "The supplier's ship window closes" in lines[3]
    assert "2026-02-26 18:00 CET" in lines[3]  # 17:00 UTC in Berlin
    summer = due.render_text(
        [replace(rows[2], deadline=rows[2].deadline + timedelta(days=60))], berlin_now, zone=BERLIN
    )
    assert "2026-04-27 19:00 CEST" in summer  # its own offset, not the one of `now`
    assert "5 h 00 min" in lines[3]
    assert "#1001" in lines[3] and "Acme Store" in lines[3]
    assert "overdue 3 d 00 h" in lines[1]
    assert "overdue 6 h" in lines[2]
    assert lines[-1] == "4 deadline(s), 2 overdue."
    assert "within 48 h" in due.render_text([], berlin_now, within_hours=48)
    with pytest.raises(ValueError):
        due.render_text(rows, datetime(2026, 2, 26, 12))


def test_to_json(ledger: Ledger, orders: dict[str, int]) -> None:
    with ledger.session() as session:
        rows = due.deadlines(session, NOW, 48)
    document = json.loads(due.to_json(rows, NOW, within_hours=48))
    assert document["now"] == "2026-02-26T12:00:00+00:00"
    assert document["within_hours"] == 48
    first_due = document["orders"][2]
    assert first_due == {
        "id": orders["in_5h"],
        "order_name": "#1001",
        "external_order_id": "8100000000000001",
        "ae_order_id": "8100000000000001",  # the key's name until issue 19, kept for scripts
        "supplier": "Acme Store",
        "ship_by": "2026-02-26T17:00:00+00:00",
        "remaining_seconds": 5 * 3600,
        "remaining": "5 h 00 min",
        "overdue": False,
        "kind": "ship_window",
        "deadline": "2026-02-26T17:00:00+00:00",
        "what": "The supplier's ship window closes",
        "estimated": False,  # 2026: China's official arrangement is known
        "customer_order_id": first_due["customer_order_id"],
        "cancellation_id": None,
    }
    assert [order["overdue"] for order in document["orders"]] == [True, True, False, False]
    assert document["orders"][0]["order_name"] is None


def test_counts_hold_until_the_next_change(ledger: Ledger, orders: dict[str, int]) -> None:
    def seen(moment: datetime, since: datetime) -> tuple[int, int, int]:
        with ledger.engine.connect() as connection:
            return (
                due.count_closing_within(connection, moment, 48),
                due.count_overdue(connection, moment),
                len(due.entered_lead(connection, since, moment, 48)),
            )

    moment, changes = NOW - timedelta(days=4), []
    while True:
        with ledger.engine.connect() as connection:
            upcoming = due.next_change(connection, moment, 48)
        if upcoming is None:
            break
        assert upcoming > moment
        before = seen(moment, moment)
        assert seen(upcoming - timedelta(microseconds=1), moment)[:2] == before[:2]
        assert seen(upcoming - timedelta(microseconds=1), moment)[2] == 0  # nobody entered
        assert seen(upcoming, moment) != before  # something did move then
        changes.append(upcoming)
        moment = upcoming
    # every awaiting order is overdue in the end, and nothing moves after that
    assert seen(moment, moment)[:2] == (0, 5)
    # five awaiting orders each enter the lead time, then go overdue; overdue_3d was already
    # within its lead time at the start
    assert len(changes) == 2 * 5 - 1


def test_an_open_run_takes_its_order_off_the_ship_windows(ledger: Ledger) -> None:
    """supplier_order.in_open_run follows the runs whoever writes them (triggers)."""
    with ledger.session() as session:
        first = add(session, "8100000000000021", NOW + timedelta(hours=5))
        second = add(session, "8100000000000022", NOW + timedelta(hours=6))
        session.add(Cancellation(supplier_order_id=second, state="done"))
        run = Cancellation(supplier_order_id=first, state="supplier_cancel_requested")
        session.add(run)
    with ledger.engine.connect() as connection:
        assert [r.id for r in due.due_orders(connection, NOW, 48)] == [second]
        assert due.count_closing_within(connection, NOW, 48) == 1
    with ledger.session() as session:
        stored = session.get(Cancellation, run.id)
        assert stored is not None
        stored.state = "abandoned"
        session.add(stored)
    with ledger.engine.connect() as connection:
        assert [r.id for r in due.due_orders(connection, NOW, 48)] == [first, second]
    with ledger.session() as session:
        reopened = Cancellation(supplier_order_id=second, state="dispute_open")
        session.add(reopened)
        session.flush()
        session.delete(reopened)
    with ledger.engine.connect() as connection:
        assert due.count_closing_within(connection, NOW, 48) == 2
