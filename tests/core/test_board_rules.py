"""Board rules without storage: merging, dot budgets, hidden cards, locking, ranking, the matrix."""

from __future__ import annotations

from dataclasses import replace

import pytest

from facilitator.core.boards import (
    UNSORTED,
    Board,
    BoardSnapshot,
    Category,
    Dot,
    GroupNotes,
    RedFlagCard,
    check_card_text,
    consolidate,
    group_outputs,
    slug,
)
from facilitator.core.errors import ActionRefused, InputError, NotFoundError

BOARD = Board(
    id="labour-to-police",
    title="Labour to police",
    direction="labour-to-police",
    refer_to="Police",
    categories=(
        Category("deception", "Deception"),
        Category("debt-bondage", "Debt bondage", core=True),
    ),
    group_budget=3,
)


def _card(card_id: int, category: str = "deception", group: str = "Group 1", **extra: object) -> RedFlagCard:
    """A card with a predictable text."""
    text = f"flag {card_id}"
    return RedFlagCard(card_id, BOARD.id, category, text, group=group, **extra)  # type: ignore[arg-type]


def test_unknown_category_lists_valid_keys() -> None:
    """Asking for a category that does not exist names every valid one."""
    with pytest.raises(NotFoundError) as error:
        BOARD.category("forced-marriage")
    assert "deception, debt-bondage" in str(error.value)


def test_find_category_accepts_key_label_and_empty() -> None:
    """A category can be typed as its key or its label, in any case; empty means unsorted."""
    assert BOARD.find_category("Debt  BONDAGE").key == "debt-bondage"
    assert BOARD.find_category("deception").key == "deception"
    assert BOARD.find_category("").key == UNSORTED


def test_card_text_is_kept_exactly_and_empty_is_refused() -> None:
    """Text keeps its spaces and line breaks; blank text is refused."""
    text = '  two\nlines <b>&amp; "quotes"  '
    assert check_card_text(text) == text
    with pytest.raises(InputError):
        check_card_text(" \n\t ")


def test_slug_makes_command_line_ids() -> None:
    """Free-board and category ids are lower case words joined by hyphens."""
    assert slug("  Recruitment  agencies / fees ") == "recruitment-agencies-fees"


def test_merge_sums_votes_and_lists_sources_and_texts() -> None:
    """A merged card keeps its text, its votes count for the card it joined, and its group is listed."""
    cards = (
        _card(1, votes=2),
        _card(2, group="Group 2", votes=1, merged_into=1),
        _card(3, group="Group 3", votes=4, merged_into=1),
    )
    state = BoardSnapshot(BOARD, cards)
    flag = state.red_flag(1)
    assert flag.votes == 7
    assert flag.sources == ("Group 1", "Group 2", "Group 3")
    assert flag.merged_texts == ("flag 2", "flag 3")
    assert [c.id for c in state.visible_cards()] == [1]


def test_plan_merge_moves_children_along_and_refuses_merged_target() -> None:
    """Merging a card that already holds others keeps everything one level deep."""
    state = BoardSnapshot(BOARD, (_card(1), _card(2), _card(3, merged_into=2)))
    assert state.plan_merge(1, [2]) == [2, 3]
    with pytest.raises(ActionRefused):
        state.plan_merge(3, [1])
    with pytest.raises(InputError):
        state.plan_merge(1, [1])


def test_group_budget_is_enforced() -> None:
    """A group with no dots left on the board cannot vote again; another group still can."""
    dots = tuple(Dot(1, "Group 1") for _ in range(3))
    state = BoardSnapshot(BOARD, (_card(1), _card(2)), dots)
    assert state.dots_left("Group 1") == 0
    with pytest.raises(ActionRefused, match="used all 3 dots"):
        state.check_vote(2, "Group 1")
    assert state.check_vote(2, "Group 2").id == 2


