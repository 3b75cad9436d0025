"""The board's columns as the room sees them: every revealed card whole, as large as the wall allows.

:func:`~facilitator.ui.boards.wall_fit.fit_wall` chooses the type size and where each card goes
(on estimated heights); the wall then lays out, with Qt, only the cards of that layout, checks it
against the estimate (stepping the size down if a card came out taller), and paints the page on
screen from those layouts. A layout is kept per (text, width, size), so when one card arrives only
that card is laid out, and a repaint draws what is already laid out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.ui.boards.wall_fit import (
    CARD_GAP,
    LANE_GAP,
    Lane,
    PackingMemo,
    WallColumn,
    WallLayout,
    fit_wall,
)
from facilitator.ui.boards.wall_text import CARD_SPACING, EstimatedText, LaidOutText, wall_type

__all__ = ["BoardWall", "PaintedCard", "readable_sizes"]

#: How long the wall waits after a change or a resize before fitting the cards again: once for a
#: burst of phones' cards or a window being dragged, and still sooner than the room would notice.
_REFIT_DELAY_MS = 50
_BACKGROUND = QColor("#0d1117")
_PAPER = QColor("#fff4c2")
_INK = QColor("#1d2433")
_MUTED = QColor("#5b6473")
_HEADING = (QColor("#1f2937"), QColor("#f0f3f6"))
_HEADING_CORE = (QColor("#f3c98b"), QColor("#1d2433"))


@dataclass(frozen=True, slots=True)
class PaintedCard:
    """A card as last painted: where, and the text of each of its lines."""

    card_id: int
    lines: tuple[str, ...]
    rect: QRectF


def readable_sizes(height: int) -> list[int]:
    """Type sizes the wall may use in a window this tall (pixels), smallest first.

    The floor, a 36th of the height (20 pixels on a 720-pixel projector), is read from the back of
    a meeting room; below it the wall pages instead. The top, a 12th, keeps a handful of cards
    from turning into a poster.
    """
    floor = max(14, round(height / 36))
    return list(range(floor, max(floor, round(height / 12)) + 1))


class BoardWall(QWidget):
    """Paints a board's revealed cards, fitted to the widget; turns pages when they do not fit.

    Signals:
        layout_changed(): new type size or pages (the projector updates its page line).
    """

    layout_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        family = self.font().family()
        self._text = LaidOutText(family)
        self._estimate = EstimatedText(self._text)
        self._packings = PackingMemo()
        self._columns: tuple[WallColumn, ...] = ()
        #: Each category's card texts as fitted last (see :meth:`_grown`).
        self._fitted_texts: dict[str, tuple[str, ...]] = {}
        #: Where every card goes (named so as not to hide QWidget.layout()).
        self.wall_layout = WallLayout(readable_sizes(720)[-1], 0.0, 1, ((),))
        self._fitted_size = (0, 0)
        self.page = 0
        #: The cards painted last, with the text of every line (what the room could read).
        self.painted: list[PaintedCard] = []
        self._refit_later = QTimer(self)
        self._refit_later.setSingleShot(True)
        self._refit_later.setInterval(_REFIT_DELAY_MS)
        self._refit_later.timeout.connect(self.refit)

    @property
    def columns(self) -> tuple[WallColumn, ...]:
        """The categories shown, with their cards."""
        return self._columns

    @property
    def fitted(self) -> bool:
        """Whether the layout follows the last change of cards and of size (no refit is waiting)."""
        return not self._refit_later.isActive()

    @property
    def page_count(self) -> int:
        """Screens needed to show every card."""
        return len(self.wall_layout.pages)

    def set_columns(self, columns: Sequence[WallColumn]) -> None:
        """Show these categories and cards.

        The wall is refitted a moment later, once for a burst of changes, and on its own: the page
        that changed the board redraws first, and clicks and keys waiting meanwhile are handled
        between the two.
        """
        columns = tuple(columns)
        if columns != self._columns:
            self._columns = columns
            self._refit_later.start()

    def set_page(self, page: int) -> None:
        """Show one page (wrapping around)."""
        page %= max(1, self.page_count)
        if page != self.page:
            self.page = page
            self.refit()
            self.layout_changed.emit()

    def refit(self) -> None:
        """Choose the type size and pages for the current size of the widget."""
        width, height = self.width(), self.height()
        if width <= 1 or height <= 1 or not self.isVisible():
            return  # refitted when shown
        sizes = readable_sizes(self.window().height())
        grown = self._grown() and (width, height) == self._fitted_size
        estimate, packings, last = self._estimate, self._packings, self.wall_layout.size
        layout = fit_wall(self._columns, width, height, estimate, sizes, last, grown, packings)
        # Only the page on screen is laid out by Qt (the others when they are turned to): should a
        # card come out taller than estimated, the whole wall steps down a size.
        while layout.size > sizes[0] and not self._page_fits(layout, min(self.page, len(layout.pages) - 1)):
            sizes = [size for size in sizes if size < layout.size]
            layout = fit_wall(self._columns, width, height, estimate, sizes, memo=packings)
        self._text.forget_unused()
        self._fitted_texts = {
            column.key: tuple(card.text for card in column.cards) for column in self._columns
        }
        self._fitted_size = (width, height)
        if layout != self.wall_layout:
            self.wall_layout = layout
            self.page = min(self.page, self.page_count - 1)
            self.layout_changed.emit()
        self.update()

    def _grown(self) -> bool:
        """Whether the cards are those fitted last with some added at the ends of their columns."""
        before = self._fitted_texts
        if not before:
            return False
        now = {column.key: column.cards for column in self._columns}
        for key, texts in before.items():
            cards = now.get(key, ())
            if len(cards) < len(texts) or any(
                card.text != text for card, text in zip(cards, texts, strict=False)
            ):
                return False
        return True

    def _page_fits(self, layout: WallLayout, page: int) -> bool:
        """Whether every lane of a page, laid out by Qt, is within the wall's height."""
        height, width, size = self.height(), layout.lane_width, layout.size
        for lane in layout.pages[page]:
            used = self._text.heading(lane.title, width, size)
            used += sum(self._text.card(card, width, size) + CARD_GAP for card in lane.cards)
            if used > height:
                return False
        return True

    def showEvent(self, event: QShowEvent) -> None:
        """Fit what changed while the wall was hidden."""
        super().showEvent(event)
        self.refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit once the resizing settles (a window being dragged resizes many times)."""
        super().resizeEvent(event)
        self._refit_later.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the page's lanes: heading bands, then cards with their whole text and a footer."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), _BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painted = []
        layout = self.wall_layout
        if layout.pages and self.page < len(layout.pages):
            for position, lane in enumerate(layout.pages[self.page]):
                self._paint_lane(painter, lane, position * (layout.lane_width + LANE_GAP))
        painter.end()

    def _paint_lane(self, painter: QPainter, lane: Lane, left: float) -> None:
        layout = self.wall_layout
        width, size = layout.lane_width, layout.size
        kind = wall_type(size, self._text.family)
        heading = self._text.block(lane.title, width, size, heading=True)
        band, ink = _HEADING_CORE if lane.column.core else _HEADING
        top = heading.height + kind.padding
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(band)
        painter.drawRoundedRect(QRectF(left, 0, width, top), 4, 4)
        painter.setPen(ink)
        heading.layout.draw(painter, QPointF(left + kind.padding, kind.padding / 2))
        y = top + CARD_SPACING
        footer_metrics = QFontMetricsF(kind.footer)
        for card in lane.cards:
            block = self._text.block(card.text, width, size)
            tall = block.height + kind.footer_height + 2 * kind.padding
            rect = QRectF(left, y, width, tall)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_PAPER)
            painter.drawRoundedRect(rect, 5, 5)
            painter.setPen(_INK)
            block.layout.draw(painter, QPointF(left + kind.padding, y + kind.padding))
            painter.setFont(kind.footer)
            painter.setPen(_MUTED)
            room = kind.inner_width(width)
            footer = footer_metrics.elidedText(card.footer, Qt.TextElideMode.ElideRight, room)
            baseline = y + kind.padding + block.height + footer_metrics.ascent()
            painter.drawText(QPointF(left + kind.padding, baseline), footer)
            self.painted.append(PaintedCard(card.card_id, block.lines, rect))
            y += tall + CARD_GAP
