"""The question asked before the room opens: on which network, which board, how many dots.

The room is off until a facilitator opens it here. The laptop's addresses on the venue network are
offered first (the one phones will type), then this laptop alone for a rehearsal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QSpinBox, QWidget

from facilitator.core.boards import Board
from facilitator.room.network import LOOPBACK
from facilitator.room.service import DEFAULT_PORT, RoomSettings
from facilitator.ui.widgets import action_buttons

__all__ = ["OpenRoomDialog"]


class OpenRoomDialog(QDialog):
    """Network address, port, board and dots per phone for the room.

    Args:
        workshop: The workshop file the room will serve.
        addresses: This laptop's LAN addresses, likeliest first.
        boards: The workshop's boards.
        board: The board to offer first (the one on screen).
    """

    def __init__(
        self,
        workshop: Path,
        addresses: list[str],
        boards: list[Board],
        board: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workshop = workshop
        self.setWindowTitle("Open to the room")
        self.setMinimumWidth(560)
        settings = QSettings("Facilitator", "Facilitator")
        self.address = QComboBox()
        self.address.setAccessibleName("Network address")
        for address in addresses:
            self.address.addItem(f"{address}  (the venue network: phones on the same Wi-Fi)", address)
        self.address.addItem(f"{LOOPBACK}  (this laptop only: a rehearsal)", LOOPBACK)
        remembered = self.address.findData(settings.value("room/address", ""))
        self.address.setCurrentIndex(max(0, remembered))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(int(str(settings.value("room/port", DEFAULT_PORT))))
        self.board = QComboBox()
        self.board.setAccessibleName("Board phones write to")
        for item in boards:
            self.board.addItem(item.title, item.id)
        self.board.setCurrentIndex(max(0, self.board.findData(board)))
        self.dots = QSpinBox()
        self.dots.setRange(1, 20)
        self.dots.setValue(int(str(settings.value("room/dots", 2))))
        self.dots.setToolTip("Dots one phone may place; each group's own budget still holds")
        note = QLabel(
            "Nothing listens until you open the room, and it closes when you close it or quit. "
            "Phones see only the board's categories, their group's cards and the cards you reveal."
            if addresses
            else "This laptop is on no network now. Connect it to the venue Wi-Fi to open the room to "
            "phones, or rehearse on this laptop only."
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("Network address", self.address)
        form.addRow("Port", self.port)
        form.addRow("Board", self.board)
        form.addRow("Dots per phone", self.dots)
        form.addRow(note)
        form.addRow(action_buttons(self, "Open to the room"))

    def room_settings(self) -> RoomSettings:
        """The settings chosen, remembered for next time."""
        settings = QSettings("Facilitator", "Facilitator")
        settings.setValue("room/address", self.address.currentData())
        settings.setValue("room/port", self.port.value())
        settings.setValue("room/dots", self.dots.value())
        # The usual port moves to the next free one if another program has it; a port chosen on
        # purpose is used or refused.
        port = None if self.port.value() == DEFAULT_PORT else self.port.value()
        return RoomSettings(
            self.workshop,
            str(self.board.currentData()),
            str(self.address.currentData()),
            port,
            dots_per_phone=self.dots.value(),
        )