def test_category_budget_is_enforced_where_the_holder_sits() -> None:
    """With a per-category budget, dots count in the category of the card that holds them."""
    board = replace(BOARD, group_budget=5, category_budget=1)
    cards = (_card(1), _card(2, category="debt-bondage"), _card(3, category="debt-bondage", merged_into=1))
    state = BoardSnapshot(board, cards, (Dot(3, "Group 1"),))
    assert state.dots_spent("Group 1", "deception") == 1
    with pytest.raises(ActionRefused, match="Deception"):
        state.check_vote(1, "Group 1")
    assert state.check_vote(2, "Group 1").id == 2


def test_vote_goes_to_holder_and_needs_revealed_card_and_group() -> None:
    """Voting on a merged card credits the card it joined; hidden cards and no group are refused."""
    state = BoardSnapshot(BOARD, (_card(1), _card(2, merged_into=1), _card(4, revealed=False)))
    assert state.check_vote(2, "Group 1").id == 1
    with pytest.raises(ActionRefused, match="not revealed"):
        state.check_vote(4, "Group 1")
    with pytest.raises(InputError):
        state.check_vote(1, "")


def test_dot_to_remove_finds_the_groups_latest_dot() -> None:
    """Taking a dot back picks that group's dot on the card or a card merged into it."""
    state = BoardSnapshot(BOARD, (_card(1), _card(2, merged_into=1)), (Dot(2, "Group 1"), Dot(1, "Group 2")))
    assert state.dot_to_remove(1, "Group 1") == Dot(2, "Group 1")
    with pytest.raises(ActionRefused):
        state.dot_to_remove(1, "Group 3")


def test_locked_board_refuses_votes_and_merges() -> None:
    """A locked board refuses every change to cards and votes."""
    state = BoardSnapshot(replace(BOARD, locked=True), (_card(1), _card(2)))
    with pytest.raises(ActionRefused, match="locked"):
        state.check_vote(1, "Group 1")
    with pytest.raises(ActionRefused, match="locked"):
        state.plan_merge(1, [2])


def test_matrix_ranks_by_votes_keeps_empty_categories_and_unsorted_last() -> None:
    """The matrix keeps the board's category order, ranks flags by votes, and ends with unsorted cards."""
    cards = (
        _card(1, votes=1),
        _card(2, votes=3),
        _card(3, category=UNSORTED),
        _card(4, votes=3),
    )
    sections = consolidate([BoardSnapshot(BOARD, cards)])
    assert [s.category.key for s in sections] == ["deception", "debt-bondage", UNSORTED]
    assert [f.card_id for f in sections[0].flags] == [2, 4, 1]
    assert sections[1].flags == ()
    assert sections[0].flags[0].refer_to == ("Police",)


def test_matrix_can_leave_out_hidden_cards() -> None:
    """The projector's matrix shows revealed cards only."""
    state = BoardSnapshot(BOARD, (_card(1), _card(2, revealed=False)))
    [deception, _] = consolidate([state], revealed_only=True)
    assert [f.card_id for f in deception.flags] == [1]


def test_group_outputs_put_named_groups_first_with_notes() -> None:
    """Each group's output lists its cards in column order with its notes; round groups come first."""
    cards = (_card(1, category="debt-bondage"), _card(2), _card(3, group="Group 2"), _card(4, group=""))
    notes = [GroupNotes(BOARD.id, "Group 2", summary="We agreed.")]
    outputs = group_outputs(BoardSnapshot(BOARD, cards), notes, ["Group 3"])
    assert [o.group for o in outputs] == ["Group 3", "Group 1", "Group 2"]
    assert [f.card_id for f in outputs[1].cards] == [2, 1]
    assert outputs[2].notes.summary == "We agreed."
    assert outputs[0].cards == () and outputs[0].notes.is_empty


def test_find_category_accepts_a_part_that_names_one_category_only() -> None:
    """A part of one name finds it; a part of several names, or of none, is refused with the names."""
    assert BOARD.find_category("debt").key == "debt-bondage"
    assert BOARD.find_category("  BONDAGE ").key == "debt-bondage"
    with pytest.raises(NotFoundError, match="several categories"):
        BOARD.find_category("o")
    with pytest.raises(NotFoundError, match="Valid categories"):
        BOARD.find_category("forced marriage")
