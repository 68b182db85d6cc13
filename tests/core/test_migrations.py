"""Migrations: the models match them, upgrades keep data and take a backup first."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from core.ledger import NewerLedgerError, migrate, open_ledger
from core.ledger.backup import backups
from core.ledger.engine import make_engine
from core.ledger.header import SCHEMA_REVISION, stored_revision
from tests.reliability.ledger_at import order_id_column


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "ledger.sqlite")
    with ledger.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = [
            d
            for d in compare_metadata(context, SQLModel.metadata)
            if "supplier_order_search" not in str(d)  # the FTS tables live outside the models
        ]
    ledger.close()
    assert differences == []


def test_the_revision_that_opens_without_alembic_is_alembics_head(tmp_path: Path) -> None:
    assert migrate.head_revision() == SCHEMA_REVISION, "update SCHEMA_REVISION in header.py"
    ledger = open_ledger(tmp_path / "ledger.sqlite")
    ledger.close()
    assert stored_revision(ledger.path) == SCHEMA_REVISION


def test_an_older_ledger_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    engine = make_engine(path)
    migrate.upgrade(engine, path, target=migrate.revisions_in_order()[0])
    engine.dispose()
    assert stored_revision(path) != SCHEMA_REVISION
    open_ledger(path).close()
    assert stored_revision(path) == SCHEMA_REVISION


def test_empty_ledger_upgrades_to_head(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    engine = make_engine(path)
    assert migrate.upgrade(engine, path) is None  # nothing to keep, so no backup
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    engine.dispose()


def test_every_revision_upgrades_with_data_and_a_backup(tmp_path: Path) -> None:
    revisions = migrate.revisions_in_order()
    for previous in revisions:
        path = tmp_path / f"at-{previous}.sqlite"
        engine = make_engine(path)
        migrate.upgrade(engine, path, target=previous)
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO customer_order (id, name, customer_name, email, currency, "
                    "total_minor, refunded_minor, financial_status, fulfillment_status, note, "
                    "tags, source) VALUES (1, '#1001', 'Ada', 'a@example.com', 'EUR', 1999, 0, "
                    "'paid', 'unfulfilled', '', '', 'manual')"
                )
            )
            connection.execute(
                text(
                    f"INSERT INTO supplier_order (id, {order_id_column(connection)}, "
                    "customer_order_id, order_status, logistics_status, tracking_number, carrier, "
                    "cost_minor, currency, end_reason) VALUES (1, '8100000000000001', 1, "
                    "'WAIT_SELLER_SEND_GOODS', '', '', '', 700, 'USD', '')"
                )
            )
        saved = migrate.upgrade(engine, path)
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            name = connection.execute(
                text(
                    "SELECT co.name FROM supplier_order so JOIN customer_order co "
                    "ON co.id = so.customer_order_id "
                    "WHERE so.external_order_id = '8100000000000001'"
                )
            ).scalar_one()
            assert name == "#1001"
        engine.dispose()
        if previous != migrate.head_revision():
            assert saved is not None and saved in backups(path)


def test_downgrade_then_upgrade_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    engine = make_engine(path)
    migrate.upgrade(engine, path)
    migrate.downgrade(engine, "base")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) is None
    migrate.upgrade(engine, path)
    engine.dispose()


def test_ledger_from_a_newer_dropdesk_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    open_ledger(path).close()
    engine = make_engine(path)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(NewerLedgerError, match="newer Dropdesk"):
        open_ledger(path)
    assert path.read_bytes() == before
    assert backups(path) == []


def test_0003_keeps_orders_marks_them_not_estimated_and_adds_the_calendar_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ledger.sqlite"
    engine = make_engine(path)
    migrate.upgrade(engine, path, target="0002")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO supplier_order (id, ae_order_id, order_status, logistics_status, "
                "tracking_number, carrier, cost_minor, currency, end_reason, ship_by) VALUES "
                "(1, '8100000000000001', 'WAIT_SELLER_SEND_GOODS', '', '', '', 700, 'USD', '', "
                "'2027-02-12 16:00:00.000000')"
            )
        )
    saved = migrate.upgrade(engine, path)
    assert saved is not None  # the 0002 ledger was backed up first
    with engine.begin() as connection:
        row = connection.execute(
            text("SELECT ship_by, ship_by_estimated FROM supplier_order WHERE id = 1")
        ).one()
        assert tuple(row) == ("2027-02-12 16:00:00.000000", 0)
        connection.execute(
            text(
                "INSERT INTO calendar_day (country, day, kind, name) "
                "VALUES ('CN', '2027-02-13', 'working_day', 'Make-up day')"
            )
        )
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO calendar_day (country, day, kind, name) "
                "VALUES ('CN', '2027-02-13', 'holiday', '')"
            )
        )
    migrate.downgrade(engine, "0002")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0002"
        columns = [r[1] for r in connection.execute(text("PRAGMA table_info(supplier_order)"))]
        assert "ship_by_estimated" not in columns
    engine.dispose()


def test_one_open_run_per_order_keeps_the_run_in_flight_and_closes_the_doubles(
    tmp_path: Path,
) -> None:
    """Runs a race doubled before the unique index: per order the one with a Shopify call in
    flight (else the oldest) stays open, the others are abandoned with their event; then a
    second open run for an order is refused by the database."""
    from alembic.script import ScriptDirectory

    script = next(
        s
        for s in ScriptDirectory.from_config(migrate._config()).walk_revisions()
        if Path(str(s.path)).stem.endswith("one_open_run")
    )
    path = tmp_path / "ledger.sqlite"
    engine = make_engine(path)
    migrate.upgrade(engine, path, target=str(script.down_revision))
    runs = [(1, 1, "checking"), (2, 1, "shop_refund_sent"), (3, 1, "done"), (4, 2, "checking")]
    runs.append((5, 2, "supplier_cancel_requested"))
    with engine.begin() as connection:
        for order in (1, 2):
            connection.execute(
                text(
                    "INSERT INTO supplier_order (id, ae_order_id, order_status, logistics_status,"
                    " tracking_number, carrier, cost_minor, currency, end_reason)"
                    f" VALUES ({order}, '81000000000000{order}', '', '', '', '', 0, 'USD', '')"
                )
            )
        for run, order, state in runs:
            connection.execute(
                text(
                    "INSERT INTO cancellation (id, supplier_order_id, reason, fault, state, path,"
                    " supplier_answer, abandoned_reason)"
                    f" VALUES ({run}, {order}, 'other', 'unknown', '{state}', '', '', '')"
                )
            )
    migrate.upgrade(engine, path, target=str(script.revision))
    with engine.begin() as connection:
        states = {
            int(run): str(state)
            for run, state in connection.execute(text("SELECT id, state FROM cancellation"))
        }
        events = connection.execute(
            text("SELECT entity_id, payload FROM event WHERE kind = 'cancellation.abandoned'")
        ).all()
        flags = connection.execute(text("SELECT in_open_run FROM supplier_order")).scalars()
        assert list(flags) == [1, 1]
    assert states == {1: "abandoned", 2: "shop_refund_sent", 3: "done", 4: "checking"} | {
        5: "abandoned"
    }
    abandoned = {int(run): json.loads(payload) for run, payload in events}
    assert {run: payload["duplicate_of"] for run, payload in abandoned.items()} == {1: 2, 5: 4}
    assert abandoned[5]["from"] == "supplier_cancel_requested"
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO cancellation (supplier_order_id, reason, fault, state, path,"
                " supplier_answer, abandoned_reason)"
                " VALUES (1, 'other', 'unknown', 'checking', '', '', '')"
            )
        )
    with engine.begin() as connection:  # a closed run beside the open one is fine
        connection.execute(
            text(
                "INSERT INTO cancellation (supplier_order_id, reason, fault, state, path,"
                " supplier_answer, abandoned_reason)"
                " VALUES (1, 'other', 'unknown', 'done', '', '', '')"
            )
        )


def test_the_rename_to_external_order_id_carries_orders_and_search_over(tmp_path: Path) -> None:
    """Step up until the order id column is renamed (whichever revision does it), with an
    order stored before; it keeps its id, the search finds it and follows later writes, and
    the step down gives the old name back with the search intact."""
    path = tmp_path / "ledger.sqlite"
    engine = make_engine(path)
    revisions = migrate.revisions_in_order()
    migrate.upgrade(engine, path, target=revisions[0])
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customer_order (id, name, customer_name, email, currency, "
                "total_minor, refunded_minor, financial_status, fulfillment_status, note, "
                "tags, source) VALUES (1, '#1001', 'Ada', '', 'EUR', 1999, 0, 'paid', "
                "'unfulfilled', '', '', 'manual')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO supplier_order (id, ae_order_id, customer_order_id, order_status, "
                "logistics_status, tracking_number, carrier, cost_minor, currency, end_reason) "
                "VALUES (1, '8100000000012345', 1, 'WAIT_SELLER_SEND_GOODS', '', '', '', 700, "
                "'USD', '')"
            )
        )
    renamed_at = None
    for previous, revision in pairwise(revisions):
        migrate.upgrade(engine, path, target=revision)
        with engine.connect() as connection:
            if order_id_column(connection) == "external_order_id":
                renamed_at = previous
                break
    assert renamed_at is not None

    def found(term: str) -> list[int]:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT rowid FROM supplier_order_search WHERE supplier_order_search MATCH :t"
                ),
                {"t": f'"{term}"'},
            )
            return [row[0] for row in rows]

    with engine.begin() as connection:
        stored = connection.execute(text("SELECT external_order_id FROM supplier_order")).all()
        assert [tuple(row) for row in stored] == [("8100000000012345",)]
    assert found("12345") == [1]
    assert found("Ada") == [1]
    with engine.begin() as connection:  # the triggers were made again with the new name
        connection.execute(text("UPDATE customer_order SET customer_name = 'Grace' WHERE id = 1"))
        connection.execute(
            text("UPDATE supplier_order SET external_order_id = '8100000000067890' WHERE id = 1")
        )
        connection.execute(
            text(
                "INSERT INTO supplier_order (id, external_order_id, order_status, "
                "logistics_status, tracking_number, carrier, cost_minor, currency, end_reason) "
                "VALUES (2, '8100000000055555', 'WAIT_SELLER_SEND_GOODS', '', 'LP777', '', 0, "
                "'USD', '')"
            )
        )
    assert found("Grace") == [1] and found("Ada") == []
    assert found("67890") == [1] and found("12345") == []
    assert found("55555") == [2] and found("LP777") == [2]
    migrate.downgrade(engine, renamed_at)
    with engine.connect() as connection:
        assert order_id_column(connection) == "ae_order_id"
    assert found("67890") == [1] and found("55555") == [2]
    engine.dispose()
