"""The rest of the day on the projector: as many items as fit, in the largest type that fits.

A fixed number of rows with titles cut at a fixed length wasted half a 1080-pixel screen and cut
long titles on a 720-pixel one. :class:`DayList` measures instead: it tries type sizes from large
to small until every row (start time, then the whole title, wrapped between words) fits its
rectangle. Below a readable floor it stops shrinking, shows the rows that fit and says how many
more follow, so nothing is ever drawn outside the widget or cut mid-word.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["DayList", "DayRow"]

_WRAP = int(Qt.TextFlag.TextWordWrap)
_CURRENT = "#ffd866"


@dataclass(frozen=True, slots=True)
class DayRow:
    """One item as the room sees it: when it starts and what it is."""

    start: str
    title: str
    current: bool = False


@dataclass(frozen=True, slots=True)
class _Placed:
    row: DayRow
    time: QRect
    title: QRect


class DayList(QWidget):
    """Start times and whole titles, sized to fill the widget.

    Args:
        largest: The largest type, as a share of the window's height.
        smallest: The readable floor, as a share of the window's height.
        colour: Text colour (the current item is drawn in amber and bold).
    """

    def __init__(self, largest: float, smallest: float, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._largest, self._smallest = largest, smallest
        self._colour = QColor(colour)
        self._rows: list[DayRow] = []
        self._placed: list[_Placed] = []
        self._pixels = 0
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    @property
    def rows(self) -> list[DayRow]:
        """The rows asked for."""
        return self._rows

    @property
    def shown(self) -> list[tuple[DayRow, QRect]]:
        """The rows drawn, each with the rectangle its title occupies."""
        return [(placed.row, placed.title) for placed in self._placed]

    @property
    def more(self) -> int:
        """How many rows did not fit."""
        return len(self._rows) - len(self._placed)

    @property
    def pixel_size(self) -> int:
        """The type size chosen."""
        return self._pixels

    def set_style(self, largest: float, smallest: float, colour: str) -> None:
        """Change the largest type, the floor (shares of the window's height) and the colour."""
        if QColor(colour) != self._colour:
            self._colour = QColor(colour)
            self.update()
        if (largest, smallest) != (self._largest, self._smallest):
            self._largest, self._smallest = largest, smallest
            self._lay_out()

    def set_rows(self, rows: list[DayRow]) -> None:
        """Show these rows (nothing is laid out again when they are the same)."""
        if rows != self._rows:
            self._rows = rows
            self._lay_out()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Choose the type size again for the new rectangle."""
        super().resizeEvent(event)
        self._lay_out()

    def _font(self, pixels: int, current: bool) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        font.setBold(current)
        return font

    def _place(self, pixels: int, room: int) -> list[_Placed]:
        """The rows that fit in ``room`` pixels of height at this type size, in order."""
        width = self.width()
        time_width = QFontMetrics(self._font(pixels, True)).horizontalAdvance("88:88") + pixels
        gap = max(pixels // 3, 2)
        placed: list[_Placed] = []
        top = 0
        for row in self._rows:
            metrics = QFontMetrics(self._font(pixels, row.current))
            bounds = QRect(time_width, top, max(width - time_width, 1), 100_000)
            title = metrics.boundingRect(bounds, _WRAP, row.title)
            if title.bottom() >= room or title.right() >= width:
                break
            placed.append(_Placed(row, QRect(0, top, time_width, metrics.height()), title))
            top = title.bottom() + 1 + gap
        return placed

    def _lay_out(self) -> None:
        base = max(self.window().height(), 200)
        largest = max(int(base * self._largest), 8)
        smallest = min(max(int(base * self._smallest), 8), largest)
        height = self.height()
        placed: list[_Placed] = []
        pixels = largest
        for pixels in range(largest, smallest - 1, -1):
            placed = self._place(pixels, height)
            if len(placed) == len(self._rows):
                break
        if len(placed) < len(self._rows):  # keep a line to say how many more follow
            more_line = QFontMetrics(self._font(pixels, False)).height()
            placed = self._place(pixels, height - more_line)
        self._placed, self._pixels = placed, pixels
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the rows placed, and the count of those that did not fit."""
        painter = QPainter(self)
        for placed in self._placed:
            painter.setFont(self._font(self._pixels, placed.row.current))
            painter.setPen(QColor(_CURRENT) if placed.row.current else self._colour)
            painter.drawText(placed.time, int(Qt.AlignmentFlag.AlignLeft), placed.row.start)
            painter.drawText(placed.title, _WRAP, placed.row.title)
        if self.more:
            painter.setFont(self._font(self._pixels, False))
            painter.setPen(self._colour)
            top = self._placed[-1].title.bottom() + 1 if self._placed else 0
            painter.drawText(
                QRect(0, top, self.width(), self.height() - top),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                f"… and {self.more} more",
            )
        painter.end()
