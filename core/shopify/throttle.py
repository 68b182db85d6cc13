"""Pacing against Shopify's cost bucket, and backoff for failures.

Every answer carries `extensions.cost.throttleStatus` (bucket size, points left, restore rate per
second). The budget remembers it and, before the next call of an operation, waits until the
bucket has refilled enough for what that operation cost last time, so a long sync rarely gets
THROTTLED at all. When it does, the wait is (requested - available) / restoreRate.

A cost report is only believed when its numbers are finite and positive, and no single wait is
longer than MAX_WAIT: a broken (or hostile) report must not make the app hang for hours.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

#: Shopify refuses any single query whose requested cost exceeds this.
MAX_QUERY_COST = 1000
#: The longest single wait for the bucket (a standard 1000-point bucket refills in 20 s).
MAX_WAIT = 60.0


@dataclass(frozen=True)
class ThrottleStatus:
    maximum_available: float
    currently_available: float
    restore_rate: float


@dataclass(frozen=True)
class QueryCost:
    requested: float | None
    actual: float | None
    status: ThrottleStatus | None


def parse_cost(extensions: Mapping[str, Any] | None) -> QueryCost | None:
    """The `extensions.cost` block of an answer, or None when there is none (or it is odd)."""
    if not isinstance(extensions, Mapping):
        return None
    cost = extensions.get("cost")
    if not isinstance(cost, Mapping):
        return None
    status = None
    raw = cost.get("throttleStatus")
    if isinstance(raw, Mapping):
        try:
            status = ThrottleStatus(
                float(raw["maximumAvailable"]),
                float(raw["currentlyAvailable"]),
                float(raw["restoreRate"]),
            )
        except (KeyError, TypeError, ValueError, OverflowError):
            status = None
        if status is not None and not (
            0 < status.restore_rate < math.inf
            and 0 < status.maximum_available < math.inf
            and 0 <= status.currently_available < math.inf
        ):
            status = None
    return QueryCost(
        _number(cost.get("requestedQueryCost")), _number(cost.get("actualQueryCost")), status
    )


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer beyond any float
        return None
    return number if 0 <= number < math.inf else None


def throttled_wait(requested: float, status: ThrottleStatus) -> float:
    """Seconds until the bucket holds `requested` points again."""
    needed = min(requested, status.maximum_available) - status.currently_available
    return min(max(needed, 0.0) / status.restore_rate, MAX_WAIT)


def jitter(wait: float, rng: random.Random) -> float:
    """A little extra, so that several workers do not all retry at the same instant."""
    return rng.uniform(0.0, 0.1 * wait + 0.01)


def backoff_delay(
    attempt: int, rng: random.Random, *, base: float = 0.5, cap: float = 16.0
) -> float:
    """Exponential backoff with jitter for the n-th retry (0-based), never above `cap`."""
    ceiling = min(cap, base * (2**attempt))
    return rng.uniform(ceiling / 2, ceiling)


class CostBudget:
    """What the client knows of its bucket, to wait before sending rather than be refused."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._status: ThrottleStatus | None = None
        self._seen_at = 0.0
        self._last_cost: dict[str, float] = {}

    @property
    def status(self) -> ThrottleStatus | None:
        return self._status

    def observe(self, operation: str, cost: QueryCost | None) -> None:
        """Remember the bucket as an answer reported it, and what this operation asked for."""
        if cost is None:
            return
        with self._lock:
            if cost.status is not None:
                self._status = cost.status
                self._seen_at = self._clock()
            if cost.requested is not None:
                self._last_cost[operation] = cost.requested

    def wait_before(self, operation: str) -> float:
        """Seconds to wait before sending `operation` so the bucket can afford it (0 if unknown)."""
        with self._lock:
            status = self._status
            cost = self._last_cost.get(operation)
            if status is None or cost is None:
                return 0.0
            elapsed = self._clock() - self._seen_at
            available = min(
                status.maximum_available,
                status.currently_available + elapsed * status.restore_rate,
            )
        return throttled_wait(
            cost, ThrottleStatus(status.maximum_available, available, status.restore_rate)
        )
