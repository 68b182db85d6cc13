"""The one lock on a window's cancel workflow calls: no two steps on one run at once (nor two
calls at all), whether a wizard, "Needs me", the start-up resume or the status watch makes them.

A call takes it whole (`with lock:`). The status watch takes it once per run instead of once
per pass (`between_others`), and lets every call already waiting go first, so the merchant's
click waits for one run's step of a pass at most, not for 50 rate-limited orders. A plain
threading.Lock would not do: its release does not hand it to the thread that waits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class StepLock:
    """A lock whose waiting callers go before the background pass that holds it in turns."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._turn = threading.Condition()
        self._waiting = 0  # callers in `with lock:` that do not hold it yet

    def __enter__(self) -> None:
        with self._turn:
            self._waiting += 1
        try:
            self._lock.acquire()
        finally:
            with self._turn:
                self._waiting -= 1
                self._turn.notify_all()

    def __exit__(self, *_exc: object) -> None:
        self._lock.release()

    @contextmanager
    def between_others(self) -> Iterator[None]:
        """Hold the lock for one run of a background pass, once no caller waits for it."""
        with self._turn:
            self._turn.wait_for(lambda: self._waiting == 0)
        with self._lock:
            yield
