"""Refresh every open AliExpress order: the supplier platforms' refresh
(`core.supplier_platforms.refresh`) with AliExpress as the platform and `DropshipApi` as its
client. The names here are the ones the app and its tests have always used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from core.ledger import Ledger
from core.supplier_platforms.aliexpress import PLATFORM
from core.supplier_platforms.port import OrderSource
from core.supplier_platforms.refresh import (
    ENTITY,
    SYNCED_FIELDS,
    Cancel,
    Events,
    Progress,
    SyncFailure,
    SyncSummary,
    refresh_orders,
)

_EVENTS = Events.of(PLATFORM.id)
EVENT_UPDATED = _EVENTS.updated
EVENT_SHIPPED = _EVENTS.shipped
EVENT_CANCELLED = _EVENTS.cancelled
EVENT_FAILED = _EVENTS.failed
EVENT_RUN = _EVENTS.run

__all__ = [
    "ENTITY",
    "EVENT_CANCELLED",
    "EVENT_FAILED",
    "EVENT_RUN",
    "EVENT_SHIPPED",
    "EVENT_UPDATED",
    "SYNCED_FIELDS",
    "Cancel",
    "OrderSource",
    "Progress",
    "SyncFailure",
    "SyncSummary",
    "sync_order_statuses",
]


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
    now: Callable[[], datetime] | None = None,
) -> SyncSummary:
    """`refresh_orders` for the AliExpress orders (see there)."""
    return refresh_orders(
        ledger,
        PLATFORM,
        source,
        progress=progress,
        cancel=cancel,
        concurrency=concurrency,
        order_ids=order_ids,
        always_fetch_tracking=always_fetch_tracking,
        max_consecutive_unavailable=max_consecutive_unavailable,
        now=now,
    )
