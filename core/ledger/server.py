"""A ledger in a PostgreSQL database, for a merchant with several machines or helpers.

The same models and the same Alembic revisions as the SQLite file; what SQLite gives through
its file gets its server counterpart here:

- identity: a marker table (`dropdesk_ledger`, made by the first revision) instead of the
  header's application id; a database holding other tables and no marker is refused;
- several Dropdesk instances may work on one server ledger at once (no lock file): what must
  not happen twice is guarded in the database (core.cancel.claims);
- the upgrade runs in one transaction under an advisory lock, so two instances starting a
  new version together migrate it once;
- damage checks and backups are the server's business (pg_dump, the provider's snapshots);
- the window's first-frame reader is a psycopg connection that takes the same `?` SQL
  (core.ledger.pg_driver).

The password is never part of the address: it is passed in (from the OS keyring) and
registered with core.redaction so that no log or message can show it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from core import redaction
from core.ledger.errors import LedgerError, NewerLedgerError, NotALedgerError
from core.ledger.header import APPLICATION_ID, SCHEMA_REVISION
from core.ledger.server_address import ServerAddress
from core.ledger.store import Ledger
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)

MARKER_TABLE = "dropdesk_ledger"
#: pg_advisory_xact_lock key for upgrades ("DROPMIGR" as bytes of a bigint).
_UPGRADE_LOCK = 0x44524F504D494752

# Bulk writers insert rows with ids they chose (core.imports.order_upsert): keep each table's
# id sequence past them, so that the next insert through the sequence never collides.
_KEEP_SEQUENCE = """
CREATE OR REPLACE FUNCTION dropdesk_keep_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    top bigint;
    seq text := pg_get_serial_sequence(quote_ident(TG_TABLE_NAME), 'id');
    done bigint;
BEGIN
    SELECT max(id) INTO top FROM added;
    IF seq IS NULL OR top IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM %s',
                   seq) INTO done;
    IF top > done THEN
        PERFORM setval(seq, top);
    END IF;
    RETURN NULL;
