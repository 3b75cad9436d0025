"""Names set as large as their box allows: wrapped at word boundaries before they are shrunk.

A badge or a tent card has a fixed box for the name. One line at the design size is best; a name
too long for it is broken at its line-break opportunities (ICU's, so Thai and Lao break between
words) into balanced lines; only when even the best split does not fit is it made smaller. Sizes
are computed in font units, so finding the size is arithmetic, not trial drawing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any

from facilitator.documents.linebreak import line_segments
from facilitator.documents.text import ShapedLine, shape_line, shape_text

__all__ = ["FittedText", "fit_text"]

#: A text set smaller than this share of its floor size cannot be read; it is shortened instead.
_LEGIBLE = 0.6


@dataclass(frozen=True, slots=True)
class FittedText:
    """Lines to draw and their size.

    Attributes:
        lines: The shaped lines, top to bottom.
        size: Font size in points.
        step: Baseline-to-baseline distance in points.
    """

    lines: tuple[ShapedLine, ...]
    size: float
    step: float

    @property
    def height(self) -> float:
        """Height of the block: one step per line."""
        return self.step * len(self.lines)


def _best_split(
    pieces: list[str], widths: list[tuple[float, float]], count: int
) -> tuple[list[str], float] | None:
    """The ``count`` lines (cut between pieces) whose widest line is the narrowest, in units.

    ``widths`` holds each piece's width with and without its trailing spaces: a line is as wide
    as its pieces, less the spaces after its last one.
    """
    if count > len(pieces):
        return None
    best: tuple[list[str], float] | None = None
    for cuts in combinations(range(1, len(pieces)), count - 1):
        spans = list(itertools.pairwise((0, *cuts, len(pieces))))
        widest = max(sum(full for full, _ in widths[a : b - 1]) + widths[b - 1][1] for a, b in spans)
        if best is None or widest < best[1]:
            lines = ["".join(pieces[a:b]).strip() for a, b in spans]
            best = (lines, widest)
    return best


@lru_cache(maxsize=8192)
def fit_text(
    text: str,
    width: float,
    height: float,
    *,
    size: float,
    floor: float,
    bold: bool = True,
    gap: float = 1.12,
    max_lines: int = 3,
) -> FittedText:
    """Set ``text`` in at most ``max_lines`` lines inside ``width`` × ``height`` points.

    One line when it fits at ``size``; otherwise the fewest lines that keep the text at least at
    ``floor`` and nearly as large as any split allows; the text is smaller than ``floor`` only when
    no split reaches it (and then as large as the box allows, never outside it). Results are kept:
    a sheet of 2,000 badges has a few dozen organisations and delegations.

    Args:
        text: Plain text (runs of white space count as one space).
        width: Widest line in points.
        height: Tallest block in points.
        size: Design size in points.
        floor: Smallest size to keep when the box allows it.
        bold: Bold face.
        gap: Baseline distance as a multiple of the size.
        max_lines: Most lines to use.
    """
    pieces = list(line_segments(" ".join(text.split()))) or [""]
    widths = [(shape_text(piece, bold).units, shape_text(piece.rstrip(), bold).units) for piece in pieces]
    options: list[tuple[float, list[str]]] = []
    for count in range(1, max_lines + 1):
        split = _best_split(pieces, widths, count)
        if split is None:
            break
        lines, units = split
        fitted = min(size, width * 1000 / units if units else size, height / (count * gap))
        options.append((fitted, lines))
    largest = max(fitted for fitted, _ in options)
    chosen = options[0]
    if chosen[0] < size:
        chosen = next(
            (option for option in options if option[0] >= max(floor, 0.9 * largest)),
            max(options, key=lambda option: option[0]),
        )
    fitted, lines = chosen
    if fitted < _LEGIBLE * floor and len(pieces) > 1:
        fit: dict[str, Any] = {"size": size, "floor": floor, "bold": bold, "gap": gap, "max_lines": max_lines}
        return _shortened(pieces, width, height, **fit)
    return FittedText(tuple(shape_line(line, bold) for line in lines), fitted, fitted * gap)


def _shortened(pieces: list[str], width: float, height: float, **fit: Any) -> FittedText:
    """The most leading pieces of a text too long to read in its box (a name of a thousand
    characters), with an ellipsis, set at a legible size: a badge shows the start of the name
    rather than a grey line."""

    def legible(count: int) -> bool:
        shortened: FittedText = fit_text("".join(pieces[:count]).rstrip() + "…", width, height, **fit)
        return shortened.size >= _LEGIBLE * float(fit["floor"])

    low, high = 1, len(pieces) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if legible(middle):
            low = middle
        else:
            high = middle - 1
    return fit_text("".join(pieces[:low]).rstrip() + "…", width, height, **fit)
