"""The table the guidelines page and its key-action panel share."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from facilitator.ui.spreadsheet_table import SpreadsheetTable

__all__ = ["table_view"]


def table_view(model: QAbstractItemModel, editable: bool = False) -> QTableView:
    """A row-selecting table whose rows grow to show wrapped text in full.

    An ``editable`` table edits like a spreadsheet (Tab to the next cell, typing starts an edit);
    a read-only one lets Tab move on to the next control.
    """
    table = SpreadsheetTable() if editable else QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
