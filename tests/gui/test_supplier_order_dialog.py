"""Adding and editing supplier orders by hand: fields, links, errors next to their fields."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlmodel import select

from core import clocks, due
from core.imports import import_shopify_csv
from core.ledger import Ledger
from core.ledger.models import CustomerOrder, Event, Supplier, SupplierOrder
from core.supplier_orders import find_or_create_supplier
from gui.formatting import to_qdatetime
from gui.supplier_order_dialog import SupplierOrderDialog, open_supplier_order_dialog

DATA = Path(__file__).parents[1] / "data"
NOW = datetime(2026, 4, 20, 12, 0, tzinfo=UTC)
PAID = datetime(2026, 4, 14, 7, 30, tzinfo=UTC)
LINKED_BY_IMPORT = "8198352049851315"  # in #1001's note: the import created it, unpaid


@pytest.fixture
def shop_ledger(ledger: Ledger) -> Ledger:
    """Customer orders #1001-#1004 (with three supplier orders linked from their notes) and
    one known supplier."""
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    with ledger.session() as session:
        find_or_create_supplier(session, "Yiwu Gadget Factory")
    return ledger


def make_dialog(
    qtbot: QtBot, ledger: Ledger, supplier_order_id: int | None = None
) -> SupplierOrderDialog:
    dialog = SupplierOrderDialog(ledger, supplier_order_id, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot: QtBot, dialog: SupplierOrderDialog, **fields: str) -> None:
    for name, text in fields.items():
        widget = {
            "ae_order": dialog.ae_order,
            "supplier": dialog.supplier.lineEdit(),
            "cost": dialog.cost,
            "currency": dialog.currency.lineEdit(),
            "customer_order": dialog.customer_order,
        }[name]
        assert widget is not None
        widget.clear()
        qtbot.keyClicks(widget, text)


def errors(dialog: SupplierOrderDialog) -> dict[str, str]:
    return {key: label.text() for key, label in dialog.errors.items() if label.isVisibleTo(dialog)}


def supplier_orders(ledger: Ledger) -> dict[str, SupplierOrder]:
    with ledger.session() as session:
        return {order.external_order_id: order for order in session.exec(select(SupplierOrder))}


def customer_order_id(ledger: Ledger, name: str) -> int:
    with ledger.session() as session:
        order = session.exec(select(CustomerOrder).where(CustomerOrder.name == name)).one()
        assert order.id is not None
        return order.id


def event_count(ledger: Ledger) -> int:
    with ledger.session() as session:
        return len(session.exec(select(Event)).all())


def supplier_names(ledger: Ledger) -> list[str]:
    with ledger.session() as session:
        return sorted(supplier.name for supplier in session.exec(select(Supplier)))


def test_add_with_a_known_supplier_linked_to_a_customer_order(
    qtbot: QtBot, shop_ledger: Ledger
) -> None:
    dialog = make_dialog(qtbot, shop_ledger)
    assert dialog.windowTitle() == "Add supplier order"
    type_into(
        qtbot,
        dialog,
        ae_order="Order ID: 8198352049851399 Copy",
        supplier="yiwu gadget factory",
        cost="12.34",
        customer_order="1002",
    )
    dialog.paid_at.setDateTime(to_qdatetime(PAID).toLocalTime())
    assert dialog.supplier_hint.isHidden()  # an existing supplier, not a new one
    assert dialog.customer_hint.text() == (
        "Bob Müller · 34.99 EUR · 1 × Wireless Earbuds Pro - Black"
    )
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    order = supplier_orders(shop_ledger)["8198352049851399"]
    assert saved.args == [order.id]
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    with shop_ledger.session() as session:
        supplier = session.get(Supplier, order.supplier_id)
    assert supplier is not None and supplier.name == "Yiwu Gadget Factory"
    assert supplier_names(shop_ledger) == ["Yiwu Gadget Factory"]
    assert order.paid_at == PAID
    assert (order.cost_minor, order.currency) == (1234, "USD")
    assert order.customer_order_id == customer_order_id(shop_ledger, "#1002")
    assert order.order_status == "WAIT_SELLER_SEND_GOODS"
    assert order.ship_by == clocks.ship_by(PAID, 7, "CN", "Asia/Shanghai")


def test_add_with_a_new_supplier_and_no_customer_order(qtbot: QtBot, shop_ledger: Ledger) -> None:
    dialog = make_dialog(qtbot, shop_ledger)
    type_into(qtbot, dialog, ae_order="8198352049851400", supplier="Brand New Store")
    dialog.currency.setCurrentText("EUR")
    type_into(qtbot, dialog, cost="7,5")  # a decimal comma reads the same

    assert dialog.supplier_hint.text() == "A new supplier “Brand New Store” will be added."
    assert dialog.customer_hint.text() == "Not linked to a customer order."
    assert dialog.ship_by_hint.text().startswith("Ship window closes ")
    assert dialog.save()
    order = supplier_orders(shop_ledger)["8198352049851400"]
    assert supplier_names(shop_ledger) == ["Brand New Store", "Yiwu Gadget Factory"]
    assert (order.cost_minor, order.currency, order.customer_order_id) == (750, "EUR", None)
    assert order.paid_at == NOW.replace(second=0)  # "now" by default, to the minute


def test_every_problem_is_shown_next_to_its_field_and_nothing_is_saved(
    qtbot: QtBot, shop_ledger: Ledger
) -> None:
    before = supplier_orders(shop_ledger)
    dialog = make_dialog(qtbot, shop_ledger)
    type_into(
        qtbot,
        dialog,
        ae_order="12345",
        supplier="Another New Store",
        cost="12,3,4",
        currency="EU",
        customer_order="#9999",
    )
    dialog.paid_at.setDateTime(to_qdatetime(datetime(2026, 5, 1, tzinfo=UTC)).toLocalTime())

    assert not dialog.save()
    assert errors(dialog) == {
        "external_order_id": '"12345" is not an AliExpress order number: those have 16 digits, like '
        "8198352049851315.",
        "paid_at": "The payment time is in the future.",
        "cost": '"12,3,4" is not an amount, like 12.34.',
        "currency": '"EU" is not a currency code (3 letters, like USD).',
        "customer_order": "There is no customer order #9999 in the ledger.",
    }
    assert dialog.isVisible() and dialog.focusWidget() is dialog.ae_order
    assert dialog.cost.accessibleDescription() == '"12,3,4" is not an amount, like 12.34.'
    assert supplier_orders(shop_ledger).keys() == before.keys()
    assert supplier_names(shop_ledger) == ["Yiwu Gadget Factory"]


def test_problems_only_the_dialog_sees_still_keep_everything_out(
    qtbot: QtBot, shop_ledger: Ledger
) -> None:
    """Core accepts the form; the cost the dialog could not read must not save a thing."""
    events = event_count(shop_ledger)
    dialog = make_dialog(qtbot, shop_ledger)
    type_into(qtbot, dialog, ae_order="8198352049851401", supplier="Store X", cost="12 USD")

    assert not dialog.save()
    assert errors(dialog) == {"cost": '"12 USD" is not an amount, like 12.34.'}
    assert "8198352049851401" not in supplier_orders(shop_ledger)
    assert supplier_names(shop_ledger) == ["Yiwu Gadget Factory"]
    assert event_count(shop_ledger) == events

    type_into(qtbot, dialog, cost="12")  # fixed: the errors go, the order is saved
    assert dialog.save()
    assert errors(dialog) == {}
    assert supplier_orders(shop_ledger)["8198352049851401"].cost_minor == 1200


def test_an_order_number_already_in_the_ledger_is_refused(
    qtbot: QtBot, shop_ledger: Ledger
) -> None:
    dialog = make_dialog(qtbot, shop_ledger)
    type_into(qtbot, dialog, ae_order=LINKED_BY_IMPORT)

    assert not dialog.save()
    assert errors(dialog) == {
        "external_order_id": f"AliExpress order {LINKED_BY_IMPORT} is already in the ledger (for #1001)."
    }


def test_edit_fills_the_fields_and_saves_the_changes(qtbot: QtBot, shop_ledger: Ledger) -> None:
    linked = supplier_orders(shop_ledger)[LINKED_BY_IMPORT]
    # The import estimated the payment time from Shopify's (core.ship_estimate).
    assert linked.id is not None and linked.paid_at is not None and linked.paid_estimated
    dialog = make_dialog(qtbot, shop_ledger, linked.id)

    assert dialog.windowTitle() == f"Edit supplier order {LINKED_BY_IMPORT}"
    assert dialog.ae_order.text() == LINKED_BY_IMPORT
    assert dialog.customer_order.text() == "#1001"
    assert not dialog.paid_unknown.isChecked() and dialog.paid_at.isEnabled()
    assert "Estimated from the Shopify payment time" in dialog.ship_by_hint.text()
    assert dialog.supplier.currentText() == ""
    assert dialog.cost.text() == ""  # not known yet, rather than "0.00"
    assert dialog.status.currentText() == "Awaiting shipment"

    dialog.paid_at.setDateTime(to_qdatetime(PAID).toLocalTime())
    assert "Estimated" not in dialog.ship_by_hint.text()
    dialog.supplier.setCurrentIndex(dialog.supplier.findText("Yiwu Gadget Factory"))
    dialog.status.setCurrentIndex(dialog.status.findData("WAIT_SELLER_SEND_GOODS:"))
    type_into(qtbot, dialog, cost="3.10", customer_order="#1003")
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()

    assert saved.args == [linked.id]
    edited = supplier_orders(shop_ledger)[LINKED_BY_IMPORT]
    assert edited.id == linked.id
    assert (edited.paid_at, edited.cost_minor) == (PAID, 310)
    assert edited.customer_order_id == customer_order_id(shop_ledger, "#1003")
    assert edited.order_status == "WAIT_SELLER_SEND_GOODS"
    assert edited.ship_by is not None and not edited.paid_estimated  # confirmed
    with shop_ledger.session() as session:
        [event] = session.exec(select(Event).where(Event.kind == "supplier_order_edited")).all()
    assert set(json.loads(event.payload)["changes"]) >= {
        "paid_at",
        "supplier_id",
        "cost_minor",
        "customer_order_id",
        "paid_estimated",
    }


def test_every_real_status_is_offered_in_words_cancelled_included(
    qtbot: QtBot, shop_ledger: Ledger
) -> None:
    linked = supplier_orders(shop_ledger)[LINKED_BY_IMPORT]
    assert linked.id is not None
    dialog = make_dialog(qtbot, shop_ledger, linked.id)
    offered = [dialog.status.itemText(i) for i in range(dialog.status.count())]
    assert "Cancelled at the supplier" in offered and "Delivered" in offered
    assert not [text for text in offered if "_" in text or text.isupper()]  # no raw codes
    dialog.status.setCurrentIndex(dialog.status.findText("Cancelled at the supplier"))
    assert dialog.save()
    closed = supplier_orders(shop_ledger)[LINKED_BY_IMPORT]
    assert (closed.order_status, closed.end_reason) == ("FINISH", "cancel_order_close_trade")
    with shop_ledger.engine.connect() as connection:  # it no longer waits for a shipment
        assert linked.id not in [d.supplier_order_id for d in due.deadlines(connection, NOW, 1e5)]


def test_a_tracking_number_entered_by_hand_marks_the_order_shipped(
    qtbot: QtBot, shop_ledger: Ledger
) -> None:
    """Manual mode: the merchant copies the tracking number from the supplier; the parcel left,
    so the ship window's clock stops, and the number shows again when the order is edited."""
    linked = supplier_orders(shop_ledger)[LINKED_BY_IMPORT]
    assert linked.id is not None and linked.shipped_at is None
    dialog = make_dialog(qtbot, shop_ledger, linked.id)
    dialog.status.setCurrentIndex(dialog.status.findText("Shipped"))
    dialog.tracking.setText(" LP00123456789CN ")
    dialog.carrier.setText("Cainiao")
    assert dialog.save()
    shipped = supplier_orders(shop_ledger)[LINKED_BY_IMPORT]
    assert (shipped.tracking_number, shipped.carrier) == ("LP00123456789CN", "Cainiao")
    assert shipped.shipped_at is not None
    with shop_ledger.engine.connect() as connection:
        kinds = {
            d.kind for d in due.deadlines(connection, NOW, 1e5) if d.supplier_order_id == linked.id
        }
    assert due.Kind.SHIP_WINDOW not in kinds
    again = make_dialog(qtbot, shop_ledger, linked.id)
    assert again.tracking.text() == "LP00123456789CN" and again.carrier.text() == "Cainiao"
    again.tracking.setText("LP 001")
    assert not again.save()
    assert again.errors["tracking_number"].isVisibleTo(again)


