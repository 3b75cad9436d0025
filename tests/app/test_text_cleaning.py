"""Commands keep control characters out of the store, whatever is pasted or sent by a phone."""

from __future__ import annotations

import pytest

from facilitator.app import agenda, boards, groups, guidelines
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.core.errors import InputError

_CONTROLS = "\x00\x01\x07\x0b\x0c\x1b\x1f\x7f\x85\x9f"


def test_red_flag_is_stored_without_control_characters(sample_session: WorkshopSession) -> None:
    """A card keeps its words and line breaks, and loses its control characters and its group's."""
    card_id = boards.add_card(
        sample_session,
        LABOUR_TO_POLICE,
        f"Passports{_CONTROLS} kept\nby the employer",
        group=f"Group{_CONTROLS} 2",
    )
    card = boards.snapshot(sample_session, LABOUR_TO_POLICE).card(card_id)
    assert (card.text, card.group) == ("Passports kept\nby the employer", "Group 2")


def test_red_flag_of_control_characters_only_is_refused(sample_session: WorkshopSession) -> None:
    """Text made only of control characters is as empty as no text."""
    with pytest.raises(InputError, match="write the red flag"):
        boards.add_card(sample_session, LABOUR_TO_POLICE, _CONTROLS)


def test_guidelines_texts_are_stored_without_control_characters(sample_session: WorkshopSession) -> None:
    """A key action, a section title and a section's paragraphs are stored clean."""
    section = guidelines.draft(sample_session).sections[0]
    action_id = guidelines.add_action(
        sample_session, section.id, f"Share{_CONTROLS} the list", lead_agency=f"MoL{_CONTROLS}"
    )
    guidelines.rename_section(sample_session, section.id, f"Scope{_CONTROLS} and purpose")
    guidelines.edit_section_text(sample_session, section.id, f"First{_CONTROLS} paragraph.\n\nSecond.")
    draft = guidelines.draft(sample_session)
    action = next(a for a in draft.actions if a.id == action_id)
    cleaned = next(s for s in draft.sections if s.id == section.id)
    assert (action.action, action.lead_agency) == ("Share the list", "MoL")
    assert (cleaned.title, cleaned.body) == ("Scope and purpose", "First paragraph.\n\nSecond.")


def test_agenda_texts_are_stored_without_control_characters(sample_session: WorkshopSession) -> None:
    """An item's title, speaker line and notes, and a day's title, are stored clean."""
    day = agenda.load_schedule(sample_session)[0].day
    item_id = agenda.add_item(
        sample_session, day.id, title=f"Referral{_CONTROLS} drill", notes=f"Bring{_CONTROLS}\nthe forms"
    )
    agenda.edit_day(sample_session, day.id, title=f"Day{_CONTROLS} one")
    schedule = agenda.load_schedule(sample_session)[0]
    item = next(t.item for t in schedule.items if t.item.id == item_id)
    assert (item.title, item.notes, schedule.day.title) == ("Referral drill", "Bring\nthe forms", "Day one")


def test_round_names_and_places_are_stored_without_control_characters(
    sample_session: WorkshopSession,
) -> None:
    """A breakout round's name and a group's meeting place are stored clean."""
    view = groups.apply_plan(sample_session, groups.plan_round(sample_session, f"Case{_CONTROLS} study", 4))
    groups.set_place(sample_session, view.id, 0, f"Mekong{_CONTROLS} room")
    stored = groups.load_round(sample_session, view.id)
    assert (stored.round.name, stored.round.places[0]) == ("Case study", "Mekong room")
