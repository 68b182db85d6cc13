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


def test_without_a_tray_the_alerts_go_to_the_status_bar(qtbot: QtBot, ledger: Ledger) -> None:
    """No tray (some Linux desktops): the window says once where the alerts are, and each
    alert arrives in its status bar instead of a notification nobody sees."""
    from gui.main_window import MainWindow

    seed(ledger)
    with_tray = DeadlineTray(ledger, 48, NOW, available=True)
    assert with_tray.instead() == ""
    tray = DeadlineTray(ledger, 48, NOW, available=False)
    assert "Needs me" in tray.instead() and not tray.icon.isVisible()
    texts: list[str] = []
    tray.message.connect(texts.append)
    tray.update(NOW + timedelta(hours=23))
    assert len(tray._notified) == 2 and len(texts) == 2  # one line per alert
    assert any("8198352049853001" in text for text in texts), texts

    window = MainWindow(ledger, clock=lambda: NOW)  # offscreen Qt has no tray either
    qtbot.addWidget(window)
    shown = window.tray
    assert shown is not None and not shown.available
    window.show()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == shown.instead())
    assert not window.count_label.isVisible()  # the note is not drawn over the counts


def seed_every_kind(ledger: Ledger) -> None:
    """seed() plus a shipped order inside its purchase protection, a withdrawal waiting for
    its refund and a chargeback waiting for evidence."""
    from core.ledger.models import Chargeback
    from core.withdrawal import record_withdrawal

    seed(ledger)
    with ledger.session() as session:
        shipped = SupplierOrder(
            external_order_id="8198352049853003",
            order_status="WAIT_BUYER_ACCEPT_GOODS",
            paid_at=NOW - timedelta(days=56),
            shipped_at=NOW - timedelta(days=54),  # 60 days: act 5 days before, in 1 day
        )
        withdrawn = CustomerOrder(
            name="#3003",
            financial_status="paid",
            fulfillment_status="fulfilled",
            created_at=NOW - timedelta(days=20),
        )
        session.add_all([shipped, withdrawn])
        session.flush()
        assert withdrawn.id is not None
        session.add(
            SupplierOrder(
                external_order_id="8198352049853004",
                customer_order_id=withdrawn.id,
                order_status="FINISH",
                shipped_at=NOW - timedelta(days=15),
            )
        )
        record_withdrawal(session, withdrawn.id, NOW - timedelta(days=12), now=NOW)
        session.add(
            Chargeback(
                shopify_gid="gid://shopify/ShopifyPaymentsDispute/1",
                order_name="#3004",
                evidence_due_by=NOW + timedelta(days=3),
            )
        )


def test_the_tray_counts_what_needs_me_lists(qtbot: QtBot, ledger: Ledger) -> None:
    """One source: at every moment the tray's closing + overdue is the length of
    core.due.deadlines (what "Needs me" and `dropdesk due` list), every kind included, with
    the other kinds read about once a day (the ticks classify in memory in between)."""
    from core import due

    seed_every_kind(ledger)
    tray = DeadlineTray(ledger, 48, NOW)
    reads = [tray._clocks]
    kinds: set[due.Kind] = set()
    protected: list[bool] = []
    moment = NOW
    for _ in range(4 * 14):  # every 6 hours for two weeks
        with ledger.engine.connect() as connection:
            listed = due.deadlines(connection, moment, 48)
        tray.update(moment)
        assert tray.closing + tray.overdue == len(listed), (moment, listed)
        assert tray.overdue == sum(1 for d in listed if d.overdue)
        kinds |= {d.kind for d in listed}
        protected.append(any(d.kind is due.Kind.PROTECTION for d in listed))
        if tray._clocks is not reads[-1]:
            reads.append(tray._clocks)
        moment += timedelta(hours=6)
    assert len(reads) <= 1 + 14  # every day or so for the protection deadlines, not each tick
    assert kinds == {
        due.Kind.BUY,
        due.Kind.SHIP_WINDOW,
        due.Kind.SUPPLIER_ANSWER,
        due.Kind.PROTECTION,
        due.Kind.WITHDRAWAL_REFUND,
        due.Kind.CHARGEBACK,
    }
    # The protection window closed on day 6 of the walk: it left both lists (overdue until then).
    assert protected[0] and not protected[-1]


def start_step(ledger: Ledger, state: str, at: datetime, name: str) -> int:
    """A run that waits for the merchant from `at` (due at once, as next_deadline dates it)."""
    with ledger.session() as session:
        order = CustomerOrder(
            name=name, financial_status="paid", fulfillment_status="fulfilled", created_at=at
        )
        session.add(order)
        session.flush()
        supplier = SupplierOrder(
            external_order_id=f"81983520498539{name[-2:]}", customer_order_id=order.id
        )
        session.add(supplier)
        session.flush()
        run = Cancellation(supplier_order_id=supplier.id, state=state, next_deadline=at)
        session.add(run)
        session.flush()
        assert run.id is not None
        return run.id


def test_a_step_due_at_once_is_announced_when_it_appears(qtbot: QtBot, ledger: Ledger) -> None:
    """A merchant's step is due the moment it appears, so it never enters the lead time after
    a tick: it is announced on the read that first sees it, once, and its click opens "Needs
    me" on its row. Steps already waiting at start (a restart) are counted, not toasted."""
    waiting = start_step(ledger, "shop_refund_todo", NOW - timedelta(hours=2), "#4001")
    tray = DeadlineTray(ledger, 48, NOW, available=False)
    texts: list[str] = []
    tray.message.connect(texts.append)
    assert tray.overdue == 1 and tray._notified == set()  # there at start: counted only

    later = NOW + timedelta(minutes=5)
    run = start_step(ledger, "shop_cancel_todo", later, "#4002")
    tray.update(later, ledger_changed=True)
    assert tray._notified == {("shop_step", run)}
    assert texts == [
        "#4002: Cancel the order on Shopify: the customer waits for the refund. Click to answer."
    ]
    with qtbot.waitSignal(tray.answer_clicked) as clicked:
        tray.icon.messageClicked.emit()
    assert clicked.args == [("shop_step", run)]

    # Further reads and ticks do not repeat it; a later step of the same run is announced.
    tray.update(later + timedelta(minutes=1), ledger_changed=True)
    tray.update(later + timedelta(hours=1))
    assert len(texts) == 1
    with ledger.session() as session:
        row = session.get(Cancellation, run)
        assert row is not None
        row.state, row.next_deadline = "checking", later + timedelta(hours=2)
    tray.update(later + timedelta(hours=2), ledger_changed=True)
    assert len(texts) == 2 and "Continue the cancellation" in texts[-1]
    assert "Click to open it in Needs me." in texts[-1]
    with qtbot.waitSignal(tray.answer_clicked) as clicked:
        tray.icon.messageClicked.emit()
    assert clicked.args == [("cancel_step", run)]

    # A restart: both steps are still waiting, and neither is announced again.
    again = DeadlineTray(ledger, 48, later + timedelta(hours=3), available=False)
    again.message.connect(texts.append)
    again.update(later + timedelta(hours=3, minutes=1), ledger_changed=True)
    assert len(texts) == 2 and again.overdue == 2
    assert ("shop_refund_step", waiting) not in tray._notified | again._notified
