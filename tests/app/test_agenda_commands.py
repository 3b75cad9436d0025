"""Tests of the agenda commands on a real workshop file: edits, order, undo and the sample."""

from __future__ import annotations

import pytest

from facilitator.app import agenda
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import InputError, NotFoundError
from facilitator.storage import agenda_store


def _titles(session: WorkshopSession, number: int = 1) -> list[str]:
    day = agenda.load_schedule(session)[number - 1]
    return [t.item.title for t in day.items]


def test_the_sample_agenda_has_a_full_monday_and_a_half_tuesday(sample_session: WorkshopSession) -> None:
    """The sample runs all Monday 27 May and ends Tuesday 28 May by 13:00, within planned ends."""
    days = agenda.load_schedule(sample_session)
    assert [d.day.date.isoformat() for d in days] == ["2019-05-27", "2019-05-28"]
    assert days[0].end.hour >= 17
    assert days[1].end.strftime("%H:%M") <= "13:00"
    assert all(not d.warning for d in days)
    kinds = {t.item.kind for d in days for t in d.items}
    assert {
        "registration",
        "presentation",
        "panel",
        "breakout",
        "report-back",
        "break",
        "meal",
        "closing",
    } <= kinds
    objectives = {t.item.objective for d in days for t in d.items}
    assert {"A", "B", "C", "D"} <= objectives
    links = {t.item.link for d in days for t in d.items}
    assert {"board:labour-to-police", "board:police-to-labour"} <= links


def test_an_empty_workshop_has_no_agenda(empty_session: WorkshopSession) -> None:
    """A new empty workshop starts without days."""
    assert agenda.load_schedule(empty_session) == []


def test_add_day_and_items_then_undo_and_redo(empty_session: WorkshopSession) -> None:
    """Adding is undoable step by step and redo brings it back."""
    day_id = agenda.add_day(empty_session, date="2019-05-27", start="9:00", planned_end="12:00")
    agenda.add_item(empty_session, day_id, title="Opening", kind="Plenary", duration="30")
    agenda.add_item(empty_session, day_id, 0, title="Registration", kind="registration", duration="1h")
    assert _titles(empty_session) == ["Registration", "Opening"]
    assert agenda.load_schedule(empty_session)[0].end.strftime("%H:%M") == "10:30"
    assert empty_session.undo_label == "Add Registration"
    empty_session.undo()
    assert _titles(empty_session) == ["Opening"]
    empty_session.redo()
    assert _titles(empty_session) == ["Registration", "Opening"]


def test_item_values_are_checked_with_the_field_named(sample_session: WorkshopSession) -> None:
    """Bad kinds, objectives, durations and links are refused, naming the field."""
    day_id = agenda.load_schedule(sample_session)[0].day.id
    item_id = agenda.load_schedule(sample_session)[0].items[0].item.id
    with pytest.raises(InputError, match="Kind: 'party'"):
        agenda.edit_item(sample_session, item_id, kind="party")
    with pytest.raises(InputError, match=r"Objective: 'E'.*A, B, C, D"):
        agenda.edit_item(sample_session, item_id, objective="E")
    with pytest.raises(InputError, match="Duration"):
        agenda.edit_item(sample_session, item_id, duration="a while")
    with pytest.raises(InputError, match="Title"):
        agenda.add_item(sample_session, day_id, title="  ")
    with pytest.raises(NotFoundError):
        agenda.edit_item(sample_session, 99_999, title="Ghost")


def test_edit_records_one_undo_step_and_retimes_the_day(sample_session: WorkshopSession) -> None:
    """Lengthening an item pushes every later item and warns when the day runs over."""
    day = agenda.load_schedule(sample_session)[0]
    first = day.items[0].item
    agenda.edit_item(sample_session, first.id, duration="45", flexible="yes")
    retimed = agenda.load_schedule(sample_session)[0]
    assert retimed.items[1].start.strftime("%H:%M") == "08:45"
    assert retimed.minutes_over == 15
    assert "15 min after its planned end" in retimed.warning
    assert agenda_store.load_item(sample_session.connection, first.id).flexible
    sample_session.undo()
    assert agenda.load_schedule(sample_session)[0].warning == ""


def test_unchanged_edit_makes_no_undo_step(sample_session: WorkshopSession) -> None:
    """Writing the same value back changes nothing and leaves undo alone."""
    item = agenda.load_schedule(sample_session)[0].items[0].item
    assert agenda.edit_item(sample_session, item.id, title=item.title).topics == frozenset()
    assert sample_session.undo_label is None


def test_move_items_within_and_between_days(sample_session: WorkshopSession) -> None:
    """Dragging reorders a day, or moves items to another day; both close up behind them."""
    before = _titles(sample_session)
    days = agenda.load_schedule(sample_session)
    first, second = days[0].items[0].item.id, days[0].items[1].item.id
    agenda.move_items(sample_session, [first], days[0].day.id, 2)
    assert _titles(sample_session)[:3] == [before[1], before[0], before[2]]
    agenda.move_items(sample_session, [second], days[1].day.id, 0)
    assert _titles(sample_session, 2)[0] == before[1]
    assert [t.item.position for t in agenda.load_schedule(sample_session)[0].items] == list(
        range(len(before) - 1)
    )
    sample_session.undo()
    sample_session.undo()
    assert _titles(sample_session) == before


def test_remove_items_and_days_are_undoable(sample_session: WorkshopSession) -> None:
    """Removing items or a whole day comes back intact with undo."""
    days = agenda.load_schedule(sample_session)
    before = _titles(sample_session, 2)
    agenda.remove_items(sample_session, [days[1].items[0].item.id, days[1].items[2].item.id])
    assert _titles(sample_session, 2) == [before[1], *before[3:]]
    agenda.remove_day(sample_session, days[1].day.id)
    assert len(agenda.load_schedule(sample_session)) == 1
    sample_session.undo()
    sample_session.undo()
    assert _titles(sample_session, 2) == before


def test_days_are_checked(sample_session: WorkshopSession) -> None:
    """Days need a real date not already used, and an end after their start."""
    with pytest.raises(InputError, match="already has a day on Monday 27 May 2019"):
        agenda.add_day(sample_session, date="2019-05-27")
    with pytest.raises(InputError, match="Date: '27/05'"):
        agenda.add_day(sample_session, date="27/05")
    with pytest.raises(InputError, match="end after it starts"):
        agenda.add_day(sample_session, date="2019-05-29", start="13:00", planned_end="12:00")
    day_id = agenda.load_schedule(sample_session)[1].day.id
    agenda.edit_day(sample_session, day_id, start="09:00")
    assert agenda.load_schedule(sample_session)[1].items[0].start.strftime("%H:%M") == "09:00"


def test_agenda_json_lists_days_with_timed_items(sample_session: WorkshopSession) -> None:
    """The JSON view carries start, end, title and kind for every item, and no actuals yet."""
    days = agenda.agenda_json(sample_session)
    first = days[0]["items"][0]  # type: ignore[index]
    assert (days[0]["date"], first["start"], first["end"], first["kind"]) == (
        "2019-05-27",
        "08:00",
        "08:30",
        "registration",
    )
    assert first["actual_start"] is None
