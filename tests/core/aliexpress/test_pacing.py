"""Retry backoff and the per-second budget, on a fake clock."""

from __future__ import annotations

import threading

import pytest

from core.aliexpress import RateLimiter, RetryPolicy


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.lock = threading.Lock()

    def monotonic(self) -> float:
        with self.lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds


def test_backoff_grows_exponentially_with_jitter_and_is_capped() -> None:
    low = RetryPolicy(base_delay=0.5, max_delay=4.0, rand=lambda: 0.0)
    high = RetryPolicy(base_delay=0.5, max_delay=4.0, rand=lambda: 0.999)
    assert [low.delay(n) for n in range(1, 6)] == [0.25, 0.5, 1.0, 2.0, 2.0]
    assert [round(high.delay(n), 2) for n in range(1, 6)] == [0.5, 1.0, 2.0, 4.0, 4.0]


def test_retries_stop_at_the_count_or_the_time_budget() -> None:
    clock = Clock()
    policy = RetryPolicy(attempts=3, max_elapsed=10.0, monotonic=clock.monotonic)
    assert policy.next_delay(1, clock.now) is not None
    assert policy.next_delay(3, clock.now) is None  # three tries made
    started = clock.now
    clock.now += 9.9
    assert policy.next_delay(1, started) is None  # the wait would overrun the budget


def test_limiter_spaces_calls_evenly() -> None:
    clock = Clock()
    limiter = RateLimiter(5, monotonic=clock.monotonic, sleep=clock.sleep)
    starts = []
    for _ in range(11):
        limiter.acquire()
        starts.append(clock.now)
    assert starts[-1] - starts[0] == pytest.approx(2.0)  # 10 intervals of 0.2 s


def test_limiter_allows_a_burst_after_a_pause() -> None:
    clock = Clock()
    limiter = RateLimiter(2, burst=3, monotonic=clock.monotonic, sleep=clock.sleep)
    for _ in range(3):
        limiter.acquire()
    assert clock.now == 100.0  # the burst is free
    limiter.acquire()
    assert clock.now == pytest.approx(100.5)
    clock.now += 60
    before = clock.now
    limiter.acquire()
    assert clock.now == before


def test_limiter_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0)
    with pytest.raises(ValueError):
        RetryPolicy(attempts=0)
