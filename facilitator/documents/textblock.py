"""A paragraph flowable that draws every script right: per-cluster fonts, HarfBuzz shaping, ICU breaks.

reportlab's ``Paragraph`` breaks lines only at spaces (or anywhere, splitting Thai syllables), drops
a hyphen where it breaks a hyphenated word, measures each script run in one font, and costs about a
millisecond each, which made a 2,000-row sign-in sheet take ten seconds. ``TextBlock`` lays out
plain text in styled spans with :mod:`facilitator.documents.linebreak` and draws the shaped runs of
:mod:`facilitator.documents.text` straight onto the canvas, one text object per line. It takes the
same ``ParagraphStyle`` objects (font size, leading, colour, alignment, spacing, keep-with-next), so
tables, frames and page templates treat it as they treat a paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import Flowable

from facilitator.documents.linebreak import fill_lines, line_segments
from facilitator.documents.rehearsal import rehearsing
from facilitator.documents.text import clean_text, shape_text, show_run

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

__all__ = ["Outline", "Span", "TextBlock", "para", "rich"]

#: Line height, as a multiple of the font size, that the tallest stacks of each script need so that
#: marks above one line never touch the marks below the line over it.
_SCRIPT_LINE = {"NotoSansMyanmar": 1.6, "NotoSansKhmer": 1.5, "NotoSansLao": 1.35, "NotoSansThai": 1.3}


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text in one style.

    Attributes:
        text: Plain text (newlines break the line).
        bold: Bold face.
        colour: Hex colour, or the style's text colour.
        size: Font size in points, or the style's.
    """

    text: str
    bold: bool = False
    colour: str | None = None
    size: float | None = None


@dataclass(frozen=True, slots=True)
class Outline:
    """A heading's place in the PDF outline (bookmarks) and the table of contents.

    Attributes:
        level: 0 for a chapter, 1 for a section in it.
        key: Unique destination name.
        title: Text of the bookmark and the contents entry.
        contents: Whether the contents page lists it (every outline entry is a bookmark).
    """

    level: int
    key: str
    title: str
    contents: bool = True


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    bold: bool
    colour: Any
    size: float


