"""The import preview: who the file adds, changes, leaves as they are, and does not list.

A tree with one branch per kind, each headed with its count, and one row per person under it. A
changed person's row lists every field that changes with its old and new value, so that an
organiser sees exactly what an updated registration list will do before pressing Import.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt

from facilitator.core.participants import FIELD_LABELS, Participant
from facilitator.core.roster_import import ImportPlan
from facilitator.ui.item_index import Index

__all__ = ["ImportPreviewModel"]

_TITLES = ("Person", "Delegation", "What the import does")
_ROOT = 0  # internalId of a branch; people carry their branch's number plus one.


class ImportPreviewModel(QAbstractItemModel):
    """Branches "New", "Changed", "Unchanged" and "Not in the file", each with its people."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._branches: list[tuple[str, list[tuple[str, str, str]]]] = []

    def set_plan(self, plan: ImportPlan | None, remove_missing: bool = False) -> None:
        """Show what ``plan`` would do (nothing when it cannot be applied)."""
        self.beginResetModel()
        self._branches = [] if plan is None or not plan.ok else _branches(plan, remove_missing)
        self.endResetModel()

    def branch_titles(self) -> list[str]:
        """The branch headings as shown, with their counts."""
        return [title for title, _rows in self._branches]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """A branch at the top, or a person under a branch."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _ROOT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """A person's branch; branches have no parent."""
        if not child.isValid() or child.internalId() == _ROOT:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _ROOT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Branches at the top; people under a branch; nothing under a person."""
        if not parent.isValid():
            return len(self._branches)
        if parent.internalId() == _ROOT and parent.column() == 0:
            return len(self._branches[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Person, delegation, and what changes."""
        return len(_TITLES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The branch heading, or a person's name, delegation and changes."""
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.internalId() == _ROOT:
            return self._branches[index.row()][0] if index.column() == 0 else None
        return self._branches[index.internalId() - 1][1][index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _TITLES[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected and read, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _person(person: Participant, what: str) -> tuple[str, str, str]:
    return (person.name, person.delegation, what)


def _branches(plan: ImportPlan, remove_missing: bool) -> list[tuple[str, list[tuple[str, str, str]]]]:
    changed = [
        _person(
            update.after,
            f"row {update.row}, matched by {update.matched_by}: "
            + "; ".join(
                f"{FIELD_LABELS[c.field]}: {c.before or '(empty)'} → {c.after or '(empty)'}"
                for c in update.changes
            ),
        )
        for update in plan.updates
    ]
    missing_what = "removed" if remove_missing else "kept on the roster"
    branches = [
        (f"New: {len(plan.participants)}", [_person(p, "added") for p in plan.participants]),
        (f"Changed: {len(plan.updates)}", changed),
        (
            f"Unchanged: {len(plan.unchanged)}",
            [_person(p, "already on the roster as listed") for p in plan.unchanged],
        ),
        (
            f"On the roster, not in the file: {len(plan.missing)}",
            [_person(p, missing_what) for p in plan.missing],
        ),
    ]
    if plan.replace:
        branches = [(f"New (the roster is replaced): {len(plan.participants)}", branches[0][1])]
    return branches
