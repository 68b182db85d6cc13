"""Refresh every open supplier order of one platform: status, logistics, tracking, end reason.

The same for every platform (`port.SupplierPlatform`): its client (`port.OrderSource`) answers
in the platform's words, `platform.classify` puts them in the ledger's vocabulary, and this
module stores them. Network calls run on a small thread pool (`concurrency`); the per-second
budget is the client's own. Ledger writes stay on the calling thread, one transaction per
changed order, each with its `Event`. A cancellation that went through (finished with a cancel
end reason, on the order or on its child orders) is reported so the cancel workflow can move
on. A finished order stays in the set until its end is known (`status_words.is_settled`): the
platform may give the reason only on a later check.

Errors about one order (not found, no answer) are collected; errors that would hit every order
(`SupplierError.fatal`: credentials, expired connection, permission, clock) stop the run and
are raised after the work already done is saved.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, or_, select

from core import redaction
from core.ledger import Ledger, journal
from core.ledger.models import Supplier, SupplierOrder
from core.status_words import (
    CANCEL_REQUESTED,
    DELIVERED_LOGISTICS,
    FINISHED,
    is_cancelled,
    is_shipped,
)
from core.supplier_platforms import DEFAULT_PLATFORM, stored_names
from core.supplier_platforms.port import (
    OrderSource,
    RemoteOrder,
    RemoteTracking,
    Status,
    SupplierError,
    SupplierPlatform,
)

log = logging.getLogger(__name__)

ENTITY = "supplier_order"
SYNCED_FIELDS = (
    "order_status",
    "logistics_status",
    "tracking_number",
    "carrier",
    "shipped_at",
    "end_reason",
)

Cancel = threading.Event | Callable[[], bool]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Events:
    """The journal kinds of one platform's refresh (`supplier_order.aliexpress_updated`, …)."""

    updated: str
    shipped: str
    cancelled: str
    failed: str
    run: str

    @classmethod
    def of(cls, platform_id: str) -> Events:
        return cls(
            updated=f"supplier_order.{platform_id}_updated",
            shipped=f"supplier_order.{platform_id}_shipped",
            cancelled=f"supplier_order.{platform_id}_cancelled",
            failed=f"supplier_order.{platform_id}_check_failed",
            run=f"{platform_id}.status_sync",
        )


@dataclass(frozen=True)
class SyncFailure:
    supplier_order_id: int
    external_order_id: str
    reason: str  # merchant-readable


@dataclass(frozen=True)
class SyncSummary:
    """What one run did. Id tuples hold `supplier_order.id` values."""

    total: int  # open orders found
    checked: int  # answered by the platform
    changed: tuple[int, ...]
    shipped: tuple[int, ...]  # first seen shipped in this run
    cancelled: tuple[int, ...]  # cancellation went through: the cancel workflow can move on
    failed: tuple[SyncFailure, ...]
    unknown_statuses: tuple[str, ...]  # raw strings the platform sent that Dropdesk does not know
    interrupted: bool  # stopped by the caller before the end
    calls: int  # API calls made


@dataclass(frozen=True)
class _Row:
    id: int
    external_order_id: str
    tracking_number: str


@dataclass(frozen=True)
class _Fetched:
    row: _Row
    order: RemoteOrder
    status: Status  # the order's words in the ledger's vocabulary
    tracking: RemoteTracking | None
    tracking_problem: str  # why tracking could not be read ("" when fine or not asked)


@dataclass
class _Tally:
    checked: int = 0
    calls: int = 0
    consecutive_unavailable: int = 0
    interrupted: bool = False
    fatal: BaseException | None = None

    def __post_init__(self) -> None:
        self.changed: list[int] = []
        self.shipped: list[int] = []
        self.cancelled: list[int] = []
        self.failed: list[SyncFailure] = []
        self.unknown: set[str] = set()
        self.lock = threading.Lock()


def _utcnow() -> datetime:
    return datetime.now(UTC)


