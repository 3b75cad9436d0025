"""The board feed reads only the cards an action wrote, and its snapshot always equals a full read."""

from __future__ import annotations

import pytest

from facilitator.app import board_setup, boards
from facilitator.app.changes import BOARDS, Changes, RowChanges
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.storage import boards_store
from facilitator.ui.boards.feed import BoardFeed, changed_cards
from facilitator.ui.controller import Controller

L2P = LABOUR_TO_POLICE


def _rows(**tables: RowChanges) -> Changes:
    return Changes.of("Action", [BOARDS], tables)


def test_changed_cards_names_cards_only_when_nothing_else_on_the_board_changed() -> None:
    """Cards alone: their ids; notes alone: none; dots, boards or unknown rows: read the board."""
    assert changed_cards(_rows(boards_cards=RowChanges(inserted=frozenset({7})))) == {7}
    assert changed_cards(_rows(boards_notes=RowChanges(updated=frozenset({1})))) == frozenset()
    assert changed_cards(_rows(boards_votes=RowChanges(inserted=frozenset({3})))) is None
    moved = _rows(
        boards_cards=RowChanges(updated=frozenset({1})), boards_boards=RowChanges(updated=frozenset({1}))
    )
    assert changed_cards(moved) is None
    assert changed_cards(Changes.of("Action", [BOARDS])) is None  # rows not given
    assert changed_cards(Changes.all()) is None


def test_feed_reads_only_written_cards_and_matches_a_full_read(
    qtbot, empty_session: WorkshopSession, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Adding, editing, moving and deleting cards (and undoing a delete) read only those cards, and
    the feed's snapshot is the board as a full read sees it; a vote reads the whole board."""
    controller = Controller(empty_session)
    feed = BoardFeed(controller, L2P)
    first = controller.run(boards.add_card, L2P, "Passports kept", category="retention-of-documents")
    assert first is not None
    full_reads: list[str] = []
    real = boards_store.load_revisions
    monkeypatch.setattr(
        boards_store, "load_revisions", lambda conn, key: full_reads.append(key) or real(conn, key)
    )

    def same() -> bool:
        return feed.snapshot.cards == boards.snapshot(empty_session, L2P).cards

    second = controller.run(boards.add_card, L2P, "Debt grows", category="debt-bondage")
    controller.run(boards.edit_card, first, text="Passports kept by the boss")
    controller.run(boards.move_cards, [first, second], "deception")
    controller.run(board_setup.save_group_notes, L2P, "Group 1", summary="Debt first")
    controller.run(boards.delete_cards, [first])
    assert same() and [card.id for card in feed.snapshot.cards] == [second]
    controller.undo()
    assert same() and [card.id for card in feed.snapshot.cards] == [first, second]
    assert full_reads == []
    controller.run(boards.add_dot, second, "Group 1")
    assert same() and full_reads == [L2P]
