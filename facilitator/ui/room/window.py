"""The facilitator's view of the room: address, each group's codes, the phones signed in.

From here the facilitator hands a rapporteur the group's rapporteur code, gives a group new codes
(the old QR and code stop working), signs a phone or a whole group out, takes back the last
phone action on purpose (the desktop's Edit ▸ Undo never does), puts the room on the projector,
and closes the room, which signs every phone out.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import boards
from facilitator.room.access import RAPPORTEUR
from facilitator.room.service import GroupLinks
from facilitator.ui.keyed_rows_model import KeyedRowsModel
from facilitator.ui.room.link import RoomLink
from facilitator.ui.room.polling import FollowsRoomWhileShown
from facilitator.ui.room.projector import RoomProjector
from facilitator.ui.room.qr_widget import QrWidget
from facilitator.ui.widgets import button

__all__ = ["RapporteurCodeDialog", "RoomWindow"]


def _clock(moment: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(moment))


class RapporteurCodeDialog(QDialog):
    """A group's rapporteur QR code, shown on the laptop for one phone to scan."""

    def __init__(self, group: GroupLinks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Rapporteur code of {group.name}")
        self.qr = QrWidget(group.rapporteur_url)
        self.qr.setMinimumSize(320, 320)
        note = QLabel(
            f"<b>{group.name}: rapporteur</b><br>Scan with the rapporteur's phone, or type "
            f"<b style='white-space: nowrap'>{group.rapporteur_code}</b> at "
            f"{group.rapporteur_url.split('/j/')[0]}.<br>"
            "Show it to the rapporteur only: it lets a phone edit the group's notes."
        )
        note.setTextFormat(Qt.TextFormat.RichText)
        note.setWordWrap(True)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.qr, 1)
        layout.addWidget(note)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


