"""No internal code or raw field name reaches the merchant: the screens that show statuses,
end reasons and journal events are walked on the demo ledger, in English and German, and any
visible text (labels, buttons, choices, tree and list items, table cells as the model's
DisplayRole; tooltips excluded) that looks like a code fails the test."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from core.cancel.listing import open_cancellations
from core.ledger import Ledger, journal
from core.ledger.models import SupplierOrder
from core.status_words import status_words
from gui.cancel_ports import manual_opener
from gui.cancel_wizard import CancelWizard
from gui.cancellations_view import CancellationsView
from gui.formatting import status_text, status_tooltip
from gui.ledger_columns import COLUMNS
from gui.main_window import ALL_ORDERS, MainWindow
from gui.order_details_panel import _describe, event_title
from gui.supplier_order_dialog import SupplierOrderDialog
from tests.catalogue import in_english, in_german

CODES = (
    re.compile(r"\b[A-Z]{2,}(_[A-Z]+)+\b"),  # WAIT_SELLER_SEND_GOODS
    re.compile(r"\b[a-z]+(_[a-z]+)+\b"),  # seller_send_goods_timeout, shop_step_confirmed
    re.compile(r"Ae order"),  # "ae_order_linked" made into words
    re.compile(r"\.shop step|[a-z]\.[a-z]+ [a-z]"),  # "Customer order.shop step confirmed"
)
TAGS = re.compile(r"<[^>]+>")


def codes_in(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        plain = TAGS.sub(" ", text)
        plain = re.sub(r"https?://\S+|\S+\.(sqlite|csv|log|zip)\b|/\S+", " ", plain)  # paths
        if any(pattern.search(plain) for pattern in CODES):
            found.append(text)
    return found


def visible_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle()]
    texts += [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisibleTo(widget)]
    texts += [w.title() for w in widget.findChildren(QGroupBox) if w.isVisibleTo(widget)]
    for combo in widget.findChildren(QComboBox):
        if combo.isVisibleTo(widget):
            texts += [combo.itemText(i) for i in range(combo.count())]
    for tree in widget.findChildren(QTreeWidget):
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            texts += [item.text(c) for c in range(tree.columnCount())]
    for listing in widget.findChildren(QListWidget):
        texts += [listing.item(i).text() for i in range(listing.count())]
    return [t for t in texts if t]


def sample_orders(ledger: Ledger) -> list[int]:
    """One supplier order per (status, end reason) the demo has, plus every one in a
    cancellation: what the details panel and the dialog must put in words."""
    with ledger.session() as session:
        rows = session.exec(
            select(SupplierOrder.id, SupplierOrder.order_status, SupplierOrder.end_reason).order_by(
                col(SupplierOrder.id)
            )
        ).all()
    picked: dict[tuple[str, str], int] = {}
    for order_id, status, end in rows:
        picked.setdefault((status, end), order_id)
    runs = [r.supplier_order_id for r in open_cancellations(ledger) if r.supplier_order_id]
    return list(dict.fromkeys([*picked.values(), *runs[:15]]))


def add_events_the_merchant_met(ledger: Ledger, supplier_order_id: int) -> None:
    """The journal events seen raw in the German window, and one of a kind to come."""
    with ledger.session() as session:
        order = session.get(SupplierOrder, supplier_order_id)
        assert order is not None and order.customer_order_id is not None
        customer = order.customer_order_id
        for kind, entity, entity_id, payload in (
            (
                "ae_order_linked",
                "supplier_order",
                supplier_order_id,
                {
                    "external_order_id": order.external_order_id,
                    "by": "import",
                    "found_in": "note_attributes",
                },
            ),
            ("customer_order.shop_step_confirmed", "customer_order", customer, {"by": "merchant"}),
            (
                "supplier_order.aliexpress_updated",
                "supplier_order",
                supplier_order_id,
                {"changes": {"order_status": "FINISH", "end_reason": "seller_send_goods_timeout"}},
            ),
            (
                "supplier_order_edited",
                "supplier_order",
                supplier_order_id,
                {"changes": {"cost_minor": [0, 1200]}, "by": "hand", "supplier_created": False},
            ),
            ("future_thing.was_done", "supplier_order", supplier_order_id, {"odd_key": "x_y"}),
        ):
            journal.record(session, kind, entity, entity_id, payload)


def test_status_words_for_every_code_and_a_phrase_for_unknown_ones(language: str) -> None:
    assert status_text("WAIT_SELLER_SEND_GOODS") == (
        "Wartet auf Versand" if language == "de" else "Awaiting shipment"
    )
    ended = status_words("FINISH", "seller_send_goods_timeout")
    said = in_german(ended) if language == "de" else in_english(ended)
    assert status_text("FINISH", "seller_send_goods_timeout") == said
    assert codes_in([status_text("SOMETHING_NEW_FROM_ALIEXPRESS")]) == []
    assert "SOMETHING_NEW_FROM_ALIEXPRESS" in status_tooltip("SOMETHING_NEW_FROM_ALIEXPRESS")
    assert status_tooltip("WAIT_SELLER_SEND_GOODS") == ""
    assert "odd_end" in status_tooltip("FINISH", "odd_end")
    assert codes_in([event_title("customer_order.shop_step_confirmed")]) == []
    assert codes_in([event_title("ae_order_linked"), event_title("some.new_kind")]) == []
    described = _describe({"changes": {"order_status": 1, "secret_field": 2}, "by": "hand"})
    assert codes_in([described]) == [] and "secret" not in described
    # Events journaled before migration 0006 name the order id by its old key.
    for key in ("external_order_id", "ae_order_id"):
        described = _describe({key: "8100000000000001", "changes": {key: 1}})
        assert "8100000000000001" in described and codes_in([described]) == []


def test_the_main_window_and_details_panel_speak_words(
    qtbot: QtBot, demo_ledger: Ledger, language: str
) -> None:
    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    window.show()
    model = window.model
    cells = [
        str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
        for r in range(model.rowCount())
        for c in range(len(COLUMNS))
    ]
    assert codes_in(cells) == []
    seen: list[str] = []
    met = sample_orders(demo_ledger)[0]
    add_events_the_merchant_met(demo_ledger, met)
    assert window.select_order(met)
    assert window.details.timeline.topLevelItemCount() >= 5
    for order_id in sample_orders(demo_ledger):
        assert window.select_order(order_id)
        seen += visible_texts(window)
    assert codes_in(seen) == []


def test_the_cancellations_view_and_the_wizard_speak_words(
    qtbot: QtBot, demo_ledger: Ledger, language: str
) -> None:
    view = CancellationsView(demo_ledger)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.table.topLevelItemCount() > 0, timeout=10_000)
    assert codes_in(visible_texts(view)) == []
    runs = open_cancellations(demo_ledger)
    by_state = {run.state: run.id for run in runs}
    for run_id in by_state.values():
        wizard = CancelWizard(demo_ledger, manual_opener(demo_ledger), cancellation_id=run_id)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda w=wizard: w.handle is not None and not w.busy, timeout=10_000)
        assert codes_in(visible_texts(wizard)) == [], wizard.view.state if wizard.view else None
        wizard.close()


def test_the_supplier_order_dialog_speaks_words(
    qtbot: QtBot, demo_ledger: Ledger, language: str
) -> None:
    for order_id in sample_orders(demo_ledger)[:12]:
        dialog = SupplierOrderDialog(demo_ledger, order_id)
        qtbot.addWidget(dialog)
        dialog.show()
        assert codes_in(visible_texts(dialog)) == [], order_id
        dialog.reject()
