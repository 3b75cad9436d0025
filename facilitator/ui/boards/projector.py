"""The board on the room's screen: large type, revealed cards only.

A second view of the page's :class:`BoardFeed`: cards still hidden (silent writing, or held back by
the facilitator) never reach this window, whether it shows the columns or the plenary matrix.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.boards import BoardSnapshot, consolidate
from facilitator.ui.boards.columns import BoardColumns
from facilitator.ui.boards.feed import BoardFeed
from facilitator.ui.boards.matrix_table import fill_matrix, matrix_table
from facilitator.ui.boards.models import CardItems, MatrixModel
from facilitator.ui.projector import ProjectorWindow

__all__ = ["BoardProjector"]

_SCALE = 1.9


class BoardProjector(ProjectorWindow):
    """Columns of revealed cards (or the matrix of revealed red flags) in large type."""

    def __init__(self, feed: BoardFeed, parent: QWidget | None = None) -> None:
        super().__init__("Red-flag board — projector", parent)
        self.feed = feed
        self.matrix_mode = False
        self._items = CardItems()
        self._board_id = ""
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.title.setFont(font)
        self.columns = BoardColumns(editable=False, scale=_SCALE, always_show_unsorted=False, hide_empty=True)
        self.columns.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget, QListView { background: #0d1117; }"
        )
        self.empty = QLabel("No card has been revealed yet.")
        self.empty.setFont(font)
        self.empty.setStyleSheet("color: #8b949e;")
        self.matrix_model = MatrixModel()
        self.matrix_view = matrix_table(self.matrix_model, wall=True)
        matrix_font = QFont(self.matrix_view.font())
        matrix_font.setPointSizeF(matrix_font.pointSizeF() * 1.6)
        self.matrix_view.setFont(matrix_font)
        self.matrix_view.horizontalHeader().setFont(matrix_font)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.columns)
        self.stack.addWidget(self.matrix_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        feed.snapshot_changed.connect(self.show_snapshot)
        self.show_snapshot(feed.snapshot)

    def set_matrix_mode(self, on: bool) -> None:
        """Show the plenary matrix instead of the columns (or back)."""
        self.matrix_mode = on
        self.show_snapshot(self.feed.snapshot)

    def show_snapshot(self, snapshot: BoardSnapshot) -> None:
        """Redraw from a snapshot, leaving out every card that is not revealed."""
        board = snapshot.board
        self.title.setText(f"{board.title}" + (" — plenary matrix" if self.matrix_mode else ""))
        if self.matrix_mode:
            sections = consolidate([snapshot], revealed_only=True)
            # The room needs the categories that hold red flags, not a row per empty one.
            fill_matrix(self.matrix_view, self.matrix_model, [s for s in sections if s.flags])
            self.empty.setVisible(False)
            self.stack.setCurrentWidget(self.matrix_view)
            return
        self.columns.set_board(board)
        if board.id != self._board_id:
            self._board_id = board.id
            self._items.clear()
        by_category = self._items.by_category(snapshot, lambda card: card.revealed)
        self.columns.set_cards(by_category)
        self.empty.setVisible(not by_category)
        self.stack.setCurrentWidget(self.columns)

    def revealed_texts(self) -> list[str]:
        """Texts of the cards on screen (what the room can read)."""
        if self.matrix_mode:
            rows = range(self.matrix_model.rowCount())
            return [self.matrix_model.index(r, 1).data() for r in rows if not self.matrix_model.is_heading(r)]
        return [item.card.text for column in self.columns.columns.values() for item in column.model.items()]
