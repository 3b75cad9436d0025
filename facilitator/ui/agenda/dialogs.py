"""Small editors of the agenda page: the day dialog and the choice delegate for kind, objective
and link."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QWidget,
)

from facilitator.core.agenda import AgendaDay

__all__ = ["ChoiceDelegate", "DayDialog"]

Index = QModelIndex | QPersistentModelIndex


class DayDialog(QDialog):
    """Date, start, planned end and title of a day.

    Args:
        day: The day to edit, or None for a new one.
        suggested: Date proposed for a new day (the day after the last one).
    """

    def __init__(self, day: AgendaDay | None, suggested: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit day" if day else "Add day")
        when = day.date if day else suggested
        self.date_edit = QDateEdit(QDate(when.year, when.month, when.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        start = day.start if day else time(8, 30)
        self.start_edit = QTimeEdit(QTime(start.hour, start.minute))
        self.start_edit.setDisplayFormat("HH:mm")
        end = day.planned_end if day and day.planned_end else time(17, 0)
        self.end_edit = QTimeEdit(QTime(end.hour, end.minute))
        self.end_edit.setDisplayFormat("HH:mm")
        self.end_check = QCheckBox("Warn when the agenda runs past")
        self.end_check.setChecked(day is None or day.planned_end is not None)
        self.end_check.toggled.connect(self.end_edit.setEnabled)
        self.end_edit.setEnabled(self.end_check.isChecked())
        self.title_edit = QLineEdit(day.title if day else "")
        self.title_edit.setPlaceholderText("Optional, e.g. Day 1: definitions and red flags")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Date", self.date_edit)
        form.addRow("First item starts", self.start_edit)
        form.addRow(self.end_check, self.end_edit)
        form.addRow("Title", self.title_edit)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        """The fields as the ``add_day``/``edit_day`` commands take them."""
        return {
            "date": self.date_edit.date().toString("yyyy-MM-dd"),
            "start": self.start_edit.time().toString("HH:mm"),
            "planned_end": self.end_edit.time().toString("HH:mm") if self.end_check.isChecked() else "",
            "title": self.title_edit.text(),
        }


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
