"""The plenary matrix as a table, on the page and on the wall.

Both show the same model the same way: a heading row per category spanning every column, each
row as tall as its wrapped text. On the wall the text columns share the width (the number and
vote columns take only what they need), the table is dark like the rest of the projector, and row
heights follow the column widths whenever the window changes size.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from facilitator.core.boards import MatrixSection
from facilitator.ui.boards.models import MatrixModel

__all__ = ["fill_matrix", "matrix_table"]

#: Column widths on the page: #, red flag, evidence, refer to, votes (raised by takes the rest).
_PAGE_WIDTHS = (36, 380, 260, 170, 56)
#: Columns that share the wall's width; the others fit their contents.
_WALL_TEXT_COLUMNS = (1, 2, 3, 5)
_WALL_STYLE = (
    "QTableView { background: #0d1117; color: #f0f3f6; gridline-color: #30363d; border: none; }"
    "QHeaderView::section { background: #161b22; color: #f0f3f6; border: 1px solid #30363d; padding: 4px; }"
)


def matrix_table(model: MatrixModel, *, wall: bool) -> QTableView:
    """A read-only table of the matrix, set up for the page or for the projector."""
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    if wall:
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setStyleSheet(_WALL_STYLE)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in _WALL_TEXT_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # A window resize moves every stretched column: refit the rows once, after the last.
        refit = QTimer(view)
        refit.setSingleShot(True)
        refit.setInterval(0)
        refit.timeout.connect(view.resizeRowsToContents)
        header.sectionResized.connect(refit.start)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(_PAGE_WIDTHS):
            view.setColumnWidth(column, width)
    return view


def fill_matrix(view: QTableView, model: MatrixModel, sections: Sequence[MatrixSection]) -> None:
    """Show these sections: headings span the table, rows fit their text."""
    model.set_sections(sections)
    view.clearSpans()
    for row in range(model.rowCount()):
        if model.is_heading(row):
            view.setSpan(row, 0, 1, model.columnCount())
    view.resizeRowsToContents()
