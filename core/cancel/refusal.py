"""Step 3: the supplier refused. Ask for the tracking number (5 working days, supplier
calendar); a tracking number means it shipped (refund path); none by the deadline means it
did not: open a dispute on AliExpress (guided) and keep its clocks.

A dispute records its filing date; if the first tracking event turns out to be after that day,
the parcel shipped only after the dispute was filed and the merchant is owed the money back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from core import clocks, supplier_platforms
from core.cancel import messages, money_trail
from core.cancel.chain import settle
from core.cancel.errors import CancelError, StepUnavailableError
from core.cancel.next_deadline import next_deadline, open_dispute
from core.cancel.orders import orders_of
from core.cancel.record import load, move, note, require_state
from core.cancel.runtime import Runtime
from core.cancel.states import State
from core.cancel.terms import terms_for
from core.ledger import journal
from core.ledger.models import Dispute
from core.ledger.types import DisputeState
from core.outgoing import Message
from core.texts import Text


@dataclass(frozen=True)
class TrackingRequest:
    message: Message  # to the supplier, in its language
    due: datetime | None  # when the tracking number is due (once requested)


@dataclass(frozen=True)
class DisputeGuide:
    order_url: str
    steps: tuple[Text, ...]
    attachments: tuple[Text, ...]
    rule: Text  # shipped only after the filing day -> the money is owed back
    opened_at: datetime | None
    escalate_after: datetime | None
    case_team_at: datetime | None
    first_tracking_at: datetime | None
    shipped_after_filing: bool | None  # None until both dates are known


def tracking_request(rt: Runtime, cancellation_id: int) -> TrackingRequest:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        orders = orders_of(session, row)
        language = messages.supplier_language(
            terms_for(session, orders.supplier_order).supplier_country
        )
        due = next_deadline(session, row)[0] if row.state == State.TRACKING_REQUESTED else None
    day = due.astimezone(UTC).date() if due is not None else None  # as the supplier's page shows
    return TrackingRequest(messages.tracking_request(orders.external_order_id, day, language), due)


def request_tracking(rt: Runtime, cancellation_id: int) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row,
            {State.SUPPLIER_REFUSED},
            Text("core.cancel.refusal", "ask for the tracking number"),
        )
        now = rt.now()
        move(session, row, State.TRACKING_REQUESTED, now, {}, tracking_requested_at=now)
    rt.on_step(f"state:{State.TRACKING_REQUESTED.value}")


def mark_tracking_received(
    rt: Runtime,
    cancellation_id: int,
    tracking_number: str,
    *,
    carrier: str = "",
    first_scan_at: datetime | None = None,
) -> None:
    """The supplier sent a tracking number: it shipped, so the run goes the refund way (in a
    dispute, the number and its first scan are recorded for the dispute instead)."""
    tracking_number = tracking_number.strip()
    if not tracking_number:
        raise CancelError(
            Text("core.cancel.refusal", "Enter the tracking number the supplier sent.")
        )
    if first_scan_at is not None and first_scan_at.tzinfo is None:
        raise CancelError(
            Text("core.cancel.refusal", "The first scan needs a date with a time zone.")
        )
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        state = require_state(
            row,
            {State.SUPPLIER_REFUSED, State.TRACKING_REQUESTED, State.DISPUTE_OPEN},
            Text("core.cancel.refusal", "record a tracking number"),
        )
        now = rt.now()
        supplier_order = orders_of(session, row).supplier_order
        if supplier_order is not None and supplier_order.id is not None:
            before = supplier_order.tracking_number
            supplier_order.tracking_number = tracking_number
            if carrier:
                supplier_order.carrier = carrier
            if supplier_order.shipped_at is None or (
                first_scan_at is not None and first_scan_at < supplier_order.shipped_at
            ):
                supplier_order.shipped_at = first_scan_at or now
            supplier_order.updated_at = now
            session.add(supplier_order)
            journal.record(
                session,
                "supplier_order.tracking_from_supplier",
                "supplier_order",
                supplier_order.id,
                {"from": before, "to": tracking_number, "carrier": carrier},
                at=now,
            )
        payload = {"tracking_number": tracking_number, "carrier": carrier}
        target: State
        if state is State.DISPUTE_OPEN:
            assert row.id is not None
            dispute = open_dispute(session, row.id)
            if dispute is not None and first_scan_at is not None:
                dispute.first_tracking_at = first_scan_at
                session.add(dispute)
            note(session, row, "dispute_tracking", now, payload)
            target = state
        else:
            move(session, row, State.TRACKING_RECEIVED, now, payload)
            target = State.TRACKING_RECEIVED
    rt.on_step(f"state:{target.value}")
    settle(rt, cancellation_id)


def open_dispute_step(
    rt: Runtime, cancellation_id: int, *, opened_at: datetime | None = None
) -> None:
    """The tracking deadline passed without a number and the merchant opened the dispute."""
    if opened_at is not None and opened_at.tzinfo is None:
        raise CancelError(
            Text("core.cancel.refusal", "The dispute's opening time needs a time zone.")
        )
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row, {State.TRACKING_REQUESTED}, Text("core.cancel.refusal", "open a dispute")
        )
        now = rt.now()
        due, _ = next_deadline(session, row)
        if due is not None and now < due:
            raise StepUnavailableError(
                Text(
                    "core.cancel.refusal",
                    "The supplier has until {due} to send the tracking number; open the dispute "
                    "after that.",
                    due=due,
                )
            )
        supplier_order = orders_of(session, row).supplier_order
        if supplier_order is None or supplier_order.id is None:
            raise StepUnavailableError(
                Text("core.cancel.refusal", "No AliExpress order is linked to this cancellation.")
            )
        terms = terms_for(session, supplier_order)
        filed = opened_at or now
        dispute = Dispute(
            supplier_order_id=supplier_order.id,
            cancellation_id=row.id,
            opened_at=filed,
            escalate_after=clocks.dispute_escalation(filed, terms.dispute_escalate_days),
            case_team_at=clocks.dispute_case_team(filed, terms.dispute_case_team_days),
            state=DisputeState.OPEN.value,
            amount_minor=supplier_order.cost_minor,
            currency=supplier_order.currency,
        )
        session.add(dispute)
        session.flush()
        move(
            session,
            row,
            State.DISPUTE_OPEN,
            now,
            {"dispute_id": dispute.id, "opened_at": filed.isoformat()},
        )
    rt.on_step(f"state:{State.DISPUTE_OPEN.value}")


def mark_dispute_escalated(rt: Runtime, cancellation_id: int, *, case_team: bool = False) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row, {State.DISPUTE_OPEN}, Text("core.cancel.refusal", "record the escalation")
        )
        assert row.id is not None
        dispute = open_dispute(session, row.id)
        if dispute is None:
            raise StepUnavailableError(
                Text("core.cancel.refusal", "This cancellation has no dispute.")
            )
        now = rt.now()
        dispute.state = (DisputeState.CASE_TEAM if case_team else DisputeState.ESCALATED).value
        session.add(dispute)
        note(session, row, "dispute_escalated", now, {"state": dispute.state})
    rt.on_step("dispute:escalated")


def close_dispute(
    rt: Runtime, cancellation_id: int, *, outcome: str, refunded_minor: int = 0
) -> None:
    """The dispute ended; `refunded_minor` > 0 means AliExpress refunds the merchant."""
    if refunded_minor < 0:
        raise CancelError(Text("core.cancel.refusal", "A refund amount cannot be negative."))
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(row, {State.DISPUTE_OPEN}, Text("core.cancel.refusal", "close the dispute"))
        assert row.id is not None
        now = rt.now()
        dispute = open_dispute(session, row.id)
        if dispute is not None:
            dispute.state = DisputeState.CLOSED.value
            dispute.outcome = outcome.strip() or ("refunded" if refunded_minor else "rejected")
            dispute.amount_minor = refunded_minor
            session.add(dispute)
        if refunded_minor:
            money_trail.expect_from_supplier(
                session, row, now, completed_at_supplier=True, amount_minor=refunded_minor
            )
        move(
            session,
            row,
            State.DISPUTE_CLOSED,
            now,
            {"outcome": outcome, "refunded_minor": refunded_minor},
        )
    rt.on_step(f"state:{State.DISPUTE_CLOSED.value}")
    settle(rt, cancellation_id)


def dispute_guide(rt: Runtime, cancellation_id: int) -> DisputeGuide:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        orders = orders_of(session, row)
        terms = terms_for(session, orders.supplier_order)
        dispute = open_dispute(session, row.id) if row.id is not None else None
        platform = supplier_platforms.platform_of(session, orders.supplier_order)
    external_order_id = orders.external_order_id
    opened = dispute.opened_at if dispute else None
    first = dispute.first_tracking_at if dispute else None
    return DisputeGuide(
        order_url=platform.order_url(external_order_id),
        steps=messages.dispute_steps(external_order_id),
        attachments=messages.DISPUTE_ATTACHMENTS,
        rule=messages.SHIPPED_AFTER_FILING_RULE,
        opened_at=opened,
        escalate_after=dispute.escalate_after if dispute else None,
        case_team_at=dispute.case_team_at if dispute else None,
        first_tracking_at=first,
        shipped_after_filing=shipped_after_filing(opened, first, terms.supplier_tz),
    )


def shipped_after_filing(
    opened_at: datetime | None, first_tracking_at: datetime | None, tz: str
) -> bool | None:
    """Whether the first scan fell on a later day than the filing (in the supplier's zone)."""
    if opened_at is None or first_tracking_at is None:
        return None
    return clocks.as_zone(first_tracking_at, tz).date() > clocks.as_zone(opened_at, tz).date()
