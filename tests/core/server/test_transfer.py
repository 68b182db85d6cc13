"""Moving a ledger: a SQLite file into an empty PostgreSQL database and back, verified row for
row; a target that holds rows is refused untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.demo import write_demo
from core.ledger import LedgerError, open_ledger
from core.ledger.models import SupplierOrder
from core.ledger.transfer import copy_ledger, tables, verify
from gui.ledger_cli import run_copy
from tests.pg_cluster import Cluster

pytestmark = pytest.mark.postgresql


def _dump(path: Path) -> str:
    """Every row of every table of a ledger file, in primary-key order (a readable hash)."""
    ledger = open_ledger(path, for_reading=True)
    digest = hashlib.sha256()
    with ledger.engine.connect() as connection:
        for table in tables():
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
    ledger.close()
    return digest.hexdigest()


def test_sqlite_to_postgresql_and_back_row_for_row(
    tmp_path: Path,
    pg_cluster: Cluster,
    pg_database: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    original = tmp_path / "original.sqlite"
    write_demo(original, orders=150, seed=3)
    server = pg_cluster.local_url(pg_database)

    assert run_copy(str(original), server) == 0
    said = capsys.readouterr().out
    assert "every row verified" in said and "supplier orders" in said

    back = tmp_path / "back.sqlite"
    assert run_copy(server, str(back)) == 0
    assert _dump(back) == _dump(original)

    source, copy = open_ledger(original), open_ledger(server)
    try:
        assert verify(source, copy) is None
        with copy.engine.connect() as connection:
            orders = connection.execute(select(func.count()).select_from(SupplierOrder)).scalar()
        assert orders is not None and orders >= 150
        # the server's own search index was built from the copied orders
        (indexed,) = copy.reader.execute("SELECT count(*) FROM supplier_order_search").fetchone()
        assert indexed == orders
        # the sequences moved past the copied ids: a new order gets a new id
        with copy.session() as session:
            added = SupplierOrder(external_order_id="8999999999999999")
            session.add(added)
            session.flush()
            assert added.id == orders + 1
        assert verify(source, copy) is not None  # a difference is found
    finally:
        source.close()
        copy.close()


def test_a_target_with_rows_is_refused_untouched(
    tmp_path: Path, pg_cluster: Cluster, pg_ledger_url: str
) -> None:
    original = tmp_path / "original.sqlite"
    write_demo(original, orders=5, seed=1)
    target = open_ledger(pg_ledger_url)
    with target.session() as session:
        session.add(SupplierOrder(external_order_id="8100000000000001"))
    source = open_ledger(original)
    try:
        with pytest.raises(LedgerError, match="already holds rows"):
            copy_ledger(source, target)
        with target.engine.connect() as connection:
            assert connection.execute(select(func.count()).select_from(SupplierOrder)).scalar() == 1
    finally:
        source.close()
        target.close()


def test_copy_says_why_when_the_source_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_copy(str(tmp_path / "none.sqlite"), str(tmp_path / "new.sqlite")) == 1
    assert "there is no ledger" in capsys.readouterr().err
