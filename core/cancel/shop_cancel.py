"""Step 4a: cancel the order on Shopify through the API, safely across crashes.

orderCancel has no idempotency key, so the rule is: write the intent (`shop_cancel_sent`, with
the time and the options) before sending; store the job id as soon as Shopify answers; and
whenever the outcome is unclear (a crash, a lost answer) read the order instead of sending
again. The cancel is sent again only when the order is not cancelled and no job can still be
running: the job Shopify reported finished without effect, or no job id was stored and the
grace period for a job Dropdesk never heard of has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.cancel import money_trail
from core.cancel.chain import settle
from core.cancel.errors import ShopOutcomePendingError, ShopStepFailedError, StepUnavailableError
from core.cancel.messages import not_sent, refused_by_shopify
from core.cancel.orders import cancellable_status, orders_of, reason_of, store_shop_order
from core.cancel.ports import ShopPort
from core.cancel.record import load, move, note, require_state
from core.cancel.runtime import Runtime
from core.cancel.shop_entry import enter, latest_payload
from core.cancel.states import Path, State
from core.shopify import (
    Order,
    OrderCancelRefusedError,
    ShopifyError,
    ShopifyUnavailableError,
)
from core.texts import Text

STAFF_NOTE_MAX = 255


@dataclass(frozen=True)
class ShopCancelOptions:
    """The merchant's choices for orderCancel (the refund goes to the original payment)."""

    restock: bool = True
    notify_customer: bool = True
    staff_note: str | None = None  # None: Dropdesk writes one (reason, AliExpress order)
    refund_to_original_payment: bool = True


def default_staff_note(reason: str, external_order_id: str) -> str:
    text = f"Cancelled with Dropdesk ({reason.replace('_', ' ')})"
    if external_order_id:
        text += f"; AliExpress order {external_order_id}"
    return text[:STAFF_NOTE_MAX]


def require_shop(rt: Runtime) -> ShopPort:
    if rt.shop is None:
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_cancel",
                "Shopify is not connected: do this step in the Shopify admin and confirm it here.",
            ),
        )
    return rt.shop


def cancel_on_shop(
    rt: Runtime,
    cancellation_id: int,
    options: ShopCancelOptions,
    *,
    acknowledge_out_of_pocket: bool = False,
) -> None:
    shop = require_shop(rt)
    if not options.refund_to_original_payment:
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_cancel",
                "Cancelling without refunding is not supported through the API yet: "
                "cancel in the Shopify admin and confirm it here.",
            )
        )
    if options.staff_note is not None and len(options.staff_note) > STAFF_NOTE_MAX:
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_cancel",
                "Shopify keeps at most {staff_note_max} characters of note.",
                staff_note_max=STAFF_NOTE_MAX,
            )
        )
    enter(
        rt,
        cancellation_id,
        "cancel",
        acknowledge_out_of_pocket=acknowledge_out_of_pocket,
        action=Text("core.cancel.shop_cancel", "cancel on Shopify"),
    )
    _send(rt, shop, cancellation_id, options)
    settle(rt, cancellation_id)


def resume_cancel(rt: Runtime, cancellation_id: int) -> None:
    """Learn what became of a cancel sent earlier; send it again only if it surely did not
    happen (with the options the merchant chose then)."""
    shop = require_shop(rt)
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row,
            {State.SHOP_CANCEL_SENT},
            Text("core.cancel.shop_cancel", "check the cancel sent to Shopify"),
        )
        _, intent = latest_payload(session, row, State.SHOP_CANCEL_SENT)
    if not _settle_sent(rt, shop, cancellation_id):
        options = ShopCancelOptions(
            restock=bool(intent.get("restock", True)),
            notify_customer=bool(intent.get("notify_customer", True)),
            staff_note=intent.get("staff_note"),
        )
        _send(rt, shop, cancellation_id, options)
    settle(rt, cancellation_id)


