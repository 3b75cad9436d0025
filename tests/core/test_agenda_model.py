"""Tests of the agenda model: back-to-back times, day warnings and value parsing."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from facilitator.core.agenda import (
    AgendaDay,
    AgendaItem,
    clock_text,
    parse_clock,
    parse_duration,
    parse_link,
    schedule,
)
from facilitator.core.errors import InputError


def _day(day_id: int = 1, when: date = date(2019, 5, 27), end: time | None = time(10, 0)) -> AgendaDay:
    return AgendaDay(day_id, when, time(8, 30), end)


def test_items_follow_each_other_from_the_day_start() -> None:
    """Each item starts when the one before it ends, ordered by position, not by id."""
    items = [
        AgendaItem(1, 1, 1, "Second", duration=45),
        AgendaItem(2, 1, 0, "First", duration=30),
        AgendaItem(3, 1, 2, "Third", duration=15),
    ]
    [day] = schedule([_day()], items)
    assert [(s.item.title, clock_text(s.start), clock_text(s.end)) for s in day.items] == [
        ("First", "08:30", "09:00"),
        ("Second", "09:00", "09:45"),
        ("Third", "09:45", "10:00"),
    ]
    assert day.end == datetime(2019, 5, 27, 10, 0)
    assert day.warning == ""


def test_days_are_numbered_in_date_order_whatever_their_ids() -> None:
    """Day numbers follow the calendar, so a day added later but dated earlier becomes day 1."""
    days = schedule([_day(5, date(2019, 5, 28)), _day(9, date(2019, 5, 27))], [])
    assert [(d.number, d.day.id) for d in days] == [(1, 9), (2, 5)]
    assert days[0].end == days[0].start


def test_a_day_past_its_planned_end_warns_with_the_overrun() -> None:
    """The warning names the day, its computed end and the minutes past the planned end."""
    [day] = schedule([_day(end=time(9, 0))], [AgendaItem(1, 1, 0, "Long", duration=50)])
    assert day.minutes_over == 20
    assert "ends at 09:20, 20 min after its planned end at 09:00" in day.warning
    assert "Monday 27 May 2019" in day.warning


def test_clock_times_accept_common_spellings() -> None:
    """8:30, 08.30 and 8h30 all read as half past eight; 25:00 is refused naming the field."""
    assert parse_clock("8:30", "Start") == parse_clock("08.30", "Start") == parse_clock("8h30", "Start")
    with pytest.raises(InputError, match="Start: '25:00'"):
        parse_clock("25:00", "Start")


@pytest.mark.parametrize(
    ("text", "minutes"), [("45", 45), ("45 min", 45), ("1h", 60), ("1h 15", 75), (20, 20)]
)
def test_durations_accept_minutes_and_hours(text: str | int, minutes: int) -> None:
    """Durations are read in minutes, with an optional hour part."""
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["", "soon", "-5", "800"])
def test_bad_durations_are_refused(text: str) -> None:
    """Empty, wordy, negative or absurd durations are refused with the field named."""
    with pytest.raises(InputError, match="Duration"):
        parse_duration(text)


def test_links_name_a_round_or_a_board() -> None:
    """Links are tidied, checked against known names when given, and refused when malformed."""
    assert parse_link(" Board : labour-to-police ") == "board:labour-to-police"
    assert parse_link("") == ""
    assert parse_link("round:Round 1", rounds=["Round 1"]) == "round:Round 1"
    with pytest.raises(InputError, match="no breakout round 'Round 9'"):
        parse_link("round:Round 9", rounds=["Round 1"])
    with pytest.raises(InputError, match="round:NAME"):
        parse_link("session 3")
