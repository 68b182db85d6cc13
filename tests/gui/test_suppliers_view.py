"""The suppliers view (clocks, policy, refund record, saving a policy) and the refund policy
dialog (drafts, copy, save, publishing to the fake Shopify) on the demo ledger."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from graphql import GraphQLSchema
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from core import clocks
from core.ledger import Ledger
from core.ledger.journal import timeline
from core.ledger.types import Reason
from core.review import Review, ReviewFilter
from core.shopify import AccessToken, ShopifyClient, update_shop_policy
from core.shopify.errors import ShopifyError
from core.suppliers import list_suppliers
from gui.policy_dialog import PolicyDialog, Publisher
from gui.suppliers_view import COLUMNS, SuppliersView, estimated_years
from tests.fakes.shopify_server import ACCESS_TOKEN, FakeShopify, LoopbackTransport


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
        assert cell(view, row, "Refund rate") == rates[name].percent_text().replace(" ", "\u00a0")
    dongguan = next(r for r in range(6) if cell(view, r, "Supplier") == "Dongguan Gadget Factory")
    assert cell(view, dongguan, "Cancel accepted within") == "not stated"
    assert cell(view, dongguan, "Written policy") == "no"
    assert cell(view, dongguan, "Ship window") == "7 business days"
    estimated = estimated_years("CN")  # this year and the next without an official arrangement
    calendar = "CN · Asia/Shanghai"
    if estimated:
        calendar += f" · {', '.join(map(str, estimated))} estimated"
    assert cell(view, dongguan, "Calendar") == calendar
    assert cell(view, dongguan, "Refunded").endswith("EUR")
    view.table.selectRow(dongguan)
    assert view.name.text() == "Dongguan Gadget Factory"
    assert "orders refunded" in view.record.text() and "Out of pocket" in view.record.text()
    assert view.cancel_hours.text() == "Not stated"


def test_the_refund_rate_has_the_windows_decimal_mark(
    qtbot: QtBot, demo_ledger: Ledger, language: str
) -> None:
    """German writes "3,4 %", as the Review's chart does; English "3.4 %"."""
    view = open_view(qtbot, demo_ledger)
    mark = "," if language == "de" else "."
    rates = {r.name: r for r in Review(demo_ledger.engine).supplier_rates(ReviewFilter())}
    shown = 0
    for row in range(view.table.rowCount()):
        rate = rates[cell(view, row, "Supplier")]
        if rate.orders:
            text = cell(view, row, "Refund rate")
            assert text == f"{rate.per_mille // 10}{mark}{rate.per_mille % 10}\u00a0%", text
            shown += 1
    assert shown >= 3
    view.table.selectRow(0)
    assert f"{mark}" in view.record.text() and "\u00a0%" in view.record.text()


def test_a_year_past_the_packages_official_data_is_marked_estimated() -> None:
    last = clocks.last_official_year("CN")
    assert last is not None
    assert estimated_years("CN", date(last, 6, 1)) == [last + 1]
    assert estimated_years("CN", date(last - 1, 6, 1)) == []
    assert estimated_years("DE", date(last, 6, 1)) == []  # a rule-based calendar
    assert estimated_years("no such country", date(last, 6, 1)) == []


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


# --- the refund policy dialog ------------------------------------------------------------------


def open_dialog(qtbot: QtBot, ledger: Ledger, publish: Publisher | None = None) -> PolicyDialog:
    dialog = PolicyDialog(ledger, publish)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_policy_draft_follows_the_chosen_suppliers(qtbot: QtBot, demo_ledger: Ledger) -> None:
    dialog = open_dialog(qtbot, demo_ledger)
    assert dialog.suppliers.count() == 6 and len(dialog.chosen()) == 6
    assert dialog.draft is None and "e-mail" in dialog.problem.text()
    assert not dialog.copy_button.isEnabled() and not dialog.publish_button.isEnabled()
    qtbot.keyClicks(dialog.email, "help@shop.example")
    assert dialog.draft is not None
    assert "cannot promise that an order can still be cancelled" in dialog.markdown.toPlainText()
    assert "Dongguan Gadget Factory states none" in dialog.choices.item(0).text()
    dongguan = dialog.suppliers.findItems("Dongguan Gadget Factory", Qt.MatchFlag.MatchExactly)[0]
    dongguan.setCheckState(Qt.CheckState.Unchecked)
    assert "within 6 hours of placing it" in dialog.preview.toPlainText()
    assert "if the item arrived damaged." in dialog.preview.toPlainText()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    assert "innerhalb von 6 Stunden" in dialog.preview.toPlainText()
    assert dialog.choices.item(0).text().startswith("Stornofrist 6 Stunden")
    for row in range(dialog.suppliers.count()):
        dialog.suppliers.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.draft is None and "at least one supplier" in dialog.problem.text()


def test_copy_and_save(qtbot: QtBot, demo_ledger: Ledger, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, demo_ledger)
    qtbot.keyClicks(dialog.email, "help@shop.example")
    assert dialog.draft is not None
    dialog.copy()
    assert QGuiApplication.clipboard().text() == dialog.draft.markdown
    dialog.save(tmp_path / "policy.html", "html")
    dialog.save(tmp_path / "policy.md", "md")
    page = (tmp_path / "policy.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and dialog.draft.html in page
    assert (tmp_path / "policy.md").read_text(encoding="utf-8") == dialog.draft.markdown
    again = open_dialog(qtbot, demo_ledger)  # the contact is remembered
    assert again.email.text() == "help@shop.example"
    assert "Connect a Shopify shop" in dialog.publish_button.toolTip()


def test_publish_to_the_fake_shop(
    qtbot: QtBot, demo_ledger: Ledger, shopify_schema: GraphQLSchema
) -> None:
    with FakeShopify(shopify_schema) as fake:

        def publish(body: str) -> str:
            client = ShopifyClient(
                fake.domain,
                AccessToken(ACCESS_TOKEN),
                transport=LoopbackTransport({fake.domain: fake.url}),
                timeout=2.0,
            )
            try:
                return update_shop_policy(client, "REFUND_POLICY", body).url
            finally:
                client.close()

        dialog = open_dialog(qtbot, demo_ledger, publish)
        qtbot.keyClicks(dialog.email, "help@shop.example")
        assert dialog.publish_button.isEnabled()
        with qtbot.waitSignal(dialog.published, timeout=10_000) as signal:
            dialog.publish()
        assert dialog.draft is not None
        assert fake.state.policies["REFUND_POLICY"]["body"] == dialog.draft.html
        assert signal.args == [f"https://{fake.domain}/policies/refund-policy"]
        assert "Published" in dialog.status.text()


def test_a_failed_publish_is_reported(qtbot: QtBot, demo_ledger: Ledger) -> None:
    def refuse(_body: str) -> str:
        raise ShopifyError("Shopify would not save the policy (token shpat_0123456789abcdef).")

    dialog = open_dialog(qtbot, demo_ledger, refuse)
    qtbot.keyClicks(dialog.email, "help@shop.example")
    with qtbot.waitSignal(dialog.publish_failed, timeout=10_000) as signal:
        dialog.publish()
    assert "would not save" in signal.args[0]
    assert "0123456789abcdef" not in dialog.status.text()
    assert dialog.publish_button.isEnabled()
