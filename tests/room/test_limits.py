"""Rate limits: a burst then a steady rate per phone, and a lockout after wrong codes."""

from __future__ import annotations

from facilitator.room.limits import FailureLimiter, RateLimiter


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_a_burst_then_the_rate() -> None:
    """Three at once, then one per second; other keys keep their own bucket."""
    clock = _Clock()
    limiter = RateLimiter(rate=1.0, burst=3, clock=clock)
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.retry_after("a") == 1
    assert limiter.allow("b")
    clock.now += 1.0
    assert limiter.allow("a") and not limiter.allow("a")
    clock.now += 10.0
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]


def test_failures_block_a_key_until_the_window_passes() -> None:
    """Five failures within the window block the key for the rest of it, and only that key."""
    clock = _Clock()
    limiter = FailureLimiter(failures=5, window=300.0, clock=clock)
    for _ in range(4):
        limiter.failed("10.0.0.9")
        clock.now += 1
    assert limiter.blocked_for("10.0.0.9") == 0
    limiter.failed("10.0.0.9")
    assert 290 <= limiter.blocked_for("10.0.0.9") <= 300
    assert limiter.blocked_for("10.0.0.10") == 0
    clock.now += 301
    assert limiter.blocked_for("10.0.0.9") == 0
