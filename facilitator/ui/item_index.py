"""The index type that views hand to item models and delegates."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

__all__ = ["Index"]

#: A view passes either kind of index; PySide6's type stubs name both.
Index = QModelIndex | QPersistentModelIndex
