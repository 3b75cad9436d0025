"""Telling phones that something changed: server-sent events, coalesced.

Each phone keeps one ``/api/events`` stream open. When the workshop changes, every stream is
woken, at most once per :data:`MIN_INTERVAL` (seventy phones refetching after each of a burst of
cards would cost more than the cards), and sends the phone its small personal state (version,
dots left); the phone fetches the board only when the version moved. A comment line every
:data:`KEEPALIVE` seconds keeps Wi-Fi access points from dropping an idle stream. Phones whose
browser cannot keep a stream open poll ``/api/me`` instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

__all__ = ["KEEPALIVE", "MAX_STREAMS", "MIN_INTERVAL", "EventStreams"]

#: Shortest time between two waves of notifications (seconds).
MIN_INTERVAL = 0.5
#: Seconds between keep-alive comments on an idle stream.
KEEPALIVE = 20.0
#: Streams open at once in the whole room, and per phone (a phone may have two tabs open).
MAX_STREAMS = 600
MAX_STREAMS_PER_PHONE = 3

#: What a stream sends on waking: an event's name and its data (one line of JSON). Any event but
#: ``state`` ends the stream (``signed-out``: the phone must join again).
Message = Callable[[], tuple[str, bytes]]


@dataclass(eq=False)
class _Stream:
    device: str
    wake: asyncio.Event = field(default_factory=asyncio.Event)


class EventStreams:
    """The open streams, and the coalesced wake-up that follows each change (event-loop thread only)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._streams: set[_Stream] = set()
        self._pending: asyncio.TimerHandle | None = None
        self._last = 0.0
        self.closing = False

    def __len__(self) -> int:
        return len(self._streams)

    def changed(self) -> None:
        """Wake every stream soon: now, or :data:`MIN_INTERVAL` after the last wave."""
        if self._pending is not None:
            return
        delay = max(0.0, self._last + MIN_INTERVAL - self._clock())
        self._pending = asyncio.get_running_loop().call_later(delay, self._wake_all)

    def wake(self, device: str) -> None:
        """Wake one phone's streams at once (it was signed out)."""
        for stream in list(self._streams):
            if stream.device == device:
                stream.wake.set()

    def _wake_all(self) -> None:
        self._pending = None
        self._last = self._clock()
        for stream in list(self._streams):
            stream.wake.set()

    def close(self) -> None:
        """End every stream (the room is closing)."""
        self.closing = True
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        for stream in list(self._streams):
            stream.wake.set()

    def full_for(self, device: str) -> bool:
        """Whether no other stream can be opened (for this phone, or in the room)."""
        mine = sum(1 for stream in self._streams if stream.device == device)
        return len(self._streams) >= MAX_STREAMS or mine >= MAX_STREAMS_PER_PHONE

    async def serve(self, request: web.Request, device: str, message: Message) -> web.StreamResponse:
        """Keep one stream open, sending ``message()`` on each wake-up until it ends the stream."""
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-store",
                "X-Accel-Buffering": "no",
            }
        )
        await response.prepare(request)
        stream = _Stream(device)
        stream.wake.set()
        self._streams.add(stream)
        try:
            # The phone reconnects by itself after a drop; three seconds is gentle on a full room.
            await response.write(b"retry: 3000\n\n")
            while True:
                try:
                    await asyncio.wait_for(stream.wake.wait(), KEEPALIVE)
                except TimeoutError:
                    await response.write(b": keep-alive\n\n")
                    continue
                stream.wake.clear()
                name, data = ("closed", b"{}") if self.closing else message()
                await response.write(b"event: " + name.encode() + b"\ndata: " + data + b"\n\n")
                if name != "state":
                    break
        except ConnectionError:
            pass  # the phone went away (locked screen, lost Wi-Fi); it reconnects when it can
        finally:
            self._streams.discard(stream)
        with contextlib.suppress(ConnectionError):
            await response.write_eof()
        return response
