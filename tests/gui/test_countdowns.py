"""Live countdowns, urgency colours, time-based filters and the tray, under a clock we move."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from core import due
from core.clocks import Urgency, format_countdown, remaining
from core.ledger import Ledger
from core.ledger.models import SupplierOrder
from gui.ledger_columns import BACKGROUND, COUNTDOWN, position
from gui.main_window import FILTERS, MainWindow
from tests.gui.conftest import DEMO_NOW


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(DEMO_NOW)


@pytest.fixture
def window(qtbot: QtBot, demo_ledger: Ledger, clock: FakeClock) -> MainWindow:
    made = MainWindow(demo_ledger, clock=clock)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.ticker.stop()  # the test drives the clock
    return made


def countdown(window: MainWindow, row: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return window.model.index(row, position(COUNTDOWN)).data(role)


def test_countdown_follows_the_clock(window: MainWindow, clock: FakeClock) -> None:
    model = window.model
    first = model.row_at(0)
    assert first is not None and first.ship_by is not None
    before = countdown(window, 0)
    assert before == format_countdown(remaining(first.ship_by, clock.now))
    clock.now += timedelta(hours=5, minutes=7)
    window.tick()
    after = countdown(window, 0)
    assert after == format_countdown(remaining(first.ship_by, clock.now)) != before
    clock.now = first.ship_by + timedelta(hours=6, minutes=30)
    window.tick()
    assert countdown(window, 0) == "overdue 6 h"


@pytest.mark.parametrize(
    ("shown", "later"),
    [(0, timedelta(hours=1)), (1, timedelta(minutes=1))],  # awaiting (days) / closing soon
)
def test_tick_repaints_only_the_visible_countdowns_that_moved(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, shown: int, later: timedelta
) -> None:
    window.status_filter.setCurrentIndex(shown)
    changed: list[tuple[int, int, int, int]] = []

    def record(top: QModelIndex, bottom: QModelIndex, _roles: object) -> None:
        changed.append((top.row(), bottom.row(), top.column(), bottom.column()))

    last = window.table.rowAt(window.table.viewport().height() - 1)
    visible = last + 1 if last >= 0 else window.model.rowCount()  # fewer rows than fit
    assert 0 < visible <= 60
    before = [countdown(window, row) for row in range(visible)]  # what the screen shows
    window.model.dataChanged.connect(record)
    clock.now += later
    window.tick()
    after = [countdown(window, row) for row in range(visible)]
    moved = {row for row in range(visible) if before[row] != after[row]}
    assert moved
    assert sorted(changed) == [
        (row, row, position(COUNTDOWN), position(COUNTDOWN)) for row in sorted(moved)
    ]


def test_urgency_colours(window: MainWindow, clock: FakeClock) -> None:
    model = window.model
    limits = model.thresholds
    seen: dict[Urgency, object] = {}
    for row_number in range(model.rowCount()):
        row = model.row_at(row_number)
        assert row is not None and row.ship_by is not None
        level = limits.urgency(remaining(row.ship_by, clock.now))
        seen.setdefault(level, countdown(window, row_number, Qt.ItemDataRole.BackgroundRole))
    assert {Urgency.OVERDUE, Urgency.URGENT, Urgency.SOON, Urgency.CALM} <= set(seen)
    for level in (Urgency.SOON, Urgency.URGENT, Urgency.OVERDUE):
        assert seen[level] == BACKGROUND[level]
    assert seen[Urgency.CALM] is None
    tip = countdown(window, 0, Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str) and "Asia/Shanghai" in tip and "your time" in tip


def test_shipped_orders_show_no_countdown(window: MainWindow) -> None:
    window.status_filter.setCurrentIndex([f.label for f in FILTERS].index("Shipped"))
    assert window.model.rowCount() > 0
    assert {countdown(window, r) for r in range(min(20, window.model.rowCount()))} == {"shipped"}


def test_closing_soon_and_overdue_filters(window: MainWindow, clock: FakeClock) -> None:
    labels = [f.label for f in FILTERS]
    window.status_filter.setCurrentIndex(labels.index("Closing soon"))
    window.within_hours.setValue(24)
    rows = [window.model.row_at(r) for r in range(window.model.rowCount())]
    assert rows and all(
        r is not None
        and r.ship_by is not None
        and clock.now <= r.ship_by < clock.now + timedelta(hours=24)
        for r in rows
    )
    window.within_hours.setValue(72)
    assert window.model.rowCount() > len(rows)
    window.status_filter.setCurrentIndex(labels.index("Overdue"))
    overdue = [window.model.row_at(r) for r in range(window.model.rowCount())]
    assert overdue and all(
        r is not None and r.ship_by is not None and r.ship_by < clock.now for r in overdue
    )
    assert {countdown(window, r)[:7] for r in range(len(overdue))} == {"overdue"}


def test_tray_counts_and_notifies_once(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, demo_ledger: Ledger
) -> None:
    tray = window.tray
    assert tray is not None
    with demo_ledger.engine.connect() as connection:
        expected = due.tray_counts(connection, clock.now, clock.now, tray.lead_hours).closing
    assert tray.closing == expected > 0
    assert f"{expected} deadlines close within" in tray.icon.toolTip()
    clock.now += timedelta(days=3)  # demo deadlines fall at the end of Chinese working days
    window.tick()
    entered = set(tray._notified)
    assert entered, "three days later, more windows are inside the lead time"
    window.tick()
    assert tray._notified == entered  # once per order
    order_id = tray._last_notified
    assert order_id is not None
    tray.icon.messageClicked.emit()
    selected = window.table.selectionModel().selectedRows()
    assert window.model.row_at(selected[0].row()).id == order_id


def test_tray_recounts_when_the_ledger_changes(
    window: MainWindow, clock: FakeClock, demo_ledger: Ledger
) -> None:
    tray = window.tray
    assert tray is not None
    before = tray.closing
    with demo_ledger.session() as session:  # as a sync or an edit would
        session.add(
            SupplierOrder(
                external_order_id="8199999999999999",
                order_status="WAIT_SELLER_SEND_GOODS",
                paid_at=clock.now - timedelta(days=6),
                ship_by=clock.now + timedelta(hours=3),
            )
        )
    window.tick()  # no time passed: the tick alone does not read the ledger again
    assert tray.closing == before
    window.refresh()  # F5, and what every change in the app ends with
    assert tray.closing == before + 1
