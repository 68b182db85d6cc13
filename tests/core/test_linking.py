"""AliExpress order numbers in customer orders become linked supplier orders."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from core import linking, settings
from core.imports import import_shopify_csv
from core.ledger import Ledger, search_index
from core.ledger.models import CustomerOrder, Event, SupplierOrder

DATA = Path(__file__).parents[1] / "data"
DEFAULT = linking.compile_pattern(settings.DEFAULTS["ae_order_pattern"])


def _supplier_orders(ledger: Ledger) -> dict[str, tuple[str | None, str, int | None]]:
    """external_order_id -> (customer order name, status, supplier id)."""
    with ledger.session() as session:
        rows = session.exec(
            select(SupplierOrder, CustomerOrder)
            .join(CustomerOrder, isouter=True)
            .order_by(col(SupplierOrder.id))
        ).all()
        return {
            so.external_order_id: (co.name if co else None, so.order_status, so.supplier_id)
            for so, co in rows
        }


def _link_events(ledger: Ledger) -> list[dict[str, object]]:
    with ledger.session() as session:
        events = session.exec(select(Event).where(Event.kind == "ae_order_linked"))
        return [json.loads(event.payload) for event in events]


def _order_id(ledger: Ledger, name: str) -> int:
    with ledger.session() as session:
        order = session.exec(select(CustomerOrder).where(CustomerOrder.name == name)).one()
        assert order.id is not None
        return order.id


def test_finds_16_digit_numbers_only_once_each() -> None:
    text = (
        "AE 8198352049851315, again 8198352049851315; tracking 42097951921449036000 "
        "(20 digits), phone 0151234567890 and 81983520498513150 (17) are not order numbers"
    )
    assert linking.find_ae_order_numbers(text, DEFAULT) == ["8198352049851315"]


def test_a_pattern_with_a_group_takes_the_group() -> None:
    pattern = linking.compile_pattern(r"AE[-: ]?(\d{4} ?\d{4} ?\d{4} ?\d{4})")
    found = linking.find_ae_order_numbers("dsers, AE-8198 3520 4985 1315, x", pattern)
    assert found == ["8198352049851315"]


@pytest.mark.parametrize("bad", ["(unclosed", r"\d*"])
def test_unusable_patterns_are_refused(bad: str) -> None:
    with pytest.raises(linking.PatternError, match="pattern in Settings"):
        linking.compile_pattern(bad)


def test_import_links_numbers_from_note_attributes_and_tags(ledger: Ledger) -> None:
    summary = import_shopify_csv(ledger, DATA / "orders_shopify.csv")

    # Created without supplier: the paid, unfulfilled #1001 awaits shipment (an estimate);
    # the status of the (partly) fulfilled ones stays unknown.
    assert _supplier_orders(ledger) == {
        "8198352049851315": ("#1001", "WAIT_SELLER_SEND_GOODS", None),
        "8198352049851316": ("#1003", "", None),
        "8198352049851317": ("#1004", "", None),
    }
    with ledger.session() as session:  # each clock estimated from the Shopify payment
        estimated = session.exec(select(SupplierOrder)).all()
        assert all(o.paid_estimated and o.ship_by is not None for o in estimated)
    assert summary.linked == 3
    assert sorted(
        (e["external_order_id"], e["found_in"], e["created"]) for e in _link_events(ledger)
    ) == [
        ("8198352049851315", "note", True),
        ("8198352049851316", "note_attributes", True),
        ("8198352049851317", "tags", True),
    ]
    with ledger.engine.connect() as connection:  # linked orders are searchable at once
        found = connection.exec_driver_sql(
            "SELECT order_name, external_order_id FROM supplier_order_search "
            "WHERE supplier_order_search MATCH '\"2049851316\"'"
        ).all()
    assert found == [("#1003", "8198352049851316")]


def test_reimport_links_nothing_twice(ledger: Ledger) -> None:
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    again = import_shopify_csv(ledger, DATA / "orders_shopify_v2.csv")

    assert again.linked == 0
    assert len(_supplier_orders(ledger)) == 3 and len(_link_events(ledger)) == 3


def test_existing_supplier_order_gets_linked_not_duplicated(ledger: Ledger) -> None:
    with ledger.session() as session:
        session.add(SupplierOrder(external_order_id="8198352049851316", cost_minor=4200))
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")

    with ledger.session() as session:
        entered = session.exec(
            select(SupplierOrder).where(SupplierOrder.external_order_id == "8198352049851316")
        ).one()
        assert entered.cost_minor == 4200  # the merchant's entry is kept, only linked
        assert entered.order_status == "WAIT_SELLER_SEND_GOODS"
    assert _supplier_orders(ledger)["8198352049851316"][0] == "#1003"
    linked = [e for e in _link_events(ledger) if e["external_order_id"] == "8198352049851316"]
    assert linked == [
        {
            "external_order_id": "8198352049851316",
            "by": "csv import",
            "created": False,
            "customer_order_id": _order_id(ledger, "#1003"),
            "found_in": "note_attributes",
        }
    ]


def test_supplier_order_of_another_customer_order_is_not_taken(ledger: Ledger) -> None:
    with ledger.session() as session:
        other = CustomerOrder(name="#999")
        session.add(other)
        session.flush()
        session.add(SupplierOrder(external_order_id="8198352049851315", customer_order_id=other.id))
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    with ledger.session() as session:
        result = linking.link_orders(session, [_order_id(ledger, "#1001")])

    assert _supplier_orders(ledger)["8198352049851315"][0] == "#999"
    assert result.made == 0
    assert result.conflicts == [
        linking.Conflict("8198352049851315", _order_id(ledger, "#1001"), _order_id(ledger, "#999"))
    ]


def test_link_orders_reads_note_and_tags_and_takes_note_attributes(ledger: Ledger) -> None:
    with ledger.session() as session:
        orders = [
            CustomerOrder(name="#1", note="DSers: AliExpress order 8100000000000001"),
            CustomerOrder(name="#2", tags="dsers, 8100000000000002"),
            CustomerOrder(name="#3"),
            CustomerOrder(name="#4", note="no number here"),
        ]
        session.add_all(orders)
        session.flush()
        ids = [order.id for order in orders if order.id is not None]
        result = linking.link_orders(
            session, ids, note_attributes={ids[2]: "AliExpress Order Number: 8100000000000003"}
        )

    assert (result.created, result.linked, result.conflicts) == (3, 0, [])
    assert {n: v[0] for n, v in _supplier_orders(ledger).items()} == {
        "8100000000000001": "#1",
        "8100000000000002": "#2",
        "8100000000000003": "#3",
    }
    assert {e["by"] for e in _link_events(ledger)} == {"sync"}


def test_one_number_in_two_orders_links_the_first_only(ledger: Ledger) -> None:
    with ledger.session() as session:
        first = CustomerOrder(name="#1", note="8100000000000009")
        second = CustomerOrder(name="#2", note="8100000000000009")
        session.add_all([first, second])
        session.flush()
        assert first.id is not None and second.id is not None
        result = linking.link_orders(session, [second.id, first.id])

    assert result.created == 1
    assert result.conflicts == [linking.Conflict("8100000000000009", second.id, first.id)]


def test_the_pattern_setting_decides_what_counts(ledger: Ledger) -> None:
    with ledger.session() as session:
        settings.put(session, "ae_order_pattern", r"AE-(\d{16})")
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")

    assert list(_supplier_orders(ledger)) == ["8198352049851317"]  # only the tagged one


def test_a_deferred_index_inside_another_leaves_the_work_to_the_outer_one(ledger: Ledger) -> None:
    """The import defers the search index once and links in batches inside that block; rows
    that an update trigger indexed meanwhile are not indexed a second time at the end."""
    with ledger.session() as session:
        order = CustomerOrder(name="#77", customer_name="Jane Roe")
        session.add(order)
        session.flush()
        assert order.id is not None
        raw = session.connection().connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()
        with search_index.deferred(cursor):
            found = [linking.Found(order.id, "8100000000000001", "note")]
            assert linking.link_found(session, found, by="test").created == 1  # defers inside
            session.add(SupplierOrder(external_order_id="8100000000000002"))
            session.flush()
            cursor.execute(  # the update trigger indexes this one now
                "UPDATE supplier_order SET customer_order_id = NULL WHERE external_order_id = ?",
                ("8100000000000002",),
            )
            indexed_meanwhile = cursor.execute(
                "SELECT external_order_id FROM supplier_order_search"
            ).fetchall()
        trigger = cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = ?", (search_index.INSERT_TRIGGER,)
        ).fetchone()
    assert indexed_meanwhile == [("8100000000000002",)] and trigger == (1,)
    with ledger.engine.connect() as connection:
        indexed = connection.exec_driver_sql(
            "SELECT rowid, order_name, external_order_id FROM supplier_order_search ORDER BY rowid"
        ).all()
        connection.exec_driver_sql(  # raises when the index and its rows disagree
            "INSERT INTO supplier_order_search(supplier_order_search) VALUES ('integrity-check')"
        )
    assert indexed == [(1, "#77", "8100000000000001"), (2, "", "8100000000000002")]


def test_linked_rows_read_back_through_the_orm(ledger: Ledger) -> None:
    """Links are written with plain SQL; the ORM must read what they wrote (aware UTC times,
    the table's defaults)."""
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    with ledger.session() as session:
        created = session.exec(
            select(SupplierOrder).where(SupplierOrder.external_order_id == "8198352049851315")
        ).one()
        event = session.exec(select(Event).where(Event.kind == "ae_order_linked")).first()
        assert created.updated_at is not None and created.updated_at.utcoffset() == timedelta(0)
        assert (created.currency, created.cost_minor, created.tracking_number) == ("USD", 0, "")
        assert event is not None and event.at is not None
        assert event.at.utcoffset() == timedelta(0)
        assert abs(event.at - created.updated_at) < timedelta(seconds=5)
        assert event.entity == "supplier_order" and event.entity_id == created.id
