"""The ledger list read in windows: every plan (sorted matches, walked index, backwards near
the end) gives exactly the rows a plain query sorts, and counts agree."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.demo import write_demo
from core.ledger import Ledger, open_ledger
from core.ledger.types import AWAITING_SHIPMENT_STATUSES
from core.order_list import OrderList, OrderQuery

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    path: Path = tmp_path_factory.mktemp("order-list") / "demo.sqlite"
    write_demo(path, orders=1_500, seed=3, now=NOW)
    ledger = open_ledger(path)
    yield ledger
    ledger.close()


def plainly(ledger: Ledger, query: OrderQuery) -> list[int]:
    """The ids in list order, from the simplest query that could answer."""
    clauses, params = [], []
    if query.search:
        clauses.append(
            "so.id IN (SELECT rowid FROM supplier_order_search WHERE supplier_order_search MATCH ?)"
        )
        params.append(f'"{query.search}"')
    if query.statuses:
        clauses.append(f"so.order_status IN ({', '.join('?' * len(query.statuses))})")
        params.extend(query.statuses)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    direction = "DESC" if query.descending else "ASC"
    sql = (
        f"SELECT so.id FROM supplier_order AS so{where} "
        f"ORDER BY {query.sort} {direction}, so.id {direction}"
    )
    return [row[0] for row in ledger.reader.execute(sql, params)]


QUERIES = [
    OrderQuery(),
    OrderQuery(statuses=AWAITING_SHIPMENT_STATUSES),
    OrderQuery(search="810"),  # in every AliExpress number: the index is walked
    OrderQuery(search="810", descending=True),
    OrderQuery(search="810", sort="so.paid_at", descending=True),
    OrderQuery(search="810", statuses=AWAITING_SHIPMENT_STATUSES),
    OrderQuery(search="Schneider"),  # a common name: its matches are sorted
    OrderQuery(search="Müller", sort="so.paid_at", descending=True),
    OrderQuery(search="#1234"),  # one order
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_every_window_is_the_plain_order(demo: Ledger, query: OrderQuery) -> None:
    orders = OrderList(demo.reader)
    expected = plainly(demo, query)
    total = orders.count(query)
    assert total == len(expected) > 0
    seen: list[int] = []
    for offset in range(0, total, 37):  # odd page size: pages near the end read backwards
        seen += [row.id for row in orders.window(query, offset, 37, total)]
    assert seen == expected
    middle = expected[len(expected) // 2]
    assert orders.position(query, middle) == len(expected) // 2


def test_a_common_search_walks_the_index_and_a_rare_one_does_not(demo: Ledger) -> None:
    orders = OrderList(demo.reader)
    common, rare = OrderQuery(search="810"), OrderQuery(search="#1234")
    size = orders.count(OrderQuery())
    assert orders.count(common) ** 2 > 37 * size  # window() walks for the first pages
    for query, walks in ((common, True), (rare, False)):
        where, params = query.where(walk_index=walks)
        sql = f"EXPLAIN QUERY PLAN SELECT so.id FROM supplier_order AS so{where}"
        sql += query.order_by(walk_index=walks) + " LIMIT 30"
        plan = " ".join(str(row[3]) for row in demo.reader.execute(sql, params))
        assert ("ix_supplier_order_ship_by_id" in plan) is walks, plan


@pytest.mark.parametrize("sort", ["ship_by", "so.id; DROP TABLE supplier_order", "co.name", ""])
def test_a_sort_that_is_not_an_order_column_is_refused(demo: Ledger, sort: str) -> None:
    """The sort is written into the SQL: anything but a plain `so.` column is an error."""
    query = OrderQuery(sort=sort)
    with pytest.raises(ValueError, match="not a sortable column"):
        OrderList(demo.reader).window(query, 0, 10, 100)
