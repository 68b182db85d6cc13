"""How often and how patiently a failed call is tried again: bounded in count and in time."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter; `sleep`/`monotonic`/`rand` are injectable for tests."""

    attempts: int = 4  # tries in all, the first included
    max_elapsed: float = 30.0  # seconds from the first try after which no new try starts
    base_delay: float = 0.5
    max_delay: float = 8.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    monotonic: Callable[[], float] = field(default=time.monotonic, repr=False)
    rand: Callable[[], float] = field(default=random.random, repr=False)

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1")

    def delay(self, failures: int) -> float:
        """The wait after the `failures`-th failure: half fixed, half random ("equal jitter")."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** (failures - 1))
        return ceiling / 2 + self.rand() * ceiling / 2

    def next_delay(self, failures: int, started: float) -> float | None:
        """The wait before the next try, or None when the count or the time budget is spent."""
        if failures >= self.attempts:
            return None
        wait = self.delay(failures)
        if self.monotonic() + wait - started > self.max_elapsed:
            return None
        return wait


#: For tests and callers that must not wait: a single try.
NO_RETRY = RetryPolicy(attempts=1)
