"""The cancel workflow the GUI uses, built from the merchant's connections.

A run needs the Shopify shop that sold the order and AliExpress. Opening them reads the keyring
(which may prompt) and may refresh a token, so `open_workflow` and `resume_open_runs` run off
the GUI thread, in a `gui.jobs.Job`. A side that is not connected, or whose secrets cannot be
read, becomes None: the workflow's manual mode, with the reason kept for the wizard to show.
`apply_status_sync` needs no port: it moves runs on from what the ledger already learned.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, ExitStack, nullcontext
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from core.aliexpress import SyncSummary
from core.cancel.autopilot import Answer, Autopilot, BulkStart, Progress
from core.cancel.decision import Decision
from core.cancel.errors import CancelError
from core.cancel.listing import open_cancellations, supplier_order_of
from core.cancel.next_deadline import date_merchant_steps
from core.cancel.ports import ShopifyShop, ShopPort, SupplierPort
from core.cancel.states import IN_FLIGHT, TRANSIENT
from core.cancel.workflow import CancelWorkflow, ResumeOutcome
from core.connections import Connections, NotConnectedError, explain
from core.ledger import Ledger
from core.order_details import load_details
from core.secrets import SecretStoreError
from gui.i18n import say

log = logging.getLogger(__name__)

StepListener = Callable[[str], None]


@dataclass
class WorkflowHandle:
    """A workflow with its open clients; `close()` when the wizard is done with it."""

    workflow: CancelWorkflow
    problems: tuple[str, ...] = ()  # why a side that is set up works by hand this time
    stack: ExitStack = field(default_factory=ExitStack, repr=False)

    def close(self) -> None:
        self.stack.close()


OpenWorkflow = Callable[[int | None, StepListener | None], WorkflowHandle]
"""(supplier order id or None, on_step) -> a handle; called off the GUI thread."""


def shop_of_order(ledger: Ledger, supplier_order_id: int | None) -> int | None:
    """The shop that sold the customer order behind this supplier order (None: not known)."""
    if supplier_order_id is None:
        return None
    details = load_details(ledger, supplier_order_id)
    if details is None or details.customer_order is None:
        return None
    return details.customer_order.shop_id


def open_workflow(
    connections: Connections,
    supplier_order_id: int | None,
    on_step: StepListener | None = None,
) -> WorkflowHandle:
    """(keyring) The workflow for runs of this supplier order: its shop's client when that shop
    is connected, the AliExpress API when AliExpress is; otherwise manual for that side."""
    stack = ExitStack()
    problems: list[str] = []
    shop: ShopPort | None = None
    supplier: SupplierPort | None = None
    try:
        shop_id = shop_of_order(connections.ledger, supplier_order_id)
        if shop_id is not None and shop_id in {s.id for s in connections.connected_shops()}:
            try:
                shop = ShopifyShop(stack.enter_context(connections.shopify_client(shop_id)))
            except (NotConnectedError, SecretStoreError) as error:
                said = say(explain(error))
                problems.append(
                    QCoreApplication.translate(
                        "CancelWizard", "Shopify works by hand this time: {0}"
                    ).format(said)
                )
        if connections.aliexpress() is not None:
            try:
                supplier = stack.enter_context(connections.aliexpress_api())
            except (NotConnectedError, SecretStoreError) as error:
                said = say(explain(error))
                problems.append(
                    QCoreApplication.translate(
                        "CancelWizard", "AliExpress works by hand this time: {0}"
                    ).format(said)
                )
    except BaseException:
        stack.close()
        raise
    workflow = CancelWorkflow(connections.ledger, shop, supplier, on_step=on_step)
    return WorkflowHandle(workflow, tuple(problems), stack)


def workflow_opener(connections: Connections) -> OpenWorkflow:
    """The production `OpenWorkflow`: ports from the merchant's connections."""

    def opener(supplier_order_id: int | None, on_step: StepListener | None) -> WorkflowHandle:
        return open_workflow(connections, supplier_order_id, on_step)

    return opener


def manual_opener(ledger: Ledger) -> OpenWorkflow:
    """An `OpenWorkflow` without connections: both sides by hand (a window with no keyring)."""

    def opener(_supplier_order_id: int | None, on_step: StepListener | None) -> WorkflowHandle:
        return WorkflowHandle(CancelWorkflow(ledger, None, None, on_step=on_step))

    return opener


