"""Redrawing once for a batch of changes instead of once per change.

When seventy phones write at once, the room's runner (:mod:`facilitator.ui.room.runner`) applies
several of their actions in one go on the GUI thread. Each action is announced as usual, so every
view stays right, but a view whose redraw is costly (the board page and its projector, which
re-read the board) asks :func:`after_batch` to redraw once, when the batch ends, rather than after
every card. Outside a batch (every desktop action) the redraw happens at once, as before.

GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["after_batch", "batch", "in_batch"]

_depth = 0
_pending: dict[int, Callable[[], None]] = {}


@contextmanager
def batch() -> Iterator[None]:
    """Defer the redraws asked for inside the block to its end (each one once)."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            while _pending:
                key = next(iter(_pending))
                _pending.pop(key)()


def in_batch() -> bool:
    """Whether a batch is running."""
    return _depth > 0


def after_batch(owner: object, redraw: Callable[[], None]) -> None:
    """Call ``redraw`` now, or once at the end of the running batch (one call per ``owner``)."""
    if _depth == 0:
        redraw()
    else:
        _pending[id(owner)] = redraw
