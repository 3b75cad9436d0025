"""The key-action table of the open section, with its add, merge, status and move buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import guidelines
from facilitator.core.guidelines import STATUS_LABELS, STATUSES, KeyAction
from facilitator.ui.choice_delegate import ChoiceDelegate
from facilitator.ui.controller import Controller
from facilitator.ui.guidelines.dialogs import MergeDialog
from facilitator.ui.guidelines.models import ACTION_COLUMNS, KeyActionsModel
from facilitator.ui.guidelines.widgets import table_view
from facilitator.ui.widgets import button

__all__ = ["KeyActionsPanel"]

#: Returns (section id, label) for every section, for the "Move to section" menu.
OutlineSource = Callable[[], Sequence[tuple[int, str]]]


class KeyActionsPanel(QGroupBox):
    """Key actions of one section: edit in place like a spreadsheet, add, merge, mark, move, remove.

    Args:
        controller: Runs every command.
        outline: The sections to offer in "Move to section".
    """

    def __init__(self, controller: Controller, outline: OutlineSource, parent: QWidget | None = None) -> None:
        super().__init__("Key actions", parent)
        self.controller = controller
        self.section_id: int | None = None
        self.merge_dialog: MergeDialog | None = None
        self._outline = outline
        self.model = KeyActionsModel(controller)
        self.table = table_view(self.model, editable=True)
        self.table.setItemDelegateForColumn(
            ACTION_COLUMNS.index("status"),
            ChoiceDelegate([(status, STATUS_LABELS[status]) for status in STATUSES], self),
        )
        for column, width in enumerate((44, 320, 125, 135, 100, 85, 70, 80)):
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ACTION_COLUMNS.index("action"), QHeaderView.ResizeMode.Stretch)
        self.move_menu = QMenu(self)
        self.move_menu.aboutToShow.connect(self._on_move_menu_about_to_show)
        move_button = QPushButton("Move to section")
        move_button.setToolTip("Move the selected actions to another section")
        move_button.setMenu(self.move_menu)
        row = QHBoxLayout()
        for widget in (
            button("Add key action", self.add_action, "Add a key action to this section", "Ctrl+Shift+N"),
            button("Merge…", self.merge_selected, "Merge the selected duplicate actions into one", "Ctrl+M"),
            button(
                "Agreed",
                lambda: self.set_status("agreed"),
                "Mark the selected actions agreed",
                "Ctrl+Shift+A",
            ),
            button("Proposed", lambda: self.set_status("proposed"), "Mark the selected actions proposed"),
            button(
                "Deferred",
                lambda: self.set_status("deferred"),
                "Mark the selected actions deferred",
                "Ctrl+Shift+D",
            ),
            button("↑", lambda: self.move_action(-1), "Move the action up", "Alt+Up", narrow=True),
            button("↓", lambda: self.move_action(1), "Move the action down", "Alt+Down", narrow=True),
            move_button,
            button("Remove", self.remove_selected, "Remove the selected actions (Delete)"),
        ):
            row.addWidget(widget)
        row.addStretch(1)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_actions(
        self, section_id: int | None, number: int, actions: list[KeyAction], reset: bool = True
    ) -> None:
        """Show a section's actions.

        The same section read again without ``reset`` updates only the rows that changed, so the
        selection, current cell and an open editor stay; after a reset the selection is put back.
        """
        same = section_id == self.section_id
        self.section_id = section_id
        if same and not reset:
            self.model.set_actions(number, actions, reset=False)
            return
        kept = self.selected_ids() if same else []
        self.model.set_actions(number, actions)
        self.select(kept)

    def selected_ids(self) -> list[int]:
        """Ids of the selected key actions, first selected first."""
        selection = self.table.selectionModel()
        rows = [index.row() for index in selection.selectedRows()] if selection else []
        return [self.model.action(row).id for row in rows if row < self.model.rowCount()]

    def select(self, ids: list[int]) -> None:
        """Select key actions by id (those shown)."""
        self.table.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for action_id in ids:
            row = self.model.row_of(action_id)
            if row is not None:
                self.table.selectionModel().select(self.model.index(row, 0), flags)

    def add_action(self) -> int | None:
        """Add a key action to this section and start writing it."""
        if self.section_id is None:
            return None
        new_id = self.controller.run(guidelines.add_action, self.section_id, "New key action")
        row = self.model.row_of(new_id) if new_id is not None else None
        if row is not None:
            index = self.model.index(row, ACTION_COLUMNS.index("action"))
            self.table.setCurrentIndex(index)
            self.table.edit(index)
        return new_id

    def remove_selected(self) -> None:
        """Remove the selected key actions (Ctrl+Z brings them back)."""
        ids = self.selected_ids()
        if ids:
            self.controller.run(guidelines.remove_actions, ids)

    def set_status(self, status: str) -> None:
        """Mark the selected key actions."""
        ids = self.selected_ids()
        if ids:
            self.controller.run(guidelines.set_status, ids, status)

    def move_action(self, offset: int) -> None:
        """Move the selected key action up or down."""
        ids = self.selected_ids()
        if len(ids) == 1:
            self.controller.run(guidelines.move_action, ids[0], offset)
            self.select(ids)

    def move_to(self, section_id: int) -> None:
        """Move the selected key actions to the end of another section."""
        for action_id in self.selected_ids():
            self.controller.run(guidelines.move_action, action_id, section_id=section_id)

    def _on_move_menu_about_to_show(self) -> None:
        self.move_menu.clear()
        for section_id, label in self._outline():
            if section_id != self.section_id:
                self.move_menu.addAction(label, partial(self.move_to, section_id))

    def merge_selected(self) -> None:
        """Ask for the merged wording of the selected actions, then merge them."""
        ids = self.selected_ids()
        if len(ids) < 2:
            self.controller.error_reported.emit(
                "Action not done", "Merge: select two or more key actions (Ctrl+click), then merge."
            )
            return
        actions = [self.model.action(self.model.row_of(i) or 0) for i in ids]
        self.merge_dialog = MergeDialog(actions, self)
        self.merge_dialog.accepted.connect(self._on_merge_dialog_accepted)
        self.merge_dialog.open()

    def _on_merge_dialog_accepted(self) -> None:
        dialog = self.merge_dialog
        if dialog is not None:
            kept = self.controller.run(guidelines.merge_actions, dialog.action_ids, dialog.text)
            if kept is not None:
                self.select([kept])
