"""Item models of the board page and its projector: one list model per column, one matrix model.

A column model holds :class:`CardItem` values and, when given a new list, tells its views about
the smallest change it can (rows appended, rows removed, rows redrawn) instead of resetting: with
2,000 cards on a board, adding one must cost less than a frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from facilitator.core.boards import BoardSnapshot, Category, MatrixSection, RedFlagCard
from facilitator.core.wording import counted
from facilitator.ui.headed_table_model import HeadedTableModel
from facilitator.ui.id_drag import IdDragMixin
from facilitator.ui.item_index import Index

__all__ = ["CARD_MIME", "CardItem", "CardItems", "ColumnModel", "MatrixModel", "Role"]

#: MIME type of dragged cards: their ids, comma-separated.
CARD_MIME = "application/x-facilitator-card-ids"


class Role:
    """Custom data roles of the column model."""

    ITEM = Qt.ItemDataRole.UserRole + 1
    CARD_ID = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class CardItem:
    """What a column shows for one card: the card, its summed votes, and what was merged into it."""

    card: RedFlagCard
    votes: int
    merged_texts: tuple[str, ...]
    sources: tuple[str, ...]

    @classmethod
    def of(cls, snapshot: BoardSnapshot, card: RedFlagCard) -> CardItem:
        """The item for a standing card of a snapshot."""
        merged = snapshot.merged_cards(card.id)
        if not merged:
            return cls(card, card.votes, (), (card.group,) if card.group else ())
        return cls(
            card,
            snapshot.total_votes(card.id),
            tuple(c.text for c in merged),
            snapshot.sources(card.id),
        )

    def tooltip(self, refer_to_default: str) -> str:
        """Everything about the card, for a tooltip (plain text, so nothing is read as markup)."""
        card = self.card
        lines = [card.text]
        lines += [f"+ {text}" for text in self.merged_texts]
        if card.evidence:
            lines.append(f"Evidence: {card.evidence}")
        lines.append(f"Refer to: {card.refer_to or refer_to_default}")
        if self.sources:
            lines.append(f"From: {', '.join(self.sources)}")
        lines.append(f"Votes: {self.votes}" + ("" if card.revealed else " · hidden from the projector"))
        return "\n".join(lines)


class CardItems:
    """Builds the items of each column from a snapshot, reusing the item of every card that did not
    change (the reader hands back the very same card object), so a refresh of 2,000 cards allocates
    almost nothing."""

    def __init__(self) -> None:
        self._items: dict[int, CardItem] = {}

    def clear(self) -> None:
        """Forget every item (another board or workshop is shown)."""
        self._items.clear()

    def item(self, snapshot: BoardSnapshot, card: RedFlagCard) -> CardItem:
        """The item of a standing card."""
        cached = self._items.get(card.id)
        if cached is not None and cached.card is card and not snapshot.has_merged(card.id):
            return cached
        item = CardItem.of(snapshot, card)
        self._items[card.id] = item
        return item

    def by_category(
        self, snapshot: BoardSnapshot, keep: Callable[[RedFlagCard], bool] | None = None
    ) -> dict[str, list[CardItem]]:
        """Items of the standing cards that ``keep`` accepts, per category, in writing order."""
        columns: dict[str, list[CardItem]] = {}
        items = self._items
        for card in snapshot.cards:
            if card.merged_into is not None or (keep is not None and not keep(card)):
                continue
            cached = items.get(card.id)
            if cached is None or cached.card is not card or snapshot.has_merged(card.id):
                cached = items[card.id] = CardItem.of(snapshot, card)
            columns.setdefault(card.category, []).append(cached)
        return columns


Mover = Callable[[list[int], str], None]
Editor = Callable[[int, str], bool]


class ColumnModel(IdDragMixin, QAbstractListModel):
    """The cards of one category in the order they were written.

    Args:
        category: The column's category.
        refer_to_default: The board's default agency, shown when a card names none.
        on_edit: Saves an edited text; returns whether it was accepted. None for read-only views.
        on_drop: Moves dropped cards into this category. None when dropping is not allowed.
    """

    MIME = CARD_MIME

    def __init__(
        self,
        category: Category,
        refer_to_default: str = "",
        on_edit: Editor | None = None,
        on_drop: Mover | None = None,
    ) -> None:
        super().__init__()
        self.category = category
        self.refer_to_default = refer_to_default
        self._items: list[CardItem] = []
        self._rows: dict[int, int] = {}
        self._on_edit = on_edit
        self._on_drop = on_drop

    # Updating ----------------------------------------------------------------------------------

    def items(self) -> list[CardItem]:
        """The items shown, top to bottom."""
        return list(self._items)

    def row_of(self, card_id: int) -> int | None:
        """Row of a card, if this column shows it."""
        return self._rows.get(card_id)

    def set_items(self, items: Sequence[CardItem]) -> None:
        """Show a new list, announcing only what changed (append, remove, redraw, else reset)."""
        old, new = self._items, list(items)
        old_ids = [item.card.id for item in old]
        new_ids = [item.card.id for item in new]
        kept = set(new_ids)
        if old_ids == new_ids:
            self._items = new
            self._announce_redraws(old, new)
        elif new_ids[: len(old_ids)] == old_ids:
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._items = new
            self._index_rows()
            self.endInsertRows()
            self._announce_redraws(old, new[: len(old)])
        elif len(new_ids) < len(old_ids) and [i for i in old_ids if i in kept] == new_ids:
            self._items = list(old)
            for row in reversed(range(len(old))):
                if old[row].card.id not in kept:
                    self.beginRemoveRows(QModelIndex(), row, row)
                    del self._items[row]
                    self.endRemoveRows()
            remaining = self._items
            self._items = new
            self._index_rows()
            self._announce_redraws(remaining, new)
        else:
            self.beginResetModel()
            self._items = new
            self._index_rows()
            self.endResetModel()

    def _announce_redraws(self, before: Sequence[CardItem], after: Sequence[CardItem]) -> None:
        for row, (old, new) in enumerate(zip(before, after, strict=True)):
            if old is not new and old != new:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def _index_rows(self) -> None:
        self._rows = {item.card.id: row for row, item in enumerate(self._items)}

    # Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature.
        """Number of cards shown."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The card's text for display and editing, everything else for the tooltip and painter."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.card.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tooltip(self.refer_to_default)
        if role == Role.ITEM:
            return item
        if role == Role.CARD_ID:
            return item.card.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Cards are selectable, editable and draggable where the view allows it."""
        droppable = Qt.ItemFlag.ItemIsDropEnabled if self._on_drop is not None else Qt.ItemFlag.NoItemFlags
        if not index.isValid():
            return droppable
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | droppable
        if self._on_edit is not None:
            base |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save an edited text through the application layer."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._on_edit is None:
            return False
        return self._on_edit(self._items[index.row()].card.id, str(value))

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged cards' ids."""
        return self.ids_mime_data(self._items[i.row()].card.id for i in indexes if i.isValid())

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Cards can be dropped anywhere in a column that accepts drops."""
        return self._on_drop is not None and data.hasFormat(CARD_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dropped cards into this column's category (the view updates on the change)."""
        if not self.canDropMimeData(data, action, row, column, parent) or self._on_drop is None:
            return False
        ids = self.dropped_ids(data)
        if ids:
            self._on_drop(ids, self.category.key)
        return False


