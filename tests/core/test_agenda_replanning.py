"""Tests of re-planning the rest of a day and of the suggestions to catch up."""

from __future__ import annotations

from datetime import date, datetime, time

from facilitator.core.agenda import AgendaDay, AgendaItem, DaySchedule, schedule
from facilitator.core.replanning import replan, suggest_shortening


def _morning() -> DaySchedule:
    day = AgendaDay(1, date(2019, 5, 27), time(9, 0), time(13, 0))
    items = [
        AgendaItem(1, 1, 0, "Panel", "panel", 60),
        AgendaItem(2, 1, 1, "Country experiences", "panel", 60, flexible=True),
        AgendaItem(3, 1, 2, "Lunch", "meal", 60),
        AgendaItem(4, 1, 3, "Plenary", "plenary", 40, flexible=True),
    ]
    [timed] = schedule([day], items)
    return timed


def test_an_overrun_shifts_every_later_item_and_names_lunch() -> None:
    """Twelve minutes over on the panel put lunch at 11:12 and the message says so."""
    plan = replan(_morning(), 1, -12 * 60, True, datetime(2019, 5, 27, 10, 12))
    assert plan.late_minutes == 12
    assert plan.projected[3] == datetime(2019, 5, 27, 11, 12)
    assert plan.projected_end == datetime(2019, 5, 27, 12, 52)
    assert plan.message == "Running 12 min late — Lunch now 11:12"


def test_on_time_and_early_messages() -> None:
    """Finishing on plan says "On time"; finishing early says by how much."""
    on_time = replan(_morning(), 1, 20 * 60, True, datetime(2019, 5, 27, 9, 40))
    assert on_time.message == "On time — Lunch at 11:00"
    early = replan(_morning(), 1, 5 * 60, True, datetime(2019, 5, 27, 9, 40))
    assert early.message == "Running 15 min early — Lunch now 10:45"
    assert early.suggestions == ()


def test_an_item_not_yet_started_is_planned_from_its_own_start() -> None:
    """Before the day begins, the first item is assumed to start on time, not now."""
    plan = replan(_morning(), 1, 3600, False, datetime(2019, 5, 27, 8, 40))
    assert plan.late_minutes == 0
    late = replan(_morning(), 1, 3600, False, datetime(2019, 5, 27, 9, 7))
    assert late.late_minutes == 7


def test_after_the_last_meal_the_day_end_is_named() -> None:
    """With no meal or break left, the message gives the new end of the day."""
    plan = replan(_morning(), 3, -10 * 60, True, datetime(2019, 5, 27, 12, 10))
    assert plan.message == "Running 10 min late — day now ends 12:50"


def test_the_wall_clock_date_does_not_matter() -> None:
    """A rehearsal on another date plans by time of day on the agenda's own date."""
    plan = replan(_morning(), 1, -12 * 60, True, datetime(2024, 1, 3, 10, 12))
    assert plan.projected[3] == datetime(2019, 5, 27, 11, 12)


def test_suggestions_shorten_later_flexible_items_nearest_first() -> None:
    """Fifteen minutes late: the flexible panel gives 15 min (within a quarter of its hour)."""
    plan = replan(_morning(), 1, -15 * 60, True, datetime(2019, 5, 27, 10, 15))
    assert [(s.item_id, s.minutes, s.new_duration) for s in plan.suggestions] == [(2, 15, 45)]
    assert plan.unrecovered == 0
    assert plan.advice == "To recover 15 min, shorten Country experiences by 15 min."


def test_suggestions_spread_and_report_what_cannot_be_recovered() -> None:
    """Forty minutes late: each flexible item gives a quarter at most and the rest is reported."""
    later = list(_morning().items[1:])
    picks, left = suggest_shortening(later, 40)
    assert [(p.item_id, p.minutes) for p in picks] == [(2, 15), (4, 10)]
    assert left == 15
    plan = replan(_morning(), 1, -40 * 60, True, datetime(2019, 5, 27, 10, 40))
    assert plan.advice.endswith("15 min cannot be recovered from flexible items.")


def test_cuts_planned_ahead_count_as_recovered() -> None:
    """With the delay cut from the afternoon plenary the day is on time, though lunch moved."""
    plan = replan(_morning(), 1, -12 * 60, True, datetime(2019, 5, 27, 10, 12), {4: -12 * 60.0})
    assert plan.late_minutes == 0
    assert plan.message == "On time — Lunch now 11:12"
    assert plan.suggestions == ()


def test_earlier_cuts_limit_further_suggestions() -> None:
    """An item already cut by its full share is not suggested again."""
    plan = replan(_morning(), 1, -30 * 60, True, datetime(2019, 5, 27, 10, 30), {2: -15 * 60.0})
    assert [(s.item_id, s.minutes, s.new_duration) for s in plan.suggestions] == [(4, 10, 30)]
    assert plan.unrecovered == 5
