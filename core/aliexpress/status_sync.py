"""Refresh every open AliExpress order: the supplier platforms' refresh
(`core.supplier_platforms.refresh`) with AliExpress as the platform and `DropshipApi` as its
client. The names here are the ones the app and its tests have always used.
"""

from __future__ import annotations

from typing import Any

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


def sync_order_statuses(ledger: Ledger, source: OrderSource, **options: Any) -> SyncSummary:
    """`refresh_orders` for the AliExpress orders, with its options (see there)."""
    return refresh_orders(ledger, PLATFORM, source, **options)
