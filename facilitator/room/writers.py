"""Getting a phone's write onto the thread that owns the workshop's writer session.

SQLite allows one writer, and the workshop has one :class:`WorkshopSession` that writes: the GUI's
(on the Qt main thread) or the headless server's (on its main thread). The room's server runs on
its own thread, so it never touches that session: it hands each write to a :class:`Writer`, which
runs it on the owning thread and returns a :class:`concurrent.futures.Future`. The GUI's writer is
``facilitator.ui.room.runner.MainThreadRunner``; :class:`QueueWriter` is the headless one.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from facilitator.app.session import WorkshopSession

__all__ = ["Outcome", "QueueWriter", "Work", "Writer", "perform", "run_work"]

T = TypeVar("T")
Work = Callable[[WorkshopSession], Any]


class Writer(Protocol):
    """Runs work with the writer session, on the thread that owns it."""

    def submit(self, work: Work) -> Future[Any]:
        """Queue ``work(session)``; the future holds its result or the exception it raised."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a piece of work gave: its result, or the exception it raised."""

    result: Any = None
    error: Exception | None = None

    def settle(self, future: Future[Any]) -> None:
        """Hand the outcome to whoever waits on ``future``."""
        if self.error is not None:
            future.set_exception(self.error)
        else:
            future.set_result(self.result)


def perform(work: Work, session: WorkshopSession) -> Outcome:
    """Run one piece of work, catching what it raises.

    Every exception is kept for the future: a refusal is the phone's answer, anything else a bug
    that the server logs. Nothing escapes into the thread that owns the session.
    """
    try:
        return Outcome(work(session))
    except Exception as error:
        return Outcome(error=error)


def run_work(work: Work, session: WorkshopSession, future: Future[Any]) -> None:
    """Run one piece of work and settle its future (skipped if the server gave up on it)."""
    if future.set_running_or_notify_cancel():
        perform(work, session).settle(future)


class QueueWriter:
    """A queue of writes that the session's own thread works through (headless ``room open``).

    That thread calls :meth:`serve` and stays in it until :meth:`stop`; any thread may
    :meth:`submit`.
    """

    def __init__(self, session: WorkshopSession) -> None:
        self.session = session
        self._queue: queue.SimpleQueue[tuple[Work, Future[Any]] | None] = queue.SimpleQueue()

    def submit(self, work: Work) -> Future[Any]:
        """Queue ``work(session)`` for the owning thread."""
        future: Future[Any] = Future()
        self._queue.put((work, future))
        return future

    def serve(self) -> None:
        """Run queued work until :meth:`stop` (a signal handler may call it: the wait wakes up
        for signals, and the handler's ``stop`` ends it)."""
        while True:
            item = self._queue.get()
            if item is None:
                return
            work, future = item
            run_work(work, self.session, future)

    def stop(self) -> None:
        """Make :meth:`serve` return once the work queued before this call is done."""
        self._queue.put(None)
