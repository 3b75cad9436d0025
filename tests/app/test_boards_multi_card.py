"""Actions on several cards at once are one action: one transaction, one Undo."""

from __future__ import annotations

import pytest

from facilitator.app import boards
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.core.errors import ActionRefused

L2P = LABOUR_TO_POLICE


def _cards(session: WorkshopSession) -> list[int]:
    add = boards.add_card
    return [
        add(session, L2P, "Passports kept in the office", category="retention-of-documents"),
        add(session, L2P, "Debt grows every month", category="debt-bondage"),
        add(session, L2P, "Fees repaid from wages"),
    ]


def _categories(session: WorkshopSession) -> list[str]:
    return [card.category for card in boards.snapshot(session, L2P).cards]


def test_moving_three_cards_is_one_undo_step(empty_session: WorkshopSession) -> None:
    """Three cards from three columns move together; one Undo puts all three back, one Redo again."""
    ids = _cards(empty_session)
    before = _categories(empty_session)
    changes = boards.move_cards(empty_session, ids, "wages")
    assert _categories(empty_session) == ["withholding-wages"] * 3
    assert changes.rows_of("boards_cards") is not None
    assert changes.rows_of("boards_cards").updated == frozenset(ids)  # type: ignore[union-attr]
    assert empty_session.undo_label == "Move 3 red flags to Withholding of wages"
    empty_session.undo()
    assert _categories(empty_session) == before
    assert empty_session.undo_label == "Add red flag"
    empty_session.redo()
    assert _categories(empty_session) == ["withholding-wages"] * 3


def test_cards_already_in_the_column_are_left_alone(empty_session: WorkshopSession) -> None:
    """Moving cards to the column one of them is in moves only the others (and names how many)."""
    ids = _cards(empty_session)
    boards.move_cards(empty_session, ids, "debt-bondage")
    assert empty_session.undo_label == "Move 2 red flags to Debt bondage"
    assert boards.move_cards(empty_session, ids, "debt-bondage").topics == frozenset()


def test_a_locked_board_refuses_the_whole_move(empty_session: WorkshopSession) -> None:
    """On a locked board nothing moves, not even the first card."""
    ids = _cards(empty_session)
    before = _categories(empty_session)
    boards.set_locked(empty_session, L2P, True)
    with pytest.raises(ActionRefused):
        boards.move_cards(empty_session, ids, "deception")
    assert _categories(empty_session) == before


def test_revealing_and_hiding_several_cards_are_one_undo_step_each(empty_session: WorkshopSession) -> None:
    """Reveal of three held-back cards, and hiding them again, are each undone by one Undo."""
    boards.set_hidden(empty_session, L2P, True)
    ids = _cards(empty_session)
    boards.reveal_cards(empty_session, L2P, ids)
    assert all(card.revealed for card in boards.snapshot(empty_session, L2P).cards)
    boards.withdraw_cards(empty_session, L2P, ids)
    empty_session.undo()
    assert all(card.revealed for card in boards.snapshot(empty_session, L2P).cards)
    empty_session.undo()
    assert not any(card.revealed for card in boards.snapshot(empty_session, L2P).cards)
