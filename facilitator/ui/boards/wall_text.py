"""The wall's type: fonts and spacing at each size, and the two ways its text is measured.

Finding the largest size that fits means measuring every card at several sizes and lane widths.
Laying out a card with Qt takes 50–200 µs, so :class:`EstimatedText` does the search: each text's
word widths are measured once, at a reference size, and wrapped in Python at any size and width
(widths grow in proportion to the size). :class:`LaidOutText` then lays out, once per text, width
and size, only what the chosen layout shows; it is what the wall paints, and what checks the
estimate (a text in a script the estimate wraps differently, such as Lao, may need a step down).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from facilitator.ui.boards.wall_fit import WallCard

__all__ = ["CARD_SPACING", "EstimatedText", "LaidOutText", "TextBlock", "WallType", "wall_type"]

_REFERENCE_SIZE = 100
#: Estimated widths are taken this much wider, so that the estimate rarely promises too much.
_ESTIMATE_MARGIN = 1.03
#: Qt breaks lines at U+2028 within one layout, not at "\n".
_LINE_SEPARATOR = "\u2028"
#: Latin letters (up to U+024F) are drawn by the font itself, whose line height is known; other
#: scripts may come from a taller fallback font, so their texts are laid out once to see.
_FIRST_NOT_LATIN = 0x250
#: Estimated heights kept before the oldest are forgotten (a few megabytes).
_MOST_KEPT = 100_000
#: Space between a heading band and the first card.
CARD_SPACING = 6.0


@dataclass(frozen=True, slots=True)
class WallType:
    """Fonts and spacing of the wall at one type size (pixels)."""

    size: int
    text: QFont
    footer: QFont
    heading: QFont
    padding: float
    footer_height: float

    def inner_width(self, lane_width: float) -> float:
        """Width of a card's text in a lane."""
        return max(1.0, lane_width - 2 * self.padding)


@cache
def wall_type(size: int, family: str) -> WallType:
    """The wall's fonts at a size: cards' text at ``size`` pixels, smaller footers and headings."""
    text = QFont(family)
    text.setPixelSize(size)
    footer = QFont(text)
    footer.setPixelSize(max(8, round(size * 0.72)))
    heading = QFont(text)
    heading.setPixelSize(max(8, round(size * 0.8)))
    heading.setBold(True)
    footer_height = QFontMetricsF(footer).lineSpacing()
    return WallType(size, text, footer, heading, max(4.0, size * 0.4), footer_height)


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A text laid out to a width: the layout to draw, its height and each line's text."""

    layout: QTextLayout
    height: float
    lines: tuple[str, ...]


def lay_out(text: str, font: QFont, width: float) -> TextBlock:
    """Wrap ``text`` to ``width`` at word boundaries (anywhere, for a word wider than the line)."""
    flowing = text.replace("\n", _LINE_SEPARATOR)
    layout = QTextLayout(flowing, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    lines: list[str] = []
    height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
        lines.append(flowing[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return TextBlock(layout, height, tuple(lines))


class LaidOutText:
    """Cards and headings laid out by Qt, kept per (text, width, size) while the wall shows them."""

    def __init__(self, family: str) -> None:
        self.family = family
        self._blocks: dict[tuple[str, int, int, bool], TextBlock] = {}
        self._used: set[tuple[str, int, int, bool]] = set()

    def block(self, text: str, width: float, size: int, heading: bool = False) -> TextBlock:
        """The laid-out text of a card (or a heading) in a lane ``width`` wide."""
        kind = wall_type(size, self.family)
        inner = kind.inner_width(width)
        key = (text, int(inner), size, heading)
        self._used.add(key)
        found = self._blocks.get(key)
        if found is None:
            found = self._blocks[key] = lay_out(text, kind.heading if heading else kind.text, int(inner))
        return found

    def card(self, card: WallCard, width: float, size: int) -> float:
        """Height of a card: padding, its text, its footer line."""
        kind = wall_type(size, self.family)
        return self.block(card.text, width, size).height + kind.footer_height + 2 * kind.padding

    def heading(self, text: str, width: float, size: int) -> float:
        """Height of a heading band."""
        kind = wall_type(size, self.family)
        return self.block(text, width, size, heading=True).height + kind.padding + CARD_SPACING

    def forget_unused(self) -> None:
        """Drop every layout not asked for since the last call (the wall shows something else now)."""
        self._blocks = {key: block for key, block in self._blocks.items() if key in self._used}
        self._used = set()


class EstimatedText:
    """Card heights from word widths measured once per text: fast enough to try many sizes.

    Each text is also laid out once on one line at the reference size, for the height of its
    lines: a line of Lao or Myanmar script is taller than one of Latin letters in the same font.
    """

    def __init__(self, exact: LaidOutText) -> None:
        self._exact = exact
        reference = QFont(exact.family)
        reference.setPixelSize(_REFERENCE_SIZE)
        self._reference = reference
        self._metrics = QFontMetricsF(reference)
        self._space = self._metrics.horizontalAdvance(" ")
        self._texts: dict[str, tuple[float, tuple[tuple[float, ...], ...]]] = {}
        self._line_heights: dict[int, float] = {}
        self._heights: dict[tuple[str, int, int], float] = {}

    def _measured(self, text: str) -> tuple[float, tuple[tuple[float, ...], ...]]:
        """How much taller than the font's own lines the text's lines are, and its word widths."""
        found = self._texts.get(text)
        if found is None:
            advance = self._metrics.horizontalAdvance
            words = tuple(
                tuple(advance(word) * _ESTIMATE_MARGIN for word in paragraph.split(" "))
                for paragraph in text.split("\n")
            )
            tallness = 1.0
            if any(ord(character) >= _FIRST_NOT_LATIN for character in text):
                one_line = lay_out(text.replace("\n", " "), self._reference, 1e6)
                tallness = max(1.0, one_line.height / self._metrics.lineSpacing())
            found = self._texts[text] = (tallness, words)
        return found

    def _line_height(self, size: int) -> float:
        found = self._line_heights.get(size)
        if found is None:
            font = wall_type(size, self._exact.family).text
            found = self._line_heights[size] = QFontMetricsF(font).lineSpacing() * _ESTIMATE_MARGIN
        return found

    def lines(self, text: str, width: float, size: int) -> int:
        """How many lines ``text`` takes at ``size`` in a text column ``width`` wide (estimated)."""
        room = width * _REFERENCE_SIZE / size  # compared in reference-size units
        space = self._space
        count = 0
        for paragraph in self._measured(text)[1]:
            count += 1
            used = 0.0
            for word in paragraph:
                if used and used + space + word > room:
                    count += 1
                    used = 0.0
                elif used:
                    used += space
                if word > room:  # broken anywhere
                    extra = math.ceil(word / room) - 1
                    count += extra
                    used = word - extra * room
                else:
                    used += word
        return count

    def card(self, card: WallCard, width: float, size: int) -> float:
        """Estimated height of a card, laid out as :class:`LaidOutText` would (kept: the search
        asks for the same widths and sizes again with every new card)."""
        key = (card.text, int(width), size)
        found = self._heights.get(key)
        if found is None:
            if len(self._heights) > _MOST_KEPT:
                self._heights.clear()
            kind = wall_type(size, self._exact.family)
            lines = self.lines(card.text, kind.inner_width(width), size)
            tallness = self._measured(card.text)[0]
            found = lines * self._line_height(size) * tallness + kind.footer_height + 2 * kind.padding
            self._heights[key] = found
        return found

    def heading(self, text: str, width: float, size: int) -> float:
        """Headings are few: measured exactly."""
        return self._exact.heading(text, width, size)
