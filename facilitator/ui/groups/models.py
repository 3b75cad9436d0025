"""Item models of the Groups page: the list of rounds, and the members of each group.

A group's model accepts drops of members from any other group's view. It does not move the row
itself: it asks the page to run the move command, and every view refreshes from the workshop
afterwards, so undo, the other columns and the projector all see the same change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)

from facilitator.app.groups import StoredRound
from facilitator.core.participants import ASEAN_MEMBERS, SECTOR_LABELS, SEX_LABELS, Participant
from facilitator.ui.id_drag import IdDragMixin
from facilitator.ui.item_index import Index

__all__ = [
    "MEMBER_MIME",
    "PERSON_ROLE",
    "PINNED_ROLE",
    "GroupMembersModel",
    "RoundsModel",
]


#: Drag payload: the participant id as ASCII digits.
MEMBER_MIME = "application/x-facilitator-member"
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
PINNED_ROLE = Qt.ItemDataRole.UserRole + 2


class RoundsModel(QAbstractListModel):
    """Rounds in order, with their state."""

    def __init__(self) -> None:
        super().__init__()
        self._rounds: list[StoredRound] = []

    def set_rounds(self, rounds: Sequence[StoredRound]) -> None:
        """Replace the rounds shown."""
        self.beginResetModel()
        self._rounds = list(rounds)
        self.endResetModel()

    def round_at(self, row: int) -> StoredRound:
        """The round in a row."""
        return self._rounds[row]

    def row_of(self, round_id: int) -> int | None:
        """Row of a round, if shown."""
        return next((row for row, r in enumerate(self._rounds) if r.id == round_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """Number of rounds."""
        return 0 if parent.isValid() else len(self._rounds)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name with group count and mode; locked rounds say so."""
        if not index.isValid():
            return None
        stored = self._rounds[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mode = "country teams" if stored.mode == "country" else "mixed"
            lock = " · locked" if stored.locked else ""
            return f"{stored.name}\n{len(stored.group_names)} groups, {mode}{lock}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{stored.name}: seed {stored.seed}" + (" (locked: announced)" if stored.locked else "")
        if role == Qt.ItemDataRole.UserRole:
            return stored.id
        return None


class GroupMembersModel(IdDragMixin, QAbstractListModel):
    """The members of one group, draggable to another group.

    Signals:
        drop_requested(int, int, int): participant id, this group's number, row to insert at.
    """

    MIME = MEMBER_MIME

    drop_requested = Signal(int, int, int)

    def __init__(self, group: int) -> None:
        super().__init__()
        self.group = group
        self._members: list[Participant] = []
        self._pinned: frozenset[int] = frozenset()
        self._editable = True

    def set_members(self, members: Sequence[Participant], pinned: frozenset[int], editable: bool) -> None:
        """Replace the members shown; ``editable`` is false for a locked round."""
        self.beginResetModel()
        self._members = list(members)
        self._pinned = pinned
        self._editable = editable
        self.endResetModel()

    def person(self, row: int) -> Participant:
        """The member in a row."""
        return self._members[row]

    def row_of(self, participant_id: int) -> int | None:
        """Row of a member, if in this group."""
        return next((row for row, p in enumerate(self._members) if p.id == participant_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """Number of members."""
        return 0 if parent.isValid() else len(self._members)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name, details in the tooltip, the participant and whether they are pinned."""
        if not index.isValid():
            return None
        person = self._members[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return person.name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                person.name,
                person.native_name,
                ASEAN_MEMBERS.get(person.delegation, person.delegation),
                person.organisation,
                f"{SECTOR_LABELS.get(person.sector, person.sector)} · {SEX_LABELS.get(person.sex, '')}",
                person.role.capitalize() if person.role in ("facilitator", "rapporteur") else "",
                "Pinned to this group" if person.id in self._pinned else "",
            ]
            return "\n".join(line for line in lines if line)
        if role == PERSON_ROLE:
            return person
        if role == PINNED_ROLE:
            return person.id in self._pinned
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Members drag unless pinned or locked; the list takes drops unless locked."""
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._editable else Qt.ItemFlag.NoItemFlags
        if self._editable and self._members[index.row()].id not in self._pinned:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged member's participant id (one person moves at a time)."""
        return self.ids_mime_data([self._members[indexes[0].row()].id] if indexes else [])

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Whether a member may be dropped here."""
        return self._editable and data.hasFormat(MEMBER_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move; the rows change when the workshop does (False keeps Qt from removing)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = self.dropped_ids(data)
        if len(ids) != 1:
            return False
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self._members)
        self.drop_requested.emit(ids[0], self.group, target)
        return False
