"""Dragging rows that stand for stored items (cards, group members) between list models.

A drag carries only the items' ids; the drop asks the application layer to move them, and the
lists redraw when the workshop changes. So both sides only need the id encoding and move-only
drag actions, which live here once.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QMimeData, Qt

__all__ = ["IdDragMixin"]


class IdDragMixin:
    """Move-only drag and drop of item ids; a model sets ``MIME`` and calls the helpers.

    Put it before the Qt model class in the bases so these methods override Qt's.
    """

    MIME = ""

    def supportedDropActions(self) -> Qt.DropAction:
        """Items are moved, never copied."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """Items are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The one format the items travel in."""
        return [self.MIME]

    def ids_mime_data(self, ids: Iterable[int]) -> QMimeData:
        """Drag data carrying the given ids."""
        data = QMimeData()
        data.setData(self.MIME, QByteArray(",".join(str(i) for i in ids).encode("ascii")))
        return data

    def dropped_ids(self, data: QMimeData) -> list[int]:
        """The ids a drop carries (none when it is not this model's format)."""
        if not data.hasFormat(self.MIME):
            return []
        raw = bytes(data.data(self.MIME).data()).decode("ascii", errors="replace")
        return [int(part) for part in raw.split(",") if part.strip().isdigit()]
