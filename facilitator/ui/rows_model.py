"""A read-only item model over plain rows, for the many small summary tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from facilitator.ui.headed_table_model import HeadedTableModel
from facilitator.ui.item_index import Index

__all__ = ["RowsModel"]


class RowsModel(HeadedTableModel):
    """Rows of values under column titles; ``highlight(row)`` may return a background colour."""

    def __init__(
        self,
        headers: Sequence[str],
        highlight: Callable[[Sequence[Any]], str | None] | None = None,
    ) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[Sequence[Any]] = []
        self._highlight = highlight

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_values(self, row: int) -> Sequence[Any]:
        """The values of one row."""
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, right-aligned numbers, and the row's highlight."""
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._highlight is not None:
            colour = self._highlight(self._rows[index.row()])
            return QBrush(QColor(colour)) if colour else None
        return None

    def row_count(self) -> int:
        """Number of rows."""
        return len(self._rows)

    def column_titles(self) -> list[str]:
        """The titles given."""
        return self._headers
