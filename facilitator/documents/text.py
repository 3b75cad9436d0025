"""Text in any of the workshop's scripts, drawn correctly shaped by reportlab.

reportlab shapes complex scripts (marks above and below Lao, Thai, Khmer and Myanmar letters) only
through ``Paragraph`` with ``shaping=1`` when ``uharfbuzz`` is installed, and each script's Noto font
lacks Latin letters. So text is cut into runs by script, each run wrapped in its own ``<font>``, and
all drawing and measuring goes through ``Paragraph`` — also for single lines on a canvas.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from facilitator.documents.fonts import SANS, SANS_BOLD, font_name, register_fonts

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

__all__ = [
    "ShapedLine",
    "draw_line",
    "draw_text",
    "fit_size",
    "markup",
    "para",
    "script_of",
    "script_runs",
    "shape_line",
    "text_width",
]

_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x1000, 0x109F, "myanmar"),
    (0xA9E0, 0xA9FF, "myanmar"),
    (0xAA60, 0xAA7F, "myanmar"),
    (0x1780, 0x17FF, "khmer"),
    (0x19E0, 0x19FF, "khmer"),
)


def script_of(char: str) -> str | None:
    """The script of a letter, ``"latin"`` for any other letter, ``None`` for spaces, digits and
    punctuation (which join the run around them so shaping is not broken mid-word)."""
    code = ord(char)
    for low, high, script in _RANGES:
        if low <= code <= high:
            return script
    if char.isspace() or (not char.isalpha() and code < 0x3000):
        return None
    return "latin"


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script, run) pairs.

    Punctuation and digits take the script of the first letter of their word, and spaces join the
    run before them, so runs change only at word boundaries: reportlab shapes a word that mixes
    two fonts with the first font only.
    """
    scripts: list[str | None] = [script_of(char) for char in text]
    start = 0
    while start < len(text):
        if text[start].isspace():
            start += 1
            continue
        end = start
        while end < len(text) and not text[end].isspace():
            end += 1
        word_script = next((s for s in scripts[start:end] if s), None)
        for index in range(start, end):
            scripts[index] = scripts[index] or word_script
        start = end
    runs: list[tuple[str, str]] = []
    current: str | None = None
    buffer: list[str] = []
    for char, script in zip(text, scripts, strict=True):
        if script is None or script == current or current is None:
            current = current or script
            buffer.append(char)
            continue
        runs.append((current, "".join(buffer)))
        current, buffer = script, [char]
    if buffer:
        runs.append((current or "latin", "".join(buffer)))
    return runs


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain user text: escaped, per-script font runs, newlines kept."""
    register_fonts()
    parts = []
    for script, run in script_runs(unicodedata.normalize("NFC", text)):
        escaped = escape(run).replace("\n", "<br/>")
        parts.append(f'<font name="{font_name(script, bold)}">{escaped}</font>')
    return "".join(parts)


def para(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """A shaped paragraph of plain user text."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup(text, bold), style)


