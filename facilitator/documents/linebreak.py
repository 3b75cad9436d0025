"""Where a line may break, by ICU's line breaker, and lines filled from those opportunities.

Thai, Lao, Khmer and Myanmar put no spaces between words; ICU finds their word boundaries with its
dictionaries, so a line never breaks inside a syllable. It also keeps a hyphen where it is: a break
after "Villanueva-" leaves the hyphen at the end of the line, and no hyphen is ever added or
dropped. Only a single word wider than the whole line is cut, and then between clusters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from facilitator.documents.text import clusters

__all__ = ["HARD_BREAKS", "fill_lines", "line_segments"]

#: Characters after which a line must end.
HARD_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


@lru_cache(maxsize=16384)
def line_segments(text: str) -> tuple[str, ...]:
    """The text cut at every line-break opportunity; each piece keeps its trailing spaces.

    A piece ending in a newline must end its line.
    """
    if not text:
        return ()
    from icu4py.breakers import LineBreaker

    return tuple(LineBreaker(text, "en"))


def _split_wide(
    start: int, end: int, clusters_of: Sequence[str], fits: Callable[[int, int], bool]
) -> list[int]:
    """Cut points inside one unbreakable piece wider than a line, between its clusters, as few as
    possible (a URL or a made-up word; never a name that can break at a word boundary)."""
    cuts: list[int] = []
    line_start = position = start
    for cluster in clusters_of:
        if position > line_start and not fits(line_start, position + len(cluster)):
            cuts.append(position)
            line_start = position
        position += len(cluster)
    return [cut for cut in cuts if start < cut < end]


def fill_lines(text: str, width: Callable[[int, int], float], max_width: float) -> list[tuple[int, int]]:
    """Fill lines greedily from the break opportunities of ``text``.

    Args:
        text: The text; a newline forces a break and is left out of both lines.
        width: Width of ``text[start:end]`` as it would be drawn.
        max_width: Width of a line.

    Returns:
        (start, end) of each line in ``text``, trailing spaces left out. An empty text is one
        empty line.
    """

    def visible_end(start: int, end: int) -> int:
        while end > start and (text[end - 1].isspace() or text[end - 1] in HARD_BREAKS):
            end -= 1
        return end

    def fits(start: int, end: int) -> bool:
        return width(start, visible_end(start, end)) <= max_width

    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    position = 0
    for segment in line_segments(text):
        end = position + len(segment)
        if line_start is not None and not fits(line_start, end):
            lines.append((line_start, visible_end(line_start, position)))
            line_start = None
        if line_start is None:
            line_start = position
            if segment.strip() and not fits(position, end):
                for cut in _split_wide(position, end, clusters(segment), fits):
                    lines.append((line_start, cut))
                    line_start = cut
        if segment[-1] in HARD_BREAKS:
            lines.append((line_start, visible_end(line_start, end)))
            line_start = None
        position = end
    if line_start is not None or not lines:
        start = position if line_start is None else line_start
        lines.append((start, visible_end(start, position)))
    return lines