def resume_open_runs(ledger: Ledger, opener: OpenWorkflow) -> list[ResumeOutcome]:
    """(keyring, network) At start-up: continue every run a crash or a quit left in flight or
    between two automatic steps, each with the ports of its own shop."""
    date_merchant_steps(ledger)  # runs an older version left without their step's date
    waiting = [run for run in open_cancellations(ledger) if run.state in IN_FLIGHT | TRANSIENT]
    by_shop: dict[int | None, list[tuple[int, int | None]]] = {}
    for run in waiting:
        shop_id = shop_of_order(ledger, run.supplier_order_id)
        by_shop.setdefault(shop_id, []).append((run.id, run.supplier_order_id))
    outcomes: list[ResumeOutcome] = []
    for runs in by_shop.values():
        handle = opener(runs[0][1], None)
        try:
            for cancellation_id, _ in runs:
                try:
                    view = handle.workflow.resume(cancellation_id)
                except CancelError as error:
                    state = handle.workflow.state(cancellation_id).state
                    outcomes.append(ResumeOutcome(cancellation_id, state, str(error)))
                else:
                    outcomes.append(ResumeOutcome(cancellation_id, view.state, ""))
        finally:
            handle.close()
    for outcome in outcomes:
        if outcome.problem:
            log.info("Cancellation %s not resumed: %s", outcome.cancellation_id, outcome.problem)
    return outcomes


def watch_open_runs(
    ledger: Ledger,
    opener: OpenWorkflow,
    *,
    limit: int = 50,
    per_run: Callable[[], AbstractContextManager[None]] = nullcontext,
) -> list[Progress]:
    """(keyring, network) One pass of the background status watch: every open run with a
    decision moves on as far as it can (`core.cancel.autopilot`), each with the ports of its
    own shop. A shop that cannot be opened leaves its runs for the next pass. `per_run`: the
    lock held around each run's step (Autopilot.watch), not around the pass."""
    by_shop: dict[int | None, list[tuple[int, int | None]]] = {}
    for run in open_cancellations(ledger):
        shop_id = shop_of_order(ledger, run.supplier_order_id)
        by_shop.setdefault(shop_id, []).append((run.id, run.supplier_order_id))
    progress: list[Progress] = []
    for runs in by_shop.values():
        try:
            handle = opener(runs[0][1], None)
        except (CancelError, NotConnectedError, SecretStoreError) as error:
            log.info("Status watch skipped %s runs: %s", len(runs), explain(error))
            continue
        try:
            pilot = Autopilot(handle.workflow)
            progress += pilot.watch([r for r, _ in runs], limit=limit, per_run=per_run)
        finally:
            handle.close()
    return progress


def start_bulk(
    ledger: Ledger, opener: OpenWorkflow, supplier_order_ids: Iterable[int], decided: Decision
) -> tuple[BulkStart, list[Progress]]:
    """(keyring, network) Many orders, one decision: one run per order, each started and
    moved on as far as it goes by itself, with the ports of its own shop."""
    by_shop: dict[int | None, list[int]] = {}
    for order_id in dict.fromkeys(supplier_order_ids):
        by_shop.setdefault(shop_of_order(ledger, order_id), []).append(order_id)
    started: list[tuple[int, int]] = []
    refused: list[tuple[int, str]] = []
    progress: list[Progress] = []
    for ids in by_shop.values():
        handle = opener(ids[0], None)
        try:
            pilot = Autopilot(handle.workflow)
            bulk = pilot.start_many(ids, decided)
            started += bulk.started
            refused += bulk.refused
            progress += [pilot.advance(run) for _, run in bulk.started]
        finally:
            handle.close()
    return BulkStart(tuple(started), tuple(refused)), progress


def requested_on_aliexpress(ledger: Ledger, opener: OpenWorkflow, run: int) -> Progress:
    """(keyring, network) "I have done it" for one run of a bulk cancel."""
    handle = opener(supplier_order_of(ledger, run), None)
    try:
        return Autopilot(handle.workflow).aliexpress_requested(run)
    finally:
        handle.close()


def answer_run(ledger: Ledger, opener: OpenWorkflow, run: int, answer: Answer) -> Progress:
    """(keyring, network) A person's answer from "Needs me" or the tray ("the supplier
    accepted", "the money arrived"): the wizard's step, then the autopilot, no wizard."""
    handle = opener(supplier_order_of(ledger, run), None)
    try:
        return Autopilot(handle.workflow).answer(run, answer)
    finally:
        handle.close()


def apply_status_sync(
    ledger: Ledger, changed: SyncSummary | Iterable[int] | None = None
) -> tuple[int, ...]:
    """After "Refresh from AliExpress": move on the runs whose supplier order the refresh saw
    cancelled or shipped. `changed` None looks at the supplier orders of every open run (safe
    to repeat: a run moves only when its order's state calls for it). No network."""
    if changed is None:
        changed = [
            run.supplier_order_id
            for run in open_cancellations(ledger)
            if run.supplier_order_id is not None
        ]
    return CancelWorkflow(ledger, None, None).apply_status_sync(changed)