def _line_style(size: float, bold: bool, align: str) -> ParagraphStyle:
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    alignment = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[align]
    return ParagraphStyle(
        "line",
        fontName=SANS_BOLD if bold else SANS,
        fontSize=size,
        leading=size * 1.25,
        alignment=alignment,
        shaping=1,
    )


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one shaped line in points (what ``stringWidth`` gets wrong for complex scripts)."""
    from reportlab.platypus import Paragraph

    paragraph = Paragraph(markup(text, bold), _line_style(size, bold, "left"))
    paragraph.wrap(100_000, 1_000)
    widths = paragraph.getActualLineWidths0()
    return float(max(widths)) if widths else 0.0


def fit_size(text: str, max_width: float, size: float, min_size: float, bold: bool = False) -> float:
    """The largest font size from ``size`` down to ``min_size`` at which the text fits one line."""
    width = text_width(text, size, bold)
    if width <= max_width or width == 0:
        return size
    return max(min_size, size * max_width / width * 0.995)


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    bold: bool = False,
    align: str = "left",
    width: float | None = None,
) -> None:
    """Draw one shaped line with its baseline at ``y``.

    ``x`` is the left edge, the centre or the right edge by ``align``; ``width`` (default: the text's
    own width) is the box it is aligned in.
    """
    from reportlab.platypus import Paragraph

    own = text_width(text, size, bold)
    box = width if width is not None else own
    left = {"left": x, "center": x - box / 2, "right": x - box}[align]
    paragraph = Paragraph(markup(text, bold), _line_style(size, bold, align))
    _, height = paragraph.wrap(max(box, own) + 1, size * 3)
    # A paragraph is placed by its bottom edge; its first baseline sits one descent above it.
    descent = size * 0.25
    paragraph.drawOn(canvas, left, y - descent - (height - size * 1.25))


@dataclass(frozen=True, slots=True)
class ShapedLine:
    """One line of text shaped once by HarfBuzz, drawable and measurable at any size.

    ``draw_text`` builds a Paragraph per call (about a millisecond); badges draw thousands of short
    lines, so they shape each line once and draw the glyph runs straight onto the canvas.

    Attributes:
        text: The text as given.
        runs: (font name, shaped text) per script run; shaped text is reportlab's ``ShapedStr``
            when HarfBuzz moved or substituted glyphs, else a plain string.
        units: Advance width in thousandths of the font size.
    """

    text: str
    runs: tuple[tuple[str, str], ...]
    units: float

    def width(self, size: float) -> float:
        """Width in points at a font size."""
        return self.units * size / 1000

    def fit(self, max_width: float, size: float, min_size: float) -> float:
        """The largest size from ``size`` down to ``min_size`` at which the line fits ``max_width``."""
        width = self.width(size)
        if width <= max_width or width == 0:
            return size
        return max(min_size, size * max_width / width)


# Latin runs keep kerning but not ligatures: an "ff" or "fi" ligature glyph has no Unicode value
# in reportlab's subset fonts, so "Provincial staff" would not be found by search or copy.
_LATIN_FEATURES = {"kern": True, "liga": False, "dlig": False}
_SCRIPT_FEATURES = {"kern": True, "liga": True, "dlig": True}


@lru_cache(maxsize=8192)
def shape_line(text: str, bold: bool = False) -> ShapedLine:
    """Shape one line of plain text (newlines become spaces) in per-script font runs."""
    import unicodedata

    from reportlab.lib.abag import ABag
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import shapeFragWord

    register_fonts()
    clean = unicodedata.normalize("NFC", " ".join(text.split()))
    runs: list[tuple[str, str]] = []
    units = 0.0
    for script, run in script_runs(clean):
        font = font_name(script, bold)
        word = [stringWidth(run, font, 10), (ABag(fontName=font, fontSize=10), run)]
        shaped = shapeFragWord(word, _LATIN_FEATURES if script == "latin" else _SCRIPT_FEATURES)[1][1]
        data = getattr(shaped, "__shapeData__", None)
        units += sum(d.x_advance for d in data) if data else stringWidth(run, font, 1000)
        runs.append((font, shaped))
    return ShapedLine(text, tuple(runs), units)


def draw_line(
    canvas: Canvas, x: float, y: float, line: ShapedLine | str, size: float, align: str = "left"
) -> float:
    """Draw a shaped line with its baseline at ``y``; returns its width.

    ``x`` is the left edge, the centre or the right edge by ``align``. The canvas's fill colour is
    used; its font is left changed.
    """
    shaped = shape_line(line) if isinstance(line, str) else line
    width = shaped.width(size)
    cursor = {"left": x, "center": x - width / 2, "right": x - width}[align]
    for font, run in shaped.runs:
        canvas.setFont(font, size)
        canvas.drawString(cursor, y, run)
        data = getattr(run, "__shapeData__", None)
        cursor += (
            sum(d.x_advance for d in data) * size / 1000 if data else canvas.stringWidth(run, font, size)
        )
    return width
