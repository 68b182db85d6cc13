"""A per-second call budget shared by all threads: calls are spaced evenly, never bunched."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Lets at most `per_second` calls start per second (a burst of `burst` is allowed)."""

    def __init__(
        self,
        per_second: float,
        *,
        burst: int = 1,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if per_second <= 0 or burst < 1:
            raise ValueError("per_second must be positive and burst at least 1")
        self.per_second = per_second
        self._interval = 1.0 / per_second
        self._slack = (burst - 1) * self._interval
        self._monotonic = monotonic
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = monotonic() - self._slack

    def acquire(self) -> None:
        """Block until this call may start."""
        with self._lock:
            now = self._monotonic()
            slot = max(now - self._slack, self._next)
            self._next = slot + self._interval
            wait = slot - now
        if wait > 0:
            self._sleep(wait)

    def __repr__(self) -> str:
        return f"RateLimiter(per_second={self.per_second})"
