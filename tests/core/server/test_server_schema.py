"""A ledger on PostgreSQL: the same revisions make the same schema as the models, on both
engines; identity, refusals and concurrent first opens."""

from __future__ import annotations

import threading
from itertools import pairwise

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel, select

from core.ledger import Ledger, LedgerError, NewerLedgerError, NotALedgerError, migrate
from core.ledger.header import SCHEMA_REVISION
from core.ledger.models import CustomerOrder, SupplierOrder
from core.ledger.server import open_server_ledger
from core.ledger.server_address import parse
from tests.catalogue import in_german
from tests.pg_cluster import Cluster
from tests.reliability.ledger_at import order_id_column

pytestmark = pytest.mark.both_engines


def test_models_and_migrations_agree_on_both_engines(ledger: Ledger) -> None:
    with ledger.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            d
            for d in compare_metadata(context, SQLModel.metadata)
            # the search index and the server's marker table live outside the models
            if "supplier_order_search" not in str(d) and "dropdesk_ledger" not in str(d)
        ]
    assert differences == []


def test_the_head_revision_is_stored(ledger: Ledger) -> None:
    assert ledger.reader.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
        SCHEMA_REVISION
    )


@pytest.mark.postgresql
def test_every_revision_upgrades_and_downgrades_on_postgresql(
    pg_cluster: Cluster, pg_database: str
) -> None:
    """Generic over revisions: step up one at a time from nothing, keep a row, then all the
    way down and up again."""
    address = parse(pg_cluster.local_url(pg_database))
    from core.ledger.server import keep_sequences, make_engine

    engine = make_engine(address, None)
    try:
        for revision in migrate.revisions_in_order():
            with engine.begin() as connection:
                migrate.upgrade_on(connection, revision)
            if revision == migrate.revisions_in_order()[0]:
                with engine.begin() as connection:
                    connection.exec_driver_sql(
                        "INSERT INTO customer_order (name, customer_name, email, currency,"
                        " total_minor, refunded_minor, financial_status, fulfillment_status,"
                        " note, tags, source) VALUES ('#1', 'Jane Roe', '', 'EUR', 100, 0, '',"
                        " '', '', '', 'csv')"
                    )
        with engine.begin() as connection:
            keep_sequences(connection)
        migrate.downgrade(engine, "base")
        with engine.begin() as connection:
            migrate.upgrade_on(connection)
    finally:
        engine.dispose()
    ledger = open_server_ledger(address, None)
    with ledger.session() as session:
        assert session.exec(select(CustomerOrder)).all() == []  # downgraded to nothing
    ledger.close()


@pytest.mark.postgresql
def test_search_finds_orders_by_trigram_on_postgresql(pg_ledger_url: str) -> None:
    ledger = open_server_ledger(parse(pg_ledger_url), None)
    with ledger.session() as session:
        order = CustomerOrder(name="#1042", customer_name="Jane Roe")
        session.add(order)
        session.flush()
        session.add(SupplierOrder(external_order_id="8123456789012345", customer_order_id=order.id))
    with ledger.session() as session:
        order = session.exec(select(CustomerOrder)).one()
        order.customer_name = "Janet Roe"

    def search(term: str) -> list[int]:
        rows = ledger.reader.execute(
            "SELECT rowid FROM supplier_order_search WHERE document LIKE ?",
            (f"%{term.lower()}%",),
        )
        return [row[0] for row in rows]

    assert search("Janet") == [1]
    assert search("Jane Roe") == []
    assert search("456789") == [1]
    assert search("roe") == [1]  # case-insensitive, like FTS5's trigram tokenizer
    ledger.close()


@pytest.mark.postgresql
def test_a_database_of_another_program_is_refused_untouched(
    pg_cluster: Cluster, pg_database: str
) -> None:
    with pg_cluster.connect_admin(pg_database) as admin:
        admin.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(NotALedgerError, match="another program"):
        open_server_ledger(parse(pg_cluster.local_url(pg_database)), None)
    with pg_cluster.connect_admin(pg_database) as admin:
        tables = admin.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    assert tables == [("invoices",)]


