"""The window's list on a server ledger: the same windows, counts, positions and searches as
on the file, read through the psycopg reader (the first frame's path on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from core.demo import write_demo
from core.ledger import Ledger, open_ledger
from core.ledger.transfer import copy_ledger
from core.ledger.types import AWAITING_SHIPMENT_STATUSES
from core.order_list import OrderList, OrderQuery
from tests.pg_cluster import Cluster

pytestmark = pytest.mark.postgresql
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def both(
    tmp_path_factory: pytest.TempPathFactory, pg_cluster: Cluster
) -> Iterator[tuple[Ledger, Ledger]]:
    """A demo ledger file and its copy on the server."""
    path = tmp_path_factory.mktemp("server-list") / "demo.sqlite"
    write_demo(path, orders=800, seed=3, now=NOW)
    file_ledger = open_ledger(path)
    server = open_ledger(pg_cluster.local_url(pg_cluster.create_database("list")))
    copy_ledger(file_ledger, server)
    yield file_ledger, server
    server.close()
    file_ledger.close()


QUERIES = [
    OrderQuery(),
    OrderQuery(descending=True),
    OrderQuery(statuses=AWAITING_SHIPMENT_STATUSES),
    OrderQuery(search="810"),
    OrderQuery(search="810", sort="so.paid_at", descending=True),
    OrderQuery(search="schneider"),  # case does not matter, as with FTS5's trigrams
    OrderQuery(search="Müller", sort="so.paid_at", descending=True),
    OrderQuery(search="#1234"),
    OrderQuery(search="50%"),  # LIKE's wildcards are searched for literally
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_the_server_list_is_the_files_list(both: tuple[Ledger, Ledger], query: OrderQuery) -> None:
    file_ledger, server = both
    on_file = OrderList(file_ledger.reader, file_ledger.dialect)
    on_server = OrderList(server.reader, server.dialect)
    total = on_file.count(query)
    assert on_server.count(query) == total
    for offset in range(0, total, 37):  # pages near the end read backwards
        assert on_server.window(query, offset, 37, total) == on_file.window(
            query, offset, 37, total
        )
    if total:
        middle = on_file.window(query, total // 2, 1, total)[0].id
        assert on_server.position(query, middle) == on_file.position(query, middle) == total // 2
