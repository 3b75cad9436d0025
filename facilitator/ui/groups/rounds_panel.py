"""The left side of the Groups page: the rounds, and the pairs never put in the same group.

Keep-apart pairs outlive any round, so the panel runs their commands itself; choosing, forming
and deleting rounds is the page's business, which the panel's buttons ask for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import group_setup, roster
from facilitator.ui.controller import Controller
from facilitator.ui.groups.dialogs import KeepApartDialog
from facilitator.ui.groups.models import RoundsModel
from facilitator.ui.rows_model import RowsModel
from facilitator.ui.widgets import button

__all__ = ["RoundsPanel"]


class RoundsPanel(QWidget):
    """Rounds with New / Delete, and keep-apart pairs with Keep apart… / Remove pair.

    Args:
        controller: Runs the keep-apart commands.
        on_new: What *New round…* does.
        on_delete: What *Delete* does.
    """

    def __init__(
        self,
        controller: Controller,
        on_new: Callable[[], None],
        on_delete: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rounds_model = RoundsModel()
        self.rounds_list = QListView()
        self.rounds_list.setModel(self.rounds_model)
        self.rounds_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.apart_model = RowsModel(["Keep apart", "and"])
        self.apart_table = QTableView()
        self.apart_table.setModel(self.apart_model)
        self.apart_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.apart_table.verticalHeader().setVisible(False)
        self.apart_table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Rounds</b>"))
        layout.addWidget(self.rounds_list, 2)
        row = QHBoxLayout()
        row.addWidget(button("New round…", on_new, "Form a new round of groups (Insert)"))
        row.addWidget(button("Delete", on_delete, "Delete the selected round (undo brings it back)"))
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>Never in the same group</b>"))
        layout.addWidget(self.apart_table, 1)
        row = QHBoxLayout()
        row.addWidget(
            button("Keep apart…", self.add_keep_apart, "Choose two people who must not share a group")
        )
        row.addWidget(button("Remove pair", self.remove_keep_apart, "Drop the selected keep-apart pair"))
        layout.addLayout(row)

    def refresh_pairs(self) -> None:
        """Reload the keep-apart pairs."""
        pairs = group_setup.keep_apart_pairs(self.controller.session)
        self.apart_model.set_rows([(a.name, b.name) for a, b in pairs])

    def add_keep_apart(self) -> None:
        """Ask for two people who must never share a group."""
        dialog = KeepApartDialog(roster.participants(self.controller.session), self)
        pair = dialog.pair() if dialog.exec() else None
        if pair is not None:
            self.controller.run(group_setup.add_keep_apart, *pair)

    def remove_keep_apart(self) -> None:
        """Drop the selected keep-apart pair."""
        rows = self.apart_table.selectionModel().selectedRows()
        pairs = group_setup.keep_apart_pairs(self.controller.session)
        if rows and rows[0].row() < len(pairs):
            first, second = pairs[rows[0].row()]
            self.controller.run(group_setup.remove_keep_apart, first.id, second.id)
