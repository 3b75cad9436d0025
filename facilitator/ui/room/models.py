"""The room window's tables: groups with their codes, and the phones signed in.

The window polls the room once a second (phones join without any change to the workshop), so
these models update in place: rows that stayed get ``dataChanged``, phones that left are removed
and new ones appended. Selection survives every poll, which a reset would not allow.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from facilitator.ui.headed_table_model import HeadedTableModel
from facilitator.ui.item_index import Index

__all__ = ["KeyedRowsModel"]


class KeyedRowsModel(HeadedTableModel):
    """Rows with a key each, kept in key order as new keys arrive at the end (phones by number,
    groups in the round's order)."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self._headers = list(headers)
        self._keys: list[Hashable] = []
        self._rows: list[tuple[Any, ...]] = []

    def set_rows(self, keyed: Sequence[tuple[Hashable, Sequence[Any]]]) -> None:
        """Bring the table to ``keyed`` (key, values) rows with as little change as possible."""
        wanted = {key: tuple(values) for key, values in keyed}
        for row in range(len(self._keys) - 1, -1, -1):
            if self._keys[row] not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._keys[row], self._rows[row]
                self.endRemoveRows()
        for row, key in enumerate(self._keys):
            if wanted[key] != self._rows[row]:
                self._rows[row] = wanted[key]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))
        known = set(self._keys)
        new = [(key, wanted[key]) for key, _values in keyed if key not in known]
        if new:
            first = len(self._keys)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for key, values in new:
                self._keys.append(key)
                self._rows.append(values)
            self.endInsertRows()

    def key(self, row: int) -> Hashable:
        """The key of a row."""
        return self._keys[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; numbers right-aligned."""
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_count(self) -> int:
        """Number of rows."""
        return len(self._rows)

    def column_titles(self) -> list[str]:
        """The titles given."""
        return self._headers
