"""Running slow work (imports, PDF exports, big solves) off the GUI thread.

The work gets plain data and returns plain data; it never touches widgets. Results, errors and
progress come back to the GUI thread through queued signals (Anki's ``taskman``). Connect to the
returned task's signals before the thread pool starts it — ``run_in_background`` does this for you.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["BackgroundTask", "run_in_background", "wait_for_background_work"]

Progress = Callable[[int, int], None]


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class BackgroundTask(QRunnable):
    """One piece of work for the thread pool; ``work(progress)`` returns the result."""

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work
        self.setAutoDelete(False)

    def run(self) -> None:
        """Run the work and report back (called by the pool on a worker thread)."""
        try:
            result = self._work(self.signals.progressed.emit)
        except BaseException as error:
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


_running: set[BackgroundTask] = set()


def run_in_background(
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> BackgroundTask:
    """Start ``work`` on the global thread pool; callbacks run on the GUI thread."""
    task = BackgroundTask(work)

    def _finish(result: object) -> None:
        _running.discard(task)
        on_done(result)

    def _fail(error: object) -> None:
        _running.discard(task)
        on_error(error)  # type: ignore[arg-type]

    task.signals.finished.connect(_finish)
    task.signals.failed.connect(_fail)
    if on_progress is not None:
        task.signals.progressed.connect(on_progress)
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_background_work() -> None:
    """Block until every started task has finished: called on quit, so that a backup or an export
    still being written is completed rather than cut off when the interpreter exits."""
    QThreadPool.globalInstance().waitForDone()
