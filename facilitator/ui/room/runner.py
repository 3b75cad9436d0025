"""Running the room's writes on the GUI thread, a few at a time, without freezing the window.

The window's :class:`~facilitator.app.session.WorkshopSession` lives on the Qt main thread, so a
phone's card must be written there. The room's server thread calls :meth:`MainThreadRunner.submit`
with the work and gets a :class:`~concurrent.futures.Future` back at once; the runner posts itself
one event, and on that event works through the queue for at most :data:`SLICE_SECONDS` before
posting itself again. Clicks, keys and repaints queued meanwhile are handled between two slices,
so seventy phones writing at once never hold the GUI thread for long (``make bench`` measures it).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from facilitator.room.writers import Outcome, Work, perform
from facilitator.ui.batching import batch, when_drawn
from facilitator.ui.controller import Controller

__all__ = ["SLICE_SECONDS", "MainThreadRunner"]

#: The longest stretch of queued writes run in one go. Each write (command and commit) takes a few
#: milliseconds and the board is redrawn once after the slice, so slice and repaint together stay
#: well under the 50 ms a user would notice.
SLICE_SECONDS = 0.012
_WAKE = QEvent.Type(QEvent.registerEventType())


class MainThreadRunner(QObject):
    """A :class:`~facilitator.room.writers.Writer` for the window: runs work on the GUI thread.

    Args:
        controller: Whose session the work is given (the one open when the work runs).
        clock: Seconds, for the slice (injectable for tests).
    """

    def __init__(
        self,
        controller: Controller,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._clock = clock
        self._lock = threading.Lock()
        self._queue: deque[tuple[Work, Future[Any]]] = deque()
        self._posted = False
        #: The longest slice so far, in seconds (the benchmark reports it).
        self.longest_slice = 0.0

    def submit(self, work: Work) -> Future[Any]:
        """Queue ``work(session)`` for the GUI thread (any thread may call this)."""
        future: Future[Any] = Future()
        with self._lock:
            self._queue.append((work, future))
            wake, self._posted = not self._posted, True
        if wake:
            QCoreApplication.postEvent(self, QEvent(_WAKE))
        return future

    def event(self, event: QEvent) -> bool:
        """Work through the queue for one slice (on the GUI thread).

        The slice is one batch (:mod:`facilitator.ui.batching`): every action is announced as it
        is committed and the board is redrawn once, in the next turn of the event loop. Only then
        are the phones told "saved" (so an acknowledged card is already on the desktop) and the
        next slice started, so that a slice, the redraw and the repaint never add up.
        """
        if event.type() != _WAKE:
            return super().event(event)
        start = self._clock()
        done: list[tuple[Future[Any], Outcome]] = []
        more = False
        with batch():
            while True:
                with self._lock:
                    if not self._queue:
                        self._posted = False
                        break
                    if self._clock() - start >= SLICE_SECONDS:
                        more = True
                        break
                    work, future = self._queue.popleft()
                if future.set_running_or_notify_cancel():
                    done.append((future, perform(work, self.controller.session)))
        self.longest_slice = max(self.longest_slice, self._clock() - start)
        when_drawn(lambda: self._after_redraw(done, more))
        return True

    def _after_redraw(self, done: list[tuple[Future[Any], Outcome]], more: bool) -> None:
        for future, outcome in done:
            outcome.settle(future)
        if more:
            QCoreApplication.postEvent(self, QEvent(_WAKE))

    def cancel_pending(self) -> None:
        """Drop work not started yet (the room closed); its phones are told it was not saved."""
        with self._lock:
            pending, self._queue = list(self._queue), deque()
        for _work, future in pending:
            future.cancel()
