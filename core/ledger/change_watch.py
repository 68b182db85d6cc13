"""Noticing that another Dropdesk instance changed a server ledger, by polling.

Every change Dropdesk makes writes a journal event (core.ledger.journal) and orders are only
ever added, so the newest event id with the newest supplier order id (both read from their
primary-key index, in a few microseconds) change whenever the ledger does. Polling rather than
LISTEN/NOTIFY: it needs no connection held open in LISTEN mode, works through the connection
poolers of managed PostgreSQL services (PgBouncer in transaction mode drops notifications),
and misses nothing while the network was away. Standard library only: the window's reader
(a DB-API connection) is all it needs.
"""

from __future__ import annotations

from typing import Any

_STAMP = (
    "SELECT (SELECT coalesce(max(id), 0) FROM event),"
    " (SELECT coalesce(max(id), 0) FROM supplier_order)"
)

#: How often the window asks (milliseconds): another person's change shows within seconds.
POLL_MS = 5_000


class ChangeWatch:
    """`changed()` is True once after the ledger changed since the last call (by anyone:
    this instance's own changes count too, and cost one extra refresh)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._seen = self._stamp()

    def _stamp(self) -> tuple[int, int]:
        events, orders = self._reader.execute(_STAMP).fetchone()
        return int(events), int(orders)

    def changed(self) -> bool:
        stamp = self._stamp()
        if stamp == self._seen:
            return False
        self._seen = stamp
        return True