END $$
"""


class ServerLedger(Ledger):
    """An open ledger on a PostgreSQL server; the same interface as a ledger file."""

    dialect = "postgresql"

    def __init__(self, address: ServerAddress, password: str | None) -> None:
        super().__init__(address.label, unclean=False, lock=None)
        self.address = address
        self._password = password
        self._checked = True  # the server checks its own pages

    @property
    def location(self) -> str:
        return self.address.url

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.address, self._password)

    def check_before_writing(self) -> None:
        """The server keeps its own pages whole (checksums, WAL): nothing to check here."""

    @cached_property
    def reader(self) -> Any:  # a psycopg connection with sqlite3's `?` placeholders
        from core.ledger import pg_driver

        return pg_driver.connect(self.address.connect_kwargs(), self._password, read_only=True)

    def connect(self) -> Any:
        """A new DB-API connection of its own (for LISTEN, or a long bulk job)."""
        from core.ledger import pg_driver

        return pg_driver.connect(self.address.connect_kwargs(), self._password)

    def close(self) -> None:
        if "reader" in self.__dict__:
            self.reader.close()
        if "engine" in self.__dict__:
            self.engine.dispose()


def make_engine(address: ServerAddress, password: str | None) -> Engine:
    """SQLAlchemy over psycopg, rendering `?` placeholders like the SQLite engine (see
    core.ledger.pg_driver); the password goes to libpq directly, never into a URL."""
    from sqlalchemy import create_engine, event

    from core.ledger import pg_driver

    settings = address.connect_kwargs()

    def connect() -> Any:
        return pg_driver.connect(settings, password)

    engine = create_engine(
        "postgresql+psycopg://", creator=connect, paramstyle="qmark", pool_pre_ping=True
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()

    return engine


def open_server_ledger(
    address: ServerAddress,
    password: str | None,
    *,
    for_reading: bool = False,
    engine_factory: Callable[[ServerAddress, str | None], Engine] = make_engine,
) -> ServerLedger:
    """Open (creating its tables in an empty database) and migrate the ledger at `address`.
    LedgerError says why not, in words: the server cannot be reached, the password is wrong,
    the database belongs to another program or to a newer Dropdesk."""
    if password:
        redaction.register_secret(password)
    engine = engine_factory(address, password)
    try:
        with engine.connect() as connection:
            revision = _identify(connection, address)
        if for_reading and revision != SCHEMA_REVISION:
            raise LedgerError(
                address.label,
                Text(
                    "core.ledger.server",
                    "{address_url} needs an upgrade to this Dropdesk version, and this "
                    "command only reads: open it once in the Dropdesk app, then run the "
                    "command again.",
                    address_url=address.url,
                ),
            )
        if revision != SCHEMA_REVISION:
            _upgrade(engine, address)
    except LedgerError:
        engine.dispose()
        raise
    except Exception as error:
        engine.dispose()
        raise unreachable(address, error) from None
    ledger = ServerLedger(address, password)
    # Keep the engine that already connected. A reading command's transactions are read-only
    # (as a file opened for reading is query_only): it can never write, whatever it runs.
    ledger.__dict__["engine"] = (
        engine.execution_options(postgresql_readonly=True) if for_reading else engine
    )
    return ledger


def _identify(connection: Connection, address: ServerAddress) -> str | None:
    """The stored revision, after making sure the database is a Dropdesk ledger or empty."""
    tables = {
        name
        for (name,) in connection.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
    }
    if MARKER_TABLE in tables:
        app_id = connection.exec_driver_sql(f"SELECT application_id FROM {MARKER_TABLE}").scalar()
        if app_id != APPLICATION_ID:
            raise _foreign(address)
    elif tables - {"alembic_version"}:
        raise _foreign(address)
    if "alembic_version" not in tables:
        return None
    revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)


def _upgrade(engine: Engine, address: ServerAddress) -> None:
    """Migrate in one transaction; an advisory lock makes a second instance wait, then find
    the work done."""
    from core.ledger import migrate

    with engine.begin() as connection:
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(?)", (_UPGRADE_LOCK,))
        current = _identify(connection, address)
        known = migrate.revisions_in_order()
        if current is not None and current not in known:
            raise NewerLedgerError(
                address.label,
                Text(
                    "core.ledger.server",
                    "{address_url} was written by a newer Dropdesk (schema {current}). "
                    "Update Dropdesk to open it; this version will not touch it.",
                    address_url=address.url,
                    current=current,
                ),
            )
        if current == migrate.head_revision():
            return
        log.info("Upgrading server ledger %s from %s", address.url, current)
        migrate.upgrade_on(connection)
        keep_sequences(connection)


def keep_sequences(connection: Connection) -> None:
    """Every table with a serial id gets the trigger that keeps its sequence past ids that
    bulk writers chose themselves (idempotent; also for tables later revisions add)."""
    connection.exec_driver_sql(_KEEP_SEQUENCE)
    tables = [
        name
        for (name,) in connection.exec_driver_sql(
            "SELECT c.table_name FROM information_schema.columns AS c "
            "WHERE c.table_schema = current_schema() AND c.column_name = 'id' "
            "AND c.column_default LIKE 'nextval(%'"
        )
    ]
    for table in tables:
        connection.exec_driver_sql(
            f'CREATE OR REPLACE TRIGGER "{table}_keep_sequence" AFTER INSERT ON "{table}" '
            "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
            "EXECUTE FUNCTION dropdesk_keep_sequence()"
        )


def _foreign(address: ServerAddress) -> NotALedgerError:
    return NotALedgerError(
        address.label,
        Text(
            "core.ledger.server",
            "The database {address_database} on {address_host} holds tables of "
            "another program, not a Dropdesk ledger. Name an empty database "
            "(Dropdesk makes its tables there) or one that holds a Dropdesk ledger.",
            address_database=address.database,
            address_host=address.host,
        ),
    )


def unreachable(address: ServerAddress, error: BaseException) -> LedgerError:
    """The server's refusal in words (its text redacted: it may quote what was sent)."""
    detail = redaction.redact(str(getattr(error, "orig", None) or error).strip().splitlines()[0])
    if "password authentication failed" in detail or "no password supplied" in detail:
        return LedgerError(
            address.label,
            Text(
                "core.ledger.server",
                "The server refused the password of {address_user} for {address_url}. "
                "Enter it again (it is kept in the system keyring).",
                address_user=address.user,
                address_url=address.url,
            ),
        )
    return LedgerError(
        address.label,
        Text(
            "core.ledger.server",
            "Dropdesk could not open the ledger at {address_url}: {detail}. Check "
            "that the server runs and can be reached from this computer.",
            address_url=address.url,
            detail=detail,
        ),
    )
