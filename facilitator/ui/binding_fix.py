"""A guard against a reference-counting bug in PySide6 6.12.0 on Python 3.11.

That binding drops one reference to ``None`` on every Qt call that returns nothing
(``QPainter.save``, ``setPen``, ``QTextLayout.beginLayout``…) and on every ``QModelIndex.data`` that
finds no value. Python 3.12 made ``None`` immortal, so there it is harmless; on 3.11 the count
falls with every repaint until the interpreter aborts ("deallocating None"), minutes into a
session that paints many cards. Raising the count of ``None`` far out of reach does what Python
3.12 does. ``tests/ui/test_qt_binding.py`` shows the bug and the guard.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["BALLAST", "keep_none_alive"]

#: References added to ``None``: more than a workshop's worth of repaints could ever drop.
BALLAST = 1 << 40


def keep_none_alive() -> None:
    """Make ``None`` effectively immortal on Python versions where it is not (idempotent)."""
    if sys.version_info >= (3, 12):
        return
    # CPython keeps an object's reference count in the first word of the object.
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < BALLAST:
        count.value += BALLAST
