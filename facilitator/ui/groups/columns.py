"""One group on the Groups page: its name, where it meets, its balance badges and its member chips."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from facilitator.core.participants import Participant
from facilitator.ui.groups.chips import MemberChipDelegate
from facilitator.ui.groups.models import GroupMembersModel

__all__ = ["GroupColumn"]

_MIN_WIDTH = 190
_MAX_WIDTH = 300


class GroupColumn(QFrame):
    """A column for one group; dropping a chip here asks ``on_drop(pid, group, row)`` to move it.

    Args:
        number: The group's number (0-based).
        on_drop: Called with (participant id, group number, row) when a chip is dropped here.
        on_selected: Called with this column when one of its chips is selected.
        on_place: Called with (group number, text) when the place is edited (Enter or leaving it).
    """

    def __init__(
        self,
        number: int,
        on_drop: Callable[[int, int, int], None],
        on_selected: Callable[[GroupColumn], None],
        on_place: Callable[[int, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.number = number
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(_MIN_WIDTH)
        self.setMaximumWidth(_MAX_WIDTH)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.place = QLineEdit()
        self.place.setPlaceholderText("Where? e.g. Mekong room")
        self.place.setAccessibleName(f"Place of group {number + 1}")
        self.place.setToolTip("Where this group meets: shown on the projector and the printed lists")
        self.place.editingFinished.connect(self._on_place_editing_finished)
        self._on_place = on_place
        self._shown_place = ""
        self.badges = QLabel()
        self.badges.setWordWrap(True)
        self.badges.setTextFormat(Qt.TextFormat.RichText)
        self.model = GroupMembersModel(number)
        self.model.drop_requested.connect(on_drop)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(MemberChipDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setStyleSheet("QListView { background: #f8fafc; border: 1px solid #d0d7de; }")
        self.view.selectionModel().currentChanged.connect(lambda *_: on_selected(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.place)
        layout.addWidget(self.badges)
        layout.addWidget(self.view, 1)

    def show_group(
        self,
        name: str,
        members: Sequence[Participant],
        pinned: frozenset[int],
        editable: bool,
        badges: str,
        place: str = "",
        late: frozenset[int] = frozenset(),
    ) -> None:
        """Show a group's members, place and balance (a place being typed is left alone)."""
        self.title.setText(f"{name} · {len(members)}")
        self.badges.setText(badges)
        self._shown_place = place
        if not self.place.hasFocus():
            self.place.setText(place)
        self.model.set_members(members, pinned, editable, late)

    def _on_place_editing_finished(self) -> None:
        text = " ".join(self.place.text().split())
        if text != self._shown_place:
            self._shown_place = text
            self._on_place(self.number, text)

    def selected(self) -> Participant | None:
        """The selected member, if any."""
        index = self.view.currentIndex()
        return (
            self.model.person(index.row())
            if index.isValid() and self.view.selectionModel().isSelected(index)
            else None
        )

    def select(self, participant_id: int) -> bool:
        """Select a member if they are in this group."""
        row = self.model.row_of(participant_id)
        if row is None:
            return False
        self.view.setFocus()
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return True

    def clear_selection(self) -> None:
        """Unselect every member."""
        self.view.selectionModel().clearSelection()