class RoomWindow(FollowsRoomWhileShown, QWidget):
    """The room's controls, in a window of its own beside the main window."""

    def __init__(self, link: RoomLink, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.link = link
        self.controller = link.controller
        self.projector: RoomProjector | None = None
        self.setWindowTitle("Open to the room")
        self.resize(900, 620)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.board = QComboBox()
        self.board.setAccessibleName("Board phones write to")
        self.groups_model = KeyedRowsModel(["Group", "Join code", "Rapporteur code", "Phones", "Cards sent"])
        self.groups_view = self._table(self.groups_model)
        self.phones_model = KeyedRowsModel(
            ["Phone", "Group", "Role", "Browser", "Joined", "Last seen", "Cards"]
        )
        self.phones_view = self._table(self.phones_model)
        self.undo_phone = button(
            "Undo phone action", self._on_undo_phone_clicked, "Take back the last phone action"
        )
        self.open_close = button(
            "Close the room", self._on_open_close_clicked, "Sign every phone out and stop"
        )
        self._layout()
        self.follow_room(link)
        self.board.activated.connect(self._on_board_activated)
        link.failed.connect(self._on_failed)
        self.controller.workshop_changed.connect(lambda _changes: self._update_undo())
        self.refresh()

    @staticmethod
    def _table(model: KeyedRowsModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.setWordWrap(False)  # codes and names on one line; the columns fit them
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Board phones write to"))
        top.addWidget(self.board, 1)
        group_buttons = QHBoxLayout()
        for widget in (
            button("Rapporteur code…", self.show_rapporteur_code, "Show the group's rapporteur QR code here"),
            button("New codes", self.rotate_group, "The group's old QR code and code stop working"),
            button("Sign out its phones", self.sign_out_group, "Every phone of the group must join again"),
        ):
            group_buttons.addWidget(widget)
        group_buttons.addStretch(1)
        phone_buttons = QHBoxLayout()
        phone_buttons.addWidget(button("Sign out phone", self.sign_out_phone, "This phone must join again"))
        phone_buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(
            button("Projector", self.open_projector, "Show the codes on the room's screen", "F5")
        )
        bottom.addWidget(self.undo_phone)
        bottom.addStretch(1)
        bottom.addWidget(self.open_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(
            QLabel("<b>Groups</b> (join codes are on the projector; rapporteur codes only here)")
        )
        layout.addWidget(self.groups_view, 3)
        layout.addLayout(group_buttons)
        layout.addWidget(QLabel("<b>Phones signed in</b>"))
        layout.addWidget(self.phones_view, 2)
        layout.addLayout(phone_buttons)
        layout.addLayout(bottom)

    # Showing the room --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the room as it is now."""
        service = self.link.service
        listening = service is not None and service.port != 0
        if service is None:
            self.status.setText("The room is closed: nothing listens. Open it to let phones join.")
        elif not listening:
            self.status.setText("Opening the room…")
        else:
            phones = len(service.devices())
            self.status.setText(
                f"<span style='font-size:15pt'><b>{service.url}</b></span> — open. "
                f"{phones} phone{'s' if phones != 1 else ''} signed in. Phones need the same Wi-Fi as this "
                "laptop, with mobile data off."
            )
        self.open_close.setText("Close the room" if service is not None else "Open to the room…")
        self._fill_boards(service.board if service is not None else "")
        groups = service.groups() if listening and service is not None else []
        devices = service.devices() if listening and service is not None else []
        self.groups_model.set_rows(
            [
                (
                    group.name,
                    (
                        group.name,
                        group.join_code,
                        group.rapporteur_code,
                        sum(1 for d in devices if d.group == group.name),
                        sum(d.cards for d in devices if d.group == group.name),
                    ),
                )
                for group in groups
            ]
        )
        self.phones_model.set_rows(
            [
                (
                    d.number,
                    (
                        f"Phone {d.number}",
                        d.group,
                        "rapporteur" if d.role == RAPPORTEUR else "member",
                        d.agent,
                        _clock(d.joined),
                        _clock(d.last_seen),
                        d.cards,
                    ),
                )
                for d in devices
            ]
        )
        for view in (self.groups_view, self.phones_view):
            view.resizeColumnsToContents()  # a few dozen rows at most: cheap, and codes stay whole
        self._update_undo()

    def _fill_boards(self, current: str) -> None:
        items = [(b.title, b.id) for b in boards.boards(self.controller.session)]
        if [(self.board.itemText(i), self.board.itemData(i)) for i in range(self.board.count())] != items:
            self.board.clear()
            for title, key in items:
                self.board.addItem(title, key)
        self.board.setCurrentIndex(max(0, self.board.findData(current)))
        self.board.setEnabled(self.link.service is not None)

    def _update_undo(self) -> None:
        label = self.controller.session.undo_label_of("phone")
        self.undo_phone.setEnabled(label is not None)
        self.undo_phone.setText(f"Undo {label}" if label else "Undo phone action")

    # Acting on the room ------------------------------------------------------------------------

    def _selected_group(self) -> GroupLinks | None:
        service = self.link.service
        rows = self.groups_view.selectionModel().selectedRows()
        if service is None or not rows:
            return None
        name = self.groups_model.key(rows[0].row())
        return next((g for g in service.groups() if g.name == name), None)

    def show_rapporteur_code(self) -> RapporteurCodeDialog | None:
        """Show the selected group's rapporteur code (modeless, on the laptop only)."""
        group = self._selected_group()
        if group is None:
            return None
        dialog = RapporteurCodeDialog(group, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def rotate_group(self) -> None:
        """New codes for the selected group."""
        group = self._selected_group()
        if group is not None and self.link.service is not None:
            self.link.service.rotate(group.name)
            self.refresh()
            if self.projector is not None:
                self.projector.refresh()

    def sign_out_group(self) -> None:
        """Sign out every phone of the selected group."""
        group = self._selected_group()
        if group is not None and self.link.service is not None:
            self.link.service.sign_out_group(group.name)
            self.refresh()

    def sign_out_phone(self) -> None:
        """Sign out the selected phone."""
        service = self.link.service
        rows = self.phones_view.selectionModel().selectedRows()
        if service is None or not rows:
            return
        number = self.phones_model.key(rows[0].row())
        for device in service.devices():
            if device.number == number:
                service.sign_out(device)
        self.refresh()

    def _on_undo_phone_clicked(self) -> None:
        self.controller.run(lambda session: session.undo("phone"))

    def _on_board_activated(self, index: int) -> None:
        if self.link.service is not None:
            self.link.service.set_board(str(self.board.itemData(index)))

    def _on_open_close_clicked(self) -> None:
        if self.link.service is not None:
            self.link.close()
        else:
            from facilitator.ui.room import open_room

            open_room(self.parentWidget() or self, self.controller, self.board.currentData() or "")

    def _on_failed(self, message: str) -> None:
        self.controller.error_reported.emit("The room did not open", message)
        self.refresh()

    def open_projector(self) -> RoomProjector:
        """Show the room's address and codes on the projector (the last screen)."""
        if self.projector is None:
            self.projector = RoomProjector(self.link, self)
        self.projector.show_on_screen()
        return self.projector
