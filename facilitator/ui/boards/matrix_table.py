"""The plenary matrix as a table, on the page and on the wall.

Both show the same model the same way: a heading row per category spanning every column, each
row as tall as its wrapped text. On the wall the text columns share the width (the number and
vote columns take only what they need), the table is dark like the rest of the projector, and row
heights follow the column widths whenever the window changes size; column titles wrap rather than
being cut (:class:`WallHeader`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from facilitator.core.boards import MatrixSection
from facilitator.ui.boards.models import MatrixModel

__all__ = ["WallHeader", "fill_matrix", "matrix_table"]

#: Column widths on the page: #, red flag, evidence, refer to, votes (raised by takes the rest).
_PAGE_WIDTHS = (36, 380, 260, 170, 56)
#: Columns that share the wall's width; the others fit their contents.
_WALL_TEXT_COLUMNS = (1, 2, 3, 5)
_WALL_STYLE = (
    "QTableView { background: #0d1117; color: #f0f3f6; gridline-color: #30363d; border: none; }"
    "QHeaderView::section { background: #161b22; color: #f0f3f6; border: 1px solid #30363d; padding: 4px; }"
)


#: Space around a wall header's text, in pixels.
_HEADER_MARGIN = 4


class WallHeader(QHeaderView):
    """Column titles that wrap onto more lines instead of being cut when a column is narrow.

    Qt's header measures and paints its titles on one line; on a 1280-pixel projector in large
    type "Evidence to identify and secure" is wider than its column. This header paints each title
    wrapped to its section and makes itself as tall as the tallest one (see :meth:`fit_height`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def _title(self, section: int) -> str:
        model = self.model()
        return str(model.headerData(section, Qt.Orientation.Horizontal)) if model is not None else ""

    def _flags(self) -> int:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)

    def fit_height(self) -> None:
        """Be as tall as the tallest title wrapped to its column's width."""
        metrics = self.fontMetrics()
        tallest = metrics.height()
        for section in range(self.count()):
            room = max(1, self.sectionSize(section) - 2 * _HEADER_MARGIN)
            needed = metrics.boundingRect(0, 0, room, 10_000, self._flags(), self._title(section))
            tallest = max(tallest, needed.height())
        self.setFixedHeight(tallest + 2 * _HEADER_MARGIN)

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        """A dark cell with the title wrapped inside it."""
        painter.save()
        painter.fillRect(rect, QColor("#161b22"))
        painter.setPen(QColor("#30363d"))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(QColor("#f0f3f6"))
        painter.setFont(self.font())
        inner = rect.adjusted(_HEADER_MARGIN, _HEADER_MARGIN, -_HEADER_MARGIN, -_HEADER_MARGIN)
        painter.drawText(inner, self._flags(), self._title(logicalIndex))
        painter.restore()


def _refit_wall(view: QTableView) -> None:
    header = view.horizontalHeader()
    if isinstance(header, WallHeader):
        header.fit_height()
    view.resizeRowsToContents()


def matrix_table(model: MatrixModel, *, wall: bool) -> QTableView:
    """A read-only table of the matrix, set up for the page or for the projector."""
    view = QTableView()
    if wall:
        view.setHorizontalHeader(WallHeader(view))
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
        # A window resize moves every stretched column: refit the titles and rows once, after the last.
        refit = QTimer(view)
        refit.setSingleShot(True)
        refit.setInterval(0)
        refit.timeout.connect(lambda: _refit_wall(view))
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
    _refit_wall(view)
