"""Small editors of the agenda page: the day dialog and the choice delegate for kind, objective
and link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from facilitator.core.agenda import AgendaDay
from facilitator.ui.widgets import action_buttons

__all__ = ["DayDialog"]


class DayDialog(QDialog):
    """Date, start, planned end and title of a day.

    The dialog closes only once ``submit`` has saved its values: a refused day (a date already in
    the agenda, an end before the start) is explained and the dialog stays, with what was typed.

    Args:
        day: The day to edit, or None for a new one.
        suggested: Date proposed for a new day (the day after the last one).
        submit: Saves the values (as :meth:`values` gives them); returns whether they were saved.
    """

    def __init__(
        self,
        day: AgendaDay | None,
        suggested: date,
        submit: Callable[[dict[str, str]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle("Edit day" if day else "Add day")
        self.setMinimumWidth(520)
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
        self.end_check = QCheckBox("Planned end")
        self.end_check.setToolTip("Warn when the agenda runs past this time")
        self.end_check.setChecked(day is None or day.planned_end is not None)
        self.end_check.toggled.connect(self.end_edit.setEnabled)
        self.end_edit.setEnabled(self.end_check.isChecked())
        self.title_edit = QLineEdit(day.title if day else "")
        self.title_edit.setPlaceholderText("Optional, e.g. Day 1: definitions and red flags")
        buttons = action_buttons(self, "Save day" if day else "Add day")
        form = QFormLayout(self)
        form.addRow("Date", self.date_edit)
        form.addRow("First item starts", self.start_edit)
        form.addRow(self.end_check, self.end_edit)
        form.addRow("Title", self.title_edit)
        form.addRow(buttons)

    def accept(self) -> None:
        """Close only when the day was saved."""
        if self._submit(self.values()):
            super().accept()

    def values(self) -> dict[str, str]:
        """The fields as the ``add_day``/``edit_day`` commands take them."""
        return {
            "date": self.date_edit.date().toString("yyyy-MM-dd"),
            "start": self.start_edit.time().toString("HH:mm"),
            "planned_end": self.end_edit.time().toString("HH:mm") if self.end_check.isChecked() else "",
            "title": self.title_edit.text(),
        }
