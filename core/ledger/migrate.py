"""Alembic migrations, run on open: a backup is taken before any upgrade of an existing ledger.

An upgrade (or the creation of a ledger) is one SQLite transaction: every migration's DDL, the
Alembic version stamp and the application id commit together or not at all, so a kill or a
full disk leaves the old schema (or an empty file) and never half of the new one. That needs
an engine made with `make_engine(path, schema_changes=True)` (see core.ledger.engine).
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from core.ledger.backup import backup
from core.ledger.errors import LedgerError, NewerLedgerError
from core.texts import Text

log = logging.getLogger(__name__)
SCRIPTS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def revisions_in_order() -> list[str]:
    """Every revision, oldest first."""
    walked = ScriptDirectory.from_config(_config()).walk_revisions()
    return [script.revision for script in reversed(list(walked))]


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, path: Path, target: str = "head") -> Path | None:
    """Bring the ledger to `target`; returns the backup taken first, if there was data to keep."""
    scripts = ScriptDirectory.from_config(_config())
    with engine.connect() as connection:
        current = current_revision(connection)
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise NewerLedgerError(
            path,
            Text(
                "core.ledger.migrate",
                "{path_name} was written by a newer Dropdesk (schema {current}). "
                "Update Dropdesk to open it; this version will not touch it.",
                path_name=path.name,
                current=current,
            ),
        )
    wanted = scripts.get_current_head() if target == "head" else target
    if current == wanted:
        return None
    # A server ledger is backed up by the server's tools (pg_dump, the provider's snapshots);
    # its upgrade is one transaction all the same (PostgreSQL's DDL is transactional).
    on_file = engine.dialect.name == "sqlite"
    saved = backup(path, label=f"before-{wanted}") if current is not None and on_file else None
    if saved:
        log.info("Backed up %s to %s before upgrading %s -> %s", path, saved, current, wanted)
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
        _check_foreign_keys(connection, path)
    return saved


def _check_foreign_keys(connection: Connection, path: Path) -> None:
    """Migrations run with foreign keys off (tables may be rebuilt by copy): make sure they
    left none dangling before the transaction commits. (PostgreSQL keeps them on throughout.)"""
    if connection.dialect.name != "sqlite":
        return
    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if dangling:
        table = dangling[0][0]
        raise LedgerError(
            path,
            Text(
                "core.ledger.migrate",
                "{path_name} was not upgraded: rows of {table} would refer to missing "
                "rows. The ledger was left as it was.",
                path_name=path.name,
                table=table,
            ),
        )


def downgrade(engine: Engine, target: str) -> None:
    """Only for tests and support: migrations must also be reversible."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, target)
        _check_foreign_keys(connection, Path(str(engine.url.database or "")))


def upgrade_on(connection: Connection, target: str = "head") -> None:
    """Run the migrations to `target` inside the caller's transaction (a server ledger, whose
    caller holds the upgrade lock; see core.ledger.server)."""
    config = _config()
    config.attributes["connection"] = connection
    command.upgrade(config, target)
    _check_foreign_keys(connection, Path(""))
