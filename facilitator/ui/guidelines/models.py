"""Item models of the guidelines page: the outline, a section's key actions and its triggers.

The page reads the draft once per change and hands each model the part it shows; edits made in a
table go through the application layer, so they are saved, undoable and seen by every view. A
model given new rows of the same section updates only the rows that differ (``sync_rows``), so
the selection, current cell and an open editor survive an edit made elsewhere; it resets when it
is told to (another section, or changes whose rows are unknown).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from facilitator.app import guidelines
from facilitator.core.guidelines import (
    ACTION_FIELD_LABELS,
    ACTION_FIELDS,
    STATUS_LABELS,
    GuidelinesDraft,
    KeyAction,
    ReferralTrigger,
    Section,
)
from facilitator.ui.controller import Controller
from facilitator.ui.headed_table_model import HeadedTableModel
from facilitator.ui.item_index import Index
from facilitator.ui.row_sync import emit_rows_changed, sync_rows

__all__ = ["ACTION_COLUMNS", "KeyActionsModel", "SectionsModel", "TriggersModel"]


#: Table columns: the number, then every editable field.
ACTION_COLUMNS: tuple[str, ...] = ("number", *ACTION_FIELDS)
_SHORT_HEADERS = {"number": "No.", "recommendations": "Manila rec.", "source_group": "Group"}
_STATUS_COLOURS = {"agreed": "#dff3e4", "deferred": "#eceff3"}


class SectionsModel(QAbstractListModel):
    """The outline: one row per section, numbered, with its count of key actions."""

    def __init__(self) -> None:
        super().__init__()
        self._sections: list[Section] = []
        self._counts: dict[int, int] = {}

    def set_draft(self, draft: GuidelinesDraft, reset: bool = True) -> None:
        """Show the sections of a freshly read draft; without ``reset``, only the rows that differ."""
        counts = {s.id: len(draft.actions_in(s.id)) + len(draft.triggers_in(s.id)) for s in draft.sections}
        if reset:
            self.beginResetModel()
            self._sections, self._counts = list(draft.sections), counts
            self.endResetModel()
            return
        self._counts = counts
        sync_rows(self, self._sections, draft.sections, lambda section: section.id)
        # A row's text holds its number and count, which other rows' moves and edits change.
        emit_rows_changed(self, range(len(self._sections)))

    def section(self, row: int) -> Section:
        """The section on a row."""
        return self._sections[row]

    def row_of(self, section_id: int) -> int | None:
        """Row of a section, if shown."""
        return next((i for i, s in enumerate(self._sections) if s.id == section_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """Number of sections."""
        return 0 if parent.isValid() else len(self._sections)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """ "3. Joint inspections (2)"; the section's purpose as its tooltip."""
        if not index.isValid():
            return None
        section = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            count = self._counts.get(section.id, 0)
            return f"{index.row() + 1}. {section.title}" + (f"  ({count})" if count else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return section.hint or section.title
        if role == Qt.ItemDataRole.FontRole and not (section.body or self._counts.get(section.id)):
            font = QFont()
            font.setItalic(True)
            return font
        return None


class KeyActionsModel(HeadedTableModel):
    """The key actions of one section, edited in place (Enter or F2) through the app layer."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self._controller = controller
        self._actions: list[KeyAction] = []
        self._number = 0

    def set_actions(self, section_number: int, actions: list[KeyAction], reset: bool = True) -> None:
        """Show a section's actions; ``section_number`` prefixes their numbers (3.1, 3.2 …).

        Without ``reset`` (the same section, read again) only the rows that differ are reported;
        a renumbered section reports every row, whose numbers all changed.
        """
        if reset:
            self.beginResetModel()
            self._number, self._actions = section_number, list(actions)
            self.endResetModel()
            return
        renumbered, self._number = section_number != self._number, section_number
        sync_rows(self, self._actions, actions, lambda action: action.id)
        if renumbered:
            emit_rows_changed(self, range(len(self._actions)))
        elif self._actions:  # a row's number is its place, which inserts and moves change
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._actions) - 1, 0))

    def action(self, row: int) -> KeyAction:
        """The key action on a row."""
        return self._actions[row]

    def row_of(self, action_id: int) -> int | None:
        """Row of a key action, if shown."""
        return next((i for i, a in enumerate(self._actions) if a.id == action_id), None)

    def _value(self, action: KeyAction, field: str, row: int) -> str:
        if field == "number":
            return f"{self._number}.{row + 1}"
        if field == "recommendations":
            return action.recommendations_label
        return str(getattr(action, field))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; the edit role gives the stored value; rows are tinted by status."""
        if not index.isValid():
            return None
        action = self._actions[index.row()]
        field = ACTION_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return self._value(action, field, index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "status":
                return STATUS_LABELS[action.status]
            return self._value(action, field, index.row())
        if role == Qt.ItemDataRole.ToolTipRole and field == "action":
            return action.action
        if role == Qt.ItemDataRole.BackgroundRole and action.status in _STATUS_COLOURS:
            return QBrush(QColor(_STATUS_COLOURS[action.status]))
        if role == Qt.ItemDataRole.FontRole and field == "status" and action.status == "agreed":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Every field but the number can be edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if ACTION_COLUMNS[index.column()] != "number":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save an edit through the application layer; a refused value is reported, not stored."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = ACTION_COLUMNS[index.column()]
        if field == "number":
            return False
        action = self._actions[index.row()]
        result = self._controller.run(guidelines.edit_action, action.id, **{field: str(value)})
        return result is not None

    def row_count(self) -> int:
        """Number of key actions."""
        return len(self._actions)

    def column_titles(self) -> list[str]:
        """Number and fields, with short titles for the narrow columns."""
        return [_SHORT_HEADERS.get(f, ACTION_FIELD_LABELS.get(f, "")) for f in ACTION_COLUMNS]


class TriggersModel(HeadedTableModel):
    """The red flags pulled into a referral-trigger section (read-only: they come from the boards)."""

    HEADERS = ("Red flag", "Indicator or violation", "Evidence to secure", "Refer to", "Votes", "Groups")

    def __init__(self) -> None:
        super().__init__()
        self._triggers: list[ReferralTrigger] = []

    def set_triggers(self, triggers: list[ReferralTrigger], reset: bool = True) -> None:
        """Show a section's triggers; without ``reset``, only the rows that differ."""
        if reset:
            self.beginResetModel()
            self._triggers = list(triggers)
            self.endResetModel()
        else:
            sync_rows(self, self._triggers, triggers, lambda trigger: trigger.id)

    def trigger(self, row: int) -> ReferralTrigger:
        """The trigger on a row."""
        return self._triggers[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; votes right-aligned."""
        if not index.isValid():
            return None
        t = self._triggers[index.row()]
        values = (t.red_flag, t.category, t.evidence, t.refer_to, t.votes, t.groups)
        value = values[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_count(self) -> int:
        """Number of triggers."""
        return len(self._triggers)

    def column_titles(self) -> tuple[str, ...]:
        """Fixed columns."""
        return self.HEADERS
