"""The tray counts and announces every kind of deadline: an order still to buy, a ship window
and an open cancellation's own deadline (which replaces its order's ship window)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, SupplierOrder
from gui.deadline_tray import DeadlineTray

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def seed(ledger: Ledger) -> dict[str, int]:
    with ledger.session() as session:
        to_buy = [
            CustomerOrder(
                name=name,
                financial_status="paid",
                fulfillment_status="unfulfilled",
                created_at=NOW - timedelta(hours=ago),
            )
            for name, ago in (("#3001", 10), ("#3002", 0))
        ]
        shipping = SupplierOrder(
            external_order_id="8198352049853001", ship_by=NOW + timedelta(hours=60)
        )
        cancelling = SupplierOrder(
            external_order_id="8198352049853002", ship_by=NOW + timedelta(hours=1)
        )
        session.add_all([*to_buy, shipping, cancelling])
        session.flush()
        run = Cancellation(
            supplier_order_id=cancelling.id,
            state="supplier_cancel_requested",
            next_deadline=NOW + timedelta(hours=70),
        )
        session.add(run)
        session.flush()
        assert shipping.id and cancelling.id and run.id and to_buy[1].id
        return {"shipping": shipping.id, "run": run.id, "buy_later": to_buy[1].id}


def test_every_kind_is_counted_and_notified_once(qtbot: QtBot, ledger: Ledger) -> None:
    made = seed(ledger)
    tray = DeadlineTray(ledger, 48, NOW)
    # Both orders to buy close within 48 h; the cancelled order's 1-hour window is not counted.
    assert (tray.closing, tray.overdue) == (2, 0)
    assert "Dropdesk: 2 deadlines close within 48 h" in tray.tooltip()
    assert tray._notified == set()  # already inside the lead time at start: counted, not toasted

    later = NOW + timedelta(hours=23)
    tray.update(later)
    # #3001's buy clock (10 h before NOW + 24 h) has passed; the ship window (60 h) and the
    # supplier's answer (70 h) came within 48 h, one notification each.
    assert (tray.closing, tray.overdue) == (3, 1)
    assert "1 overdue" in tray.tooltip()
    assert tray._notified == {("ship_window", made["shipping"]), ("supplier_answer", made["run"])}
    tray.update(later + timedelta(minutes=1))
    assert len(tray._notified) == 2  # once per deadline
    assert tray._last_notified is not None
