"""Text in any of the workshop's scripts, in the right font for every character and correctly shaped.

reportlab draws a string in one font, and each script's Noto font lacks Latin letters, digits and
most punctuation: "พ.ต.ท. สมชาย (ใจดี)" drawn in Noto Sans Thai prints a box for every full stop
and bracket. So text is cut into *character clusters* (a letter with its marks, a Khmer or Myanmar
letter with its subscript), each cluster takes the first font of its script's fallback chain that
holds all of it, and neighbouring clusters in one font form a run. Runs in a script font are shaped
by HarfBuzz (through reportlab, whose text objects then place every glyph where HarfBuzz put it)
and carry their text as ``ActualText`` for copy and search; Latin runs are drawn unshaped so that
"ff" stays two letters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple
from xml.sax.saxutils import escape

from facilitator.core.user_text import strip_controls
from facilitator.documents.fonts import SANS, SANS_BOLD, coverage, fallback_chain, register_fonts

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "GlyphRun",
    "ShapedLine",
    "clean_text",
    "clusters",
    "draw_line",
    "font_runs",
    "markup",
    "script_of",
    "shape_line",
    "shape_run",
    "shape_text",
    "show_run",
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
#: Joiners and selectors that change how a cluster looks but need no glyph of their own.
_IGNORABLE = frozenset({0x200B, 0x200C, 0x200D, *range(0xFE00, 0xFE10)})
#: Khmer coeng and Myanmar virama: the letter after them is part of the same cluster (a subscript).
_STACKERS = frozenset({"\u17d2", "\u1039", "\u200d"})


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """The script of a letter or mark: one of the four, ``"latin"`` for any other letter, and
    ``None`` for spaces, digits and punctuation, which belong to the text around them."""
    code = ord(char)
    for low, high, script in _RANGES:
        if low <= code <= high:
            return script
    if char.isalpha():
        return "latin"
    return None


def clean_text(text: str) -> str:
    """NFC (Vietnamese typed with combining marks gets its precomposed letters), without soft
    hyphens: a name is never hyphenated, so a hyphen that only appears at a line end has no place.

    Control characters are removed too (a workshop stored before they were kept out of the store
    may hold them; no font has a glyph for them), and a tab becomes a space.
    """
    return strip_controls(unicodedata.normalize("NFC", text)).replace("\u00ad", "").replace("\t", " ")


def clusters(text: str) -> list[str]:
    """Cut text into clusters that must be drawn in one font: a base character with its combining
    marks, joiners and (after a coeng or virama) the subscript letter."""
    result: list[str] = []
    for char in text:
        joins = result and (
            unicodedata.category(char)[0] == "M" or ord(char) in _IGNORABLE or result[-1][-1] in _STACKERS
        )
        if joins:
            result[-1] += char
        else:
            result.append(char)
    return result


def _cluster_scripts(parts: list[str]) -> list[str]:
    """Each cluster's script; spaces, digits and punctuation take the script of the letter before
    them (or after them, at the start), so "ທ. " looks for its full stop in the Lao font first."""
    scripts: list[str | None] = [script_of(part[0]) for part in parts]
    following = next((s for s in scripts if s), "latin")
    previous: str | None = None
    resolved = []
    for script in scripts:
        previous = script or previous
        resolved.append(previous or following)
    return resolved


@lru_cache(maxsize=4096)
def _font_for(cluster: str, chain: tuple[str, ...]) -> str:
    """The first font of ``chain`` with every character of ``cluster`` (cached: a long report
    asks for the same few hundred clusters millions of times)."""
    codes = [ord(char) for char in cluster if ord(char) not in _IGNORABLE] or [ord(cluster[0])]
    for name in chain:
        covered = coverage(name)
        if all(code in covered for code in codes):
            return name
    # No shipped font has it (a Chinese character, an emoji): the script font's empty glyph.
    return chain[0]


@cache
def _plain_ascii(bold: bool) -> tuple[str, frozenset[str]]:
    """The Latin font, and the ASCII characters that :func:`font_runs` puts in it: every one it
    has a glyph for, and those no font has (a newline)."""
    chain = fallback_chain("latin", bold)
    return chain[0], frozenset(chr(code) for code in range(128) if _font_for(chr(code), chain) == chain[0])


@lru_cache(maxsize=16384)
def font_runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """(font name, text) runs: every cluster in the first font of its fallback chain that has it.

    Most table cells are plain ASCII, in which every character is a cluster of its own and of
    Latin script: such a text is one run in the Latin font, found without looking at each
    character in Python (the layout of a long report measures millions of them).

    Args:
        text: Text already cleaned (:func:`clean_text`); newlines are kept as they are.
        bold: Use the bold faces.
    """
    register_fonts()
    if text.isascii():
        latin, plain = _plain_ascii(bold)
        if plain.issuperset(text):
            return ((latin, text),) if text else ()
    parts = clusters(text)
    runs: list[list[str]] = []
    for part, script in zip(parts, _cluster_scripts(parts), strict=True):
        name = _font_for(part, fallback_chain(script, bold))
        if runs and runs[-1][0] == name:
            runs[-1][1] += part
        else:
            runs.append([name, part])
    return tuple((name, run) for name, run in runs)


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain user text: escaped, one ``<font>`` per font run, newlines kept.

    For the few places that hand text to a reportlab Paragraph (the table of contents);
    everything else draws :class:`ShapedLine` and :class:`facilitator.documents.textblock.TextBlock`.
    """
    return "".join(
        f'<font name="{name}">{escape(run).replace(chr(10), "<br/>")}</font>'
        for name, run in font_runs(clean_text(text), bold)
    )


