"""Alembic environment: always run on a connection handed over by core.ledger.migrate."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import core.ledger.models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a misconfigured command line
    raise RuntimeError("run migrations through core.ledger.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
