"""What the wizard shows for one cancellation: a frozen snapshot with the actions it may offer.

The wizard never decides anything itself: it renders `CancellationView` and calls the
`CancelWorkflow` method named by each `Action`. Codes read from the ledger arrive as enums
(an unknown one as its "other" member), and the state's words and page come from its
descriptor (`info`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlmodel import Session, and_, col, or_, select

from core.cancel import money_trail
from core.cancel.actions import Action as Action  # re-exported: the view names its actions
from core.cancel.next_deadline import LABELS as DEADLINE_LABELS
from core.cancel.next_deadline import DeadlineKind, next_deadline, open_dispute
from core.cancel.orders import RunOrders, fulfilled_on_shop, orders_of
from core.cancel.record import ENTITY, load
from core.cancel.runtime import Runtime
from core.cancel.states import FINAL, STATES, SUPPLIER_PENDING, Mover, Path, State, StateInfo
from core.ledger.models import Cancellation, Event, Refund
from core.ledger.types import DisputeState, Fault, Reason, RefundDirection, RefundState
from core.texts import Text


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    title: str
    details: dict[str, Any]


@dataclass(frozen=True)
class MoneyLine:
    direction: RefundDirection
    amount_minor: int
    currency: str
    state: RefundState
    expected_from: datetime | None
    expected_until: datetime | None
    completed_at: datetime | None
    shopify_refund_gid: str | None


@dataclass(frozen=True)
class DisputeView:
    state: DisputeState
    opened_at: datetime | None
    escalate_after: datetime | None
    case_team_at: datetime | None
    first_tracking_at: datetime | None
    outcome: str


@dataclass(frozen=True)
class CancellationView:
    id: int
    state: State
    path: Path
    reason: Reason
    fault: Fault
    why: Text  # why the run goes this way (the check's reason, or the latest one given)
    alternatives: tuple[Text, ...]
    notes: tuple[Text, ...]
    supplier_order_id: int | None
    external_order_id: str
    customer_order_id: int | None
    order_name: str
    next_deadline: datetime | None
    next_deadline_kind: DeadlineKind | None
    next_deadline_label: str
    actions: tuple[Action, ...]
    needs_out_of_pocket_ack: bool  # a Shopify step now needs acknowledge_out_of_pocket=True
    shop_online: bool
    supplier_online: bool
    supplier_answer: str
    tracking_number: str
    dispute: DisputeView | None
    money: tuple[MoneyLine, ...]
    created_at: datetime | None
    closed_at: datetime | None
    abandoned_reason: str
    timeline: tuple[TimelineEntry, ...]

    @property
    def info(self) -> StateInfo:
        """The state's descriptor: its words, its wizard page, who moves it on."""
        return STATES[self.state]

    @property
    def final(self) -> bool:
        return self.state in FINAL


REFUND_RECORDED = "Refund to the customer recorded"
#: Titles of the run's other events in the wizard's timeline (the GUI translates them).
EVENT_TITLES = {
    "started": "Cancellation started",
    "decision": "Your decision: what Dropdesk does by itself",
    "decision_changed": "You changed your decision",
    "shop_step_confirmed": "You confirmed the Shopify step without the supplier's agreement",
    "shop_refund_key": "Refund key stored (retries cannot refund twice)",
    "shop_cancel_job": "Shopify started the cancel job",
    "shop_cancel_outcome_unknown": "Shopify's answer to the cancel was lost",
    "dispute_escalated": "Dispute escalated",
    "dispute_tracking": "Tracking number received during the dispute",
    "supplier_refund_completed": "AliExpress reports the refund completed",
    "supplier_refund_expected": "A refund from the supplier is expected",
    "supplier_refund_received": "The supplier's refund arrived",
    "deadline_moved": "A deadline moved: the holiday calendar changed",
}


#: The decision's title when Shopify is not connected for the run: Dropdesk does not do the
#: Shopify part then, it lists it in "Needs me" until the merchant has done it.
DECISION_BY_HAND = "Your decision: you do the Shopify step, Dropdesk reminds you"

#: What a journal event without a title of its own reads as.
STEP_RECORDED = "Step recorded"
_STATE_NAMES = frozenset(state.value for state in State)

Code = TypeVar("Code", bound=StrEnum)


def _code(kind: type[Code], raw: str, unknown: Code) -> Code:
    """A code read from the ledger; one this version does not know reads as `unknown`."""
    try:
        return kind(raw)
    except ValueError:
        return unknown


def build_view(rt: Runtime, cancellation_id: int) -> CancellationView:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        return _view(rt, session, row)


