"""Item model of the roster table: one row per participant, edits go through the app layer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from facilitator.app import roster
from facilitator.app.changes import ROSTER, Changes
from facilitator.core.participants import ROSTER_FIELDS, SECTOR_LABELS, Participant
from facilitator.ui.controller import Controller

__all__ = ["COLUMN_TITLES", "RosterTableModel"]

COLUMN_TITLES: dict[str, str] = {
    "id": "No.",
    "name": "Name",
    "native_name": "Name in own script",
    "sex": "Sex",
    "delegation": "Delegation",
    "organisation": "Organisation",
    "position": "Position",
    "sector": "Sector",
    "role": "Role",
    "email": "E-mail",
}

Index = QModelIndex | QPersistentModelIndex


class RosterTableModel(QAbstractTableModel):
    """Participants as table rows; reloads itself when the roster changes."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self._controller = controller
        self._people: list[Participant] = []
        self.reload()
        controller.workshop_changed.connect(self._on_workshop_changed)

    def reload(self) -> None:
        """Read the roster again from the workshop file."""
        self.beginResetModel()
        self._people = roster.participants(self._controller.session)
        self.endResetModel()

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.touches(ROSTER):
            self.reload()

    def participant(self, row: int) -> Participant:
        """The participant shown in a row."""
        return self._people[row]

    def row_of(self, participant_id: int) -> int | None:
        """Row of a participant, if shown."""
        return next((i for i, p in enumerate(self._people) if p.id == participant_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """Number of participants."""
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """One column per roster field."""
        return 0 if parent.isValid() else len(ROSTER_FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMN_TITLES[ROSTER_FIELDS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; the edit role gives the stored value."""
        if not index.isValid():
            return None
        person = self._people[index.row()]
        field = ROSTER_FIELDS[index.column()]
        value = getattr(person, field)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "sector":
                return SECTOR_LABELS.get(value, value)
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole and field == "delegation":
            return person.delegation_name
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("id", "sex"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Every field but the id can be edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if ROSTER_FIELDS[index.column()] != "id":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save an edit through the application layer; a refused value is reported and kept out."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        person = self._people[index.row()]
        field = ROSTER_FIELDS[index.column()]
        result = self._controller.run(roster.edit_participant, person.id, **{field: str(value)})
        return result is not None
