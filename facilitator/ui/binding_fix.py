"""A guard against reference-counting bugs in PySide6 6.12.0 on Python 3.11.

That binding drops references to the interpreter's singletons:

- one reference to ``None`` on every Qt call that returns nothing (``QPainter.save``, ``setPen``,
  ``QTextLayout.beginLayout``…) and on every ``QModelIndex.data`` that finds no value;
- one reference to ``True`` on every ``Signal.emit()`` from Python, whatever the signal carries
  (emitting the value ``True`` happens to give one back).

Python 3.12 made ``None``, ``True`` and ``False`` immortal, so there the bugs are harmless. On 3.11
the counts fall with every repaint and every emit until the interpreter aborts ("deallocating
None", "bool_dealloc: deallocating True or False"): the agenda's timer panel, emitting five times
a second, killed the app after about six minutes. Raising the counts of the three singletons far
out of reach does what Python 3.12 does. ``False`` is covered although no leak of it is known: it
lives in the same binding code paths as ``True``, and guarding it costs nothing.
``tests/ui/test_qt_binding.py`` shows the bugs and the guard.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["BALLAST", "keep_singletons_alive"]

#: References added to each singleton: more than a workshop's worth of repaints and emits could
#: ever drop (at a million a second it would take twelve days).
BALLAST = 1 << 40


def keep_singletons_alive() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal where they are not (idempotent)."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # CPython keeps an object's reference count in the first word of the object.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < BALLAST:
            count.value += BALLAST