class TextBlock(Flowable):  # type: ignore[misc]  # reportlab ships no type hints.
    """Styled text, wrapped at the line-break opportunities of its scripts."""

    def __init__(self, spans: Sequence[Span], style: ParagraphStyle, outline: Outline | None = None) -> None:
        super().__init__()
        self.style = style
        self.spans = tuple(spans)
        self.outline = outline
        self.text = "".join(clean_text(span.text) for span in self.spans)
        self.keepWithNext = bool(getattr(style, "keepWithNext", 0))
        self._pieces = self._make_pieces()
        self._laid_out: tuple[float, list[tuple[int, int]], list[float]] | None = None

    def _make_pieces(self) -> list[_Piece]:
        style_bold = str(self.style.fontName).endswith("-Bold")
        pieces = []
        position = 0
        for span in self.spans:
            text = clean_text(span.text)
            colour = HexColor(span.colour) if span.colour else self.style.textColor
            size = float(span.size or self.style.fontSize)
            pieces.append(_Piece(position, position + len(text), span.bold or style_bold, colour, size))
            position += len(text)
        return pieces

    def getPlainText(self, identify: object = None) -> str:
        """The text, as reportlab's outline and contents machinery (and its error messages, with
        ``identify``) ask for it."""
        return self.text

    def _overlaps(self, start: int, end: int) -> list[tuple[_Piece, int, int]]:
        if len(self._pieces) == 1:
            piece = self._pieces[0]
            first, last = max(start, piece.start), min(end, piece.end)
            return [(piece, first, last)] if first < last else []
        return [
            (piece, max(start, piece.start), min(end, piece.end))
            for piece in self._pieces
            if piece.start < end and piece.end > start
        ]

    def _measure(self, start: int, end: int) -> float:
        if len(self._pieces) == 1:
            piece = self._pieces[0]
            return shape_text(self.text[start:end], piece.bold).width(piece.size)
        return sum(
            shape_text(self.text[a:b], piece.bold).width(piece.size)
            for piece, a, b in self._overlaps(start, end)
        )

    def _line_height(self, start: int, end: int) -> float:
        leading = float(self.style.leading)
        font_size = float(self.style.fontSize)
        height = leading
        for piece, a, b in self._overlaps(start, end):
            height = max(height, leading * piece.size / font_size)
            for run in shape_text(self.text[a:b], piece.bold).runs:
                height = max(height, _SCRIPT_LINE.get(run.font.partition("-")[0], 0) * piece.size)
        return height

    def _layout(self, width: float) -> tuple[list[tuple[int, int]], list[float]]:
        if self._laid_out is None or abs(self._laid_out[0] - width) > 1e-6:
            usable = width - float(self.style.leftIndent) - float(self.style.rightIndent)
            lines = fill_lines(self.text, self._measure, max(usable, 1.0))
            heights = [self._line_height(a, b) for a, b in lines]
            self._laid_out = (width, lines, heights)
        return self._laid_out[1], self._laid_out[2]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Lay the text out for the width; its height is the sum of its lines'."""
        _, heights = self._layout(available_width)
        self.width = available_width
        self.height = sum(heights)
        return self.width, self.height

    def minWidth(self) -> float:
        """The widest word: tables without fixed widths never make a column narrower."""
        widths, position = [0.0], 0
        for segment in line_segments(self.text):
            widths.append(self._measure(position, position + len(segment.rstrip())))
            position += len(segment)
        return max(widths) + float(self.style.leftIndent) + float(self.style.rightIndent)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Split between lines, leaving at least two lines on each side of a page break.

        The lines are those of the width the block was wrapped at when that is narrower: a table
        splitting inside a row passes the column's width, padding included, and the parts, laid
        out wider than they are drawn, would not all fit in the space they were cut for.
        """
        if 0 < self.width < available_width:
            available_width = self.width
        lines, heights = self._layout(available_width)
        used, count = 0.0, 0
        while count < len(lines) and used + heights[count] <= available_height + 1e-6:
            used += heights[count]
            count += 1
        if count >= len(lines):
            return []
        count = min(count, len(lines) - 2)  # a line short of room moves on with the last one
        if count < 2:
            return []
        cut = lines[count][0]
        first = self._slice(0, cut)
        first.style = _without_space(self.style, after=True)
        rest = self._slice(cut, len(self.text))
        rest.style = _without_space(self.style, after=False)
        return [first, rest]

    def _slice(self, start: int, end: int) -> TextBlock:
        spans = [
            Span(self.text[a:b], piece.bold, None, piece.size) for piece, a, b in self._overlaps(start, end)
        ]
        block = TextBlock(spans, self.style)
        block._pieces = [
            _Piece(a - start, b - start, piece.bold, piece.colour, piece.size)
            for piece, a, b in self._overlaps(start, end)
        ]
        return block

    def draw(self) -> None:
        """Draw the block as one text object, each run placed at its line's baseline (nothing on
        a rehearsal's canvas)."""
        if rehearsing(self.canv):
            return
        lines, heights = self._layout(self.width)
        canvas = self.canv
        text = canvas.beginText()
        alignment = self.style.alignment
        left = float(self.style.leftIndent)
        usable = self.width - left - float(self.style.rightIndent)
        top = self.height
        leading, font_size = float(self.style.leading), float(self.style.fontSize)
        colour = None
        for (start, end), height in zip(lines, heights, strict=True):
            top -= height
            # reportlab puts a first baseline one font size below the top of a line one leading
            # high; a taller line (a larger span, a script with deep stacks) adds its extra above.
            sizes = [piece.size for piece, _, _ in self._overlaps(start, max(end, start + 1))]
            scale = max(sizes, default=font_size) / font_size
            baseline = top + (leading - font_size) * scale
            x = left
            if alignment == TA_CENTER:
                x += (usable - self._measure(start, end)) / 2
            elif alignment == TA_RIGHT:
                x += usable - self._measure(start, end)
            for piece, a, b in self._overlaps(start, end):
                if piece.colour is not colour:
                    colour = piece.colour
                    text.setFillColor(colour)
                for run in shape_text(self.text[a:b], piece.bold).runs:
                    show_run(text, x, baseline, run, piece.size)
                    x += run.units * piece.size / 1000
        canvas.drawText(text)


def _without_space(style: ParagraphStyle, *, after: bool) -> ParagraphStyle:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(style.name, style, **({"spaceAfter": 0} if after else {"spaceBefore": 0}))


def para(text: str, style: ParagraphStyle, bold: bool = False, outline: Outline | None = None) -> TextBlock:
    """A block of plain user text in a style (bold when asked or when the style is bold)."""
    return TextBlock([Span(text, bold)], style, outline)


def rich(spans: Sequence[Span], style: ParagraphStyle) -> TextBlock:
    """A block of several styled spans (a name in bold with the native name below it)."""
    return TextBlock(spans, style)
