"""The room on the wall: where to go, and each group's QR code, large enough to scan from a seat.

The address is shown as digits (``http://192.168.1.20:8765``): phones on a venue network do not
resolve the laptop's name. Each group has its own tile: name, QR code of its join link, and the
short code for a phone that cannot scan. Keys 1–9 show one group's code filling the screen (for
a room that scans group by group); 0 shows them all again. Rapporteurs' codes are never shown
here: the facilitator hands them over from the room window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from facilitator.room.service import GroupLinks
from facilitator.ui.projector import ProjectorWindow
from facilitator.ui.room.link import RoomLink
from facilitator.ui.room.polling import FollowsRoomWhileShown
from facilitator.ui.room.qr_widget import QrWidget

__all__ = ["WIFI_LINE", "RoomProjector"]

#: The one instruction phones need before anything else.
WIFI_LINE = "Same Wi-Fi as this laptop; turn mobile data off"


def _font(label: QLabel, scale: float, bold: bool = False) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)


class _GroupTile(QWidget):
    """One group: its name, its QR code and its short code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel()
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _font(self.name, 2.2, bold=True)
        self.qr = QrWidget()
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        _font(self.code, 2.0)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.name)
        column.addWidget(self.qr, 1)
        column.addWidget(self.code)

    def show_group(self, group: GroupLinks) -> None:
        """Show a group's link and code."""
        self.name.setText(group.name)
        self.qr.set_text(group.join_url)
        self.code.setText(f"or type {group.join_code}")


class RoomProjector(FollowsRoomWhileShown, ProjectorWindow):
    """The room's address, the Wi-Fi line and every group's QR code, on the room's screen."""

    def __init__(self, link: RoomLink, parent: QWidget | None = None) -> None:
        super().__init__("Open to the room — projector", parent)
        self.link = link
        self.only: int | None = None
        self._shown: list[GroupLinks] = []
        self.title = QLabel("Add your group's red flags from your phone")
        _font(self.title, 2.4, bold=True)
        self.address = QLabel()
        _font(self.address, 3.4, bold=True)
        self.address.setStyleSheet("color: #ffd33d;")
        self.wifi = QLabel(WIFI_LINE)
        _font(self.wifi, 2.0)
        self.closed = QLabel("The room is closed.")
        _font(self.closed, 2.6)
        self.tiles: list[_GroupTile] = []
        self.grid = QGridLayout()
        self.grid.setSpacing(18)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        for label in (self.title, self.address, self.wifi, self.closed):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addLayout(self.grid, 1)
        self.follow_room(link)
        self.refresh()

    def refresh(self) -> None:
        """Show the room's address and groups as they are now (a new code after a rotation)."""
        service = self.link.service
        running = service is not None and service.port != 0
        groups = service.groups() if service is not None and running else []
        self.closed.setText("Opening the room…" if service is not None else "The room is closed.")
        self.closed.setVisible(not running)
        for label in (self.title, self.address, self.wifi):
            label.setVisible(running)
        if service is not None and running:
            self.address.setText(service.url)
        shown = [groups[self.only]] if self.only is not None and self.only < len(groups) else groups
        if shown == self._shown:
            return
        self._shown = shown
        self._lay_out(shown)

    def _lay_out(self, groups: list[GroupLinks]) -> None:
        while len(self.tiles) < len(groups):
            self.tiles.append(_GroupTile(self))
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.hide()
        columns = 1 if len(groups) <= 1 else 2 if len(groups) <= 4 else 3 if len(groups) <= 6 else 4
        for index, group in enumerate(groups):
            tile = self.tiles[index]
            tile.show_group(group)
            self.grid.addWidget(tile, index // columns, index % columns)
            tile.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """1–9: one group's code alone, as large as the screen allows; 0: every group."""
        text = event.text()
        if text.isdigit():
            self.only = None if text == "0" else int(text) - 1
            self.refresh()
            return
        super().keyPressEvent(event)
