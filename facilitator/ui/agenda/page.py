"""Agenda page: edit the days and their items, run the timer, drive the projector.

Left, the chosen day's items in a table (edit in place, drag to reorder, Insert and Delete, undo
with Ctrl+Z); right, the timer panel. Space starts or pauses, N goes to the next item, P back,
+ and − give or take a minute, G times the selected item, F5 opens the projector.

The table moves like a spreadsheet (Tab, Shift+Tab, Enter, Esc) but typing does not start an
edit: on this page single keys drive the timer the room is watching, and a facilitator pressing
Space to pause must never overwrite a title. Enter, F2 or a double-click opens a cell.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import agenda
from facilitator.app.changes import AGENDA, BOARDS, GROUPS, TIMER, Changes
from facilitator.app.timer import AgendaTimer
from facilitator.core.agenda import ITEM_KINDS, KIND_LABELS
from facilitator.ui.agenda.dialogs import DayDialog
from facilitator.ui.agenda.model import COLUMNS, AgendaTableModel
from facilitator.ui.agenda.projector import AgendaProjector
from facilitator.ui.agenda.timer_panel import TimerPanel
from facilitator.ui.change_follower import ChangeFollower
from facilitator.ui.choice_delegate import ChoiceDelegate
from facilitator.ui.controller import Controller
from facilitator.ui.projector import share_timer_remote
from facilitator.ui.spreadsheet_table import SpreadsheetTable
from facilitator.ui.widgets import button

__all__ = ["AgendaPage"]

_TITLE_COLUMN = [key for key, _ in COLUMNS].index("title")
_WIDTHS = {
    "start": 50,
    "end": 50,
    "now": 50,
    "actual": 90,
    "title": 300,
    "kind": 100,
    "duration": 40,
    "lead": 170,
    "objective": 40,
    "flexible": 60,
    "link": 180,
}


class AgendaPage(QWidget):
    """The agenda editor and the facilitator's timer."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.timer = AgendaTimer(controller.session)
        self.projector: AgendaProjector | None = None
        self.model = AgendaTableModel(controller)

        self.day_combo = QComboBox()
        self.day_combo.setMinimumWidth(260)
        self.day_combo.currentIndexChanged.connect(self._on_day_combo_changed)
        day_buttons = [
            button("Add day…", self.add_day, "Add a day to the agenda"),
            button("Edit day…", self.edit_day, "Change the date, start or planned end of this day"),
            button("Remove day", self.remove_day, "Remove this day and its items (Ctrl+Z brings it back)"),
        ]
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b42318; font-weight: bold;")

        self.table = SpreadsheetTable(type_to_edit=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        keys = [key for key, _ in COLUMNS]
        for key, width in _WIDTHS.items():
            self.table.setColumnWidth(keys.index(key), width)
        self.table.setItemDelegateForColumn(
            keys.index("kind"), ChoiceDelegate([(k, KIND_LABELS[k]) for k in ITEM_KINDS], self.table)
        )
        letters = [o.letter for o in controller.session.info.objectives] or list("ABCD")
        self.table.setItemDelegateForColumn(
            keys.index("objective"), ChoiceDelegate([("", "—"), *((x, x) for x in letters)], self.table)
        )
        self.table.setItemDelegateForColumn(
            keys.index("link"),
            ChoiceDelegate(lambda: [("", "(no link)"), *self.model.link_targets.choices()], self.table),
        )

        item_buttons = [
            button("Insert item", self.insert_item, "Insert an item after the selected one (Insert)"),
            button("Delete", self.delete_selected, "Delete the selected items (Delete)"),
            button("Move up", lambda: self.move_selected(-1), "Move the selected items up (Alt+Up)"),
            button("Move down", lambda: self.move_selected(1), "Move the selected items down (Alt+Down)"),
            button("Undo", controller.undo, "Undo the last agenda edit (Ctrl+Z)"),
            button("Redo", controller.redo, "Redo (Ctrl+Shift+Z)"),
            button("Agenda PDF", self.export_pdf, "Print the agenda; once run, planned against actual"),
        ]

        self.panel = TimerPanel(controller, self.timer)
        self.panel.projector_requested.connect(self.open_projector)
        self.panel.go_to_requested.connect(self.time_selected)
        self.panel.refreshed.connect(self.model.show_timer)
        share_timer_remote(self.panel)

        day_row = QHBoxLayout()
        day_row.addWidget(QLabel("Day"))
        day_row.addWidget(self.day_combo, 1)
        for widget in day_buttons:
            day_row.addWidget(widget)
        item_row = QHBoxLayout()
        for widget in item_buttons:
            item_row.addWidget(widget)
        item_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(day_row)
        left_layout.addWidget(self.warning_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(item_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(splitter)

        self._shortcuts()
        self.follower = ChangeFollower(
            self, controller, self._on_workshop_changed, AGENDA, TIMER, GROUPS, BOARDS
        )
        controller.workshop_opened.connect(self._on_workshop_opened)
        self._fill_days()

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys = [
            ("Space", self.panel.toggle),
            ("N", self.panel.next),
            ("P", self.panel.previous),
            ("+", lambda: self.panel.adjust(1)),
            ("=", lambda: self.panel.adjust(1)),
            ("-", lambda: self.panel.adjust(-1)),
            ("G", self.time_selected),
            ("F5", self.panel.open_projector),
            ("Insert", self.insert_item),
            ("Delete", self.delete_selected),
            ("Alt+Up", lambda: self.move_selected(-1)),
            ("Alt+Down", lambda: self.move_selected(1)),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # Days --------------------------------------------------------------------------------------

    def _fill_days(self) -> None:
        day = self.model.day
        entries = [
            (f"{d.day.label} — {d.day.title}" if d.day.title else f"Day {d.number}: {d.day.label}", d.day.id)
            for d in self.model.days
        ]
        shown = [
            (self.day_combo.itemText(i), self.day_combo.itemData(i)) for i in range(self.day_combo.count())
        ]
        self.day_combo.blockSignals(True)
        if entries != shown:
            self.day_combo.clear()
            for label, day_id in entries:
                self.day_combo.addItem(label, day_id)
        if day is not None:
            self.day_combo.setCurrentIndex(max(self.day_combo.findData(day.day.id), 0))
        self.day_combo.blockSignals(False)
        self.warning_label.setText(day.warning if day else "The agenda has no days yet: add one.")
        self.warning_label.setVisible(bool(self.warning_label.text()))

    def _on_day_combo_changed(self, index: int) -> None:
        self.model.set_day(self.day_combo.itemData(index))
        self._fill_days()

    def add_day(self) -> None:
        """Ask for a new day's date and times, then add it."""
        days = self.model.days
        suggested = days[-1].day.date + timedelta(days=1) if days else self.controller.session.info.start
        added: list[int] = []

        def submit(values: dict[str, str]) -> bool:
            day_id = self.controller.run(agenda.add_day, **values)
            if day_id is not None:
                added.append(day_id)
            return day_id is not None

        if DayDialog(None, suggested or date.today(), submit, self).exec() and added:
            self.model.set_day(added[0])
            self._fill_days()

    def edit_day(self) -> None:
        """Change the day shown."""
        day = self.model.day
        if day is None:
            return
        DayDialog(
            day.day,
            day.day.date,
            lambda values: self.controller.run(agenda.edit_day, day.day.id, **values) is not None,
            self,
        ).exec()

    def remove_day(self) -> None:
        """Remove the day shown, after asking."""
        day = self.model.day
        if day is None:
            return
        answer = QMessageBox.question(
            self, "Remove day", f"Remove {day.day.label} and its {len(day.items)} items? Undo brings it back."
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.run(agenda.remove_day, day.day.id)

    # Items -------------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """Selected rows, in order."""
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def _select(self, ids: list[int]) -> None:
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for item_id in ids:
            row = self.model.row_of(item_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(self.model.index(row, _TITLE_COLUMN))

    def insert_item(self) -> int | None:
        """Insert an item after the selection (or at the end) and start editing its title."""
        day = self.model.day
        if day is None:
            return None
        rows = self.selected_rows()
        position = rows[-1] + 1 if rows else len(day.items)
        new_id = self.controller.run(
            agenda.add_item, day.day.id, position, title="New item", kind="plenary", duration=15
        )
        if new_id is not None:
            self._select([new_id])
            row = self.model.row_of(new_id)
            if row is not None:
                self.table.edit(self.model.index(row, _TITLE_COLUMN))
        return new_id

    def delete_selected(self) -> None:
        """Delete the selected items (Ctrl+Z brings them back)."""
        ids = [self.model.item_id(r) for r in self.selected_rows()]
        if ids:
            self.controller.run(agenda.remove_items, ids)

    def move_selected(self, step: int) -> None:
        """Move the selected items one row up (−1) or down (+1)."""
        rows = self.selected_rows()
        if not rows:
            return
        ids = [self.model.item_id(r) for r in rows]
        target = rows[0] - 1 if step < 0 else rows[-1] + 2
        if target < 0 or target > self.model.rowCount():
            return
        self.model.move(ids, target)
        self._select(ids)

    def time_selected(self) -> None:
        """Make the selected item the timer's current item."""
        rows = self.selected_rows()
        if rows:
            self.panel.go_to(self.model.item_id(rows[0]))

    def export_pdf(self) -> None:
        """Write the agenda PDF in the background and preview it."""
        self.controller.export("agenda")

    # Projector and workshop --------------------------------------------------------------------

    def open_projector(self, screen: int | None = None) -> AgendaProjector:
        """Show the projector window on a screen (the last one by default)."""
        if self.projector is None:
            self.projector = AgendaProjector(self.timer)
            self.projector.set_timer_remote(self.panel)
        self.projector.show_on_screen(screen)
        return self.projector

    def _on_workshop_changed(self, changes: Changes) -> None:
        self.model.apply_changes(changes)
        if changes.touches(AGENDA):
            self._fill_days()

    def set_timer(self, timer: AgendaTimer) -> None:
        """Run another timer (a new workshop's, or one with test clocks) in the panel and projector."""
        if timer is not self.timer:
            self.timer.close()
        self.timer = timer
        self.panel.set_timer(timer)
        if self.projector is not None:
            self.projector.set_timer(timer)

    def _on_workshop_opened(self) -> None:
        self.set_timer(AgendaTimer(self.controller.session))
        self.model.set_day(None)
        self._fill_days()
