"""Windows that open within the free area of their screen, on a 1366 × 768 laptop or a
1280 × 720 projector.

Kept apart from the pages' widget helpers because the main window uses it before its first
frame, when nothing should build Qt's namespace of enums (about 20 ms).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["available_area", "fit_to_screen", "restore_or_fit"]


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen (or the main screen) that windows may use: no task bar."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give a window the size it would like, but no more than its screen's available area.

    A window that opens taller than a 768-pixel laptop screen has its buttons under the task bar,
    where nobody can reach them; this also moves it fully onto the screen. The window's frame
    (title bar, borders) is not known before it is shown, so room is left for a usual one.
    """
    area = available_area(window)
    frame_height, frame_width = 40, 16
    size = window.minimumSizeHint().expandedTo(window.minimumSize())
    width = max(min(width, area.width() - frame_width), min(size.width(), area.width()))
    height = max(min(height, area.height() - frame_height), min(size.height(), area.height()))
    window.resize(width, height)
    left = area.left() + max((area.width() - width - frame_width) // 2, 0)
    top = area.top() + max((area.height() - height - frame_height) // 2, 0)
    window.move(left, top)


def restore_or_fit(window: QWidget, geometry: object, width: int, height: int) -> None:
    """Put a window back where it was (``saveGeometry()``), unless that no longer fits its screen.

    A size kept from a larger screen, or none kept, gives a window fitted to the free area: a
    fixed 1280 × 720 left no room for a title bar on a 1280 × 720 projector or above a laptop's
    task bar.
    """
    restored = isinstance(geometry, QByteArray | bytes) and window.restoreGeometry(geometry)
    area = available_area(window)
    if not restored or window.width() > area.width() or window.height() > area.height() - 30:
        fit_to_screen(window, width, height)
