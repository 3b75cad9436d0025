"""Read-only tables whose rows each have a key, updated row by row instead of reset.

A check-in adds one row to the desk's list of arrivals and changes a few numbers in its counts;
the room window's phones come and go once a second. A reset would redraw every row and drop the
selection (the search result the person at the desk is moving through with Up and Down, the phone
the facilitator is about to revoke); updating by key keeps both.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from facilitator.ui.headed_table_model import HeadedTableModel
from facilitator.ui.item_index import Index

__all__ = ["KeyedRowsModel"]

Row = tuple[Hashable, tuple[Any, ...]]

_USED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole})


class KeyedRowsModel(HeadedTableModel):
    """Read-only rows of values, each under a key (a scan id, a participant id, a label)."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[tuple[Hashable, Sequence[Any]]]) -> None:
        """Show these rows, in this order, touching only the rows that differ.

        Rows whose key is gone are removed, new keys inserted where they belong, and rows whose
        values changed updated in place. Only when rows that stay swap places is the model reset.
        """
        new = [(key, tuple(values)) for key, values in rows]
        keys = {key for key, _ in new}
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row][0] not in keys:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        kept = {key for key, _ in self._rows}
        if [key for key, _ in self._rows] != [key for key, _ in new if key in kept]:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        last_column = len(self._headers) - 1
        for row, (key, values) in enumerate(new):
            if key not in kept:
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, (key, values))
                self.endInsertRows()
            elif self._rows[row][1] != values:
                self._rows[row] = (key, values)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))

    def key(self, row: int) -> Hashable:
        """The key of one row."""
        return self._rows[row][0]

    def row_values(self, row: int) -> tuple[Any, ...]:
        """The values of one row."""
        return self._rows[row][1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, with numbers right-aligned (asked for every role of every cell on a repaint,
        so the roles not used return at once)."""
        if role not in _USED_ROLES or not index.isValid():
            return None
        value = self._rows[index.row()][1][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_count(self) -> int:
        """Number of rows."""
        return len(self._rows)

    def column_titles(self) -> list[str]:
        """The titles given."""
        return self._headers