def refresh_orders(
    ledger: Ledger,
    platform: SupplierPlatform,
    source: OrderSource,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    concurrency: int = 2,
    order_ids: Iterable[int] | None = None,
    always_fetch_tracking: bool = False,
    max_consecutive_unavailable: int = 5,
    now: Callable[[], datetime] | None = None,
) -> SyncSummary:
    """Check the platform's open supplier orders (or just those of `order_ids` on it, open or
    not) with `source`, the platform's connected client.

    `progress(done, total)` is called on this thread after each order; `cancel` (an Event or
    a callable) stops the run after the calls in flight. Raises the first fatal
    `SupplierError` (after saving what was done); per-order problems are in `failed`.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    now = now or _utcnow
    events = Events.of(platform.id)
    rows = _orders_to_check(ledger, platform.id, order_ids)
    tally = _Tally()
    total = len(rows)
    if progress:
        progress(0, total)
    pending = iter(rows)
    done = 0

    def fetch(row: _Row) -> _Fetched:
        return _fetch(platform, source, row, always_fetch_tracking, tally)

    with ThreadPoolExecutor(
        max_workers=concurrency, thread_name_prefix=f"{platform.id}-sync"
    ) as pool:
        in_flight: dict[Future[_Fetched], _Row] = {}

        def top_up() -> None:
            while len(in_flight) < concurrency and tally.fatal is None and not tally.interrupted:
                row = next(pending, None)
                if row is None:
                    return
                in_flight[pool.submit(fetch, row)] = row

        top_up()
        while in_flight:
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in finished:
                row = in_flight.pop(future)
                if _settle(
                    ledger, platform, events, row, future, tally, max_consecutive_unavailable, now
                ):
                    done += 1
                    if progress:
                        progress(done, total)
            if cancel is not None and _is_set(cancel):
                tally.interrupted = True
            top_up()

    summary = SyncSummary(
        total=total,
        checked=tally.checked,
        changed=tuple(tally.changed),
        shipped=tuple(tally.shipped),
        cancelled=tuple(tally.cancelled),
        failed=tuple(tally.failed),
        unknown_statuses=tuple(sorted(tally.unknown)),
        interrupted=tally.interrupted,
        calls=tally.calls,
    )
    _record_run(ledger, platform.id, events, summary, tally.fatal, now())
    log.info(
        "%s status sync: %d/%d checked, %d changed, %d shipped, %d cancelled, %d failed%s",
        platform.name,
        summary.checked,
        total,
        len(summary.changed),
        len(summary.shipped),
        len(summary.cancelled),
        len(summary.failed),
        ", interrupted" if summary.interrupted else "",
    )
    if tally.fatal is not None:
        raise tally.fatal
    return summary


def _is_set(cancel: Cancel) -> bool:
    return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())


def _orders_to_check(
    ledger: Ledger, platform_id: str, order_ids: Iterable[int] | None
) -> list[_Row]:
    """The platform's orders: those of its suppliers' (by `Supplier.platform`, aliases too),
    and for the default platform those without a supplier."""
    stored_platform = func.lower(func.coalesce(Supplier.platform, DEFAULT_PLATFORM))
    query = (
        select(SupplierOrder.id, SupplierOrder.external_order_id, SupplierOrder.tracking_number)
        .join(Supplier, col(Supplier.id) == col(SupplierOrder.supplier_id), isouter=True)
        .where(stored_platform.in_(stored_names(platform_id)))
        .order_by(col(SupplierOrder.id))
    )
    if order_ids is None:  # not `status_words.is_settled`, in SQL
        query = query.where(
            or_(
                SupplierOrder.order_status != FINISHED,
                (SupplierOrder.end_reason == "")
                & (SupplierOrder.logistics_status != DELIVERED_LOGISTICS),
            )
        )
    else:
        query = query.where(col(SupplierOrder.id).in_(list(order_ids)))
    with ledger.session() as session:
        return [_Row(int(i or 0), ae, tracking or "") for i, ae, tracking in session.exec(query)]


def _fetch(
    platform: SupplierPlatform,
    source: OrderSource,
    row: _Row,
    always_tracking: bool,
    tally: _Tally,
) -> _Fetched:
    """Runs on a worker thread: network only, no ledger access."""
    with tally.lock:
        tally.calls += 1
    order = source.order(row.external_order_id)
    status = platform.classify(order.order_status, order.logistics_status, order.end_reason)
    cancelled = is_cancelled(status.order_status, status.end_reason)
    shipped = is_shipped(status.order_status, status.logistics_status, status.end_reason)
    wants_tracking = not cancelled and (always_tracking or (shipped and not row.tracking_number))
    tracking, problem = None, ""
    if wants_tracking:
        with tally.lock:
            tally.calls += 1
        try:
            tracking = source.tracking(row.external_order_id)
        except SupplierError as error:
            if error.fatal:
                raise
            problem = f"Tracking could not be read: {error}"
    return _Fetched(row, order, status, tracking, problem)


def _settle(
    ledger: Ledger,
    platform: SupplierPlatform,
    events: Events,
    row: _Row,
    future: Future[_Fetched],
    tally: _Tally,
    max_unavailable: int,
    now: Callable[[], datetime],
) -> bool:
    """Save one order's outcome; False when the order was not dealt with (a fatal error)."""
    try:
        fetched = future.result()
    except SupplierError as error:
        if error.fatal:
            tally.fatal = tally.fatal or error
            return False
        _fail(ledger, events, tally, row, error, now())
        if error.unavailable:
            tally.consecutive_unavailable += 1
            if tally.consecutive_unavailable >= max_unavailable and tally.fatal is None:
                tally.fatal = error.stopped_answering(
                    f"{platform.name} stopped answering ({error}). The refresh stopped; "
                    "try again later."
                )
        return True
    except Exception as error:  # a bug or an unforeseen library error: stop, keep the work
        tally.fatal = tally.fatal or error
        return False
    tally.consecutive_unavailable = 0
    tally.checked += 1
    tally.unknown.update(fetched.status.unknown)
    _apply(ledger, events, fetched, tally, now())
    if fetched.tracking_problem:
        tally.failed.append(SyncFailure(row.id, row.external_order_id, fetched.tracking_problem))
    return True


