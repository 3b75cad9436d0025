"""Item models of the Groups page: the rounds, the members of each group, and people to choose.

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
    "LATE_ROLE",
    "MEMBER_MIME",
    "PERSON_ROLE",
    "PINNED_ROLE",
    "GroupMembersModel",
    "PeopleChoiceModel",
    "RoundsModel",
]


#: Drag payload: the participant id as ASCII digits.
MEMBER_MIME = "application/x-facilitator-member"
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
PINNED_ROLE = Qt.ItemDataRole.UserRole + 2
#: Whether the member joined after the round was formed (placed by "Add late arrivals").
LATE_ROLE = Qt.ItemDataRole.UserRole + 3


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
        self._late: frozenset[int] = frozenset()
        self._editable = True

    def set_members(
        self,
        members: Sequence[Participant],
        pinned: frozenset[int],
        editable: bool,
        late: frozenset[int] = frozenset(),
    ) -> None:
        """Show these members; ``editable`` is false for a locked round; ``late`` joined late.

        Only the rows that differ change (a drag removes one chip here and inserts it there), so
        the selected chip and the scroll position stay; rows that swap places reset the list.
        """
        new = list(members)
        old_flags = (self._pinned, self._late, self._editable)
        wanted = {person.id for person in new}
        for row in range(len(self._members) - 1, -1, -1):
            if self._members[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._members[row]
                self.endRemoveRows()
        kept = {person.id for person in self._members}
        self._pinned, self._late, self._editable = pinned, late, editable
        if [p.id for p in self._members] != [p.id for p in new if p.id in kept]:
            self.beginResetModel()
            self._members = new
            self.endResetModel()
            return
        for row, person in enumerate(new):
            if person.id not in kept:
                self.beginInsertRows(QModelIndex(), row, row)
                self._members.insert(row, person)
                self.endInsertRows()
            elif person != self._members[row] or old_flags != (pinned, late, editable):
                self._members[row] = person
                self.dataChanged.emit(self.index(row), self.index(row))

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
                "Joined late (placed by Add late arrivals)" if person.id in self._late else "",
            ]
            return "\n".join(line for line in lines if line)
        if role == PERSON_ROLE:
            return person
        if role == PINNED_ROLE:
            return person.id in self._pinned
        if role == LATE_ROLE:
            return person.id in self._late
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


class PeopleChoiceModel(QAbstractListModel):
    """People with a check box each, for forming a round from a selection.

    Rows never move: filtering hides rows in the view, so a check survives any search typed.
    """

    def __init__(self, people: Sequence[Participant], checked: Sequence[int] = ()) -> None:
        super().__init__()
        self._people = list(people)
        self._checked = set(checked)

    def chosen(self) -> list[int]:
        """Ids of the checked people, in list order."""
        return [p.id for p in self._people if p.id in self._checked]

    def person(self, row: int) -> Participant:
        """The person in a row."""
        return self._people[row]

    def set_all(self, checked: bool, rows: Sequence[int] | None = None) -> None:
        """Check or uncheck every row (or the given rows)."""
        rows = range(len(self._people)) if rows is None else rows
        for row in rows:
            pid = self._people[row].id
            if checked:
                self._checked.add(pid)
            else:
                self._checked.discard(pid)
        if self._people:
            role = Qt.ItemDataRole.CheckStateRole
            self.dataChanged.emit(self.index(0), self.index(len(self._people) - 1), [role])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """Number of people."""
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name with delegation and sector, and the check."""
        if not index.isValid():
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            sector = SECTOR_LABELS.get(person.sector, person.sector)
            return f"{person.name} ({person.delegation or 'no delegation'}, {sector.lower()})"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if person.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Check or uncheck a person."""
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        pid = self._people[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(pid)
        else:
            self._checked.discard(pid)
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        """People are checkable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
