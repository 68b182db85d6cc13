"""Cancelling an order on Shopify: orderCancel, poll its job, then read the order again.

orderCancel has no idempotency key, so it is sent once; a job that finishes says nothing about
success, so the order's `cancelledAt` is the only proof. The refund goes to the original
payment methods.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from core.shopify import parse
from core.shopify.client import ShopifyClient
from core.shopify.errors import (
    OrderCancelRefusedError,
    OrderNotFoundError,
    ShopifyJobError,
)
from core.shopify.orders import get_order, order_gid
from core.shopify.results import CancelJob, Order
from core.texts import Text

CANCEL_REASONS = frozenset({"CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "STAFF", "OTHER"})
STAFF_NOTE_MAX = 255


def cancel_order(
    client: ShopifyClient,
    order_id: str | int,
    *,
    reason: str,
    restock: bool,
    notify_customer: bool = False,
    staff_note: str | None = None,
) -> CancelJob:
    """Ask Shopify to cancel the order (refunding to the original payment); returns its job.

    `reason` is Shopify's OrderCancelReason (core.ledger.types.Reason.shopify_cancel_reason).
    Sent once: on ShopifyUnavailableError(outcome_unknown=True) read the order before retrying.
    """
    if reason not in CANCEL_REASONS:
        raise ValueError(f"{reason!r} is not one of Shopify's cancel reasons.")
    if staff_note is not None and len(staff_note) > STAFF_NOTE_MAX:
        raise ValueError(f"Shopify keeps at most {STAFF_NOTE_MAX} characters of staff note.")
    gid = order_gid(order_id)
    data = client.run(
        "order_cancel",
        {
            "orderId": gid,
            "reason": reason,
            "restock": restock,
            "notifyCustomer": notify_customer,
            "staffNote": staff_note,
        },
        repeatable=False,
    )
    payload = parse.obj(data.get("orderCancel"), "orderCancel")
    details = parse.user_errors(payload.get("orderCancelUserErrors"))
    if details:
        if any(detail.code == "NOT_FOUND" for detail in details):
            raise OrderNotFoundError(
                Text(
                    "core.shopify.order_cancel",
                    "Shopify ({client_shop}) has no order {number} to cancel.",
                    client_shop=client.shop,
                    number=_number(gid),
                )
            )
        said = "; ".join(detail.message for detail in details)
        raise OrderCancelRefusedError(
            Text(
                "core.shopify.order_cancel",
                "Shopify would not cancel order {number}: {said}. An order that has been "
                "fulfilled (even in part) cannot be cancelled; refund it instead.",
                number=_number(gid),
                said=said,
            ),
            details,
        )
    job = parse.obj(payload.get("job"), "cancel job")
    return CancelJob(order_gid=gid, job_id=parse.text(job, "id"), done=job.get("done") is True)


def job_done(client: ShopifyClient, job_id: str) -> bool:
    data = client.run("job", {"id": job_id})
    job = data.get("job")
    if job is None:
        raise ShopifyJobError(
            Text(
                "core.shopify.order_cancel",
                "Shopify does not know the job {job_id} any more.",
                job_id=job_id,
            )
        )
    return parse.obj(job, "job").get("done") is True


def wait_for_job(
    client: ShopifyClient,
    job_id: str,
    *,
    timeout: float = 120.0,
    poll_interval: float = 1.0,
    max_interval: float = 5.0,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Poll until Shopify reports the job done (the interval grows to `max_interval`)."""
    deadline = clock() + timeout
    interval = poll_interval
    while not job_done(client, job_id):
        if clock() + interval > deadline:
            raise ShopifyJobError(
                Text(
                    "core.shopify.order_cancel",
                    "Shopify has not finished the job after {timeout:.0f} seconds. Look at "
                    "the order in the Shopify admin before trying again.",
                    timeout=timeout,
                )
            )
        client.sleep(interval)
        interval = min(interval * 1.5, max_interval)


def cancel_order_and_wait(
    client: ShopifyClient,
    order_id: str | int,
    *,
    reason: str,
    restock: bool,
    notify_customer: bool = False,
    staff_note: str | None = None,
    timeout: float = 120.0,
    poll_interval: float = 1.0,
) -> Order:
    """Cancel, wait for the job, and return the order as Shopify now has it (cancelled)."""
    job = cancel_order(
        client,
        order_id,
        reason=reason,
        restock=restock,
        notify_customer=notify_customer,
        staff_note=staff_note,
    )
    if not job.done:
        wait_for_job(client, job.job_id, timeout=timeout, poll_interval=poll_interval)
    order = get_order(client, job.order_gid)
    if order.cancelled_at is None:
        raise ShopifyJobError(
            Text(
                "core.shopify.order_cancel",
                "Shopify finished the cancel job for order {order_name}, but the order "
                "is not cancelled. Look at the order in the Shopify admin.",
                order_name=order.name,
            )
        )
    return order


def _number(gid: str) -> str:
    return gid.rsplit("/", 1)[-1]
