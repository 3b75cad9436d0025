"""The part every flat table model shares: rows from a Python list, columns with fixed titles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from facilitator.ui.item_index import Index

__all__ = ["HeadedTableModel"]


class HeadedTableModel(QAbstractTableModel):
    """A flat table: subclasses say how many rows there are and what the columns are called."""

    def row_count(self) -> int:
        """Number of rows."""
        raise NotImplementedError

    def column_titles(self) -> Sequence[str]:
        """Column titles, one per column."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """Rows of the table (none under any cell: it is flat)."""
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """Columns of the table."""
        return 0 if parent.isValid() else len(self.column_titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles across the top."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.column_titles()[section]
        return None
