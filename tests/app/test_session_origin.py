"""Who did what: phone actions get their own undo entries, and the desktop's Undo skips them."""

from __future__ import annotations

import pytest

from facilitator.app import board_setup, boards
from facilitator.app.changes import Changes
from facilitator.app.session import DESKTOP, Origin, WorkshopSession, phone_origin
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.core.errors import ActionRefused

L2P = LABOUR_TO_POLICE


def _phone_card(session: WorkshopSession, group: str, text: str) -> int:
    with session.acting_for(phone_origin(group)):
        return boards.add_card(session, L2P, text, group=group)


def _texts(session: WorkshopSession) -> list[str]:
    return [card.text for card in boards.snapshot(session, L2P).cards]


def test_phone_labels_name_the_group_once() -> None:
    """A phone's label says which group and that it came from a phone, naming the group only once."""
    phone = phone_origin("Group 2")
    assert phone.label("Add red flag") == "Add red flag (Group 2, phone)"
    assert phone.label("Vote (Group 2)") == "Vote (Group 2, phone)"
    assert phone.label("Edit notes of Group 2") == "Edit notes of Group 2 (phone)"
    assert DESKTOP.label("Add red flag") == "Add red flag"
    assert Origin("phone").label("Add red flag") == "Add red flag (phone)"


def test_phone_actions_are_announced_with_their_label(empty_session: WorkshopSession) -> None:
    """Listeners hear a phone's card under its own label, so the status bar can say whose it is."""
    heard: list[Changes] = []
    empty_session.subscribe(heard.append)
    _phone_card(empty_session, "Group 2", "Passports kept in the office")
    assert heard[-1].label == "Add red flag (Group 2, phone)"
    assert empty_session.undo_label_of("phone") == "Add red flag (Group 2, phone)"


def test_desktop_undo_skips_phone_cards(empty_session: WorkshopSession) -> None:
    """Undo reverses the desktop's own last card and leaves the phone's later card in place."""
    boards.add_card(empty_session, L2P, "Desktop card")
    _phone_card(empty_session, "Group 2", "Phone card")
    assert empty_session.undo_label == "Add red flag"
    empty_session.undo()
    assert _texts(empty_session) == ["Phone card"]
    assert empty_session.undo_label is None
    assert empty_session.redo_label == "Add red flag"
    empty_session.redo()
    assert sorted(_texts(empty_session)) == ["Desktop card", "Phone card"]


def test_phone_actions_keep_the_desktop_redo(empty_session: WorkshopSession) -> None:
    """A card arriving from a phone does not take away what the facilitator could redo."""
    boards.add_card(empty_session, L2P, "Desktop card")
    empty_session.undo()
    _phone_card(empty_session, "Group 1", "Phone card")
    assert empty_session.redo_label == "Add red flag"
    boards.add_card(empty_session, L2P, "Another desktop card")
    assert empty_session.redo_label is None


def test_phone_steps_can_be_undone_on_purpose(empty_session: WorkshopSession) -> None:
    """The phone history is undone only when asked for by name, never by the desktop's Undo."""
    _phone_card(empty_session, "Group 3", "Phone card")
    with pytest.raises(ActionRefused, match="nothing to undo"):
        empty_session.undo()
    changes = empty_session.undo("phone")
    assert changes.label == "Undo Add red flag (Group 3, phone)"
    assert _texts(empty_session) == []


def test_undo_refuses_to_revert_what_a_phone_changed_since(empty_session: WorkshopSession) -> None:
    """Undoing the desktop's notes after a rapporteur's phone edited them is refused, not silent."""
    board_setup.save_group_notes(empty_session, L2P, "Group 2", summary="Desktop draft")
    with empty_session.acting_for(phone_origin("Group 2")):
        board_setup.save_group_notes(empty_session, L2P, "Group 2", summary="Rapporteur's version")
    with pytest.raises(ActionRefused, match="Edit notes of Group 2 \\(phone\\)"):
        empty_session.undo()
    assert board_setup.group_notes(empty_session, L2P, "Group 2").summary == "Rapporteur's version"
    assert empty_session.undo_label == "Edit notes of Group 2"


def test_undo_of_a_card_a_phone_voted_on_is_refused_cleanly(empty_session: WorkshopSession) -> None:
    """Taking back a desktop card that a phone has since voted on is refused and leaves the file usable."""
    card = boards.add_card(empty_session, L2P, "Desktop card", group="Group 1")
    with empty_session.acting_for(phone_origin("Group 2")):
        boards.add_dot(empty_session, card, "Group 2")
    with pytest.raises(ActionRefused):
        empty_session.undo()
    assert boards.snapshot(empty_session, L2P).total_votes(card) == 1
    boards.add_card(empty_session, L2P, "Still writable")
    assert "Still writable" in _texts(empty_session)


def test_acting_for_ends_with_its_block(empty_session: WorkshopSession) -> None:
    """Actions after the phone's block are the desktop's again, even when the block raised."""
    with pytest.raises(ValueError), empty_session.acting_for(phone_origin("Group 4")):
        raise ValueError("refused")
    boards.add_card(empty_session, L2P, "Desktop card")
    assert empty_session.undo_label == "Add red flag"
    assert empty_session.undo_label_of("phone") is None
