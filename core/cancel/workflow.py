"""`CancelWorkflow`: the service the wizard calls, one method per merchant action.

Every method that changes something returns the run's `CancellationView` afterwards. Network
work (check, Shopify steps, refresh, resume) blocks: call it off the GUI thread. Errors are
`core.cancel.errors.CancelError` subclasses whose text can be shown as is.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from core.aliexpress import SyncSummary
from core.cancel import (
    check,
    decision,
    messages,
    money_trail,
    refusal,
    shop_cancel,
    shop_manual,
    shop_refund,
    supplier,
)
from core.cancel.chain import settle
from core.cancel.decision import Decision
from core.cancel.errors import (
    CancelError,
    CancellationNotFoundError,
    CancellationOpenError,
    IllegalTransitionError,
)
from core.cancel.listing import OpenCancellation, open_cancellations
from core.cancel.next_deadline import next_deadline, pending_supplier_refund
from core.cancel.orders import orders_of, reason_of, shipped_at_supplier
from core.cancel.ports import ShopPort, SupplierPort
from core.cancel.record import ENTITY, load, move, note
from core.cancel.runtime import Runtime
from core.cancel.shop_cancel import ShopCancelOptions
from core.cancel.shop_manual import ShopManualGuide
from core.cancel.shop_refund import RefundPreview
from core.cancel.states import FINAL, IN_FLIGHT, TRANSIENT, State
from core.cancel.supplier import SupplierGuide
from core.cancel.view import CancellationView, build_view
from core.ledger import Ledger, journal
from core.ledger.models import Cancellation, Refund, SupplierOrder
from core.ledger.types import Fault, Reason
from core.outgoing import Amount, Message
from core.texts import Text


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _open_run_of(session: Session, supplier_order_id: int) -> int | None:
    """The id of the order's run that is not done or abandoned (there is at most one: the
    unique index ux_cancellation_open_run)."""
    running = session.exec(
        select(Cancellation.id).where(
            Cancellation.supplier_order_id == supplier_order_id,
            col(Cancellation.state).not_in([s.value for s in FINAL]),
        )
    ).first()
    return None if running is None else int(running)


def _already_open(order: SupplierOrder, running: int) -> CancellationOpenError:
    return CancellationOpenError(
        Text(
            "core.cancel.workflow",
            "AliExpress order {order_external_order_id} already has an open "
            "cancellation: continue that one.",
            order_external_order_id=order.external_order_id,
        ),
        running,
    )


@dataclass(frozen=True)
class ResumeOutcome:
    cancellation_id: int
    state: State
    problem: str  # "" when the run moved on (or had nothing to do)


def _refunded(refunds: list[Refund]) -> Amount | None:
    """What the customer got back, as the note says it (in the first refund's currency)."""
    if not refunds:
        return None
    currency = refunds[0].currency
    return Amount(sum(r.amount_minor for r in refunds if r.currency == currency), currency)


class CancelWorkflow:
    """Cancel everywhere: the supplier first, Shopify second, then follow the money."""

    def __init__(
        self,
        ledger: Ledger,
        shop_api: ShopPort | None,
        supplier_api: SupplierPort | None,
        now: Callable[[], datetime] = _utcnow,
        *,
        on_step: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        job_timeout: float = 60.0,
        job_poll: float = 1.0,
        pending_grace: timedelta = timedelta(seconds=90),
        settle_wait: float = 10.0,
    ) -> None:
        """`shop_api` / `supplier_api` None means manual mode for that side."""
        self.rt = Runtime(
            ledger=ledger,
            shop=shop_api,
            supplier=supplier_api,
            now=now,
            sleep=sleep,
            job_timeout=job_timeout,
            job_poll=job_poll,
            pending_grace=pending_grace,
            settle_wait=settle_wait,
        )
        if on_step is not None:
            self.rt.on_step = on_step

    # -- starting and looking --------------------------------------------------------------

    def start(
        self,
        supplier_order_id: int,
        reason: Reason | str,
        fault: Fault | str = Fault.UNKNOWN,
        *,
        decided: Decision | None = None,
    ) -> int:
        """Open a run for this supplier order (in `checking`); returns its id. No network.

        `decided` (the merchant's decision up front, `core.cancel.decision`) is journalled in
        the same transaction: it is what the autopilot may act on later."""
        reason, fault = Reason(reason), Fault(fault)
        try:
            cancellation_id = self._open_run(supplier_order_id, reason, fault, decided)
        except IntegrityError:
            # Another instance (or thread) opened a run for this order between our check and
            # our insert: the unique index on open runs (ux_cancellation_open_run) refused
            # the second.
            with self.rt.ledger.session() as session:
                order = session.get(SupplierOrder, supplier_order_id)
                running = _open_run_of(session, supplier_order_id)
            if order is None or running is None:
                raise
            raise _already_open(order, running) from None
        self.rt.on_step("state:checking")
        return cancellation_id

    def _open_run(
        self, supplier_order_id: int, reason: Reason, fault: Fault, decided: Decision | None
    ) -> int:
        with self.rt.ledger.session() as session:
            order = session.get(SupplierOrder, supplier_order_id)
            if order is None:
                raise CancellationNotFoundError(
                    Text(
                        "core.cancel.workflow",
                        "There is no supplier order {supplier_order_id}.",
                        supplier_order_id=supplier_order_id,
                    )
                )
            running = _open_run_of(session, supplier_order_id)
            if running is not None:
                raise _already_open(order, running)
            now = self.rt.now()
            row = Cancellation(
                supplier_order_id=supplier_order_id,
                customer_order_id=order.customer_order_id,
                reason=reason.value,
                fault=fault.value,
                state=State.CHECKING.value,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            row.next_deadline = next_deadline(session, row)[0]  # the check: the merchant's step
            assert row.id is not None
            journal.record(
                session,
                f"{ENTITY}.started",
                ENTITY,
                row.id,
                {
                    "reason": reason.value,
                    "fault": fault.value,
                    "external_order_id": order.external_order_id,
                },
                at=now,
            )
            if decided is not None:
                decision.record(session, row, decided, now)
            return row.id

    def state(self, cancellation_id: int) -> CancellationView:
        return build_view(self.rt, cancellation_id)

    def open_cancellations(self) -> list[OpenCancellation]:
        return open_cancellations(self.rt.ledger)

    # -- step 1: check ---------------------------------------------------------------------

    def check(self, cancellation_id: int) -> CancellationView:
        """Read fresh status (online) or the ledger and choose the path; see `core.cancel.check`."""
        check.run_check(self.rt, cancellation_id)
        settle(self.rt, cancellation_id)
        return self.state(cancellation_id)

    # -- step 2: the supplier ----------------------------------------------------------------

    def supplier_guide(self, cancellation_id: int) -> SupplierGuide:
        return supplier.supplier_guide(self.rt, cancellation_id)

    def mark_supplier_cancel_requested(self, cancellation_id: int) -> CancellationView:
        supplier.mark_requested(self.rt, cancellation_id)
        return self.state(cancellation_id)

    def mark_supplier_answer(self, cancellation_id: int, answer: str | bool) -> CancellationView:
        """answer: "accepted" / "refused" (or True / False)."""
        if isinstance(answer, str):
            if answer not in ("accepted", "refused"):
                raise CancelError(
                    Text(
                        "core.cancel.workflow", "The supplier's answer is 'accepted' or 'refused'."
                    )
                )
            accepted = answer == "accepted"
        else:
            accepted = bool(answer)
        supplier.mark_answer(self.rt, cancellation_id, accepted=accepted)
        settle(self.rt, cancellation_id)
        return self.state(cancellation_id)

    def refresh_supplier(self, cancellation_id: int) -> CancellationView:
        """Ask AliExpress now (status sync of this one order) and move on from its answer."""
        supplier.refresh_supplier(self.rt, cancellation_id)
        return self.state(cancellation_id)

    def apply_status_sync(self, changed: SyncSummary | Iterable[int]) -> tuple[int, ...]:
        """After `sync_order_statuses`: move on the runs whose supplier order was cancelled or
        shipped (pass the summary, or supplier order ids); returns the cancellation ids moved."""
        return supplier.apply_status_sync(self.rt, changed)

    # -- step 3: refused ---------------------------------------------------------------------

    def tracking_request(self, cancellation_id: int) -> refusal.TrackingRequest:
        return refusal.tracking_request(self.rt, cancellation_id)

    def request_tracking(self, cancellation_id: int) -> CancellationView:
        refusal.request_tracking(self.rt, cancellation_id)
        return self.state(cancellation_id)

    def mark_tracking_received(
        self,
        cancellation_id: int,
        tracking_number: str,
        *,
        carrier: str = "",
        first_scan_at: datetime | None = None,
    ) -> CancellationView:
        refusal.mark_tracking_received(
            self.rt, cancellation_id, tracking_number, carrier=carrier, first_scan_at=first_scan_at
        )
        return self.state(cancellation_id)

    def open_dispute(
        self, cancellation_id: int, *, opened_at: datetime | None = None
    ) -> CancellationView:
        refusal.open_dispute_step(self.rt, cancellation_id, opened_at=opened_at)
        return self.state(cancellation_id)

    def dispute_guide(self, cancellation_id: int) -> refusal.DisputeGuide:
        return refusal.dispute_guide(self.rt, cancellation_id)

    def mark_dispute_escalated(
        self, cancellation_id: int, *, case_team: bool = False
    ) -> CancellationView:
        refusal.mark_dispute_escalated(self.rt, cancellation_id, case_team=case_team)
        return self.state(cancellation_id)

    def close_dispute(
        self, cancellation_id: int, *, outcome: str, refunded_minor: int = 0
    ) -> CancellationView:
        refusal.close_dispute(
            self.rt, cancellation_id, outcome=outcome, refunded_minor=refunded_minor
        )
        return self.state(cancellation_id)

    # -- step 4: Shopify ---------------------------------------------------------------------

    def cancel_on_shop(
        self,
        cancellation_id: int,
        options: ShopCancelOptions | None = None,
        *,
        acknowledge_out_of_pocket: bool = False,
    ) -> CancellationView:
        shop_cancel.cancel_on_shop(
            self.rt,
            cancellation_id,
            options or ShopCancelOptions(),
            acknowledge_out_of_pocket=acknowledge_out_of_pocket,
        )
        return self.state(cancellation_id)

    def preview_shop_refund(
        self, cancellation_id: int, *, refund_shipping: bool = True
    ) -> RefundPreview:
        return shop_refund.preview_refund(self.rt, cancellation_id, refund_shipping=refund_shipping)

    def refund_on_shop(
        self,
        cancellation_id: int,
        preview: RefundPreview,
        *,
        note: str | None = None,
        notify_customer: bool = False,
        acknowledge_out_of_pocket: bool = False,
    ) -> CancellationView:
        shop_refund.refund_on_shop(
            self.rt,
            cancellation_id,
            preview,
            note_text=note,
            notify_customer=notify_customer,
            acknowledge_out_of_pocket=acknowledge_out_of_pocket,
        )
        return self.state(cancellation_id)

    def shop_manual_guide(self, cancellation_id: int) -> ShopManualGuide:
        return shop_manual.manual_guide(self.rt, cancellation_id)

    def confirm_manual_shop_step(
        self,
        cancellation_id: int,
        refunded_minor: int | None = None,
        *,
        currency: str | None = None,
        acknowledge_out_of_pocket: bool = False,
    ) -> CancellationView:
        shop_manual.confirm_manual(
            self.rt,
            cancellation_id,
            refunded_minor,
            currency=currency,
            acknowledge_out_of_pocket=acknowledge_out_of_pocket,
        )
        return self.state(cancellation_id)

    def customer_note(self, cancellation_id: int) -> Message:
        """A note to the customer fitting where the run stands (cancelled, or shipped), in the
        customer's language (core.notices.customer_language), never the window's."""
        from core.notices import customer_language

        with self.rt.ledger.session() as session:
            row = load(session, cancellation_id)
            orders = orders_of(session, row)
            assert row.id is not None
            refunded = _refunded(money_trail.customer_refunds(session, row.id))
            reason = reason_of(row)
            customer = orders.customer_order
            language = customer_language(session, customer.id if customer else None)
        shipped = orders.supplier_order is not None and shipped_at_supplier(orders.supplier_order)
        name = customer.name if customer else ""
        return messages.customer_note(
            name, language, reason=reason, refunded=refunded, shipped=shipped
        )

    # -- step 5: the money -------------------------------------------------------------------

    def expect_supplier_refund(
        self, cancellation_id: int, amount_minor: int, currency: str
    ) -> CancellationView:
        """The supplier agreed to pay something back (e.g. after a return): follow it."""
        if amount_minor <= 0:
            raise CancelError(
                Text("core.cancel.workflow", "Enter the amount the supplier agreed to refund.")
            )
        with self.rt.ledger.session() as session:
            row = load(session, cancellation_id)
            state = State(row.state)
            if state in FINAL or state is State.CHECKING:
                raise IllegalTransitionError(
                    Text(
                        "core.cancel.workflow", "A supplier refund cannot be added to this run now."
                    )
                )
            assert row.id is not None
            if pending_supplier_refund(session, row.id) is not None:
                raise CancelError(
                    Text("core.cancel.workflow", "A refund from the supplier is already expected.")
                )
            now = self.rt.now()
            money_trail.expect_from_supplier(
                session,
                row,
                now,
                completed_at_supplier=False,
                amount_minor=amount_minor,
                currency=currency.upper(),
            )
            note(session, row, "supplier_refund_expected", now, {"amount_minor": amount_minor})
        return self.state(cancellation_id)

    def mark_supplier_refund_received(
        self, cancellation_id: int, amount_minor: int | None = None
    ) -> CancellationView:
        """The supplier's money arrived (`amount_minor` if it differs from what was expected)."""
        with self.rt.ledger.session() as session:
            row = load(session, cancellation_id)
            state = State(row.state)
            if state in FINAL:
                raise IllegalTransitionError(
                    Text("core.cancel.workflow", "This cancellation is closed.")
                )
            now = self.rt.now()
            refund = money_trail.receive_from_supplier(session, row, now, amount_minor)
            payload = {"amount_minor": refund.amount_minor, "currency": refund.currency}
            if state is State.AWAITING_SUPPLIER_REFUND:
                move(session, row, State.DONE, now, {**payload, "supplier_refund_received": True})
            else:
                note(session, row, "supplier_refund_received", now, payload)
        self.rt.on_step(
            f"state:{State.DONE.value}" if state is State.AWAITING_SUPPLIER_REFUND else ""
        )
        settle(self.rt, cancellation_id)
        return self.state(cancellation_id)

    # -- any time ----------------------------------------------------------------------------

    def abandon(self, cancellation_id: int, reason: str) -> CancellationView:
        """Stop the run (it stays in the ledger, closed). Not while a Shopify call is in flight:
        resume first, so nothing Shopify did goes unrecorded."""
        reason = reason.strip()
        if not reason:
            raise CancelError(
                Text("core.cancel.workflow", "Say why the cancellation is abandoned.")
            )
        with self.rt.ledger.session() as session:
            row = load(session, cancellation_id)
            state = State(row.state)
            if state in IN_FLIGHT:
                raise IllegalTransitionError(
                    Text(
                        "core.cancel.workflow",
                        "Dropdesk is waiting for Shopify's answer to this cancellation: resume it "
                        "first, then abandon if you still want to.",
                    )
                )
            move(
                session,
                row,
                State.ABANDONED,
                self.rt.now(),
                {"reason": reason},
                abandoned_reason=reason,
            )
        self.rt.on_step(f"state:{State.ABANDONED.value}")
        return self.state(cancellation_id)

    def resume(self, cancellation_id: int) -> CancellationView:
        """Continue whatever was in flight when the app stopped (or crashed)."""
        with self.rt.ledger.session() as session:
            state = State(load(session, cancellation_id).state)
        if state is State.SHOP_CANCEL_SENT:
            shop_cancel.resume_cancel(self.rt, cancellation_id)
        elif state is State.SHOP_REFUND_SENT:
            shop_refund.resume_refund(self.rt, cancellation_id)
        else:
            settle(self.rt, cancellation_id)
        return self.state(cancellation_id)

    def resume_all(self) -> list[ResumeOutcome]:
        """Resume every run left in flight or between two automatic steps (at start-up)."""
        waiting = [s.value for s in (IN_FLIGHT | TRANSIENT)]
        with self.rt.ledger.session() as session:
            ids = [
                int(i)
                for i in session.exec(
                    select(Cancellation.id)
                    .where(col(Cancellation.state).in_(waiting))
                    .order_by(col(Cancellation.id))
                )
                if i is not None
            ]
        outcomes = []
        for cancellation_id in ids:
            try:
                view = self.resume(cancellation_id)
            except CancelError as error:
                with self.rt.ledger.session() as session:
                    state = State(load(session, cancellation_id).state)
                outcomes.append(ResumeOutcome(cancellation_id, state, str(error)))
            else:
                outcomes.append(ResumeOutcome(cancellation_id, view.state, ""))
        return outcomes
