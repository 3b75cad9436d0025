"""A board's columns side by side on the board page: one list of cards per category, scrolling
sideways, where cards are selected, edited in place and dragged between columns.

The projector shows the same cards differently: whole and fitted to the screen
(:mod:`facilitator.ui.boards.wall`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.boards import Board, Category
from facilitator.ui.boards.delegate import CardDelegate
from facilitator.ui.boards.models import CardItem, ColumnModel, Editor, Mover, Role

__all__ = ["COLUMN_MAX_WIDTH", "COLUMN_MIN_WIDTH", "PAGE_CARD_LINES", "BoardColumns", "CardListView"]


class CardListView(QListView):
    """The cards of one column, laid out as equal-height notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)


#: Narrowest and widest column on the board page. At 190 pixels five of a referral board's twelve
#: columns fit beside the side panel on a 1366-pixel laptop and a line still holds four or five
#: words; columns grow up to the widest when the window has room to spare.
COLUMN_MIN_WIDTH = 190
COLUMN_MAX_WIDTH = 320
#: Lines of card text on the board page: one more than the default, for the narrower column.
PAGE_CARD_LINES = 5

_HEADING_STYLE = {
    False: "QLabel { color: #1d2433; background: #e8edf4; padding: 3px; border-radius: 3px; }",
    True: "QLabel { color: #1d2433; background: #fbe9d0; padding: 3px; border-radius: 3px; }",
}


class _Column(QWidget):
    def __init__(self, category: Category, model: ColumnModel) -> None:
        super().__init__()
        self.category = category
        self.model = model
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setToolTip(category.description or category.label)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setFixedHeight(QFontMetrics(font).lineSpacing() * 2 + 10)
        # A new count in the heading must not re-lay out every column (and repaint the board).
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.heading.setStyleSheet(_HEADING_STYLE[category.core])
        self.view = CardListView()
        # One delegate per view: a delegate's editor signals reach every view that shares it.
        self.delegate = CardDelegate(lines=PAGE_CARD_LINES, parent=self)
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.setMaximumWidth(COLUMN_MAX_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(model)
        self.view.setAccessibleName(category.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.update_heading()
        model.rowsInserted.connect(self.update_heading)
        model.rowsRemoved.connect(self.update_heading)
        model.modelReset.connect(self.update_heading)

    def update_heading(self) -> None:
        core = "  · core" if self.category.core else ""
        self.heading.setText(f"{self.category.label}{core}  ({self.model.rowCount()})")


class BoardColumns(QScrollArea):
    """Columns for every category of a board.

    Signals:
        selection_changed(): the selected cards changed.
        current_changed(int): the card with the focus changed (its id, or 0 for none).

    The "Not yet sorted" column is always there, first: it is where new cards land.
    """

    selection_changed = Signal()
    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: dict[str, _Column] = {}
        self._shape: tuple[tuple[str, str, bool], ...] = ()
        self._on_edit: Editor | None = None
        self._on_drop: Mover | None = None
        self._inner = QWidget()
        self._row = QHBoxLayout(self._inner)
        self._row.setContentsMargins(4, 4, 4, 4)
        self._row.setSpacing(6)
        # Stretch 0: the columns (stretch 1) grow first; this takes what is left at their widest.
        self._row.addStretch(0)
        self.setWidget(self._inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def set_callbacks(self, on_edit: Editor | None, on_drop: Mover | None) -> None:
        """What editing a text and dropping cards do (before :meth:`set_board`)."""
        self._on_edit, self._on_drop = on_edit, on_drop

    def set_board(self, board: Board) -> None:
        """Build the columns of a board (kept as they are while its categories stay the same)."""
        categories = (board.category(""), *board.categories)
        shape = tuple((c.key, c.label, c.core) for c in categories)
        if shape == self._shape:
            for column in self.columns.values():
                column.model.refer_to_default = board.refer_to
            return
        self._shape = shape
        for column in self.columns.values():
            self._row.removeWidget(column)
            column.deleteLater()
        self.columns = {}
        for position, category in enumerate(categories):
            model = ColumnModel(category, board.refer_to, self._on_edit, self._on_drop)
            column = _Column(category, model)
            self._row.insertWidget(position, column, 1)
            self.columns[category.key] = column
            column.view.selectionModel().selectionChanged.connect(
                lambda selected, deselected, view=column.view: self._on_view_selection_changed(view, selected)
            )
            column.view.selectionModel().currentChanged.connect(self._on_view_current_changed)

    def set_cards(self, items: Mapping[str, Sequence[CardItem]]) -> None:
        """Show these cards in each category's column."""
        for key, column in self.columns.items():
            column.model.set_items(items.get(key, ()))

    def views(self) -> list[CardListView]:
        """Every column's list view, left to right."""
        return [column.view for column in self.columns.values()]

    def selected_ids(self) -> list[int]:
        """Ids of the selected cards, column by column, top to bottom."""
        ids: list[int] = []
        for column in self.columns.values():
            rows = sorted(index.row() for index in column.view.selectionModel().selectedIndexes())
            ids += [column.model.items()[row].card.id for row in rows]
        return ids

    def current_id(self) -> int:
        """Id of the card with the focus (0 for none)."""
        for column in self.columns.values():
            if column.view.hasFocus() and column.view.currentIndex().isValid():
                return int(column.view.currentIndex().data(Role.CARD_ID))
        return 0

    def select_card(self, card_id: int, edit: bool = False) -> bool:
        """Select a card, scroll to it and give it the focus; optionally start editing it."""
        for column in self.columns.values():
            row = column.model.row_of(card_id)
            if row is None:
                continue
            index = column.model.index(row)
            column.view.setCurrentIndex(index)
            column.view.scrollTo(index)
            column.view.setFocus()
            self.ensureWidgetVisible(column)
            if edit:
                column.view.edit(index)
            return True
        return False

    def scroll_to_card(self, card_id: int) -> None:
        """Bring a card into view without taking the focus (the writer keeps typing)."""
        for column in self.columns.values():
            row = column.model.row_of(card_id)
            if row is not None:
                self.ensureWidgetVisible(column, 0, 0)
                column.view.scrollTo(column.model.index(row))
                return

    def focus_neighbour(self, step: int) -> None:
        """Move the focus to the column on the left (-1) or right (+1)."""
        views = [v for v in self.views() if v.isVisible()]
        current = next((i for i, v in enumerate(views) if v.hasFocus()), 0)
        target = views[max(0, min(len(views) - 1, current + step))]
        target.setFocus()
        if not target.currentIndex().isValid() and target.model().rowCount():
            target.setCurrentIndex(target.model().index(0, 0))
        self.ensureWidgetVisible(target.parentWidget() or target)

    def _on_view_selection_changed(self, view: QListView, selected: QItemSelection) -> None:
        modifiers = QApplication.keyboardModifiers()
        adding = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        if not selected.isEmpty() and not adding:
            for other in self.views():
                if other is not view:
                    other.selectionModel().clearSelection()
        self.selection_changed.emit()

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(int(current.data(Role.CARD_ID)) if current.isValid() else 0)