def _apply(
    ledger: Ledger, events: Events, fetched: _Fetched, tally: _Tally, moment: datetime
) -> None:
    order, status, tracking = fetched.order, fetched.status, fetched.tracking
    with ledger.session() as session:
        stored = session.get(SupplierOrder, fetched.row.id)
        if stored is None:  # deleted while we were asking
            return
        before: dict[str, Any] = {name: getattr(stored, name) for name in SYNCED_FIELDS}
        after = dict(before)
        after["order_status"] = status.order_status or before["order_status"]
        after["logistics_status"] = status.logistics_status or before["logistics_status"]
        after["end_reason"] = status.end_reason or before["end_reason"]
        after["tracking_number"] = (
            (tracking.tracking_number if tracking else "")
            or order.tracking_number
            or before["tracking_number"]
        )
        # The carrier's name (from tracking) beats the service code in the order; keep a name
        # already stored unless the parcel changed.
        same_parcel = after["tracking_number"] == before["tracking_number"]
        after["carrier"] = (
            (tracking.carrier if tracking else "")
            or (before["carrier"] if same_parcel else "")
            or order.carrier
            or before["carrier"]
        )
        cancelled = is_cancelled(status.order_status, status.end_reason)
        shipped = not cancelled and (
            is_shipped(status.order_status, status.logistics_status, status.end_reason)
            or bool(tracking and tracking.tracking_number)
        )
        if shipped:
            evidence = tracking.first_event_at if tracking else None
            current = before["shipped_at"]
            if current is None:
                after["shipped_at"] = evidence or moment
            elif evidence is not None and evidence < current:
                after["shipped_at"] = evidence
        changes = {name: after[name] for name in SYNCED_FIELDS if after[name] != before[name]}
        if not changes:
            return
        for name, value in changes.items():
            setattr(stored, name, value)
        stored.updated_at = moment
        session.add(stored)
        newly_shipped = before["shipped_at"] is None and after["shipped_at"] is not None
        was_cancelled = is_cancelled(before["order_status"], before["end_reason"])
        newly_cancelled = cancelled and not was_cancelled
        kind = (
            events.cancelled
            if newly_cancelled
            else events.shipped
            if newly_shipped
            else events.updated
        )
        payload: dict[str, Any] = {
            "external_order_id": order.order_id,
            "changes": {name: {"from": before[name], "to": after[name]} for name in changes},
        }
        if newly_cancelled:
            payload["after_cancel_request"] = before["order_status"] == CANCEL_REQUESTED
        journal.record(session, kind, ENTITY, fetched.row.id, payload, at=moment)
    tally.changed.append(fetched.row.id)
    if newly_shipped:
        tally.shipped.append(fetched.row.id)
    if newly_cancelled:
        tally.cancelled.append(fetched.row.id)


def _fail(
    ledger: Ledger,
    events: Events,
    tally: _Tally,
    row: _Row,
    error: SupplierError,
    moment: datetime,
) -> None:
    tally.failed.append(SyncFailure(row.id, row.external_order_id, redaction.error_text(error)))
    payload = {
        "external_order_id": row.external_order_id,
        "error": type(error).__name__,
        "message": redaction.error_text(error),
        "code": error.code,
        "sub_code": error.sub_code,
        "request_id": error.request_id,
    }
    with ledger.session() as session:
        journal.record(session, events.failed, ENTITY, row.id, payload, at=moment)


def _record_run(
    ledger: Ledger,
    platform_id: str,
    events: Events,
    summary: SyncSummary,
    fatal: BaseException | None,
    moment: datetime,
) -> None:
    payload: dict[str, Any] = {
        "total": summary.total,
        "checked": summary.checked,
        "changed": len(summary.changed),
        "shipped": len(summary.shipped),
        "cancelled": list(summary.cancelled),
        "failed": len(summary.failed),
        "unknown_statuses": list(summary.unknown_statuses),
        "interrupted": summary.interrupted,
        "calls": summary.calls,
    }
    if fatal is not None:
        payload["stopped_by"] = f"{type(fatal).__name__}: {redaction.error_text(fatal)}"
    with ledger.session() as session:
        journal.record(session, events.run, platform_id, 0, payload, at=moment)