def _send(rt: Runtime, shop: ShopPort, cancellation_id: int, options: ShopCancelOptions) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row, {State.SHOP_CANCEL_TODO}, Text("core.cancel.shop_cancel", "cancel on Shopify")
        )
        orders = orders_of(session, row)
        ref = orders.shop_ref
        reason = reason_of(row)
        staff_note = options.staff_note or default_staff_note(
            reason.value, orders.external_order_id
        )
    if ref is None:
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_cancel",
                "The linked order has no Shopify id: cancel it in the Shopify admin "
                "and confirm here.",
            ),
        )
    try:
        order = shop.get_order(ref)
    except ShopifyError as error:
        raise ShopStepFailedError(
            Text(
                "core.cancel.shop_cancel", "{error} Nothing was sent to Shopify.", error=error.text
            )
        ) from None
    if order.cancelled:
        _finish(rt, cancellation_id, order, None, "already cancelled on Shopify")
        return
    if not cancellable_status(order.fulfillment_status):
        _to_refund(rt, cancellation_id, order)
        return
    intent: dict[str, Any] = {
        "order_gid": order.gid,
        "reason": reason.shopify_cancel_reason,
        "restock": options.restock,
        "notify_customer": options.notify_customer,
        "staff_note": staff_note,
        "refunded_before_minor": order.refunded.minor,
        "currency": order.currency,
    }
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row, {State.SHOP_CANCEL_TODO}, Text("core.cancel.shop_cancel", "cancel on Shopify")
        )
        now = rt.now()
        move(
            session,
            row,
            State.SHOP_CANCEL_SENT,
            now,
            intent,
            shop_cancel_sent_at=now,
            shop_job_id=None,
        )
    rt.on_step(f"state:{State.SHOP_CANCEL_SENT.value}")
    try:
        job = shop.cancel_order(
            order.gid,
            reason=reason.shopify_cancel_reason,
            restock=options.restock,
            notify_customer=options.notify_customer,
            staff_note=staff_note,
        )
    except OrderCancelRefusedError as error:
        if _cancelled_anyway(rt, shop, cancellation_id, order.gid):
            return
        _revert(rt, cancellation_id, refused_by_shopify(error))
        raise ShopStepFailedError(str(error)) from None
    except ShopifyUnavailableError as error:
        if not error.outcome_unknown:
            _revert(rt, cancellation_id, not_sent(error))
            raise ShopStepFailedError(str(error)) from None
        _note(rt, cancellation_id, "shop_cancel_outcome_unknown", {"error": str(error)})
        _settle_sent(rt, shop, cancellation_id)
        return
    except ShopifyError as error:  # refused before acting: auth, scope, throttling, query
        _revert(rt, cancellation_id, not_sent(error))
        raise ShopStepFailedError(str(error)) from None
    rt.on_step("shop_cancel:answered")
    _note(rt, cancellation_id, "shop_cancel_job", {"job_id": job.job_id}, shop_job_id=job.job_id)
    rt.on_step("shop_cancel:job_saved")
    if not _settle_sent(rt, shop, cancellation_id):  # pragma: no cover - a job id is stored
        raise ShopStepFailedError(
            Text(
                "core.cancel.shop_cancel",
                "Shopify has no trace of the cancel; try again.",
            )
        )