def test_edit_shows_the_stored_cost_and_payment_time(qtbot: QtBot, shop_ledger: Ledger) -> None:
    first = make_dialog(qtbot, shop_ledger)
    type_into(qtbot, first, ae_order="8198352049851402", cost="1234.5", customer_order="#1004")
    first.paid_at.setDateTime(to_qdatetime(PAID).toLocalTime())
    assert first.save()
    stored = supplier_orders(shop_ledger)["8198352049851402"]

    again = make_dialog(qtbot, shop_ledger, stored.id)
    assert again.cost.text() == "1234.50"
    assert again.paid_instant() == PAID
    assert again.customer_hint.text().startswith("Dan Smith · 19.99 EUR · 1 × Cat Tunnel")
    assert again.save()  # nothing changed: saved, and no edit journalled
    with shop_ledger.session() as session:
        assert session.exec(select(Event).where(Event.kind == "supplier_order_edited")).all() == []


def test_customer_orders_are_suggested_as_the_name_is_typed(
    qtbot: QtBot, shop_ledger: Ledger
) -> None:
    dialog = make_dialog(qtbot, shop_ledger)
    qtbot.keyClicks(dialog.customer_order, "100")
    completer = dialog.customer_order.completer()
    assert completer is not None
    model = completer.model()

    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "#1001",
        "#1002",
        "#1003",
        "#1004",
    ]
    qtbot.keyClicks(dialog.customer_order, "3")
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["#1003"]


def test_cancel_saves_nothing_and_open_does_not_block(qtbot: QtBot, shop_ledger: Ledger) -> None:
    before = supplier_orders(shop_ledger)
    saved: list[int] = []
    dialog = open_supplier_order_dialog(None, shop_ledger, on_saved=saved.append)
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog, ae_order="8198352049851403")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert supplier_orders(shop_ledger).keys() == before.keys() and saved == []