class MatrixModel(HeadedTableModel):
    """The plenary referral matrix: a heading row per category, then its red flags by votes."""

    HEADERS = ("#", "Red flag", "Evidence to identify and secure", "Refer to", "Votes", "Raised by")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[MatrixSection, int | None]] = []

    def set_sections(self, sections: Sequence[MatrixSection]) -> None:
        """Show a new matrix."""
        self.beginResetModel()
        self._rows = []
        for section in sections:
            self._rows.append((section, None))
            self._rows += [(section, rank) for rank in range(len(section.flags))]
        self.endResetModel()

    def is_heading(self, row: int) -> bool:
        """Whether a row is a category heading (the view spans it across all columns)."""
        return self._rows[row][1] is None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell texts; headings are bold and shaded, core indicators marked."""
        if not index.isValid():
            return None
        section, rank = self._rows[index.row()]
        if rank is None:
            return self._heading_data(section, index.column(), role)
        flag = section.flags[rank]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                str(rank + 1),
                "\n".join([flag.text, *(f"+ {t}" for t in flag.merged_texts)]),
                "\n".join(flag.evidence),
                "\n".join(flag.refer_to),
                str(flag.votes),
                ", ".join(flag.sources),
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Role.CARD_ID:
            return flag.card_id
        return None

    @staticmethod
    def _heading_data(section: MatrixSection, column: int, role: int) -> Any:
        category = section.category
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            core = "  ·  core ILO indicator" if category.core else ""
            count = len(section.flags)
            return f"{category.label}{core}  ({counted(count, 'red flag')})"
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return category.description or category.label
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#fbe9d0" if category.core else "#e8edf4"))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1d2433"))
        return None

    def row_count(self) -> int:
        """Headings and red flags."""
        return len(self._rows)

    def column_titles(self) -> tuple[str, ...]:
        """Six columns."""
        return self.HEADERS
