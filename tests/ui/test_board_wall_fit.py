"""Fitting revealed cards onto the wall, with a stand-in for Qt's text measurement (no screen)."""

from __future__ import annotations

import math

from facilitator.ui.boards.wall_fit import (
    CARD_GAP,
    LANE_GAP,
    MIN_LANE_EMS,
    PackingMemo,
    WallCard,
    WallColumn,
    fit_wall,
    pack_lanes,
)

#: Letters per pixel of width at size 1: a letter is half as wide as the type is tall.
_LETTER = 0.5


class _Blocks:
    """Each letter takes half the type size; a line is the type size tall; a heading one line."""

    def card(self, card: WallCard, width: float, size: int) -> float:
        per_line = max(1, int(width // (size * _LETTER)))
        return math.ceil(len(card.text) / per_line) * size + 10

    def heading(self, text: str, width: float, size: int) -> float:
        return size + 4


def _columns(cards_per_column: list[int], letters: int = 60) -> list[WallColumn]:
    columns, number = [], 0
    for index, count in enumerate(cards_per_column):
        cards = []
        for _ in range(count):
            number += 1
            cards.append(WallCard(number, "x" * letters, "● 0"))
        columns.append(WallColumn(f"c{index}", f"Category {index}", tuple(cards)))
    return columns


def _fits(columns: list[WallColumn], lanes: int, size: int, width: float, height: float) -> bool:
    packed = pack_lanes(columns, lanes, size, width, height, _Blocks())
    return packed is not None and len(packed) <= lanes


def test_a_few_cards_get_the_largest_size_at_which_every_column_fits_one_screen() -> None:
    """Three short columns: one page, and one size larger would need more room than the screen
    (the longest column may run on into a lane of its own beside it)."""
    columns = _columns([2, 1, 3])
    layout = fit_wall(columns, 1200, 600, _Blocks(), list(range(16, 61)))
    assert len(layout.pages) == 1 and layout.page_headings(0) == ["Category 0", "Category 1", "Category 2"]
    assert 16 < layout.size < 60
    larger = layout.size + 1
    widest = int((1200 + LANE_GAP) // (MIN_LANE_EMS * larger + LANE_GAP))  # narrower lanes are refused
    assert not any(_fits(columns, lanes, larger, 1200, 600) for lanes in range(3, widest + 1))


def test_every_lane_is_within_the_wall_and_every_card_is_placed_once() -> None:
    """Whatever the layout, each card appears exactly once and no lane is taller than the wall."""
    columns = _columns([9, 1, 14, 3], letters=90)
    layout = fit_wall(columns, 1200, 600, _Blocks(), list(range(16, 61)))
    placed = [card.card_id for page in layout.pages for lane in page for card in lane.cards]
    assert sorted(placed) == list(range(1, 28))
    measure = _Blocks()
    for page in layout.pages:
        for lane in page:
            tall = measure.heading("", 0, layout.size) + sum(
                measure.card(card, layout.lane_width, layout.size) + CARD_GAP for card in lane.cards
            )
            assert tall <= 600


def test_below_the_floor_the_columns_page_and_each_page_says_which_categories() -> None:
    """Too many long cards for one screen at the floor: several pages at the floor size or above,
    each naming its categories; a long category runs on into a lane marked 'continued'."""
    columns = _columns([12, 12, 12, 12], letters=120)
    layout = fit_wall(columns, 1200, 600, _Blocks(), list(range(20, 61)))
    assert len(layout.pages) > 1 and layout.size >= 20
    assert layout.page_headings(0)[0] == "Category 0"
    titles = [lane.title for page in layout.pages for lane in page]
    assert "Category 0 (continued)" in titles
    assert {heading for page in range(len(layout.pages)) for heading in layout.page_headings(page)} == {
        f"Category {n}" for n in range(4)
    }


def test_the_hint_finds_the_same_size_as_a_search_from_scratch() -> None:
    """Starting from last time's size (above or below the answer) changes the cost, not the answer."""
    columns = _columns([5, 7, 2])
    fresh = fit_wall(columns, 1280, 620, _Blocks(), list(range(20, 61)))
    for hint in (20, fresh.size, fresh.size + 1, 60):
        assert fit_wall(columns, 1280, 620, _Blocks(), list(range(20, 61)), hint=hint) == fresh


def test_an_empty_wall_has_one_empty_page() -> None:
    """No revealed card yet: one page with nothing on it."""
    layout = fit_wall([], 1280, 620, _Blocks(), [20, 21])
    assert layout.pages == ((),)


def test_a_column_that_gained_cards_is_packed_on_from_where_it_stopped() -> None:
    """With the memo, adding cards to the end of a column gives the same layout as a fresh fit,
    measuring only the new cards."""

    class _Counting(_Blocks):
        measured = 0

        def card(self, card: WallCard, width: float, size: int) -> float:
            self.measured += 1
            return super().card(card, width, size)

    memo, counting = PackingMemo(), _Counting()
    columns = _columns([6, 30])
    fit_wall(columns, 1200, 600, counting, list(range(20, 41)), memo=memo)
    grown = [columns[0], WallColumn("c1", "Category 1", (*columns[1].cards, WallCard(99, "y" * 60, "● 0")))]
    counting.measured = 0
    kept = fit_wall(grown, 1200, 600, counting, list(range(20, 41)), memo=memo)
    assert kept == fit_wall(grown, 1200, 600, _Blocks(), list(range(20, 41)))
    assert 0 < counting.measured < 36
