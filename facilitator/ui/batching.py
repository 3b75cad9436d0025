"""Redrawing once for a batch of changes instead of once per change.

When seventy phones write at once, the room's runner (:mod:`facilitator.ui.room.runner`) applies
several of their actions in one go on the GUI thread. Each action is announced as usual, so every
view stays right, but a view whose redraw is costly (the board page and its projector, which
re-read the board) asks :func:`after_batch` to redraw once after the batch rather than after
every card. That redraw runs in a later turn of the event loop, so the batch, the redraw and the
repaint it causes each hold the GUI thread on their own, never all three at once; the runner
waits for it (:func:`when_drawn`) before telling phones "saved" and starting its next batch.
Outside a batch (every desktop action) the redraw happens at once, as before.

GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer

__all__ = ["after_batch", "batch", "in_batch", "when_drawn"]

_depth = 0
_flush_scheduled = False
_redraws: dict[int, Callable[[], None]] = {}
_then: list[Callable[[], None]] = []


@contextmanager
def batch() -> Iterator[None]:
    """Defer the redraws asked for inside the block to one later turn of the event loop."""
    global _depth, _flush_scheduled
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0 and (_redraws or _then) and not _flush_scheduled:
            _flush_scheduled = True
            QTimer.singleShot(0, _flush)


def _flush() -> None:
    global _flush_scheduled
    _flush_scheduled = False
    while _redraws:
        key = next(iter(_redraws))
        _redraws.pop(key)()
    then = list(_then)
    _then.clear()
    for callback in then:
        callback()


def in_batch() -> bool:
    """Whether a batch is running or its redraw is still to come."""
    return _depth > 0 or _flush_scheduled


def after_batch(owner: object, redraw: Callable[[], None]) -> None:
    """Call ``redraw`` now, or once after the running batch (one call per ``owner``)."""
    if _depth == 0:
        redraw()
    else:
        _redraws[id(owner)] = redraw


def when_drawn(callback: Callable[[], None]) -> None:
    """Call ``callback`` once the views asked to redraw after a batch have done so (now if none)."""
    if in_batch():
        _then.append(callback)
    else:
        callback()
