"""Persisting the run: load a cancellation, move it to another state, journal what happened.

A transition is one transaction: the new state, the columns it sets, related rows the caller
added to the same session, the recomputed next deadline and its Event land together or not at
all. `on_step` runs only after the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any

from sqlmodel import Session

from core.cancel.closing import close_supplier_order
from core.cancel.errors import CancellationNotFoundError, IllegalTransitionError
from core.cancel.next_deadline import next_deadline
from core.cancel.states import FINAL, State, check_transition, parse_state, state_text
from core.ledger import journal
from core.ledger.models import Cancellation
from core.texts import Text

ENTITY = "cancellation"
log = logging.getLogger(__name__)


def load(session: Session, cancellation_id: int) -> Cancellation:
    """The run's row, locked until the session's transaction ends (SELECT ... FOR UPDATE).

    Every step reads the run's state with this before it moves it, so on a server ledger two
    Dropdesk instances take each step one after the other: the second waits, then sees the
    state the first left and refuses the step (IllegalTransitionError) instead of writing the
    same intent and sending the same Shopify cancel or refund again. SQLite has no row locks
    and needs none: one process writes at a time (the ledger's file lock)."""
    locked: set[int] = session.info.setdefault("locked_cancellations", set())
    if cancellation_id in locked:  # this transaction holds the lock and the current row
        row = session.get(Cancellation, cancellation_id)
    else:
        session.flush()  # a change of this session's own is kept, not overwritten by the read
        row = session.get(
            Cancellation, cancellation_id, with_for_update=True, populate_existing=True
        )
        locked.add(cancellation_id)
    if row is None:
        raise CancellationNotFoundError(
            Text(
                "core.cancel.record",
                "There is no cancellation {cancellation_id}.",
                cancellation_id=cancellation_id,
            )
        )
    return row


def require_state(row: Cancellation, allowed: Collection[State], action: Text) -> State:
    """The row's state, or IllegalTransitionError naming the action and where the run is."""
    state = parse_state(row.state)
    if state not in allowed:
        raise IllegalTransitionError(
            Text(
                "core.cancel.record",
                "Cannot {action} now: the cancellation is at '{state}'.",
                action=action,
                state=state_text(state),
            )
        )
    return state


def move(
    session: Session,
    row: Cancellation,
    target: State,
    at: datetime,
    payload: Mapping[str, Any] | None = None,
    **changes: Any,
) -> None:
    """Validate and apply `row.state -> target` with `changes`, and journal it (no commit)."""
    current = parse_state(row.state)
    check_transition(current, target)
    for name, value in changes.items():
        if not hasattr(row, name):
            raise AttributeError(name)
        setattr(row, name, value)
    row.state = target.value
    row.updated_at = at
    if target in FINAL:
        row.closed_at = at
    session.add(row)
    session.flush()
    row.next_deadline = next_deadline(session, row)[0]
    assert row.id is not None
    log.info("cancellation %s: %s -> %s", row.id, current.value, target.value)
    journal.record(
        session,
        f"{ENTITY}.{target.value}",
        ENTITY,
        row.id,
        {"from": current.value, **(payload or {})},
        at=at,
    )
    if target in FINAL:  # the supplier order leaves the ship-window views with its end
        close_supplier_order(session, row, at)


def note(
    session: Session,
    row: Cancellation,
    kind: str,
    at: datetime,
    payload: Mapping[str, Any] | None = None,
    **changes: Any,
) -> None:
    """Record a fact without a state change (an idempotency key, a job id, an escalation)."""
    for name, value in changes.items():
        if not hasattr(row, name):
            raise AttributeError(name)
        setattr(row, name, value)
    row.updated_at = at
    session.add(row)
    session.flush()
    row.next_deadline = next_deadline(session, row)[0]
    assert row.id is not None
    journal.record(session, f"{ENTITY}.{kind}", ENTITY, row.id, dict(payload or {}), at=at)
