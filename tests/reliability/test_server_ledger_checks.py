"""The checks the crash trials make on a PostgreSQL ledger find what they are there to find:
a search row out of step with its order, a changed row (while the ids a rolled-back
transaction drew do not count), a secret stored in any table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from core.ledger import journal
from core.ledger.models import CustomerOrder, CustomerOrderLine, Setting, SupplierOrder
from core.ledger.store import Ledger
from tests.pg_cluster import Cluster
from tests.reliability.crash_checks import drop, fresh_copy, open_again
from tests.reliability.fingerprint import (
    content_difference,
    content_fingerprint,
    fingerprint,
    search_index_problems,
    table_texts,
)

pytestmark = pytest.mark.postgresql


@pytest.fixture
def two_ledgers(pg_cluster: Cluster, pg_template: str) -> Iterator[tuple[str, str]]:
    made = (fresh_copy(pg_cluster.local_url(pg_template)) for _ in range(2))
    first, second = next(made), next(made)
    yield first, second
    drop(first)
    drop(second)


class RolledBack(Exception):
    pass


def fill(ledger: Ledger, *, quantity: int = 2) -> None:
    with ledger.session() as session:
        order = CustomerOrder(name="#1001", customer_name="Lena Becker")
        session.add(order)
        session.flush()
        assert order.id is not None
        session.add(CustomerOrderLine(order_id=order.id, title="Lampe", quantity=quantity))
        supplier = SupplierOrder(external_order_id="8100000000000001", customer_order_id=order.id)
        session.add(supplier)
        session.flush()
        journal.record(
            session, "linked", "supplier_order", supplier.id or 0, {"customer_order_id": order.id}
        )


def waste_ids(ledger: Ledger) -> None:
    """What a killed transaction leaves on a server: nothing, but the ids it drew are gone."""
    with pytest.raises(RolledBack), ledger.session() as session:
        session.add(CustomerOrder(name="#0"))
        session.add(SupplierOrder(external_order_id="0"))
        session.flush()
        raise RolledBack


def test_content_fingerprint_compares_rows_not_the_ids_a_rollback_used(
    two_ledgers: tuple[str, str],
) -> None:
    first, second = two_ledgers
    for target, wasted in ((first, False), (second, True)):
        ledger = open_again(target)
        if wasted:
            waste_ids(ledger)
        fill(ledger)
        ledger.close()
    assert fingerprint(first) != fingerprint(second)  # other ids...
    assert content_fingerprint(first) == content_fingerprint(second)  # ...the same rows

    ledger = open_again(second)
    with ledger.session() as session:
        line = session.exec(select(CustomerOrderLine)).one()
        line.quantity = 3
        session.add(line)
    ledger.close()
    assert content_fingerprint(first) != content_fingerprint(second)
    assert "customer_order_line: 1 extra" in content_difference(second, first)


def test_a_search_row_out_of_step_with_its_order_is_found(two_ledgers: tuple[str, str]) -> None:
    target, _ = two_ledgers
    ledger = open_again(target)
    fill(ledger)
    assert search_index_problems(target) is None  # kept by the triggers
    with ledger.session() as session:  # a write no trigger would make: half an update
        session.connection().exec_driver_sql(
            "UPDATE supplier_order_search SET customer_name = 'Someone Else'"
        )
    ledger.close()
    problems = search_index_problems(target)
    assert problems is not None and "Lena Becker" in problems and "Someone Else" in problems


def test_every_table_is_read_for_secrets(two_ledgers: tuple[str, str]) -> None:
    target, _ = two_ledgers
    ledger = open_again(target)
    with ledger.session() as session:
        session.add(Setting(key="probe", value='"shpat_0123456789"'))
    fill(ledger)
    ledger.close()
    texts = table_texts(target)
    assert b"shpat_0123456789" in texts["setting"]
    assert b"Lena Becker" in texts["customer_order"] and b"Lampe" in texts["customer_order_line"]
    assert {"event", "supplier_order_search", "dropdesk_ledger"} <= set(texts)
