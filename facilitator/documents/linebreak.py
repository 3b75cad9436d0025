"""Where a line may break, by ICU's line breaker, and lines filled from those opportunities.

Thai, Lao, Khmer and Myanmar put no spaces between words; ICU finds their word boundaries with its
dictionaries, so a line never breaks inside a syllable. It also keeps a hyphen where it is: a break
after "Villanueva-" leaves the hyphen at the end of the line, and no hyphen is ever added or
dropped. Only a single word wider than the whole line is cut, and then between clusters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate

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

    Each line holds as many pieces as fit. Measuring the line again for every piece added made
    the layout of a long report shape millions of characters many times over, so the pieces are
    measured alone (the same words come back, and their shapes are cached), the line's end is
    guessed from their sum, and only the guessed line and the line one piece longer are measured
    whole; when either contradicts the guess, the pieces are tried one by one as before.

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

    if text.isascii() and HARD_BREAKS.isdisjoint(text) and fits(0, len(text)):
        # One line of plain text (measured in one call, where other scripts are shaped cluster
        # by cluster): measured once, rather than at every break opportunity.
        return [(0, visible_end(0, len(text)))]
    segments = line_segments(text)
    bounds = list(accumulate((len(segment) for segment in segments), initial=0))
    lines: list[tuple[int, int]] = []
    index = 0
    while index < len(segments):
        line_start = bounds[index]
        if segments[index].strip() and not fits(line_start, bounds[index + 1]):
            for cut in _split_wide(line_start, bounds[index + 1], clusters(segments[index]), fits):
                lines.append((line_start, cut))
                line_start = cut
        last = _last_piece(segments, bounds, index, line_start, width, max_width, fits)
        lines.append((line_start, visible_end(line_start, bounds[last + 1])))
        index = last + 1
    return lines or [(0, 0)]


def _last_piece(
    segments: Sequence[str],
    bounds: Sequence[int],
    first: int,
    line_start: int,
    width: Callable[[int, int], float],
    max_width: float,
    fits: Callable[[int, int], bool],
) -> int:
    """The index of the last piece on the line that starts at ``line_start`` inside piece
    ``first`` (which it always holds): the pieces up to the first that does not fit, or up to one
    that ends in a hard break."""
    end = first
    while end < len(segments) - 1 and segments[end][-1] not in HARD_BREAKS:
        end += 1
    guess, used = first, width(line_start, bounds[first + 1])
    while guess < end:
        piece = segments[guess + 1]
        start = bounds[guess + 1]
        if used + width(start, start + len(piece.rstrip())) > max_width:
            break
        used += width(start, bounds[guess + 2])
        guess += 1
    if guess > first and not fits(line_start, bounds[guess + 1]):
        while guess > first and not fits(line_start, bounds[guess + 1]):
            guess -= 1
        return guess
    while guess < end and fits(line_start, bounds[guess + 2]):
        guess += 1
    return guess