def _settle_sent(rt: Runtime, shop: ShopPort, cancellation_id: int) -> bool:
    """In shop_cancel_sent: True once the order is cancelled (recorded), False when the cancel
    surely did not happen (the run is back to shop_cancel_todo). ShopOutcomePendingError when
    it cannot be known yet, ShopStepFailedError when Shopify's job ran without effect."""
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row,
            {State.SHOP_CANCEL_SENT},
            Text("core.cancel.shop_cancel", "check the cancel sent to Shopify"),
        )
        _, intent = latest_payload(session, row, State.SHOP_CANCEL_SENT)
        job_id, sent_at = row.shop_job_id, row.shop_cancel_sent_at
    gid = str(intent["order_gid"])
    budget = rt.job_timeout if job_id else rt.settle_wait
    waited = 0.0  # counted in polls, so an injected sleep keeps the loop finite
    announced = False
    while True:
        time_left = waited + rt.job_poll <= budget
        try:
            job_done = shop.job_done(job_id) if job_id else None
            if job_done is False and time_left:
                rt.sleep(rt.job_poll)
                waited += rt.job_poll
                continue
            if job_id and job_done is not False and not announced:
                announced = True
                rt.on_step("shop_cancel:job_done")
            order = shop.get_order(gid)
        except ShopifyError as error:
            raise ShopOutcomePendingError(
                Text(
                    "core.cancel.shop_cancel",
                    "Shopify could not be asked whether the order was cancelled ({error}). "
                    "Dropdesk sends nothing again until it knows: try again later.",
                    error=error.text,
                )
            ) from None
        if order.cancelled:
            _finish(rt, cancellation_id, order, intent, "cancelled through the API")
            return True
        if job_id and job_done is not False:
            _revert(
                rt,
                cancellation_id,
                Text(
                    "core.cancel.shop_cancel",
                    "Shopify finished the cancel job without cancelling",
                ),
            )
            raise ShopStepFailedError(
                Text(
                    "core.cancel.shop_cancel",
                    "Shopify finished the cancel of {order_name} without cancelling it. "
                    "Look at the order in the Shopify admin, then try again or cancel it "
                    "there.",
                    order_name=order.name,
                )
            )
        in_grace = job_id is not None or (
            sent_at is not None and rt.now() < sent_at + rt.pending_grace
        )
        if not in_grace:
            _revert(
                rt,
                cancellation_id,
                Text(
                    "core.cancel.shop_cancel",
                    "no trace of the cancel at Shopify after the grace time",
                ),
            )
            return False
        if not time_left:
            retry_after = None if job_id or sent_at is None else sent_at + rt.pending_grace
            raise ShopOutcomePendingError(
                Text(
                    "core.cancel.shop_cancel",
                    "Shopify has not finished cancelling {order} yet. Dropdesk checks again "
                    "before sending anything: try again in a minute.",
                    order=order.name,
                ),
                retry_after,
            )
        rt.sleep(rt.job_poll)
        waited += rt.job_poll


def _cancelled_anyway(rt: Runtime, shop: ShopPort, cancellation_id: int, gid: str) -> bool:
    """After a refusal ("already cancelled"?): is the order cancelled after all?"""
    try:
        order = shop.get_order(gid)
    except ShopifyError:
        return False
    if not order.cancelled:
        return False
    with rt.ledger.session() as session:
        _, intent = latest_payload(session, load(session, cancellation_id), State.SHOP_CANCEL_SENT)
    _finish(rt, cancellation_id, order, intent, "already cancelled on Shopify")
    return True


def _finish(
    rt: Runtime, cancellation_id: int, order: Order, intent: dict[str, Any] | None, how: str
) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        require_state(
            row,
            {State.SHOP_CANCEL_TODO, State.SHOP_CANCEL_SENT},
            Text("core.cancel.shop_cancel", "record the cancel"),
        )
        now = rt.now()
        before = int(intent["refunded_before_minor"]) if intent else 0
        amount = max(order.refunded.minor - before, 0)
        money_trail.record_to_customer(session, row, now, amount, order.currency)
        store_shop_order(
            session, row.customer_order_id, order, now, "customer_order.cancelled_on_shopify"
        )
        move(
            session,
            row,
            State.SHOP_CANCELLED,
            now,
            {"how": how, "refunded_minor": amount, "currency": order.currency},
            shop_done_at=now,
        )
    rt.on_step(f"state:{State.SHOP_CANCELLED.value}")


def _to_refund(rt: Runtime, cancellation_id: int, order: Order) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        store_shop_order(session, row.customer_order_id, order, rt.now())
        why = Text(
            "core.cancel.shop_cancel",
            "Shopify shows {order_name} as {lower}: a fulfilled order cannot be "
            "cancelled, only refunded.",
            order_name=order.name,
            lower=order.fulfillment_status.lower(),
        )
        payload = {"why": why.stored()}
        move(session, row, State.SHOP_REFUND_TODO, rt.now(), payload, path=Path.REFUND.value)
    rt.on_step(f"state:{State.SHOP_REFUND_TODO.value}")


def _revert(rt: Runtime, cancellation_id: int, why: Text) -> None:
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        payload = {"why": why.stored()}
        move(session, row, State.SHOP_CANCEL_TODO, rt.now(), payload, shop_job_id=None)
    rt.on_step(f"state:{State.SHOP_CANCEL_TODO.value}")


def _note(
    rt: Runtime, cancellation_id: int, kind: str, payload: dict[str, Any], **changes: Any
) -> None:
    with rt.ledger.session() as session:
        note(session, load(session, cancellation_id), kind, rt.now(), payload, **changes)
