"""Refresh every open supplier order from AliExpress: status, logistics, tracking, end reason.

Network calls run on a small thread pool (`concurrency`); the per-second budget is the client's
`RateLimiter`, shared by everything that calls AliExpress. Ledger writes stay on the calling
thread, one transaction per changed order, each with its `Event`. A cancellation that went
through (FINISH with a cancel end reason, on the order or on its child orders) is reported so
the cancel workflow can move on. A FINISH order stays in the set until its end is known
(`orders.settled`): AliExpress may give the reason only on a later check.

Errors about one order (not found, no answer) are collected; errors that would hit every order
(credentials, expired connection, permission, clock) stop the run and are raised after the work
already done is saved.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlmodel import col, or_, select

from core import redaction
from core.aliexpress.errors import (
    AliExpressError,
    GatewayUnavailableError,
    RateLimitedError,
)
from core.aliexpress.orders import (
    AEOrder,
    EndKind,
    LogisticsStatus,
    OrderStatus,
    Tracking,
    end_kind,
    known_status,
)
from core.ledger import Ledger, journal
from core.ledger.models import SupplierOrder

log = logging.getLogger(__name__)

ENTITY = "supplier_order"
EVENT_UPDATED = "supplier_order.aliexpress_updated"
EVENT_SHIPPED = "supplier_order.aliexpress_shipped"
EVENT_CANCELLED = "supplier_order.aliexpress_cancelled"
EVENT_FAILED = "supplier_order.aliexpress_check_failed"
EVENT_RUN = "aliexpress.status_sync"
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


class OrderSource(Protocol):
    """What the sync needs from AliExpress (`DropshipApi` in production)."""

    def order(self, external_order_id: str) -> AEOrder: ...

    def tracking(self, external_order_id: str) -> Tracking | None: ...


@dataclass(frozen=True)
class SyncFailure:
    supplier_order_id: int
    external_order_id: str
    reason: str  # merchant-readable


@dataclass(frozen=True)
class SyncSummary:
    """What one run did. Id tuples hold `supplier_order.id` values."""

    total: int  # open orders found
    checked: int  # answered by AliExpress
    changed: tuple[int, ...]
    shipped: tuple[int, ...]  # first seen shipped in this run
    cancelled: tuple[int, ...]  # cancellation went through: the cancel workflow can move on
    failed: tuple[SyncFailure, ...]
    unknown_statuses: tuple[str, ...]  # raw strings AliExpress sent that Dropdesk does not know
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
    order: AEOrder
    tracking: Tracking | None
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


def sync_order_statuses(
    ledger: Ledger,
    source: OrderSource,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    concurrency: int = 2,
    order_ids: Iterable[int] | None = None,
    always_fetch_tracking: bool = False,
    max_consecutive_unavailable: int = 5,
    now: Callable[[], datetime] = _utcnow,
) -> SyncSummary:
    """Check the open supplier orders (or just `order_ids`, open or not) against AliExpress.

    `progress(done, total)` is called on this thread after each order; `cancel` (an Event or
    a callable) stops the run after the calls in flight. Raises the first fatal
    `AliExpressError` (after saving what was done); per-order problems are in `failed`.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    rows = _orders_to_check(ledger, order_ids)
    tally = _Tally()
    total = len(rows)
    if progress:
        progress(0, total)
    pending = iter(rows)
    done = 0

    def fetch(row: _Row) -> _Fetched:
        return _fetch(source, row, always_fetch_tracking, tally)

    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="aliexpress-sync") as pool:
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
                if _settle(ledger, row, future, tally, max_consecutive_unavailable, now):
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
    _record_run(ledger, summary, tally.fatal, now())
    log.info(
        "AliExpress status sync: %d/%d checked, %d changed, %d shipped, %d cancelled, %d failed%s",
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


def _orders_to_check(ledger: Ledger, order_ids: Iterable[int] | None) -> list[_Row]:
    query = select(
        SupplierOrder.id, SupplierOrder.external_order_id, SupplierOrder.tracking_number
    ).order_by(col(SupplierOrder.id))
    if order_ids is None:  # not `orders.settled`, in SQL
        query = query.where(
            or_(
                SupplierOrder.order_status != OrderStatus.FINISH.value,
                (SupplierOrder.end_reason == "")
                & (SupplierOrder.logistics_status != LogisticsStatus.BUYER_ACCEPT_GOODS.value),
            )
        )
    else:
        query = query.where(col(SupplierOrder.id).in_(list(order_ids)))
    with ledger.session() as session:
        return [_Row(int(i or 0), ae, tracking or "") for i, ae, tracking in session.exec(query)]


def _fetch(source: OrderSource, row: _Row, always_tracking: bool, tally: _Tally) -> _Fetched:
    """Runs on a worker thread: network only, no ledger access."""
    with tally.lock:
        tally.calls += 1
    order = source.order(row.external_order_id)
    wants_tracking = not order.cancelled and (
        always_tracking or (order.shipped and not row.tracking_number)
    )
    tracking, problem = None, ""
    if wants_tracking:
        with tally.lock:
            tally.calls += 1
        try:
            tracking = source.tracking(row.external_order_id)
        except AliExpressError as error:
            if error.fatal:
                raise
            problem = f"Tracking could not be read: {error}"
    return _Fetched(row, order, tracking, problem)


def _settle(
    ledger: Ledger,
    row: _Row,
    future: Future[_Fetched],
    tally: _Tally,
    max_unavailable: int,
    now: Callable[[], datetime],
) -> bool:
    """Save one order's outcome; False when the order was not dealt with (a fatal error)."""
    try:
        fetched = future.result()
    except AliExpressError as error:
        if error.fatal:
            tally.fatal = tally.fatal or error
            return False
        _fail(ledger, tally, row, error, now())
        if isinstance(error, (GatewayUnavailableError, RateLimitedError)):
            tally.consecutive_unavailable += 1
            if tally.consecutive_unavailable >= max_unavailable and tally.fatal is None:
                tally.fatal = GatewayUnavailableError(
                    f"AliExpress stopped answering ({error}). The refresh stopped; try again later."
                )
        return True
    except Exception as error:  # a bug or an unforeseen library error: stop, keep the work
        tally.fatal = tally.fatal or error
        return False
    tally.consecutive_unavailable = 0
    tally.checked += 1
    for raw, known in (
        (fetched.order.order_status, known_status(fetched.order.order_status) is not None),
        (fetched.order.logistics_status, fetched.order.logistics_status in _LOGISTICS),
    ):
        if raw and not known:
            tally.unknown.add(raw)
    _apply(ledger, fetched, tally, now())
    if fetched.tracking_problem:
        tally.failed.append(SyncFailure(row.id, row.external_order_id, fetched.tracking_problem))
    return True


_LOGISTICS = frozenset(status.value for status in LogisticsStatus)


def _apply(ledger: Ledger, fetched: _Fetched, tally: _Tally, moment: datetime) -> None:
    order, tracking = fetched.order, fetched.tracking
    with ledger.session() as session:
        stored = session.get(SupplierOrder, fetched.row.id)
        if stored is None:  # deleted while we were asking
            return
        before: dict[str, Any] = {name: getattr(stored, name) for name in SYNCED_FIELDS}
        after = dict(before)
        after["order_status"] = order.order_status or before["order_status"]
        after["logistics_status"] = order.logistics_status or before["logistics_status"]
        after["end_reason"] = order.end_reason or before["end_reason"]
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
        shipped = not order.cancelled and (
            order.shipped or bool(tracking and tracking.tracking_number)
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
        was_cancelled = (
            before["order_status"] == OrderStatus.FINISH
            and end_kind(before["end_reason"]) is EndKind.CANCELLED
        )
        newly_cancelled = order.cancelled and not was_cancelled
        kind = (
            EVENT_CANCELLED
            if newly_cancelled
            else EVENT_SHIPPED
            if newly_shipped
            else EVENT_UPDATED
        )
        payload: dict[str, Any] = {
            "external_order_id": order.order_id,
            "changes": {name: {"from": before[name], "to": after[name]} for name in changes},
        }
        if newly_cancelled:
            payload["after_cancel_request"] = before["order_status"] == OrderStatus.IN_CANCEL
        journal.record(session, kind, ENTITY, fetched.row.id, payload, at=moment)
    tally.changed.append(fetched.row.id)
    if newly_shipped:
        tally.shipped.append(fetched.row.id)
    if newly_cancelled:
        tally.cancelled.append(fetched.row.id)


def _fail(
    ledger: Ledger, tally: _Tally, row: _Row, error: AliExpressError, moment: datetime
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
        journal.record(session, EVENT_FAILED, ENTITY, row.id, payload, at=moment)


def _record_run(
    ledger: Ledger, summary: SyncSummary, fatal: BaseException | None, moment: datetime
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
        journal.record(session, EVENT_RUN, "aliexpress", 0, payload, at=moment)