# Script runs shape with their ligatures and mark positioning; Latin runs are never shaped (see
# fonts.LatinTTFont), so a ligature glyph with no Unicode value never hides "ff" from search.
_FEATURES = {"kern": True, "liga": True, "dlig": True}


@lru_cache(maxsize=32768)
def shape_run(font: str, text: str) -> tuple[str, float]:
    """One run shaped in one font: what to draw (reportlab's ``ShapedStr`` when HarfBuzz moved or
    substituted glyphs, else the plain text) and its advance in thousandths of the font size."""
    from reportlab.lib.abag import ABag
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import shapeFragWord

    if font in (SANS, SANS_BOLD):
        # Latin is never shaped: spare HarfBuzz's refusal, an exception per run.
        return text, float(stringWidth(text, font, 1000))
    word = [stringWidth(text, font, 10), (ABag(fontName=font, fontSize=10), text)]
    shaped = shapeFragWord(word, _FEATURES)
    if len(shaped) == 2:
        drawn = shaped[1][1]
        data = getattr(drawn, "__shapeData__", None)
        units = sum(d.x_advance for d in data) if data else stringWidth(drawn, font, 1000)
        return drawn, float(units)
    # HarfBuzz split the run (it never does within one font); measure it whole, unshaped.
    return text, float(stringWidth(text, font, 1000))


class GlyphRun(NamedTuple):
    """One font run, shaped.

    Attributes:
        font: Registered font name.
        drawn: What to draw: reportlab's ``ShapedStr`` when HarfBuzz moved or substituted glyphs,
            else the plain text.
        units: Advance in thousandths of the font size.
        source: The text the run stands for.
    """

    font: str
    drawn: str
    units: float
    source: str


@dataclass(frozen=True, slots=True)
class ShapedLine:
    """One line of text shaped once, drawable and measurable at any size.

    Attributes:
        text: The text as given.
        runs: The font runs.
        units: Advance width of the whole line in thousandths of the font size.
    """

    text: str
    runs: tuple[GlyphRun, ...]
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

    @property
    def fonts(self) -> frozenset[str]:
        """The fonts the line is drawn in."""
        return frozenset(run.font for run in self.runs)


@lru_cache(maxsize=16384)
def shape_text(text: str, bold: bool = False) -> ShapedLine:
    """Shape text exactly as given (spaces kept), in font runs."""
    runs = tuple(GlyphRun(font, *shape_run(font, run), run) for font, run in font_runs(text, bold))
    return ShapedLine(text, runs, sum(run.units for run in runs))


def shape_line(text: str, bold: bool = False) -> ShapedLine:
    """Shape one line of plain user text: cleaned, with runs of white space (and newlines) as one
    space."""
    return shape_text(" ".join(clean_text(text).split()), bold)


def draw_line(
    canvas: Canvas, x: float, y: float, line: ShapedLine | str, size: float, align: str = "left"
) -> float:
    """Draw a shaped line with its baseline at ``y``; returns its width.

    ``x`` is the left edge, the centre or the right edge by ``align``. The canvas's fill colour is
    used. The line is one text object: each run starts where HarfBuzz's advances put it.
    """
    shaped = shape_line(line) if isinstance(line, str) else line
    width = shaped.width(size)
    cursor = {"left": x, "center": x - width / 2, "right": x - width}[align]
    text = canvas.beginText()
    for run in shaped.runs:
        show_run(text, cursor, y, run, size)
        cursor += run.units * size / 1000
    canvas.drawText(text)
    return width


def show_run(text: Any, x: float, y: float, run: GlyphRun, size: float) -> None:
    """Show one run in a reportlab text object with its start at (x, y).

    A shaped run's glyphs do not spell its text (a Khmer subscript or a Thai mark variant has no
    character of its own), so it is wrapped in a marked-content span whose ``ActualText`` is the
    text it stands for: PDF viewers (PDFium, Poppler, Acrobat) then copy and find it exactly.
    reportlab has no call for marked content inside a text object, so the operators are added to
    its code list.
    """
    text.setTextOrigin(x, y)
    text.setFont(run.font, size)
    shaped = hasattr(run.drawn, "__shapeData__")
    if shaped:
        actual = run.source.encode("utf-16-be").hex().upper()
        text._code.append(f"/Span <</ActualText <FEFF{actual}>>> BDC")
    text.textOut(run.drawn)
    if shaped:
        text._code.append("EMC")
