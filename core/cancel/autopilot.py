"""Autopilot: a run moves by itself wherever it can, on the merchant's one decision up front.

`advance(run)` takes every step nobody has to think about: the check, the supplier's answer as
the AliExpress status sync sees it (cancelled, refused, shipped with tracking, refund completed),
and, once the supplier accepted, the Shopify cancel or refund the decision authorised (through
`shop_cancel` / `shop_refund`, which write their intent first and never send twice). It stops
where a person is needed and says which question is theirs (`Need`), and what it will do next
by itself (`Progress.will`: "will cancel #1234 on Shopify when the supplier accepts").

Rules that keep the merchant's money safe:
- without a decision (`core.cancel.decision`) nothing is sent to Shopify;
- a Shopify step before the supplier accepted happens only if the decision says so
  (`shop_before_supplier`), or after the merchant confirms it for this run (`confirm_shop_step`:
  the supplier refused or shipped, the refund is theirs to pay);
- every external call is announced first (`autopilot:*` step points), so the crash test can stop
  the process exactly there and a restart continues without sending anything twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col, select

from core.aliexpress import AliExpressError, sync_order_statuses
from core.cancel.actions import Action
from core.cancel.decision import Decision, ShopAction, change, decision_of, remember
from core.cancel.errors import CancelError, ShopOutcomePendingError
from core.cancel.next_deadline import pending_supplier_refund
from core.cancel.orders import orders_of
from core.cancel.record import ENTITY, load, move, note
from core.cancel.shop_cancel import ShopCancelOptions
from core.cancel.states import FINAL, IN_FLIGHT, TRANSIENT, Path, State
from core.cancel.workflow import CancelWorkflow
from core.deadline_entries import Kind
from core.ledger.models import Cancellation, Event
from core.ledger.types import RefundState
from core.texts import Text

#: Step points announced before each automatic external action (and the crash test's stops).
APPLY_STATUS = "autopilot:apply_status"
SHOP_CANCEL = "autopilot:shop_cancel"
SHOP_REFUND = "autopilot:shop_refund"
CONFIRMED = "shop_step_confirmed"  # journal kind suffix: the merchant confirmed an early step
_MAX_HOPS = 20


class Need(StrEnum):
    """What the run waits for after `advance`."""

    NOTHING = "nothing"  # the run is closed
    DECISION = "decision"  # started without a decision: the wizard's first screen
    ALIEXPRESS = "aliexpress"  # request the cancellation on AliExpress (no API for it)
    SUPPLIER_ANSWER = "supplier_answer"  # not connected: did the supplier accept?
    CONFIRM_SHOP = "confirm_shop"  # the supplier did not accept: refund on Shopify anyway?
    SHOP_STEP = "shop_step"  # Shopify not connected: did you cancel/refund in the admin?
    MONEY = "money"  # not connected: did the supplier's money arrive?
    WIZARD = "wizard"  # the refused path: tracking, a dispute (the wizard guides it)
    WAIT = "wait"  # nobody: waiting for the supplier or for Shopify, the watch looks again


#: The needs that are a question for the merchant (a "Needs me" entry, a notification).
QUESTIONS = frozenset(
    {Need.DECISION, Need.ALIEXPRESS, Need.SUPPLIER_ANSWER, Need.CONFIRM_SHOP, Need.SHOP_STEP}
    | {Need.MONEY, Need.WIZARD}
)
_ASKING_SUPPLIER = frozenset(
    {
        State.SUPPLIER_CANCEL_REQUESTED,
        State.SUPPLIER_REFUSED,
        State.TRACKING_REQUESTED,
        State.DISPUTE_OPEN,
        State.AWAITING_SUPPLIER_REFUND,
    }
)

#: Where the supplier has not agreed (yet): a Shopify step here is "early".
_SUPPLIER_SIDE = _ASKING_SUPPLIER - {State.AWAITING_SUPPLIER_REFUND} | {State.SUPPLIER_CANCEL_TODO}


@dataclass(frozen=True)
class Progress:
    """Where `advance` left a run, what it did, and what happens next."""

    cancellation_id: int
    state: State
    need: Need
    will: Text  # what the autopilot will do by itself next ("" when nothing)
    did: tuple[str, ...] = ()  # the step points passed ("state:…", "autopilot:…")
    problem: str = ""  # a step failed (shown as is); the run stays where it was


@dataclass(frozen=True)
class Answer:
    """A person's answer a waiting run needs, as one action: the wizard's own step (the
    `CancelWorkflow` method `action` with `kwargs`, as its page sends it), after which the
    autopilot moves the run on. `key` names it for the window (its button and shortcut)."""

    key: str
    action: Action
    kwargs: Mapping[str, Any] = field(default_factory=dict)


ALIEXPRESS_DONE = Answer("aliexpress_done", Action.MARK_SUPPLIER_CANCEL_REQUESTED)
SUPPLIER_ACCEPTED = Answer("accepted", Action.MARK_SUPPLIER_ANSWER, {"answer": "accepted"})
SUPPLIER_REFUSED = Answer("refused", Action.MARK_SUPPLIER_ANSWER, {"answer": "refused"})
MONEY_ARRIVED = Answer("money_arrived", Action.MARK_SUPPLIER_REFUND_RECEIVED)
#: Cancelled in the Shopify admin (which refunds what is left): recorded as that refund. A
#: refund is not one click: its amount is the merchant's to enter (the wizard asks it).
SHOP_DONE = Answer("shop_done", Action.CONFIRM_MANUAL_SHOP_STEP)

#: The answers a run's deadline asks of a person (the "Needs me" row's buttons, the tray):
#: did the supplier accept the cancel request? did the supplier's money arrive? is the
#: cancel request sent on AliExpress? is the order cancelled on Shopify?
ANSWERS: dict[Kind, tuple[Answer, ...]] = {
    Kind.SUPPLIER_ANSWER: (SUPPLIER_ACCEPTED, SUPPLIER_REFUSED),
    Kind.SUPPLIER_REFUND: (MONEY_ARRIVED,),
    Kind.SUPPLIER_STEP: (ALIEXPRESS_DONE,),
    Kind.SHOP_STEP: (SHOP_DONE,),
}


@dataclass(frozen=True)
class BulkStart:
    started: tuple[tuple[int, int], ...]  # (supplier order id, cancellation id)
    refused: tuple[tuple[int, str], ...]  # (supplier order id, why)


class Autopilot:
    """Drives runs of one `CancelWorkflow` (its connections decide what can be automatic)."""

    def __init__(self, flow: CancelWorkflow) -> None:
        self.flow = flow
        self.rt = flow.rt

    # -- starting --------------------------------------------------------------------------

    def start(self, supplier_order_id: int, decided: Decision, *, keep: bool = True) -> int:
        """Open a run with its decision (and remember the decision for its reason)."""
        run = self.flow.start(supplier_order_id, decided.reason, decided.fault, decided=decided)
        if keep:
            with self.rt.ledger.session() as session:
                remember(session, decided)
        return run

    def start_many(self, supplier_order_ids: Iterable[int], decided: Decision) -> BulkStart:
        """One run per order with the same decision; an order that cannot start (an open run,
        no such order) is reported and the others start anyway."""
        started: list[tuple[int, int]] = []
        refused: list[tuple[int, str]] = []
        for order_id in dict.fromkeys(supplier_order_ids):
            try:
                started.append((order_id, self.start(order_id, decided, keep=False)))
            except CancelError as error:
                refused.append((order_id, str(error)))
        if started:
            with self.rt.ledger.session() as session:
                remember(session, decided)
        return BulkStart(tuple(started), tuple(refused))

    def change_decision(self, cancellation_id: int, decided: Decision) -> list[str]:
        """A new decision for a run not closed yet (the latest one counts): only the parts
        nothing has happened on yet can change (`decision.change` refuses the others).
        Returns the parts that changed."""
        with self.rt.ledger.session() as session:
            row = load(session, cancellation_id)
            return change(session, row, decided, self.rt.now())

    # -- the merchant's answers (each a single action) -------------------------------------

    def confirm_shop_step(self, cancellation_id: int) -> Progress:
        """The merchant accepts that the supplier did not agree: refund/cancel on Shopify now."""
        with self.rt.ledger.session() as session:
            row = load(session, cancellation_id)
            note(session, row, CONFIRMED, self.rt.now(), {"out_of_pocket_acknowledged": True})
        return self.advance(cancellation_id)

    def aliexpress_requested(self, cancellation_id: int) -> Progress:
        """ "I have done it": the cancel request was sent on AliExpress."""
        self.flow.mark_supplier_cancel_requested(cancellation_id)
        return self.advance(cancellation_id, ask_supplier=False)

    def supplier_answered(self, cancellation_id: int, accepted: bool) -> Progress:
        self.flow.mark_supplier_answer(cancellation_id, accepted)
        return self.advance(cancellation_id)

    def shop_step_done(self, cancellation_id: int, refunded_minor: int) -> Progress:
        """Shopify not connected: the merchant did it in the admin."""
        self.flow.confirm_manual_shop_step(
            cancellation_id, refunded_minor, acknowledge_out_of_pocket=True
        )
        return self.advance(cancellation_id)

    def money_arrived(self, cancellation_id: int) -> Progress:
        self.flow.mark_supplier_refund_received(cancellation_id)
        return self.advance(cancellation_id)

    def answer(self, cancellation_id: int, answer: Answer) -> Progress:
        """Apply one of `ANSWERS` (from "Needs me" or the tray, no wizard): its step, then
        the run moves on by itself as far as its decision allows. A step the run's state does
        not allow any more (answered meanwhile) is refused by the workflow with its words."""
        getattr(self.flow, answer.action.value)(cancellation_id, **answer.kwargs)
        return self.advance(cancellation_id, ask_supplier=answer is not ALIEXPRESS_DONE)

    # -- moving on -------------------------------------------------------------------------

    def advance(self, cancellation_id: int, *, ask_supplier: bool = True) -> Progress:
        """Take every step that needs nobody; stop where a person (or the supplier) is needed.
        `ask_supplier=False`: do not call AliExpress (the watch asked for many orders at once)."""
        did: list[str] = []
        outer = self.rt.on_step

        def seen(point: str) -> None:
            did.append(point)
            outer(point)

        self.rt.on_step = seen
        try:
            return self._advance(cancellation_id, ask_supplier, did)
        except ShopOutcomePendingError as error:
            return self._progress(cancellation_id, Need.WAIT, did, str(error))
        except CancelError as error:
            return self._progress(cancellation_id, None, did, str(error))
        finally:
            self.rt.on_step = outer

    def advance_many(self, cancellation_ids: Iterable[int] | None = None) -> list[Progress]:
        """`advance` each run (every open one by default); one failing does not stop the rest."""
        ids = list(cancellation_ids) if cancellation_ids is not None else self.open_runs()
        return [self.advance(run) for run in ids]

    def watch(
        self,
        runs: Iterable[int] | None = None,
        *,
        limit: int = 50,
        per_run: Callable[[], AbstractContextManager[None]] = nullcontext,
    ) -> list[Progress]:
        """One pass of the background status watch over `runs` (every open one by default):
        ask AliExpress once about the orders of up to `limit` runs waiting for the supplier
        (the API budget: each order is one or two calls, spaced by the client's rate limiter),
        then advance every run without asking again.

        `per_run` (the window's core.cancel.step_lock.StepLock.between_others) is held around
        each step on the runs, not around the pass: the slow read of AliExpress only updates
        the supplier orders, so a merchant's step goes between two runs of the pass."""
        runs = self.open_runs() if runs is None else list(runs)
        if self.rt.supplier is not None:
            with self.rt.ledger.session() as session:
                query = select(Cancellation.supplier_order_id).where(
                    col(Cancellation.id).in_(runs),
                    col(Cancellation.state).in_([s.value for s in _ASKING_SUPPLIER]),
                )
                order_ids = sorted({int(i) for i in session.exec(query) if i is not None})
            if order_ids:
                self.rt.on_step(APPLY_STATUS)
                try:
                    sync_order_statuses(
                        self.rt.ledger,
                        self.rt.supplier,
                        order_ids=order_ids[:limit],
                        concurrency=1,
                        now=self.rt.now,
                    )
                except AliExpressError:
                    pass  # the runs wait; the next pass asks again
                else:
                    with per_run():
                        self.flow.apply_status_sync(order_ids[:limit])
        progress: list[Progress] = []
        for run in runs:
            with per_run():
                progress.append(self.advance(run, ask_supplier=False))
        return progress

    def open_runs(self) -> list[int]:
        with self.rt.ledger.session() as session:
            query = (
                select(Cancellation.id)
                .where(col(Cancellation.state).not_in([s.value for s in FINAL]))
                .order_by(col(Cancellation.id))
            )
            return [int(i) for i in session.exec(query) if i is not None]

    def preview(self, cancellation_id: int) -> Text:
        """What the autopilot will do next by itself, without doing anything."""
        return self._will(cancellation_id)

    # -- inside ----------------------------------------------------------------------------

    def _advance(self, run: int, ask_supplier: bool, did: list[str]) -> Progress:
        asked = not ask_supplier or self.rt.supplier is None
        for _ in range(_MAX_HOPS):
            with self.rt.ledger.session() as session:
                row = load(session, run)
                state = State(row.state)
                decided = decision_of(session, run)
                allowed = _shop_allowed(session, row, decided)
                refund = pending_supplier_refund(session, run)
                done_early = row.shop_done_at is not None
            if state in FINAL:
                return self._progress(run, Need.NOTHING, did)
            if decided is None:
                return self._progress(run, Need.DECISION, did)
            if state is State.CHECKING:
                self.flow.check(run)
                continue
            if state in IN_FLIGHT or state in TRANSIENT:
                self.flow.resume(run)
                if State(self.flow.state(run).state) in IN_FLIGHT:
                    return self._progress(run, Need.WAIT, did)
                continue
            if state in (State.SHOP_CANCEL_TODO, State.SHOP_REFUND_TODO):
                if not allowed:
                    return self._progress(run, Need.CONFIRM_SHOP, did)
                if self.rt.shop is None:
                    return self._progress(run, Need.SHOP_STEP, did)
                self._shop_step(run, state, decided, early=False)
                continue
            early = decided.shop_before_supplier and not done_early and self.rt.shop is not None
            if early and state in _SUPPLIER_SIDE:
                self._shop_step(run, state, decided, early=True)
                continue
            if state is State.SUPPLIER_CANCEL_TODO:
                return self._progress(run, Need.ALIEXPRESS, did)
            # AliExpress shows the order closed by the cancellation: its refund is issued.
            if (
                state is State.AWAITING_SUPPLIER_REFUND
                and refund is not None
                and (refund.state == RefundState.ISSUED.value)
            ):
                self._close_refunded(run)
                continue
            if state in _ASKING_SUPPLIER and not asked:
                asked = True
                self.rt.on_step(APPLY_STATUS)
                self.flow.refresh_supplier(run)
                continue
            if state is State.SUPPLIER_CANCEL_REQUESTED:
                need = Need.WAIT if self.rt.supplier is not None else Need.SUPPLIER_ANSWER
                return self._progress(run, need, did)
            if state is State.AWAITING_SUPPLIER_REFUND:
                need = Need.WAIT if self.rt.supplier is not None else Need.MONEY
                return self._progress(run, need, did)
            return self._progress(run, Need.WIZARD, did)
        return self._progress(run, Need.WAIT, did)  # pragma: no cover - a loop guard

    def _shop_step(self, run: int, state: State, decided: Decision, *, early: bool) -> None:
        """Send the decided Shopify step (intent first: see shop_cancel / shop_refund)."""
        refund = state is State.SHOP_REFUND_TODO or (
            decided.shop_action is ShopAction.REFUND and state is not State.SHOP_CANCEL_TODO
        )
        if state is State.SHOP_CANCEL_TODO and decided.shop_action is ShopAction.REFUND:
            with self.rt.ledger.session() as session:
                row = load(session, run)
                payload = {"by": "decision", "shop_action": ShopAction.REFUND.value}
                move(session, row, State.SHOP_REFUND_TODO, self.rt.now(), payload, path="refund")
            self.rt.on_step(f"state:{State.SHOP_REFUND_TODO.value}")
            refund = True
        if refund:
            self.rt.on_step(SHOP_REFUND)
            preview = self.flow.preview_shop_refund(run)
            if not decided.restock:
                lines = tuple((gid, qty, "NO_RESTOCK") for gid, qty, _ in preview.request.lines)
                preview = replace(preview, request=replace(preview.request, lines=lines))
            self.flow.refund_on_shop(
                run,
                preview,
                notify_customer=decided.notify_customer,
                acknowledge_out_of_pocket=early,
            )
        else:
            self.rt.on_step(SHOP_CANCEL)
            options = ShopCancelOptions(
                restock=decided.restock, notify_customer=decided.notify_customer
            )
            self.flow.cancel_on_shop(run, options, acknowledge_out_of_pocket=early)

    def _close_refunded(self, run: int) -> None:
        """AliExpress shows the order closed by the cancellation: its refund is on the way to
        the merchant's payment method. The run ends; the refund stays "issued" (Dropdesk does
        not see the bank), confirmable in the money view."""
        with self.rt.ledger.session() as session:
            row = load(session, run)
            payload = {"by": "aliexpress_status", "supplier_refund": "completed_at_aliexpress"}
            move(session, row, State.DONE, self.rt.now(), payload)
        self.rt.on_step(f"state:{State.DONE.value}")

    def _progress(
        self, run: int, need: Need | None, did: Sequence[str], problem: str = ""
    ) -> Progress:
        with self.rt.ledger.session() as session:
            state = State(load(session, run).state)
        if need is None:  # after a failed step: what the run needs where it stands
            need = Need.NOTHING if state in FINAL else Need.WIZARD
        return Progress(run, state, need, self._will(run), tuple(did), problem)

    def _will(self, run: int) -> Text:
        with self.rt.ledger.session() as session:
            row = load(session, run)
            state = State(row.state)
            decided = decision_of(session, run)
            orders = orders_of(session, row)
            allowed = _shop_allowed(session, row, decided)
        if decided is None or state in FINAL:
            return Text.verbatim("")
        name = orders.customer_order.name if orders.customer_order else ""
        refund = decided.shop_action is ShopAction.REFUND or row.path == Path.REFUND.value
        if (
            self.rt.shop is not None
            and orders.customer_order is not None
            and row.shop_done_at is None
        ):
            if state in (State.SHOP_CANCEL_TODO, State.SHOP_REFUND_TODO) and allowed:
                if refund:
                    return Text(
                        "core.cancel.autopilot", "Will refund {name} on Shopify now.", name=name
                    )
                return Text(
                    "core.cancel.autopilot", "Will cancel {name} on Shopify now.", name=name
                )
            if decided.shop_before_supplier:
                if refund:
                    return Text(
                        "core.cancel.autopilot",
                        "Will refund {name} on Shopify now, without waiting for the supplier.",
                        name=name,
                    )
                return Text(
                    "core.cancel.autopilot",
                    "Will cancel {name} on Shopify now, without waiting for the supplier.",
                    name=name,
                )
            if state in (State.SUPPLIER_CANCEL_TODO, State.SUPPLIER_CANCEL_REQUESTED):
                if refund:
                    return Text(
                        "core.cancel.autopilot",
                        "Will refund {name} on Shopify when the supplier accepts.",
                        name=name,
                    )
                return Text(
                    "core.cancel.autopilot",
                    "Will cancel {name} on Shopify when the supplier accepts.",
                    name=name,
                )
        if self.rt.supplier is not None and state is State.AWAITING_SUPPLIER_REFUND:
            return Text(
                "core.cancel.autopilot",
                "Will close the cancellation when AliExpress shows the supplier's refund.",
            )
        if self.rt.supplier is not None and state is State.SUPPLIER_CANCEL_REQUESTED:
            return Text(
                "core.cancel.autopilot",
                "Watches AliExpress for the supplier's answer.",
            )
        return Text.verbatim("")


def _shop_allowed(session: Session, row: Cancellation, decided: Decision | None) -> bool:
    """May the autopilot take the Shopify step now? Only with a decision, and only once the
    supplier accepted (or there is no supplier order, or the merchant said so explicitly)."""
    if decided is None:
        return False
    if decided.shop_before_supplier or row.supplier_answer == "accepted":
        return True
    if row.supplier_order_id is None:
        return True
    query = select(Event.id).where(
        Event.entity == ENTITY,
        Event.entity_id == row.id,
        Event.kind == f"{ENTITY}.{CONFIRMED}",
    )
    return session.exec(query).first() is not None
