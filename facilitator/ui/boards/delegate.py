"""How a card looks in a column, and how its text is edited in place.

Every card has the same height (a few lines of text and a footer), which lets a column of
thousands of cards lay itself out without measuring each one; the full text is in the tooltip,
the side panel and the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
    QPixmapCache,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from facilitator.ui.boards.models import CardItem, Role
from facilitator.ui.item_index import Index

__all__ = ["CardDelegate", "CardTextEditor"]


_PAPER = QColor("#fff4c2")
_PAPER_HIDDEN = QColor("#eceff3")
_INK = QColor("#1d2433")
_MUTED = QColor("#5b6473")
_EDGE = QColor("#d9c77a")
_SELECTED = QColor("#2f6fde")


class CardTextEditor(QPlainTextEdit):
    """Edits a card's text: Enter saves, Shift+Enter starts a new line, Esc cancels."""

    finished = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Save on Enter unless Shift is held."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.finished.emit()
            return
        super().keyPressEvent(event)


def elided_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """The first lines of ``text`` wrapped to ``width``; the last ends in "…" when text remains."""
    pieces: list[tuple[str, int, int]] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        while len(pieces) <= max_lines and (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            pieces.append((paragraph, line.textStart(), line.textLength()))
        layout.endLayout()
        if len(pieces) > max_lines:
            break
    lines = [paragraph[start : start + length].rstrip() for paragraph, start, length in pieces[:max_lines]]
    if len(pieces) > max_lines:
        paragraph, start, _ = pieces[max_lines - 1]
        metrics = QFontMetrics(font)
        last = metrics.elidedText(paragraph[start:], Qt.TextElideMode.ElideRight, width)
        lines[-1] = (
            last
            if last.endswith("…")
            else metrics.elidedText(last + " …", Qt.TextElideMode.ElideRight, width)
        )
    return lines


class CardDelegate(QStyledItemDelegate):
    """Paints a card as a note: text, then votes, merged cards, groups, and whether it is hidden.

    Args:
        lines: Lines of card text shown before "…".
    """

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        # Room for the pictures of a few hundred cards (the visible ones are drawn over and over).
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 64 * 1024))

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        text = QFont(option.font)
        small = QFont(text)
        small.setPointSizeF(max(6.0, text.pointSizeF() * 0.82))
        return text, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """The same height for every card, from the type size."""
        text, small = self._fonts(option)
        height = QFontMetrics(text).lineSpacing() * self.lines + QFontMetrics(small).lineSpacing() + 22
        return QSize(200, int(height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the note from a cached picture of it (drawn again only when the card changes)."""
        item: CardItem | None = index.data(Role.ITEM)
        if item is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        size = option.rect.size()
        ratio = painter.device().devicePixelRatioF()
        key = f"card:{self.lines}:{size.width()}x{size.height()}@{ratio}:{selected}:{hash(item)}"
        picture = QPixmap()
        if not QPixmapCache.find(key, picture):
            picture = QPixmap(size * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            note = QPainter(picture)
            self._draw_note(note, QRect(QPoint(0, 0), size), option, item, selected)
            note.end()
            QPixmapCache.insert(key, picture)
        painter.drawPixmap(option.rect.topLeft(), picture)

    def _draw_note(
        self, painter: QPainter, area: QRect, option: QStyleOptionViewItem, item: CardItem, selected: bool
    ) -> None:
        text_font, small_font = self._fonts(option)
        rect = area.adjusted(4, 3, -4, -3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(_SELECTED if selected else _EDGE, 2.5 if selected else 1.0)
        if not item.card.revealed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(_PAPER if item.card.revealed else _PAPER_HIDDEN)
        painter.drawRoundedRect(QRectF(rect), 5, 5)
        inner = rect.adjusted(8, 6, -8, -6)
        painter.setFont(text_font)
        painter.setPen(_INK)
        line_height = QFontMetrics(text_font).lineSpacing()
        y = inner.top()
        for line in elided_lines(item.card.text, text_font, inner.width(), self.lines):
            painter.drawText(
                QRect(inner.left(), y, inner.width(), line_height), Qt.AlignmentFlag.AlignLeft, line
            )
            y += line_height
        painter.setFont(small_font)
        painter.setPen(_MUTED)
        footer = [f"● {item.votes}"]
        if item.merged_texts:
            footer.append(f"+{len(item.merged_texts)} merged")
        if item.sources:
            footer.append(", ".join(item.sources))
        if not item.card.revealed:
            footer.append("hidden")
        small_height = QFontMetrics(small_font).lineSpacing()
        footer_rect = QRect(inner.left(), inner.bottom() - small_height, inner.width(), small_height)
        text = QFontMetrics(small_font).elidedText(
            "   ".join(footer), Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(footer_rect, Qt.AlignmentFlag.AlignLeft, text)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A text box over the card: Enter saves, Shift+Enter for a new line, Esc cancels."""
        editor = CardTextEditor(parent)
        editor.setTabChangesFocus(True)
        editor.finished.connect(lambda: self._on_editor_finished(editor))
        return editor

    def _on_editor_finished(self, editor: CardTextEditor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Start from the card's text."""
        if isinstance(editor, CardTextEditor):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        """Save the edited text if it changed."""
        if isinstance(editor, CardTextEditor):
            text = editor.toPlainText()
            if text != index.data(Qt.ItemDataRole.EditRole):
                index.model().setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        """Cover the card, a little taller for long texts."""
        rect = QRect(option.rect)
        rect.setHeight(max(rect.height(), 140))
        editor.setGeometry(rect)
