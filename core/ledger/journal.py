"""The append-only event journal: what happened to which record, when, with what details."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from core import redaction
from core.ledger.models import Event


def record(
    session: Session,
    kind: str,
    entity: str,
    entity_id: int,
    payload: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> Event:
    """Add one event to the session's transaction (it lands, or not, with the change it tells).

    Every text in `payload` passes the redactor here, the one gate to the journal: an error a
    server worded with a token in it reaches the ledger (its WAL, its backups) without it.
    """
    event = Event(
        at=at or datetime.now(UTC),
        kind=kind,
        entity=entity,
        entity_id=entity_id,
        payload=json.dumps(redaction.redact_data(dict(payload or {})), sort_keys=True),
    )
    session.add(event)
    return event


def timeline(session: Session, entity: str, entity_id: int) -> list[Event]:
    """The events of one record, oldest first."""
    query = (
        select(Event)
        .where(Event.entity == entity, Event.entity_id == entity_id)
        .order_by(col(Event.id))
    )
    return list(session.exec(query))