def _view(rt: Runtime, session: Session, row: Cancellation) -> CancellationView:
    assert row.id is not None
    state = State(row.state)
    orders = orders_of(session, row)
    events = _events(session, row.id)
    deadline, kind = next_deadline(session, row)
    dispute = open_dispute(session, row.id)
    refunds = [
        *money_trail.supplier_refunds(session, row.id),
        *money_trail.customer_refunds(session, row.id),
    ]
    latest = _latest_payloads(events)
    shop_online = rt.shop is not None and orders.shop_ref is not None
    supplier_online = rt.supplier is not None and orders.supplier_order is not None
    return CancellationView(
        id=row.id,
        state=state,
        path=_code(Path, row.path, Path.UNDECIDED),
        reason=_code(Reason, row.reason, Reason.OTHER),
        fault=_code(Fault, row.fault, Fault.UNKNOWN),
        why=Text.from_stored(latest.get("why")),
        alternatives=tuple(Text.from_stored(text) for text in latest.get("alternatives", ())),
        notes=tuple(Text.from_stored(text) for text in latest.get("notes", ())),
        supplier_order_id=row.supplier_order_id,
        external_order_id=orders.external_order_id,
        customer_order_id=row.customer_order_id,
        order_name=orders.customer_order.name if orders.customer_order else "",
        next_deadline=deadline,
        next_deadline_kind=kind,
        next_deadline_label=DEADLINE_LABELS[kind] if kind else "",
        actions=available_actions(rt, session, row, orders, deadline),
        needs_out_of_pocket_ack=state in SUPPLIER_PENDING,
        shop_online=shop_online,
        supplier_online=supplier_online,
        supplier_answer=row.supplier_answer,
        tracking_number=orders.supplier_order.tracking_number if orders.supplier_order else "",
        dispute=DisputeView(
            DisputeState(dispute.state),
            dispute.opened_at,
            dispute.escalate_after,
            dispute.case_team_at,
            dispute.first_tracking_at,
            dispute.outcome,
        )
        if dispute
        else None,
        money=tuple(_money_line(r) for r in refunds),
        created_at=row.created_at,
        closed_at=row.closed_at,
        abandoned_reason=row.abandoned_reason,
        timeline=tuple(_timeline(events, shop_online)),
    )


def available_actions(
    rt: Runtime,
    session: Session,
    row: Cancellation,
    orders: RunOrders,
    deadline: datetime | None,
) -> tuple[Action, ...]:
    assert row.id is not None
    state = State(row.state)
    info = STATES[state]
    if info.mover not in (Mover.MERCHANT, Mover.SUPPLIER):
        return info.actions  # final, passing through, or waiting for Shopify's answer
    actions = list(info.actions)
    supplier_online = rt.supplier is not None and orders.supplier_order is not None
    if state is State.TRACKING_REQUESTED and (deadline is None or deadline <= rt.now()):
        actions.append(Action.OPEN_DISPUTE)
    if state in SUPPLIER_PENDING and supplier_online:
        actions.append(Action.REFRESH_SUPPLIER)
    shop_open = orders.customer_order is not None and row.shop_done_at is None
    shop_online = rt.shop is not None and orders.shop_ref is not None
    if shop_open and (
        state in SUPPLIER_PENDING or state in (State.SHOP_CANCEL_TODO, State.SHOP_REFUND_TODO)
    ):
        refund = state is State.SHOP_REFUND_TODO or (
            state is not State.SHOP_CANCEL_TODO
            and (row.path == Path.REFUND or fulfilled_on_shop(orders.customer_order))
        )
        if shop_online:
            actions += (
                [Action.PREVIEW_SHOP_REFUND, Action.REFUND_ON_SHOP]
                if refund
                else [Action.CANCEL_ON_SHOP]
            )
        actions.append(Action.CONFIRM_MANUAL_SHOP_STEP)
    pending = any(
        r.direction == RefundDirection.FROM_SUPPLIER
        and r.state in (RefundState.EXPECTED, RefundState.ISSUED)
        for r in money_trail.supplier_refunds(session, row.id)
    )
    if pending:
        actions.append(Action.MARK_SUPPLIER_REFUND_RECEIVED)
    elif state is not State.CHECKING:
        actions.append(Action.EXPECT_SUPPLIER_REFUND)
    actions.append(Action.ABANDON)
    return tuple(actions)


def _events(session: Session, cancellation_id: int) -> list[Event]:
    refund_ids = [
        r.id
        for r in session.exec(select(Refund).where(Refund.cancellation_id == cancellation_id))
        if r.id is not None
    ]
    mine = and_(col(Event.entity) == ENTITY, col(Event.entity_id) == cancellation_id)
    theirs = and_(col(Event.entity) == "refund", col(Event.entity_id).in_(refund_ids))
    query = select(Event).where(or_(mine, theirs)).order_by(col(Event.id))
    return list(session.exec(query))


def _latest_payloads(events: list[Event]) -> dict[str, Any]:
    """The latest value of each of why / alternatives / notes across the run's events."""
    found: dict[str, Any] = {}
    for event in events:
        if event.entity != ENTITY:
            continue
        payload = json.loads(event.payload)
        for key in ("why", "alternatives", "notes"):
            if key in payload:
                found[key] = payload[key]
    return found


def _timeline(events: list[Event], shop_online: bool = True) -> list[TimelineEntry]:
    entries = []
    for event in events:
        if event.at is None:
            continue
        name = event.kind.split(".", 1)[-1]
        if event.entity == ENTITY and name in _STATE_NAMES:
            title = STATES[State(name)].label
        elif event.kind == "refund.issued_to_customer":
            title = REFUND_RECORDED
        elif name == "decision" and not shop_online:
            title = DECISION_BY_HAND
        else:
            title = EVENT_TITLES.get(name, STEP_RECORDED)  # never the event's code
        entries.append(TimelineEntry(event.at, event.kind, title, json.loads(event.payload)))
    return entries


def _money_line(refund: Refund) -> MoneyLine:
    return MoneyLine(
        RefundDirection(refund.direction),
        refund.amount_minor,
        refund.currency,
        RefundState(refund.state),
        refund.expected_from,
        refund.expected_until,
        refund.completed_at,
        refund.shopify_refund_gid,
    )
