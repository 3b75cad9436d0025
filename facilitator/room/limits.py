"""Rate limits that keep one phone, or one guesser, from crowding out the room.

A venue network is shared: anyone on it can reach the room's port. Each signed-in phone gets a
budget of requests (a token bucket: a burst, then a steady rate), and wrong codes are counted per
network address, so that guessing a group's code would take longer than the workshop lasts.
Both are used only on the server's event loop thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["FailureLimiter", "RateLimiter"]

#: Keys remembered at most; the oldest are forgotten first (a bound on memory, not a policy).
_MAX_KEYS = 4096


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per key: ``burst`` requests at once, then ``rate`` per second.

    Args:
        rate: Requests per second allowed in the long run.
        burst: Requests allowed at once.
        clock: Monotonic seconds.
    """

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}

    def allow(self, key: str) -> bool:
        """Take one request from ``key``'s bucket; False when it is empty."""
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= _MAX_KEYS:
                del self._buckets[next(iter(self._buckets))]
            bucket = self._buckets[key] = _Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True

    def retry_after(self, key: str) -> int:
        """Whole seconds until ``key`` may make its next request."""
        bucket = self._buckets.get(key)
        if bucket is None or bucket.tokens >= 1:
            return 0
        return max(1, int((1 - bucket.tokens) / self.rate + 0.999))


class FailureLimiter:
    """Counts failures per key in a sliding window and blocks the key once it has too many.

    Args:
        failures: Failures allowed within ``window`` seconds.
        window: Length of the window in seconds.
        clock: Monotonic seconds.
    """

    def __init__(self, failures: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.failures = failures
        self.window = window
        self._clock = clock
        self._times: dict[str, list[float]] = {}

    def _recent(self, key: str) -> list[float]:
        since = self._clock() - self.window
        times = [t for t in self._times.get(key, []) if t > since]
        if times:
            self._times[key] = times
        else:
            self._times.pop(key, None)
        return times

    def blocked_for(self, key: str) -> int:
        """Whole seconds ``key`` must wait before trying again; 0 when it may try now."""
        times = self._recent(key)
        if len(times) < self.failures:
            return 0
        return max(1, int(times[-self.failures] + self.window - self._clock() + 0.999))

    def failed(self, key: str) -> None:
        """Count one failure of ``key``."""
        if key not in self._times and len(self._times) >= _MAX_KEYS:
            del self._times[next(iter(self._times))]
        self._times.setdefault(key, []).append(self._clock())
