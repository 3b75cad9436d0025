"""A filter proxy that keeps a row edited through it in view until the filter changes.

Under a search, editing a row so that it no longer matches (a delegation changed from the one
searched for) would make the row vanish under the typist's hands and the next Tab land somewhere
else. Spreadsheets keep such a row shown until the filter itself changes; so does
:class:`EditKeepingFilterProxy`.

How to use it:

1. Subclass it instead of ``QSortFilterProxyModel`` and put the filter test in
   :meth:`EditKeepingFilterProxy.accepts_row` (not ``filterAcceptsRow``). Left alone,
   ``accepts_row`` is the stock filter, so ``setFilterFixedString`` and friends work too.
2. When the filter changes through your own method (a search box's text), call
   :meth:`EditKeepingFilterProxy.forget_edited_rows` between ``beginFilterChange()`` and
   ``endFilterChange()``. The stock ``setFilter…`` methods already do.

Rows are remembered by persistent index of the source model, so they stay right across inserts,
removals and moves; a reset of the source forgets them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPersistentModelIndex, QRegularExpression, QSortFilterProxyModel, Qt

from facilitator.ui.item_index import Index

__all__ = ["EditKeepingFilterProxy"]


class EditKeepingFilterProxy(QSortFilterProxyModel):
    """Filters with :meth:`accepts_row`, and shows rows edited since the filter last changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edited: list[QPersistentModelIndex] = []
        self.sourceModelChanged.connect(self._forget_on_reset)

    def _forget_on_reset(self) -> None:
        source = self.sourceModel()
        if source is not None:
            source.modelReset.connect(self._edited.clear)

    def accepts_row(self, source_row: int, source_parent: Index) -> bool:
        """Whether a source row passes the filter; override with your own test."""
        return super().filterAcceptsRow(source_row, source_parent)

    def forget_edited_rows(self) -> None:
        """Let the filter decide alone again (call it when the filter changes)."""
        self._edited.clear()

    def is_kept(self, source_row: int, source_parent: Index) -> bool:
        """Whether a source row is shown only because it was edited under the filter."""
        return any(
            kept.isValid() and kept.row() == source_row and kept.parent() == source_parent
            for kept in self._edited
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save through the source model, first marking the row to stay in view."""
        if index.isValid():
            source = self.mapToSource(index)
            self._edited.append(QPersistentModelIndex(source.siblingAtColumn(0)))
        return super().setData(index, value, role)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Rows that pass the filter, and rows edited since it last changed."""
        return self.accepts_row(source_row, source_parent) or self.is_kept(source_row, source_parent)

    def setFilterFixedString(self, pattern: str) -> None:
        """Filter on a fixed string; edited rows are forgotten."""
        self._edited.clear()
        super().setFilterFixedString(pattern)

    def setFilterWildcard(self, pattern: str) -> None:
        """Filter on a wildcard pattern; edited rows are forgotten."""
        self._edited.clear()
        super().setFilterWildcard(pattern)

    def setFilterRegularExpression(self, pattern: QRegularExpression | str) -> None:
        """Filter on a regular expression; edited rows are forgotten."""
        self._edited.clear()
        super().setFilterRegularExpression(pattern)
