"""A table cell edited with a drop-down of fixed choices (an agenda item's kind, a key action's
status): the cell stores the value, the list shows the label."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from facilitator.ui.item_index import Index

__all__ = ["ChoiceDelegate", "Choices"]

#: (stored value, shown label) pairs.
Choices = Sequence[tuple[str, str]]


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down of choices (stored value, shown label).

    Args:
        choices: The choices, or a function returning them when an editor opens (the links
            offered follow the rounds and boards as they are at that moment).
    """

    def __init__(self, choices: Choices | Callable[[], Choices], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A combo box of the choices."""
        editor = QComboBox(parent)
        for value, label in self._choices() if callable(self._choices) else self._choices:
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Select the cell's current value; a value no longer among the choices (a link to a
        deleted round) is offered as it reads, so opening the editor never changes it."""
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(value)
        if position < 0 and value:
            editor.addItem(str(index.data(Qt.ItemDataRole.DisplayRole)), value)
            position = editor.count() - 1
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Write the chosen value through the model (and so through the app layer)."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
