"""The board on the room's screen: every revealed card, whole, in the largest type that fits.

A second view of the page's :class:`BoardFeed`: cards still hidden (silent writing, or held back by
the facilitator) never reach this window, whether it shows the columns or the plenary matrix. The
columns are a :class:`BoardWall`, which fits them to the screen; when they need more than one
screen, the window says which categories each page shows ("page 1/2") and turns the pages by
itself, or with Page Up and Page Down.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from facilitator.core.boards import Board, BoardSnapshot, consolidate
from facilitator.ui.boards.feed import BoardFeed
from facilitator.ui.boards.matrix_table import fill_matrix, matrix_table
from facilitator.ui.boards.models import CardItem, CardItems, MatrixModel
from facilitator.ui.boards.wall import BoardWall
from facilitator.ui.boards.wall_fit import WallCard, WallColumn
from facilitator.ui.projector import ProjectorWindow

__all__ = ["PAGE_SECONDS", "BoardProjector", "WallCards"]

#: How long each page stays up when the cards need more than one screen.
PAGE_SECONDS = 20


def _wall_card(item: CardItem) -> WallCard:
    text = "\n".join([item.card.text, *(f"+ {merged}" for merged in item.merged_texts)])
    footer = "   ".join([f"● {item.votes}", *([", ".join(item.sources)] if item.sources else [])])
    return WallCard(item.card.id, text, footer)


class WallCards:
    """What the wall shows of each card, made again only for a card that changed.

    The feed hands over the very same item for every card that did not change, so with 2,000
    cards on the wall a new card costs one :class:`WallCard`, and comparing the new columns with
    the old ones stops at identity.
    """

    def __init__(self) -> None:
        self._cards: dict[int, tuple[CardItem, WallCard]] = {}

    def clear(self) -> None:
        """Forget every card (another board is shown)."""
        self._cards.clear()

    def card(self, item: CardItem) -> WallCard:
        """The wall's card for an item."""
        kept = self._cards.get(item.card.id)
        if kept is not None and kept[0] is item:
            return kept[1]
        made = _wall_card(item)
        self._cards[item.card.id] = (item, made)
        return made

    def columns(self, board: Board, by_category: dict[str, list[CardItem]]) -> list[WallColumn]:
        """The categories that hold revealed cards, in the board's order (unsorted cards first)."""
        categories = (board.category(""), *board.categories)
        return [
            WallColumn(c.key, c.label, tuple(self.card(item) for item in by_category[c.key]), c.core)
            for c in categories
            if by_category.get(c.key)
        ]


class BoardProjector(ProjectorWindow):
    """Columns of revealed cards (or the matrix of revealed red flags) in large type."""

    def __init__(self, feed: BoardFeed, parent: QWidget | None = None) -> None:
        super().__init__("Red-flag board — projector", parent)
        self.feed = feed
        self.matrix_mode = False
        self._items = CardItems()
        self._wall_cards = WallCards()
        self._shown: list[CardItem] = []
        self._stale = False
        self._board_id = ""
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.title.setFont(font)
        # Beside the title, so that showing it never takes height from the cards (which would
        # refit them, perhaps onto one page, and hide it again).
        self.page_line = QLabel()
        self.page_line.setWordWrap(True)
        self.page_line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        page_font = QFont(self.page_line.font())
        page_font.setPointSizeF(page_font.pointSizeF() * 1.4)
        self.page_line.setFont(page_font)
        self.page_line.setStyleSheet("color: #f3c98b;")
        self.wall = BoardWall()
        self.wall.layout_changed.connect(self._on_wall_layout_changed)
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
        self.stack.addWidget(self.wall)
        self.stack.addWidget(self.matrix_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.page_line, 1)
        layout.addLayout(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.page_timer = QTimer(self)
        self.page_timer.setInterval(PAGE_SECONDS * 1000)
        self.page_timer.timeout.connect(lambda: self.turn_page(+1))
        for key, step in ((Qt.Key.Key_PageDown, +1), (Qt.Key.Key_PageUp, -1)):
            QShortcut(QKeySequence(key), self, lambda step=step: self.turn_page(step))
        feed.snapshot_changed.connect(self.show_snapshot)
        self.show_snapshot(feed.snapshot)

    def set_matrix_mode(self, on: bool) -> None:
        """Show the plenary matrix instead of the columns (or back)."""
        self.matrix_mode = on
        self.show_snapshot(self.feed.snapshot)

    def show_snapshot(self, snapshot: BoardSnapshot) -> None:
        """Redraw from a snapshot, leaving out every card that is not revealed.

        A closed projector only notes that it is behind, and catches up when shown again.
        """
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        board = snapshot.board
        self.title.setText(f"{board.title}" + (" — plenary matrix" if self.matrix_mode else ""))
        if self.matrix_mode:
            sections = consolidate([snapshot], revealed_only=True)
            # The room needs the categories that hold red flags, not a row per empty one.
            fill_matrix(self.matrix_view, self.matrix_model, [s for s in sections if s.flags])
            self.empty.setVisible(False)
            self.stack.setCurrentWidget(self.matrix_view)
            self._on_wall_layout_changed()
            return
        if board.id != self._board_id:
            self._board_id = board.id
            self._items.clear()
            self._wall_cards.clear()
        by_category = self._items.by_category(snapshot, lambda card: card.revealed)
        self._shown = [item for items in by_category.values() for item in items]
        self.wall.set_columns(self._wall_cards.columns(board, by_category))
        self.empty.setVisible(not by_category)
        self.stack.setCurrentWidget(self.wall)
        self._on_wall_layout_changed()

    def hideEvent(self, event: QHideEvent) -> None:
        """No page turning while nobody sees the window."""
        super().hideEvent(event)
        self.page_timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with the board and turn pages again once shown."""
        super().showEvent(event)
        if self._stale:
            self.show_snapshot(self.feed.snapshot)
        self._on_wall_layout_changed()

    def turn_page(self, step: int) -> None:
        """Show the next (+1) or previous (−1) page of cards."""
        self.wall.set_page(self.wall.page + step)
        if self.page_timer.isActive():
            self.page_timer.start()  # a page turned by hand stays up for a whole period

    def _on_wall_layout_changed(self) -> None:
        pages = 1 if self.matrix_mode else self.wall.page_count
        if pages > 1:
            shown = ", ".join(self.wall.wall_layout.page_headings(self.wall.page))
            self.page_line.setText(f"Page {self.wall.page + 1}/{pages}: {shown}")
            if not self.page_timer.isActive() and self.isVisible():
                self.page_timer.start()
        else:
            self.page_line.clear()
            self.page_timer.stop()

    def revealed_texts(self) -> list[str]:
        """Texts of the cards on screen (what the room can read)."""
        if self.matrix_mode:
            rows = range(self.matrix_model.rowCount())
            return [self.matrix_model.index(r, 1).data() for r in rows if not self.matrix_model.is_heading(r)]
        return [item.card.text for item in self._shown]
