"""The app works fully offline with the ledger: nothing but Shopify and AliExpress calls need
the network, and nothing else tries to reach it.

A demo ledger, a CSV import, the order list (search, sort, windows), the due list, the refund
review and its export, a supplier order added by hand, a whole cancellation in manual mode, a
backup and an integrity check, all with every outbound connection refused at the socket (and
recorded). The cancel workflow's own offline test (tests/core/cancel) follows the wizard step
by step; this one proves the rest of the app does not reach for the network behind its back.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

import pytest
from sqlmodel import col, select

from core.cancel.states import State
from core.cancel.workflow import CancelWorkflow
from core.demo import write_demo
from core.due import due_orders
from core.imports import import_shopify_csv
from core.ledger import check_integrity, open_ledger
from core.ledger.backup import backup
from core.ledger.models import Cancellation, SupplierOrder
from core.order_list import OrderList, OrderQuery
from core.review import Review, ReviewFilter, write_review_csv

DATA = Path(__file__).parents[1] / "data"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every outbound connection fails as with the cable pulled, and is remembered."""
    attempts: list[Any] = []

    def refuse(_self: object, address: Any, *_args: Any, **_options: Any) -> NoReturn:
        attempts.append(address)
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *args, **options: refuse(None, *args))
    yield attempts


def test_everything_but_the_online_steps_works_offline(
    no_network: list[Any], tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    write_demo(path, orders=300, now=NOW)
    ledger = open_ledger(path)
    try:
        summary = import_shopify_csv(ledger, DATA / "orders_shopify.csv")
        assert summary.added > 0

        orders = OrderList(ledger.reader)
        query = OrderQuery(search="", sort="so.ship_by")
        total = orders.count(query)
        assert total >= 300 and len(orders.window(query, 0, 50, total)) == 50
        assert orders.count(OrderQuery(search="#1001")) >= 0

        with ledger.engine.connect() as connection:
            assert due_orders(connection, NOW, within_hours=24 * 30) != []

        review = Review(ledger.engine)
        review.summary(ReviewFilter(), now=NOW)
        assert write_review_csv(review, ReviewFilter(), tmp_path / "refunds.csv") >= 0

        with ledger.session() as session:
            busy = select(Cancellation.supplier_order_id).where(
                col(Cancellation.supplier_order_id).is_not(None)
            )
            open_order = session.exec(
                select(SupplierOrder).where(
                    SupplierOrder.order_status == "WAIT_SELLER_SEND_GOODS",
                    col(SupplierOrder.id).not_in(busy),
                )
            ).first()
            assert open_order is not None and open_order.id is not None
            supplier_order_id = open_order.id

        flow = CancelWorkflow(ledger, None, None, lambda: NOW)  # neither service connected
        run = flow.start(supplier_order_id, "changed_mind")
        assert flow.check(run).state is State.SUPPLIER_CANCEL_TODO
        flow.mark_supplier_cancel_requested(run)
        flow.mark_supplier_answer(run, "accepted")
        flow.confirm_manual_shop_step(run, 1000)
        assert flow.mark_supplier_refund_received(run).state is State.DONE

        copy = backup(ledger.path, label="offline")
        assert check_integrity(copy, quick=False) == []
    finally:
        ledger.close()
    assert check_integrity(path, quick=False) == []
    assert no_network == []  # not one attempt to reach anything


def test_the_guard_would_notice_a_connection(no_network: list[Any]) -> None:
    with pytest.raises(OSError, match="unreachable"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)
    assert no_network == [("192.0.2.1", 443)]
    assert timedelta(0) < NOW - datetime(2026, 1, 1, tzinfo=UTC)
