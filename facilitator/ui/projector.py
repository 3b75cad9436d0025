"""Base of every projector window: its own top-level window, on the screen the facilitator picks.

A projector window is a second view of the same model as a page (napari's ``QtDims(dims)``): it
holds no state of its own and redraws from the controller's changes or a polling timer.

Every projector window (agenda, boards, groups, room) answers the agenda timer's keys, so a
facilitator with one mirrored screen never has to switch windows: Space starts or pauses, N and P
go to the next and previous item, + and − give or take a minute. The keys run the same commands
as the agenda page's buttons, through a :class:`TimerRemote` (the page's timer panel), which the
agenda page shares with :func:`share_timer_remote` as it is built. F11 toggles full screen and
Esc leaves it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from facilitator.ui.window_fit import fit_to_screen

__all__ = [
    "TIMER_KEYS",
    "ProjectorWindow",
    "TimerRemote",
    "build_timer_remote_with",
    "screen_names",
    "share_timer_remote",
]


class TimerRemote(Protocol):
    """The timer commands a projector's keys run (the agenda page's timer panel has them)."""

    def toggle(self) -> None:
        """Start or pause."""

    def next(self) -> None:
        """Finish the item and go to the next."""

    def previous(self) -> None:
        """Back to the previous item."""

    def adjust(self, minutes: int) -> None:
        """Give (or, negative, take) minutes."""


#: Each key and what it asks of the timer; "=" is "+" without Shift, the keypad's keys count too.
TIMER_KEYS: tuple[tuple[QKeySequence, Callable[[TimerRemote], None]], ...] = (
    (QKeySequence(Qt.Key.Key_Space), lambda remote: remote.toggle()),
    (QKeySequence(Qt.Key.Key_N), lambda remote: remote.next()),
    (QKeySequence(Qt.Key.Key_P), lambda remote: remote.previous()),
    (QKeySequence(Qt.Key.Key_Plus), lambda remote: remote.adjust(1)),
    (QKeySequence(Qt.Key.Key_Equal), lambda remote: remote.adjust(1)),
    (QKeySequence(Qt.KeyboardModifier.KeypadModifier | Qt.Key.Key_Plus), lambda remote: remote.adjust(1)),
    (QKeySequence(Qt.Key.Key_Minus), lambda remote: remote.adjust(-1)),
    (QKeySequence(Qt.KeyboardModifier.KeypadModifier | Qt.Key.Key_Minus), lambda remote: remote.adjust(-1)),
)

_shared: list[weakref.ReferenceType[TimerRemote]] = []


def share_timer_remote(remote: TimerRemote) -> None:
    """Let every projector window's keys drive this timer (the agenda page calls it once built).

    Held weakly, and forgotten when the remote (a widget) is destroyed, so that a closed page is
    never called.
    """
    _shared[:] = [weakref.ref(remote)]
    if isinstance(remote, QObject):
        reference = _shared[0]
        remote.destroyed.connect(lambda: _shared.remove(reference) if reference in _shared else None)


_builders: list[Callable[[], object]] = []


def build_timer_remote_with(owner: QObject, build: Callable[[], object]) -> None:
    """Say how to get the timer when a key needs it and no agenda page was built yet.

    The main window builds its pages on first use; a facilitator who opens the board projector
    before ever visiting the agenda page still expects Space to start the clock, so the main
    window (``owner``) hands over a function that builds its agenda page (which shares its timer
    panel). The function is forgotten when its owner is destroyed.
    """
    _builders[:] = [build]
    owner.destroyed.connect(lambda: _builders.remove(build) if build in _builders else None)


def _shared_remote() -> TimerRemote | None:
    if not _shared and _builders:
        _builders[0]()
    return _shared[0]() if _shared else None


def screen_names() -> list[str]:
    """Human names of the connected screens, in Qt's order."""
    return [
        f"{index + 1}: {screen.name()} ({screen.size().width()}×{screen.size().height()})"
        for index, screen in enumerate(QGuiApplication.screens())
    ]


class ProjectorWindow(QWidget):
    """A dark, borderless-capable window for the room's screen.

    F11 toggles full screen, Esc leaves it; the timer keys (see the module) work in every one.
    ``show_on_screen(i)`` moves the window to screen ``i`` (the projector is usually the last one)
    and shows it full screen there.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.setObjectName("projector")
        self.setStyleSheet("QWidget#projector { background: #0d1117; } QLabel { color: #f0f3f6; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.resize(1280, 720)
        self._remote: TimerRemote | None = None
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)
        for sequence, command in TIMER_KEYS:
            QShortcut(sequence, self, lambda command=command: self._timer_key(command))

    def set_timer_remote(self, remote: TimerRemote | None) -> None:
        """Drive this timer with the keys rather than the shared one (``None``: the shared one)."""
        self._remote = remote

    @property
    def timer_remote(self) -> TimerRemote | None:
        """The timer the keys drive: this window's own, or the one the agenda page shared."""
        return self._remote or _shared_remote()

    def _timer_key(self, command: Callable[[TimerRemote], None]) -> None:
        remote = self.timer_remote
        if remote is not None:
            command(remote)

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
            # One screen: a window beside the main one, as large as the screen's free area allows
            # (a fixed 1280 × 720 left no room for a title bar on a 1280 × 720 screen).
            fit_to_screen(self, 1280, 720)
            self.show()
        self.raise_()
