"""The room in the window: open it, see who joined, show the codes on the projector.

:func:`open_room` is what the boards page's button and *File ▸ Open to the room…* call: it asks
where to open the room (the first time), then shows the room's window. The server itself is the
Qt-free :mod:`facilitator.room`; here are its GUI thread runner, its link to the controller, and
its windows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from facilitator.ui.controller import Controller
from facilitator.ui.room.link import RoomLink
from facilitator.ui.room.window import RoomWindow

__all__ = ["RoomLink", "RoomWindow", "open_room"]


def room_window(controller: Controller, parent: QWidget | None = None) -> RoomWindow:
    """The room's window of this controller (made on first use)."""
    link = RoomLink.of(controller)
    if not isinstance(link.window, RoomWindow):
        link.window = RoomWindow(link, parent)
    return link.window


def open_room(parent: QWidget | None, controller: Controller, board: str = "") -> RoomWindow | None:
    """Ask where to open the room and open it; show the room's window.

    Returns:
        The room's window, or None when the facilitator cancelled.
    """
    from facilitator.app import boards
    from facilitator.room.network import lan_addresses
    from facilitator.ui.room.open_dialog import OpenRoomDialog

    link = RoomLink.of(controller)
    if not link.is_open:
        session = controller.session
        dialog = OpenRoomDialog(session.path, lan_addresses(), boards.boards(session), board, parent)
        if not dialog.exec():
            return None
        link.open(dialog.room_settings())
    window = room_window(controller, parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
