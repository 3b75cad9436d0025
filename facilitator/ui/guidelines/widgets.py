"""Small widget helpers shared by the guidelines page and its key-action panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView

__all__ = ["button", "table_view"]


def button(text: str, slot: Callable[[], object], tip: str, shortcut: str | None = None) -> QPushButton:
    """A push button whose tooltip names its shortcut (active only while the page is shown)."""
    widget = QPushButton(text)
    widget.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    if shortcut:
        widget.setShortcut(QKeySequence(shortcut))
    widget.clicked.connect(slot)
    return widget


def table_view(model: QAbstractItemModel) -> QTableView:
    """A row-selecting table whose rows grow to show wrapped text in full."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
