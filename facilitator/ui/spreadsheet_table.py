"""A table view that edits like a spreadsheet, so a rapporteur can type a whole row without the mouse.

Qt's stock table commits a cell on Tab and then moves to the next cell whether or not it can be
edited, and once the last cell is passed the focus leaves the table: in the key-actions table the
next letters typed went to the page list and switched pages. :class:`SpreadsheetTable` keeps the
keyboard in the table:

- Tab and Shift+Tab commit the cell and open the editor of the next (previous) *editable* cell,
  wrapping to the next (previous) row; at either end of the table the cell is committed and the
  focus stays. Ctrl+Tab and Ctrl+Shift+Tab leave the table on purpose.
- Enter on a cell opens its editor; Enter in an editor commits and moves one row down.
- Esc cancels the edit and keeps the old value.
- Typing a printable character starts editing with that character (unless the table is built
  with ``type_to_edit=False``, for a page whose single keys already mean something else).

Use it wherever a ``QTableView`` would be used: ``table = SpreadsheetTable(); table.setModel(m)``.
Editors are opened by the table's item delegates as usual (see ``ChoiceDelegate``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView, QWidget

__all__ = ["SpreadsheetTable", "commit_open_edit"]

_Hint = QAbstractItemDelegate.EndEditHint
_Trigger = QAbstractItemView.EditTrigger
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SpreadsheetTable(QTableView):
    """A ``QTableView`` with spreadsheet keys (see the module's docstring).

    Args:
        parent: Owner widget.
        type_to_edit: Whether typing a printable character on a cell starts editing it.
    """

    def __init__(self, parent: QWidget | None = None, *, type_to_edit: bool = True) -> None:
        super().__init__(parent)
        triggers = _Trigger.DoubleClicked | _Trigger.EditKeyPressed
        if type_to_edit:
            triggers |= _Trigger.AnyKeyPressed
        self.setEditTriggers(triggers)
        self.setTabKeyNavigation(True)

    # Moving between editable cells ---------------------------------------------------------------

    def _editable(self, index: QModelIndex) -> bool:
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)

    def _columns(self) -> list[int]:
        """Logical columns in the order the user sees them, hidden ones left out."""
        header = self.horizontalHeader()
        logical = (header.logicalIndex(visual) for visual in range(header.count()))
        return [column for column in logical if not self.isColumnHidden(column)]

    def editable_neighbour(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """The next (or previous) editable cell after ``index`` in reading order, or an invalid
        index when there is none before the end of the table."""
        model = self.model()
        columns = self._columns()
        if model is None or not columns:
            return QModelIndex()
        rows = model.rowCount()
        step = 1 if forward else -1
        if index.isValid() and index.column() in columns:
            row, place = index.row(), columns.index(index.column()) + step
        else:
            row, place = (0, 0) if forward else (rows - 1, len(columns) - 1)
        while 0 <= row < rows:
            if not self.isRowHidden(row):
                while 0 <= place < len(columns):
                    candidate = model.index(row, columns[place])
                    if self._editable(candidate):
                        return candidate
                    place += step
            row += step
            place = 0 if forward else len(columns) - 1
        return QModelIndex()

    def _edit_neighbour(self, forward: bool) -> None:
        target = self.editable_neighbour(self.currentIndex(), forward)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)
            self.edit(target)

    def _move_down(self) -> None:
        current = self.currentIndex()
        model = self.model()
        if current.isValid() and model is not None and current.row() + 1 < model.rowCount():
            below = model.index(current.row() + 1, current.column())
            self.setCurrentIndex(below)
            self.scrollTo(below)

    # Qt's hooks ----------------------------------------------------------------------------------

    def closeEditor(self, editor: QWidget, hint: _Hint) -> None:
        """After a commit by Tab, Shift+Tab or Enter, go where a spreadsheet would."""
        if hint in (_Hint.EditNextItem, _Hint.EditPreviousItem):
            super().closeEditor(editor, _Hint.NoHint)
            self._edit_neighbour(hint == _Hint.EditNextItem)
        elif hint == _Hint.SubmitModelCache:
            super().closeEditor(editor, _Hint.NoHint)
            self._move_down()
        else:
            super().closeEditor(editor, hint)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab move between editable cells; the focus never leaves by them."""
        if self.state() != QAbstractItemView.State.EditingState:
            self._edit_neighbour(next)
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        """Save the cell being typed in when the table goes out of sight (another page is chosen,
        the window closes), as a spreadsheet does when the sheet is left; an editor left open on
        a hidden table would otherwise commit whenever Qt tears it down."""
        _commit_editor(self)
        super().hideEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter edits the current cell; Ctrl+Tab leaves the table."""
        key = event.key()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if control and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            QWidget.focusNextPrevChild(self, key == Qt.Key.Key_Tab and not shift)
            return
        if key in _ENTER and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self.state() != QAbstractItemView.State.EditingState and self._editable(self.currentIndex()):
                self.edit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


def commit_open_edit(window: QWidget) -> None:
    """Save the cells being typed in, anywhere in ``window`` (which is about to close).

    Qt drops an open editor's text when its window closes; a cell typed but not yet confirmed
    with Enter or Tab would be lost with it.
    """
    for view in window.findChildren(QAbstractItemView):
        _commit_editor(view)


def _commit_editor(view: QAbstractItemView) -> None:
    editor = view.indexWidget(view.currentIndex())
    if view.state() == QAbstractItemView.State.EditingState and editor is not None:
        view.commitData(editor)
        view.closeEditor(editor, _Hint.NoHint)