@pytest.mark.postgresql
def test_a_ledger_of_a_newer_dropdesk_is_refused(pg_cluster: Cluster, pg_ledger_url: str) -> None:
    address = parse(pg_ledger_url)
    with pg_cluster.connect_admin(address.database) as admin:
        admin.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(NewerLedgerError, match="newer Dropdesk"):
        open_server_ledger(address, None)


@pytest.mark.postgresql
def test_two_instances_creating_one_ledger_migrate_it_once(
    pg_cluster: Cluster, pg_database: str
) -> None:
    address = parse(pg_cluster.local_url(pg_database))
    errors: list[BaseException] = []
    opened: list[Ledger] = []

    def first_open() -> None:
        try:
            opened.append(open_server_ledger(address, None))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=first_open) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for ledger in opened:
        ledger.close()
    with pg_cluster.connect_admin(pg_database) as admin:
        assert admin.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


@pytest.mark.postgresql
def test_an_unreachable_server_is_said_in_words(pg_cluster: Cluster) -> None:
    address = parse(f"postgresql://nobody@127.0.0.1:{pg_cluster.port + 1}/ledger")
    with pytest.raises(LedgerError, match="could not open the ledger") as caught:
        open_server_ledger(address, "s3cret-passw0rd")
    assert "s3cret-passw0rd" not in str(caught.value)
    assert in_german(caught.value.text).startswith("Dropdesk konnte")


@pytest.mark.postgresql
def test_the_rename_to_external_order_id_carries_orders_and_search_over_on_postgresql(
    pg_cluster: Cluster, pg_database: str
) -> None:
    """As on SQLite (tests/core/test_migrations.py): an order stored before the revision that
    renames the column keeps its id, the search follows, and the step down undoes it."""
    address = parse(pg_cluster.local_url(pg_database))
    from core.ledger.server import make_engine

    engine = make_engine(address, None)
    revisions = migrate.revisions_in_order()
    try:
        with engine.begin() as connection:
            migrate.upgrade_on(connection, revisions[0])
            connection.exec_driver_sql(
                "INSERT INTO customer_order (id, name, customer_name, email, currency,"
                " total_minor, refunded_minor, financial_status, fulfillment_status, note, tags,"
                " source) VALUES (1, '#1001', 'Ada', '', 'EUR', 100, 0, '', '', '', '', 'csv')"
            )
            connection.exec_driver_sql(
                "INSERT INTO supplier_order (id, ae_order_id, customer_order_id, order_status,"
                " logistics_status, tracking_number, carrier, cost_minor, currency, end_reason)"
                " VALUES (1, '8100000000012345', 1, 'WAIT_SELLER_SEND_GOODS', '', '', '', 0,"
                " 'USD', '')"
            )
        renamed_at = None
        for previous, revision in pairwise(revisions):
            with engine.begin() as connection:
                migrate.upgrade_on(connection, revision)
                if order_id_column(connection) == "external_order_id":
                    renamed_at = previous
            if renamed_at is not None:
                break
        assert renamed_at is not None

        def found(term: str) -> list[int]:
            with engine.connect() as connection:
                rows = connection.execute(
                    text("SELECT rowid FROM supplier_order_search WHERE document LIKE :t"),
                    {"t": f"%{term.lower()}%"},
                )
                return sorted(row[0] for row in rows)

        assert found("12345") == [1] and found("Ada") == [1]
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE customer_order SET customer_name = 'Grace'")
            connection.exec_driver_sql(
                "UPDATE supplier_order SET external_order_id = '8100000000067890'"
            )
            connection.exec_driver_sql(
                "INSERT INTO supplier_order (id, external_order_id, order_status,"
                " logistics_status, tracking_number, carrier, cost_minor, currency, end_reason)"
                " VALUES (2, '8100000000055555', 'WAIT_SELLER_SEND_GOODS', '', 'LP777', '', 0,"
                " 'USD', '')"
            )
        assert found("Grace") == [1] and found("Ada") == []
        assert found("67890") == [1] and found("12345") == []
        assert found("lp777") == [2]
        migrate.downgrade(engine, renamed_at)
        with engine.connect() as connection:
            assert order_id_column(connection) == "ae_order_id"
        assert found("67890") == [1] and found("55555") == [2]
    finally:
        engine.dispose()
