"""The suppliers view on the demo ledger: clocks, policy, refund record, and saving a policy."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.ledger import Ledger
from core.ledger.journal import timeline
from core.ledger.types import Reason
from core.review import Review, ReviewFilter
from core.suppliers import list_suppliers
from gui.suppliers_view import COLUMNS, SuppliersView


def open_view(qtbot: QtBot, ledger: Ledger) -> SuppliersView:
    view = SuppliersView(ledger)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    return view


def cell(view: SuppliersView, row: int, column: str) -> str:
    item = view.table.item(row, COLUMNS.index(column))
    assert item is not None
    return item.text()


def test_every_supplier_with_its_refund_record(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = open_view(qtbot, demo_ledger)
    assert view.table.rowCount() == 6
    rates = {r.name: r for r in Review(demo_ledger.engine).supplier_rates(ReviewFilter())}
    for row in range(view.table.rowCount()):
        name = cell(view, row, "Supplier")
        assert cell(view, row, "Orders") == f"{rates[name].orders:,}"
        assert cell(view, row, "Refund rate") == rates[name].percent_text()
    dongguan = next(r for r in range(6) if cell(view, r, "Supplier") == "Dongguan Gadget Factory")
    assert cell(view, dongguan, "Cancel accepted within") == "not stated"
    assert cell(view, dongguan, "Written policy") == "no"
    assert cell(view, dongguan, "Ship window") == "7 business days"
    assert cell(view, dongguan, "Calendar") == "CN · Asia/Shanghai"
    assert cell(view, dongguan, "Refunded").endswith("EUR")
    view.table.selectRow(dongguan)
    assert view.name.text() == "Dongguan Gadget Factory"
    assert "orders refunded" in view.record.text() and "Out of pocket" in view.record.text()
    assert view.cancel_hours.text() == "Not stated"


def test_save_a_policy(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = open_view(qtbot, demo_ledger)
    supplier = next(s for s in view.suppliers if s.name == "Yiwu Trendy Accessories")
    assert view.select(supplier.id)
    view.cancel_hours.setValue(36)
    view.reason_boxes[Reason.WRONG_SIZE].setChecked(True)
    view.refund_max.setValue(25)
    view.url.clear()
    qtbot.keyClicks(view.url, "https://www.aliexpress.com/store/1102345678/policy")
    with qtbot.waitSignal(view.saved, timeout=2_000) as signal:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert signal.args == [supplier.id]
    stored = next(s for s in list_suppliers(demo_ledger) if s.id == supplier.id)
    assert stored.policy.cancel_accepted_within_hours == 36
    assert stored.policy.returns_allowed_for == {Reason.DAMAGED, Reason.WRONG_SIZE}
    assert stored.policy.refund_days_max == 25
    assert stored.policy.policy_url == "https://www.aliexpress.com/store/1102345678/policy"
    assert view.selected_id() == supplier.id
    row = view.table.currentRow()
    assert cell(view, row, "Cancel accepted within") == "36 h"
    assert cell(view, row, "Returns accepted for") == "Damaged, Wrong size"
    with demo_ledger.session() as session:
        events = timeline(session, "supplier", supplier.id)
    assert json.loads(events[-1].payload)["cancel_accepted_within_hours"] == {"from": 12, "to": 36}


def test_a_bad_form_is_not_saved(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = open_view(qtbot, demo_ledger)
    view.table.selectRow(0)
    chosen = view.selected_id()
    before = next(s for s in list_suppliers(demo_ledger) if s.id == chosen)
    view.refund_min.setValue(30)
    view.refund_max.setValue(10)
    view.cancel_hours.setValue(0)  # "Not stated" is allowed
    assert view.save() is False
    assert "cannot be shorter" in view.problems.text()
    after = next(s for s in list_suppliers(demo_ledger) if s.id == chosen)
    assert after == before
