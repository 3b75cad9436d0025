"""What the room's window and projector share: they follow the room while on screen, and only then.

Phones join and codes rotate without changing the workshop, so no ``Changes`` tells these views
about it; they poll the room once a second while shown, and stop while hidden.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from facilitator.ui.room.link import RoomLink

__all__ = ["POLL_MS", "FollowsRoomWhileShown"]

#: How often a shown room view looks at the room again.
POLL_MS = 1000


class FollowsRoomWhileShown:
    """Mixin for a widget with a ``refresh()``: put it before the Qt class in the bases."""

    timer: QTimer

    def refresh(self) -> None:
        """Show the room as it is now (the widget's own)."""
        raise NotImplementedError

    def follow_room(self, link: RoomLink) -> None:
        """Refresh when the room opens or closes, and every second while shown."""
        self.timer = QTimer(self if isinstance(self, QObject) else None)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        link.opened.connect(lambda _url: self.refresh())
        link.closed.connect(self.refresh)

    def showEvent(self, event: Any) -> None:
        """Start following the room, and show it as it is now."""
        super().showEvent(event)  # type: ignore[misc]
        self.timer.start()
        self.refresh()

    def hideEvent(self, event: Any) -> None:
        """Stop polling while hidden."""
        self.timer.stop()
        super().hideEvent(event)  # type: ignore[misc]
