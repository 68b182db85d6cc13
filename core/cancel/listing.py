"""Open cancellations for the "Cancellations" view and the ledger table, by next deadline."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case
from sqlmodel import col, select

from core.cancel.next_deadline import LABELS as DEADLINE_LABELS
from core.cancel.next_deadline import next_deadline
from core.cancel.states import FINAL, STATES, State, StateInfo
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, SupplierOrder

_FINAL = [state.value for state in FINAL]


@dataclass(frozen=True)
class OpenCancellation:
    id: int
    state: State
    next_deadline: datetime | None
    next_deadline_label: str
    supplier_order_id: int | None
    external_order_id: str
    order_name: str
    reason: str
    created_at: datetime | None
    updated_at: datetime | None

    @property
    def info(self) -> StateInfo:
        """The state's descriptor: its words, its wizard page, who moves it on."""
        return STATES[self.state]


def open_cancellations(ledger: Ledger) -> list[OpenCancellation]:
    """Every run not done or abandoned: the soonest deadline first, runs without one last."""
    query = (
        select(Cancellation, SupplierOrder.external_order_id, CustomerOrder.name)
        .join(SupplierOrder, col(SupplierOrder.id) == Cancellation.supplier_order_id, isouter=True)
        .join(CustomerOrder, col(CustomerOrder.id) == Cancellation.customer_order_id, isouter=True)
        .where(col(Cancellation.state).not_in(_FINAL))
        .order_by(
            case((col(Cancellation.next_deadline).is_(None), 1), else_=0),
            col(Cancellation.next_deadline),
            col(Cancellation.id),
        )
    )
    found = []
    with ledger.session() as session:
        for row, external_order_id, order_name in session.exec(query):
            assert row.id is not None
            state = State(row.state)
            _, kind = next_deadline(session, row)
            found.append(
                OpenCancellation(
                    id=row.id,
                    state=state,
                    next_deadline=row.next_deadline,
                    next_deadline_label=DEADLINE_LABELS[kind] if kind else "",
                    supplier_order_id=row.supplier_order_id,
                    external_order_id=external_order_id or "",
                    order_name=order_name or "",
                    reason=row.reason,
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                )
            )
    return found


@dataclass(frozen=True)
class OrderBadge:
    """What the ledger row of a supplier order shows about its latest cancellation."""

    cancellation_id: int
    state: State
    next_deadline: datetime | None


def badges_for(ledger: Ledger, supplier_order_ids: Iterable[int]) -> dict[int, OrderBadge]:
    """The latest cancellation of each of these supplier orders (for the visible rows only)."""
    ids = sorted(set(supplier_order_ids))
    if not ids:
        return {}
    badges: dict[int, OrderBadge] = {}
    with ledger.session() as session:
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            query = (
                select(Cancellation)
                .where(col(Cancellation.supplier_order_id).in_(chunk))
                .order_by(col(Cancellation.id))
            )
            for row in session.exec(query):
                assert row.id is not None and row.supplier_order_id is not None
                state = State(row.state)
                badges[row.supplier_order_id] = OrderBadge(row.id, state, row.next_deadline)
    return badges
