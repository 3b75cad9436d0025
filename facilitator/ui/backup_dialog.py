"""File ▸ Restore from backup…, and the offer of a backup when a workshop cannot be opened."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.backups import BackupEntry, available_backups, newest_good_backup, recover_into_copy
from facilitator.core.errors import FacilitatorError
from facilitator.ui.headed_table_model import HeadedTableModel
from facilitator.ui.item_index import Index
from facilitator.ui.widgets import action_buttons

__all__ = ["BackupTableModel", "RestoreBackupDialog", "offer_newest_backup"]


class BackupTableModel(HeadedTableModel):
    """The backups of a workshop, newest first: when, and what each holds."""

    def __init__(self, entries: Sequence[BackupEntry]) -> None:
        super().__init__()
        self.entries = list(entries)

    def row_count(self) -> int:
        """One row per backup."""
        return len(self.entries)

    def column_titles(self) -> Sequence[str]:
        """Time, then the counts that tell backups apart."""
        return ("Taken", "Participants", "Red-flag cards", "Check-ins")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The backup's time and counts; a backup that cannot be read says so."""
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                None if index.column() == 0 else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if index.column() == 0:
            return entry.taken_at.strftime("%a %d %b %Y, %H:%M:%S")
        if entry.contents is None:
            return "cannot be read" if index.column() == 1 else ""
        counts = (entry.contents.participants, entry.contents.cards, entry.contents.checkins)
        return str(counts[index.column() - 1])

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Backups that cannot be read cannot be chosen."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.entries[index.row()].contents is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RestoreBackupDialog(QDialog):
    """Choose a backup of the open workshop to restore."""

    def __init__(self, workshop: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.model = BackupTableModel(available_backups(workshop))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        note = QLabel(
            f"Backups of {workshop.name}, newest first. Restoring replaces everything in the workshop "
            "with the backup's contents. The workshop as it is now is backed up first, so you can "
            "come back to it from this list."
        )
        note.setWordWrap(True)
        self.buttons = action_buttons(self, "Restore")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.table.resizeColumnsToContents()
        self.resize(640, 420)
        readable = [row for row, entry in enumerate(self.model.entries) if entry.contents is not None]
        if readable:
            self.table.selectRow(readable[0])
        else:
            note.setText(f"There is no readable backup of {workshop.name} yet. One is taken when it opens.")
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self._update_button()

    def _update_button(self) -> None:
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(self.chosen() is not None)

    def chosen(self) -> BackupEntry | None:
        """The selected backup, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None


def offer_newest_backup(parent: QWidget | None, workshop: Path, problem: str) -> Path | None:
    """When a workshop cannot be opened, offer a copy of its newest good backup to open instead.

    The damaged file stays as it is, for support to look at.

    Returns:
        The restored copy to open, or None when there is no good backup or the user declined.
    """
    good = newest_good_backup(workshop)
    if good is None:
        QMessageBox.critical(
            parent, "Cannot open workshop", f"{problem}\n\nThere is no readable backup of it."
        )
        return None
    answer = QMessageBox.question(
        parent,
        "Cannot open workshop",
        f"{problem}\n\nThe newest good backup was taken {good.describe()}.\n\n"
        f"Open a copy of that backup? It is saved beside {workshop.name}, which is left as it is.",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Open:
        return None
    try:
        return recover_into_copy(workshop, good.path)
    except FacilitatorError as error:
        QMessageBox.critical(parent, "Cannot restore the backup", str(error))
        return None
