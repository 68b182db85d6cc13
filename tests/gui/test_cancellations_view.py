"""The Cancellations view over a real ledger: open runs by next deadline, overdue ones marked,
Resume by button, Enter or double-click."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.cancel.workflow import CancelWorkflow
from core.ledger import Ledger
from gui.cancellations_view import CancellationsView, due_text
from gui.palette import Colours
from tests.core.cancel.wiring import seed
from tests.fakes.shopify_store import ShopState

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


class Clock:
    def __init__(self) -> None:
        self.moment = NOW

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def runs(ledger: Ledger) -> dict[str, int]:
    """Four runs: waiting on the supplier's answer, on a tracking number, not checked yet,
    and done (which the view leaves out)."""
    clock = Clock()
    flow = CancelWorkflow(ledger, None, None, now=clock)
    shop = ShopState("dropdesk-test.myshopify.com")
    made: dict[str, int] = {}
    for name in ("tracking", "answer", "unchecked", "done"):
        orders = seed(ledger, shop, None, paid_at=NOW - timedelta(days=2))
        made[name] = flow.start(orders.supplier_order_id, "changed_mind")
    for name in ("tracking", "answer", "done"):
        flow.check(made[name])
        flow.mark_supplier_cancel_requested(made[name])
    flow.mark_supplier_answer(made["tracking"], "refused")
    flow.request_tracking(made["tracking"])
    flow.mark_supplier_answer(made["done"], "accepted")
    flow.confirm_manual_shop_step(made["done"], 4240)
    flow.mark_supplier_refund_received(made["done"])
    return made


def make_view(qtbot: QtBot, ledger: Ledger, now: datetime) -> CancellationsView:
    view = CancellationsView(ledger, now=lambda: now)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)
    view.show()
    qtbot.waitExposed(view)
    handle = view.windowHandle()
    assert handle is not None
    handle.requestActivate()  # offscreen windows are not activated by show()
    qtbot.waitUntil(view.isActiveWindow, timeout=2_000)
    return view


def rows(view: CancellationsView) -> list[list[str]]:
    found = []
    for index in range(view.table.topLevelItemCount()):
        item = view.table.topLevelItem(index)
        assert item is not None
        found.append([item.text(column) for column in range(view.table.columnCount())])
    return found


def test_open_runs_soonest_deadline_first(
    qtbot: QtBot, ledger: Ledger, runs: dict[str, int]
) -> None:
    view = make_view(qtbot, ledger, NOW + timedelta(hours=1))
    shown = rows(view)
    assert [row[2] for row in shown] == [
        "Checking where the order stands",  # the merchant's own step: due at once, first
        "Waiting for the supplier's answer",  # due in 72 hours
        "Waiting for the tracking number",  # due in 5 working days (China's calendar)
    ]
    assert [row[3] for row in shown] == [
        "Your next step is due now",
        "The cancel request resolves by itself",
        "The supplier's tracking number is due",
    ]
    assert "overdue" in shown[0][4] and shown[1][4].endswith("· in 2 d 23 h")
    assert all(row[5] == "Changed mind" for row in shown)
    assert view.count_label.text() == "3 open cancellations"
    assert view.selected_id() == runs["unchecked"]  # the most urgent is preselected
    assert view.resume_button.isEnabled() and not view.empty.isVisible()


def test_overdue_deadlines_are_marked(qtbot: QtBot, ledger: Ledger, runs: dict[str, int]) -> None:
    view = make_view(qtbot, ledger, NOW + timedelta(days=4))
    answer = view.table.topLevelItem(1)  # after the merchant's own step, due at once
    assert answer is not None
    assert "overdue 1 d" in answer.text(4)
    assert answer.foreground(4).color() == Colours.NEGATIVE.color()
    assert "deadline has passed" in answer.toolTip(4)
    tracking = view.table.topLevelItem(2)
    assert tracking is not None and tracking.foreground(4).color() != Colours.NEGATIVE.color()


def test_resume_by_button_enter_and_double_click(
    qtbot: QtBot, ledger: Ledger, runs: dict[str, int]
) -> None:
    view = make_view(qtbot, ledger, NOW)
    asked: list[int] = []
    view.resume_requested.connect(asked.append)
    assert view.select(runs["tracking"])
    qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    item = view.table.topLevelItem(0)  # the merchant's own step comes first
    assert item is not None
    where = view.table.visualItemRect(item).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert asked == [runs["tracking"], runs["tracking"], runs["unchecked"]]


def test_refresh_follows_the_ledger_and_keeps_the_selection(
    qtbot: QtBot, ledger: Ledger, runs: dict[str, int]
) -> None:
    view = make_view(qtbot, ledger, NOW)
    view.select(runs["unchecked"])
    flow = CancelWorkflow(ledger, None, None, now=lambda: NOW)
    flow.abandon(runs["answer"], "The customer wants it after all")
    with qtbot.waitSignal(view.refreshed):
        view.refresh()
    assert [row[2] for row in rows(view)] == [
        "Checking where the order stands",
        "Waiting for the tracking number",
    ]
    assert view.selected_id() == runs["unchecked"]
    flow.abandon(runs["tracking"], "kept")
    flow.abandon(runs["unchecked"], "kept")
    with qtbot.waitSignal(view.refreshed):
        view.refresh()
        view.refresh()  # asked again while reading: read once more, shown once
    assert view.table.topLevelItemCount() == 0 and not view.table.isVisible()
    assert view.empty.isVisible() and "No open cancellations" in view.empty.text()
    assert view.count_label.text() == "0 open cancellations"
    assert not view.resume_button.isEnabled()


def test_due_text() -> None:
    assert due_text(None, NOW) == "—"
    assert due_text(NOW + timedelta(hours=5), NOW).endswith("· in 5 h 00 min")
    assert due_text(NOW - timedelta(hours=3), NOW).endswith("· overdue 3 h")
