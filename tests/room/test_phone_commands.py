"""What phones may change, run directly on a writer session: the same commands as the window."""

from __future__ import annotations

import pytest

from facilitator.app import board_setup, boards
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.core.errors import ActionRefused, InputError
from facilitator.room import phone_commands
from facilitator.room.access import RAPPORTEUR, RoomAccess
from facilitator.room.views import board_view, device_view, dots_left

L2P = LABOUR_TO_POLICE


def _phone(access: RoomAccess, group: str, role: str = "member") -> str:
    access.add_groups([group])
    device = access.join(access.group_pass(group, role).token)
    assert device is not None
    return device.id


def test_a_phone_card_goes_through_add_card_and_is_labelled(empty_session: WorkshopSession) -> None:
    """The card keeps its text (any script) and group; Undo names the phone; desktop Undo skips it."""
    access = RoomAccess()
    phone = _phone(access, "Group 2")
    card = phone_commands.add_card(
        empty_session,
        access,
        phone,
        L2P,
        {"text": "ເຈົ້າຂອງເກັບໜັງສືຜ່ານແດນ", "category": "retention-of-documents"},
    )
    stored = boards.snapshot(empty_session, L2P).card(card)
    assert (stored.text, stored.group, stored.author) == ("ເຈົ້າຂອງເກັບໜັງສືຜ່ານແດນ", "Group 2", "")
    assert empty_session.undo_label is None
    assert empty_session.undo_label_of("phone") == "Add red flag (Group 2, phone)"
    assert access.device(phone).cards == 1  # type: ignore[union-attr]


def test_fields_are_checked_before_anything_is_written(empty_session: WorkshopSession) -> None:
    """Texts that are not text, too long, or an unknown category are refused with what to fix."""
    access = RoomAccess()
    phone = _phone(access, "Group 1")
    for fields, message in (
        ({"text": 5}, "expected text"),
        ({"text": "x" * 501}, "at most 500"),
        ({"text": "ok", "evidence": "e" * 301}, "at most 300"),
        ({"text": "ok", "category": "made-up"}, "one of the board's categories"),
    ):
        with pytest.raises(InputError, match=message):
            phone_commands.add_card(empty_session, access, phone, L2P, fields)
    assert boards.snapshot(empty_session, L2P).cards == ()


def test_a_signed_out_phone_writes_nothing(empty_session: WorkshopSession) -> None:
    """A write queued by a phone that was signed out before it ran is refused."""
    access = RoomAccess()
    phone = _phone(access, "Group 1")
    access.sign_out(phone)
    with pytest.raises(ActionRefused, match="signed out"):
        phone_commands.add_card(empty_session, access, phone, L2P, {"text": "Late"})


def test_phone_budget_is_capped_by_the_dots_really_standing(empty_session: WorkshopSession) -> None:
    """When the facilitator deletes a card, the dots a phone had placed on it come back to the phone."""
    access = RoomAccess()
    phone = _phone(access, "Group 1")
    card = boards.add_card(empty_session, L2P, "Debt bondage", group="Group 3")
    phone_commands.vote(empty_session, access, phone, L2P, card, budget=1)
    with pytest.raises(ActionRefused, match="placed its 1 dot"):
        phone_commands.vote(empty_session, access, phone, L2P, card, budget=1)
    device = access.device(phone)
    assert device is not None
    assert dots_left(boards.snapshot(empty_session, L2P), device, 1) == 0
    boards.delete_cards(empty_session, [card])
    assert dots_left(boards.snapshot(empty_session, L2P), device, 1) == 1


def test_votes_on_a_merged_card_go_to_the_card_it_joined(empty_session: WorkshopSession) -> None:
    """A dot placed on a card that was merged lands on the surviving card, and the phone can take it back."""
    access = RoomAccess()
    phone = _phone(access, "Group 1")
    kept = boards.add_card(empty_session, L2P, "Passports kept", group="Group 2")
    merged = boards.add_card(empty_session, L2P, "IDs held by boss", group="Group 3")
    boards.merge_cards(empty_session, kept, [merged])
    phone_commands.vote(empty_session, access, phone, L2P, merged, budget=2)
    assert boards.snapshot(empty_session, L2P).total_votes(kept) == 1
    phone_commands.remove_vote(empty_session, access, phone, L2P, kept)
    assert boards.snapshot(empty_session, L2P).total_votes(kept) == 0


def test_notes_merge_box_by_box_and_conflict_on_the_same_box(empty_session: WorkshopSession) -> None:
    """Changing different boxes merges; changing a box someone else changed raises with their text."""
    access = RoomAccess()
    first, second = _phone(access, "Group 4", RAPPORTEUR), _phone(access, "Group 4", RAPPORTEUR)
    base = {"summary": "", "disagreements": "", "questions": ""}
    phone_commands.save_notes(empty_session, access, first, L2P, base, {**base, "summary": "A"})
    phone_commands.save_notes(empty_session, access, second, L2P, base, {**base, "questions": "Q"})
    with pytest.raises(phone_commands.NotesConflict) as raised:
        phone_commands.save_notes(empty_session, access, second, L2P, base, {**base, "summary": "B"})
    assert raised.value.fields == ["summary"] and raised.value.current.summary == "A"
    same = phone_commands.save_notes(empty_session, access, second, L2P, base, {**base, "summary": "A"})
    assert (same.summary, same.questions) == ("A", "Q")
    board_setup.save_group_notes(empty_session, L2P, "Group 4", disagreements="Desktop edit")
    with pytest.raises(phone_commands.NotesConflict):
        phone_commands.save_notes(empty_session, access, first, L2P, base, {**base, "disagreements": "Phone"})
    assert empty_session.undo_label_of("phone") == "Edit notes of Group 4 (phone)"


def test_views_show_own_cards_and_revealed_ones_only(empty_session: WorkshopSession) -> None:
    """A group sees its own hidden cards marked, others' only once revealed, and merged texts it may see."""
    boards.set_hidden(empty_session, L2P, True)
    own = boards.add_card(empty_session, L2P, "Ours, hidden", group="Group 1")
    theirs = boards.add_card(empty_session, L2P, "Theirs, hidden", group="Group 2", author="Named Person")
    view = board_view(boards.snapshot(empty_session, L2P), "Group 1")
    assert [(c["text"], c["ours"], c["revealed"]) for c in view["cards"]] == [("Ours, hidden", True, False)]
    boards.reveal_cards(empty_session, L2P, [theirs])
    boards.merge_cards(empty_session, theirs, [own])
    view = board_view(boards.snapshot(empty_session, L2P), "Group 1")
    [card] = view["cards"]
    assert (card["text"], card["ours"], card["merged"]) == ("Theirs, hidden", False, ["Ours, hidden"])
    assert "Named Person" not in str(view) and "Group 2" not in str(view)
    access = RoomAccess()
    device = access.device(_phone(access, "Group 1"))
    assert device is not None
    me = device_view(boards.snapshot(empty_session, L2P), device, 3, 9)
    assert me == {
        "version": 9,
        "group": "Group 1",
        "rapporteur": False,
        "phone": 1,
        "dots_left": 3,
        "dots_per_phone": 3,
        "my_dots": {},
    }
