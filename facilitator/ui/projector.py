"""Base of every projector window: its own top-level window, on the screen the facilitator picks.

A projector window is a second view of the same model as a page (napari's ``QtDims(dims)``): it
holds no state of its own and redraws from the controller's changes or a polling timer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

__all__ = ["ProjectorWindow", "screen_names"]


def screen_names() -> list[str]:
    """Human names of the connected screens, in Qt's order."""
    return [
        f"{index + 1}: {screen.name()} ({screen.size().width()}×{screen.size().height()})"
        for index, screen in enumerate(QGuiApplication.screens())
    ]


class ProjectorWindow(QWidget):
    """A dark, borderless-capable window for the room's screen.

    F11 toggles full screen, Esc leaves it. ``show_on_screen(i)`` moves the window to screen ``i``
    (the projector is usually the last one) and shows it full screen there.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.setObjectName("projector")
        self.setStyleSheet("QWidget#projector { background: #0d1117; } QLabel { color: #f0f3f6; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.resize(1280, 720)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)

    def toggle_full_screen(self) -> None:
        """Switch between full screen and a normal window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def show_on_screen(self, index: int | None = None, full_screen: bool = True) -> None:
        """Show the window on screen ``index`` (default: the last screen, usually the projector)."""
        screens = QGuiApplication.screens()
        screen = screens[index if index is not None and 0 <= index < len(screens) else -1]
        self.setScreen(screen)
        self.move(screen.geometry().topLeft())
        if full_screen and len(screens) > 1:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
