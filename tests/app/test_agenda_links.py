"""Agenda item links checked against the real breakout rounds and boards, on real workshop files."""

from __future__ import annotations

import pytest

from facilitator.app import agenda, groups, links
from facilitator.app.session import WorkshopSession
from facilitator.core.agenda import AgendaItem
from facilitator.core.errors import InputError


def _item(session: WorkshopSession, title_start: str) -> AgendaItem:
    items = [t.item for day in agenda.load_schedule(session) for t in day.items]
    return next(i for i in items if i.title.startswith(title_start))


def test_agenda_links_are_checked_against_real_rounds_and_boards(sample_session: WorkshopSession) -> None:
    """A link is stored in its exact form; one naming nothing is refused with the choices listed."""
    item = _item(sample_session, "Opening")
    agenda.edit_item(sample_session, item.id, link="round: breakout 2")
    assert agenda.edit_item(sample_session, item.id, link="board:Police to labour")
    assert _item(sample_session, "Opening").link == "board:police-to-labour"
    with pytest.raises(InputError, match=r"^Link: there is no breakout round 'Breakout 9'.*round:Breakout 1"):
        agenda.edit_item(sample_session, item.id, link="round:Breakout 9")
    with pytest.raises(InputError, match=r"^Link: there is no board 'plenary'.*board:labour-to-police"):
        agenda.edit_item(sample_session, item.id, link="board:plenary")
    day_id = agenda.load_schedule(sample_session)[0].day.id
    with pytest.raises(InputError, match=r"^Link: there is no breakout round"):
        agenda.add_item(sample_session, day_id, title="Extra", link="round:Nowhere")
    new_id = agenda.add_item(sample_session, day_id, title="Extra", link="round:Breakout 1")
    assert _item(sample_session, "Extra").id == new_id
    assert _item(sample_session, "Extra").link == "round:Breakout 1"


def test_without_rounds_a_round_link_says_where_to_form_one(empty_session: WorkshopSession) -> None:
    """With no rounds at all, a round link is refused with a pointer to the groups page."""
    day_id = agenda.add_day(empty_session, date="2019-05-27")
    item_id = agenda.add_item(empty_session, day_id, title="Breakout")
    with pytest.raises(InputError, match=r"Link: .*no breakout rounds yet.*Breakout groups page"):
        agenda.edit_item(empty_session, item_id, link="round:Breakout 1")


def test_a_link_to_a_deleted_round_stays_readable_and_shows_as_missing(
    sample_session: WorkshopSession,
) -> None:
    """Deleting a round keeps the agenda's link to it; it reads as missing and other edits work."""
    item = _item(sample_session, "Breakout 3")
    agenda.edit_item(sample_session, item.id, link="round:Breakout 3")
    stored = next(r for r in groups.rounds(sample_session) if r.name == "Breakout 3")
    groups.delete_round(sample_session, stored.id)
    assert _item(sample_session, "Breakout 3").link == "round:Breakout 3"
    targets = links.link_targets(sample_session)
    assert not targets.exists("round:Breakout 3")
    assert targets.label("round:Breakout 3") == "round:Breakout 3 (missing)"
    assert targets.label("board:labour-to-police") == "Board: Labour to police"
    agenda.edit_item(sample_session, item.id, duration="80", link="round:Breakout 3")
    assert _item(sample_session, "Breakout 3").duration == 80
    json_items = [i for day in agenda.agenda_json(sample_session) for i in day["items"]]  # type: ignore[attr-defined]
    assert {"round:Breakout 3", "board:labour-to-police"} <= {i["link"] for i in json_items}
    assert ("round:Breakout 3", "Round: Breakout 3") not in targets.choices()
    assert ("board:police-to-labour", "Board: Police to labour") in targets.choices()
