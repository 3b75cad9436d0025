"""Fitting a board's revealed cards onto the wall: the largest type at which everything shows.

The projector never cuts a card's text and never scrolls. The wall is a row of equal *lanes*; each
category starts a lane with its heading, and a category with more cards than one lane holds runs on
into the next lane ("continued"). :func:`fit_wall` looks for the largest type size at which every
lane fits on one screen, trying for each size the fewest (widest) lanes first. When even the
readable floor would not hold everything, the lanes are shared out over pages (the projector says
which categories each page shows and turns them), at the largest size that needs no more pages
than the floor does.

Pure Python: the text is measured through a :class:`Measure` (Qt's fonts on the projector, a
stand-in in tests), so the search itself is tested without a screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "CARD_GAP",
    "LANE_GAP",
    "MIN_LANE_EMS",
    "Lane",
    "Measure",
    "PackingMemo",
    "WallCard",
    "WallColumn",
    "WallLayout",
    "continued",
    "fit_wall",
    "pack_lanes",
]

#: Pixels between two lanes, and between two cards of a lane.
LANE_GAP = 12
CARD_GAP = 8
#: The narrowest lane, in multiples of the type size: about a dozen letters, two or three short
#: words, so that the long words of the categories ("Recruitment", "vulnerability") still fit.
MIN_LANE_EMS = 6


@dataclass(frozen=True, slots=True)
class WallCard:
    """What the wall shows of one card: its whole text (merged cards' texts included) and a footer."""

    card_id: int
    text: str
    footer: str


@dataclass(frozen=True, slots=True)
class WallColumn:
    """A category with revealed cards, in the board's order."""

    key: str
    heading: str
    cards: tuple[WallCard, ...]
    core: bool = False


@dataclass(frozen=True, slots=True)
class Lane:
    """One lane of the wall: some of a category's cards; ``part`` 0 carries the heading, later
    parts are the category continued."""

    column: WallColumn
    cards: tuple[WallCard, ...]
    part: int = 0

    @property
    def title(self) -> str:
        """The heading band's text."""
        return continued(self.column.heading) if self.part else self.column.heading


def continued(heading: str) -> str:
    """The heading of a category's second and later lanes."""
    return f"{heading} (continued)"


@dataclass(frozen=True, slots=True)
class WallLayout:
    """Where every card goes.

    Attributes:
        size: Type size of the cards' text, in pixels.
        lane_width: Width of each lane, in pixels.
        lanes_per_page: Lanes side by side on one screen.
        pages: The lanes of each page, left to right.
    """

    size: int
    lane_width: float
    lanes_per_page: int
    pages: tuple[tuple[Lane, ...], ...]

    def page_headings(self, page: int) -> list[str]:
        """The categories a page shows, each once, left to right."""
        return list(dict.fromkeys(lane.column.heading for lane in self.pages[page]))


class Measure(Protocol):
    """Heights of laid-out text, in pixels, for a lane ``width`` pixels wide at type ``size``."""

    def card(self, card: WallCard, width: float, size: int) -> float:
        """Height of a card: its text wrapped to the width, its footer and its padding."""

    def heading(self, text: str, width: float, size: int) -> float:
        """Height of a category's heading band."""


def _lane_width(width: float, lanes: int) -> float:
    return (width - (lanes - 1) * LANE_GAP) / lanes


@dataclass(slots=True)
class _ColumnPacking:
    """How far one category's cards were packed: where each lane starts, how full the last one is."""

    texts: tuple[str, ...]
    starts: list[int]
    used: float
    fits: bool


class PackingMemo:
    """Packings of each category kept from one fit to the next.

    With seventy phones writing, a column gains a card at its end many times a second; its lanes
    are then packed on from where the last fit stopped, measuring only the new cards, instead of
    again from the top for every size and number of lanes the search tries.
    """

    _MOST_KEPT = 5_000

    def __init__(self) -> None:
        self._packed: dict[tuple[str, float, int, float], _ColumnPacking] = {}

    def column(
        self, column: WallColumn, lane_width: float, size: int, height: float, measure: Measure
    ) -> list[int] | None:
        """Where each lane of the column starts (card indexes), or None if a card is taller than
        the wall."""
        key = (column.key, lane_width, size, height)
        texts = tuple(card.text for card in column.cards)
        known = self._packed.get(key)
        if known is not None and texts[: len(known.texts)] == known.texts:
            if not known.fits:
                return None
            starts, used, begin = list(known.starts), known.used, len(known.texts)
        else:
            starts, used, begin = [0], measure.heading(column.heading, lane_width, size), 0
        more: float | None = None
        fits = True
        for index in range(begin, len(texts)):
            tall = measure.card(column.cards[index], lane_width, size) + CARD_GAP
            if index > starts[-1] and used + tall > height:
                starts.append(index)
                if more is None:
                    more = measure.heading(continued(column.heading), lane_width, size)
                used = more
            if used + tall > height:
                fits = False
                break
            used += tall
        if len(self._packed) > self._MOST_KEPT:
            self._packed.clear()
        self._packed[key] = _ColumnPacking(texts, starts, used, fits)
        return starts if fits else None


def pack_lanes(
    columns: Sequence[WallColumn],
    lanes: int,
    size: int,
    width: float,
    height: float,
    measure: Measure,
    memo: PackingMemo | None = None,
) -> list[Lane] | None:
    """Fill lanes of the width that ``lanes`` side by side give, top to bottom, category by category.

    Returns:
        The lanes in order, or ``None`` when one card alone is taller than the wall.
    """
    lane_width = _lane_width(width, lanes)
    memo = memo or PackingMemo()
    result: list[Lane] = []
    for column in columns:
        starts = memo.column(column, lane_width, size, height, measure)
        if starts is None:
            return None
        ends = [*starts[1:], len(column.cards)]
        result += [
            Lane(column, column.cards[a:b], part)
            for part, (a, b) in enumerate(zip(starts, ends, strict=True))
        ]
    return result


def _most_lanes(width: float, size: int) -> int:
    return max(1, int((width + LANE_GAP) // (MIN_LANE_EMS * size + LANE_GAP)))


class _Packings:
    """Every packing one search asks for, each worked out once (the search asks again and again)."""

    def __init__(
        self, columns: Sequence[WallColumn], width: float, height: float, measure: Measure, memo: PackingMemo
    ) -> None:
        self.columns, self.width, self.height, self.measure = columns, width, height, measure
        self.memo = memo
        self._done: dict[tuple[int, int], list[Lane] | None] = {}

    def lanes(self, lanes: int, size: int) -> list[Lane] | None:
        key = (lanes, size)
        if key not in self._done:
            packed = pack_lanes(self.columns, lanes, size, self.width, self.height, self.measure, self.memo)
            self._done[key] = packed
        return self._done[key]

    def best(self, size: int, pages: int) -> tuple[int, list[Lane]] | None:
        """The fewest lanes per page at which everything fits on ``pages`` screens, and the lanes."""
        fewest = max(1, math.ceil(len(self.columns) / pages))  # a category starts a lane of its own
        for lanes in range(fewest, _most_lanes(self.width, size) + 1):
            packed = self.lanes(lanes, size)
            if packed is not None and len(packed) <= lanes * pages:
                return lanes, packed
        return None

    def fewest_pages(self, size: int) -> int:
        """Screens needed at ``size`` with the best number of lanes."""
        counts = [
            math.ceil(len(packed) / lanes)
            for lanes in range(1, _most_lanes(self.width, size) + 1)
            if (packed := self.lanes(lanes, size)) is not None
        ]
        # One card taller than the wall even alone at the floor: it goes on a page of its own, cut.
        return min(counts, default=sum(len(column.cards) for column in self.columns))


def fit_wall(
    columns: Sequence[WallColumn],
    width: float,
    height: float,
    measure: Measure,
    sizes: Sequence[int],
    hint: int | None = None,
    grown: bool = False,
    memo: PackingMemo | None = None,
) -> WallLayout:
    """The largest type at which every card shows whole, and where each card goes.

    Args:
        columns: Categories with revealed cards, in the board's order.
        width: The wall's width in pixels.
        height: The wall's height in pixels (below the title).
        measure: Measures text.
        sizes: Type sizes to choose from, smallest (the readable floor) first.
        hint: The size chosen last time. A card more or less seldom changes it by much, so the
            search starts there and tries the sizes above one by one (usually one try), and only
            searches below it when it no longer fits.
        grown: The cards are those of the layout sized ``hint`` with cards added (none removed,
            no text changed): more text never fits larger type, so no size above ``hint`` is
            tried.
        memo: Packings kept from the last fit (see :class:`PackingMemo`).
    """
    if not columns:
        return WallLayout(sizes[-1], width, 1, ((),))
    packings = _Packings(columns, width, height, measure, memo or PackingMemo())
    pages = 1 if packings.best(sizes[0], 1) is not None else packings.fewest_pages(sizes[0])

    def fits(index: int) -> bool:
        return packings.best(sizes[index], pages) is not None

    low, high = 0, len(sizes) - 1
    if hint is not None and sizes[0] <= hint <= sizes[-1]:
        start = min(range(len(sizes)), key=lambda i: abs(sizes[i] - hint))
        if fits(start):
            low = start
            while low < high and not grown and fits(low + 1):
                low += 1
            high = low
        else:
            high = max(0, start - 1)
    while low < high:  # the largest size that needs no more pages
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    size = sizes[low]
    found = packings.best(size, pages)
    if found is None:  # a card taller than the wall: one lane per page, each card on its own
        alone = [Lane(column, (card,), part) for column in columns for part, card in enumerate(column.cards)]
        found = 1, alone
    lanes, packed = found
    chunks = tuple(tuple(packed[start : start + lanes]) for start in range(0, len(packed), lanes))
    return WallLayout(size, _lane_width(width, lanes), lanes, chunks)
