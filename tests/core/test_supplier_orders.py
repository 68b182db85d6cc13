"""Entering supplier orders by hand: validation the dialog can show, ship_by, journal."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from core import clocks
from core.ledger import Ledger
from core.ledger.models import CustomerOrder, Event, Supplier, SupplierOrder
from core.supplier_orders import (
    SupplierOrderForm,
    SupplierOrderInvalid,
    add_supplier_order,
    edit_supplier_order,
    find_or_create_supplier,
    form_for,
)

NOW = datetime(2026, 4, 20, 12, 0, tzinfo=UTC)
PAID = datetime(2026, 4, 14, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def _events(session: Session, kind: str) -> list[dict[str, object]]:
    return [json.loads(e.payload) for e in session.exec(select(Event).where(Event.kind == kind))]


def _customer_order(session: Session, name: str = "#1001") -> int:
    order = CustomerOrder(name=name)
    session.add(order)
    session.flush()
    assert order.id is not None
    return order.id


def test_add_with_a_new_supplier(ledger: Ledger) -> None:
    with ledger.session() as session:
        customer_order_id = _customer_order(session)
        form = SupplierOrderForm(
            external_order_id="  Order ID: 8198352049851315  Copy ",
            new_supplier_name="  Shenzhen   Bright Home Store ",
            paid_at=PAID,
            cost_minor=1234,
            currency="usd",
            customer_order_id=customer_order_id,
        )
        order = add_supplier_order(session, form, now=NOW)

        supplier = session.get(Supplier, order.supplier_id)
        assert supplier is not None and supplier.name == "Shenzhen Bright Home Store"
        assert (supplier.ship_window_days, supplier.holiday_country) == (7, "CN")
        assert order.external_order_id == "8198352049851315"
        assert (order.cost_minor, order.currency) == (1234, "USD")
        assert order.customer_order_id == customer_order_id
        assert order.paid_at == PAID
        assert order.ship_by == clocks.ship_by(PAID, 7, "CN", "Asia/Shanghai")
        [added] = _events(session, "supplier_order_added")
        assert added["external_order_id"] == "8198352049851315"
        assert added["supplier_created"] is True and added["by"] == "hand"
        assert _events(session, "supplier_added") == [{"name": "Shenzhen Bright Home Store"}]


def test_a_typed_name_of_a_known_supplier_reuses_it(ledger: Ledger) -> None:
    with ledger.session() as session:
        known, created = find_or_create_supplier(session, "Yiwu Trendy")
        again, created_again = find_or_create_supplier(session, "  yiwu   TRENDY ")
        order = add_supplier_order(
            session, SupplierOrderForm("8198352049851315", new_supplier_name="YIWU TRENDY")
        )

        assert (created, created_again) == (True, False)
        assert again.id == known.id == order.supplier_id
        assert len(session.exec(select(Supplier)).all()) == 1


def test_without_supplier_or_payment_there_is_no_deadline(ledger: Ledger) -> None:
    with ledger.session() as session:
        order = add_supplier_order(session, SupplierOrderForm("8198352049851315"), now=NOW)
        assert (order.supplier_id, order.paid_at, order.ship_by) == (None, None, None)
        assert order.order_status == "WAIT_SELLER_SEND_GOODS"


def test_every_problem_is_reported_at_once(ledger: Ledger) -> None:
    with ledger.session() as session:
        supplier, _ = find_or_create_supplier(session, "Acme")
        form = SupplierOrderForm(
            external_order_id="12345",
            supplier_id=supplier.id,
            new_supplier_name="Other",
            paid_at=datetime(2026, 4, 14, 9, 30),
            cost_minor=-5,
            currency="dollars",
            customer_order_id=999,
            order_status="waiting; drop table",
        )
        with pytest.raises(SupplierOrderInvalid) as raised:
            add_supplier_order(session, form, now=NOW)

    assert raised.value.problems == {
        "external_order_id": '"12345" is not an AliExpress order number: those have 16 digits, '
        "like 8198352049851315.",
        "supplier": "Pick a supplier or type a new one's name, not both.",
        "paid_at": "The payment time needs a time zone.",
        "cost": "The cost cannot be negative.",
        "currency": '"dollars" is not a currency code (3 letters, like USD).',
        "customer_order": "That customer order is not in the ledger.",
        "order_status": '"waiting; drop table" is not an AliExpress order status.',
    }


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"external_order_id": ""}, "external_order_id", "Enter the AliExpress order number."),
        (
            {"external_order_id": "8198352049851315 and 8198352049851316"},
            "external_order_id",
            "Enter one order number, not 2: 8198352049851315, 8198352049851316.",
        ),
        ({"paid_at": NOW + timedelta(hours=2)}, "paid_at", "The payment time is in the future."),
        (
            {"paid_at": datetime(2009, 5, 1, tzinfo=UTC)},
            "paid_at",
            "The payment time is before AliExpress existed: a typo?",
        ),
        ({"supplier_id": 42}, "supplier", "That supplier is no longer in the ledger."),
        ({"cost_minor": 12.5}, "cost", "The cost must be a whole number of cents."),
    ],
)
def test_single_problems(
    ledger: Ledger, change: dict[str, object], field: str, message: str
) -> None:
    form = SupplierOrderForm("8198352049851315")
    for key, value in change.items():
        setattr(form, key, value)
    with pytest.raises(SupplierOrderInvalid) as raised, ledger.session() as session:
        add_supplier_order(session, form, now=NOW)

    assert raised.value.problems == {field: message}


def test_a_number_already_in_the_ledger_is_refused(ledger: Ledger) -> None:
    with ledger.session() as session:
        add_supplier_order(
            session,
            SupplierOrderForm("8198352049851315", customer_order_id=_customer_order(session)),
        )
    with pytest.raises(SupplierOrderInvalid) as raised, ledger.session() as session:
        add_supplier_order(session, SupplierOrderForm("8198352049851315"))

    assert raised.value.problems == {
        "external_order_id": "AliExpress order 8198352049851315 is already in the ledger (for #1001)."
    }


def test_edit_moves_ship_by_and_journals_the_changes(ledger: Ledger) -> None:
    with ledger.session() as session:
        order = add_supplier_order(
            session, SupplierOrderForm("8198352049851315", paid_at=PAID, cost_minor=500), now=NOW
        )
        assert order.id is not None
        customer_order_id = _customer_order(session)
        form = form_for(session, order.id)
        later = PAID + timedelta(days=1)
        form.paid_at = later
        form.customer_order_id = customer_order_id
        edited = edit_supplier_order(session, order.id, form, now=NOW)

        assert edited.ship_by == clocks.ship_by(later, 7, "CN", "Asia/Shanghai")
        [changes] = [e["changes"] for e in _events(session, "supplier_order_edited")]
        assert isinstance(changes, dict)
        assert set(changes) == {"paid_at", "ship_by", "customer_order_id"}
        assert changes["customer_order_id"] == [None, customer_order_id]

        edit_supplier_order(session, order.id, form_for(session, order.id), now=NOW)
        assert len(_events(session, "supplier_order_edited")) == 1  # no change, no event


def test_edit_may_keep_its_own_number(ledger: Ledger) -> None:
    with ledger.session() as session:
        order = add_supplier_order(session, SupplierOrderForm("8198352049851315"))
        assert order.id is not None
        form = form_for(session, order.id)
        form.cost_minor = 999
        assert edit_supplier_order(session, order.id, form).cost_minor == 999
        stored = session.exec(select(SupplierOrder)).one()
        assert (stored.external_order_id, stored.cost_minor) == ("8198352049851315", 999)
