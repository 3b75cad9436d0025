"""Roster page: search, edit in place, add, remove, import and export participants."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import roster
from facilitator.app.changes import ROSTER, Changes
from facilitator.ui.change_follower import ChangeFollower
from facilitator.ui.controller import Controller
from facilitator.ui.roster.model import RosterFilterProxy, RosterTableModel
from facilitator.ui.spreadsheet_table import SpreadsheetTable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from facilitator.core.roster_import import RawTable

__all__ = ["RosterPage"]


class RosterPage(QWidget):
    """The participant list, filterable by any text, edited in place as in a spreadsheet (typing,
    Enter or F2 opens a cell; Tab and Shift+Tab move along the row; Enter commits and moves down)."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = RosterTableModel(controller, self)
        self.proxy = RosterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.import_dialog: QDialog | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search name, delegation, agency… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(self._update_count)
        add_button = QPushButton("Add participant")
        add_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        add_button.setToolTip("Add a participant (Ctrl+Shift+N)")
        add_button.clicked.connect(self.add_participant)
        remove_button = QPushButton("Remove")
        remove_button.setToolTip("Remove the selected participants (Delete)")
        remove_button.clicked.connect(self.remove_selected)
        import_button = QPushButton("Import…")
        import_button.setToolTip("Import a CSV, TSV or XLSX registration list (Ctrl+I)")
        import_button.clicked.connect(self.choose_import_file)
        export_button = QPushButton("Export…")
        export_button.setToolTip("Write the roster as XLSX or CSV (Ctrl+E)")
        export_button.clicked.connect(self.choose_export_file)
        self.count_label = QLabel()

        self.table = SpreadsheetTable()
        self.table.setModel(self.proxy)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # No., name, own script, sex, delegation (a code), organisation, position, sector, role,
        # e-mail: the e-mail is last and wide enough for an address even when scrolled to.
        for column, width in enumerate((44, 200, 170, 44, 80, 230, 210, 110, 90, 230)):
            self.table.setColumnWidth(column, width)

        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for widget in (add_button, remove_button, import_button, export_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.follower = ChangeFollower(self, controller, self._on_workshop_changed, ROSTER)
        self._update_count()

    def _on_workshop_changed(self, changes: Changes) -> None:
        self.model.apply_changes(changes)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            f"{total} participants" if shown == total else f"{shown} of {total} participants shown"
        )

    def selected_ids(self) -> list[int]:
        """Ids of the selected participants."""
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.participant(row).id for row in sorted(rows)]

    def add_participant(self) -> int | None:
        """Add a new participant row and start editing its name."""
        new_id = self.controller.run(roster.add_participant, name="New participant")
        if new_id is None:
            return None
        self.search.clear()
        row = self.model.row_of(new_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 1))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.edit(index)
        return new_id

    def remove_selected(self) -> None:
        """Remove the selected participants (Ctrl+Z brings them back)."""
        ids = self.selected_ids()
        if ids:
            self.controller.run(roster.remove_participants, ids)

    def choose_import_file(self) -> None:
        """Ask for a registration list and start importing it."""
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Import registration list", "", "Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)"
        )
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path) -> None:
        """Read the file off the GUI thread, then show the review dialog."""
        self.controller.run_task(
            f"Read {path.name}",
            lambda _progress: roster.read_import_file(path),
            lambda table: self._show_import_dialog(table, path),
        )

    def _show_import_dialog(self, table: RawTable, path: Path) -> None:
        from facilitator.ui.roster.import_dialog import ImportDialog  # Only needed when importing.

        self.import_dialog = ImportDialog(self.controller, table, path, self)
        self.import_dialog.open()

    def choose_export_file(self) -> None:
        """Ask for a file name and write the roster there."""
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Export roster", "roster.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if name:
            path = self.controller.run(roster.export_roster, Path(name))
            if path is not None:
                self.controller.status_message.emit(f"Roster written to {path}")
