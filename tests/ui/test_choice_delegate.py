"""The drop-down cell editor: shows labels, stores values, never changes a cell just by opening."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from facilitator.ui.choice_delegate import ChoiceDelegate

_STATUSES = [("proposed", "Proposed"), ("agreed", "Agreed"), ("deferred", "Deferred")]


class _Cell(QAbstractListModel):
    """One cell whose stored value and shown text differ, like a link to a round."""

    def __init__(self, value: str, shown: str) -> None:
        super().__init__()
        self.value, self.shown = value, shown

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        return self.value if role == Qt.ItemDataRole.EditRole else self.shown

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2) -> bool:
        self.value = value
        return True


def _editor(delegate: ChoiceDelegate, parent: QWidget, model: _Cell) -> QComboBox:
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), model.index(0, 0))
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, model.index(0, 0))
    return editor


def test_editor_lists_labels_starts_on_the_value_and_writes_the_choice(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    model = _Cell("agreed", "Agreed")
    delegate = ChoiceDelegate(_STATUSES)
    editor = _editor(delegate, parent, model)
    assert [editor.itemText(i) for i in range(editor.count())] == ["Proposed", "Agreed", "Deferred"]
    assert editor.currentData() == "agreed"
    editor.setCurrentIndex(2)
    delegate.setModelData(editor, model, model.index(0, 0))
    assert model.value == "deferred"


def test_a_value_no_longer_offered_is_kept_when_the_editor_opens(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    model = _Cell("round-9", "Breakout 9 (deleted)")
    offered = [("", "(no link)")]
    delegate = ChoiceDelegate(lambda: offered)
    offered.append(("round-1", "Breakout 1"))  # choices are read when the editor opens
    editor = _editor(delegate, parent, model)
    assert editor.count() == 3
    assert editor.currentText() == "Breakout 9 (deleted)"
    delegate.setModelData(editor, model, model.index(0, 0))
    assert model.value == "round-9"
