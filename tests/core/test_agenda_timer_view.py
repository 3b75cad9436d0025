"""Tests of what the timer shows: status, colour phase at each threshold, next item, re-plan."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from facilitator.core.agenda import AgendaDay, AgendaItem, schedule
from facilitator.core.countdown import Countdown, Instant, ItemRun, TimerState
from facilitator.core.errors import InputError
from facilitator.core.timer_view import DisplaySettings, timer_view

DAYS = schedule(
    [AgendaDay(1, date(2019, 5, 27), time(9, 0)), AgendaDay(2, date(2019, 5, 28), time(8, 30))],
    [
        AgendaItem(1, 1, 0, "Opening", "plenary", 10),
        AgendaItem(2, 1, 1, "Lunch", "meal", 60),
        AgendaItem(3, 2, 0, "Recap", "plenary", 15),
    ],
)
WALL = datetime(2019, 5, 27, 9, 0).timestamp()


def _running_view(seconds: float, settings: DisplaySettings | None = None):  # type: ignore[no-untyped-def]
    state = TimerState(Countdown(1, True, 0.0, 0.0), {1: ItemRun(1, WALL)})
    return timer_view(DAYS, state, Instant(WALL + seconds, seconds), settings or DisplaySettings())


@pytest.mark.parametrize(
    ("seconds", "phase", "text"),
    [
        (0, "normal", "10:00"),
        (299, "normal", "05:01"),
        (300, "amber", "05:00"),
        (540, "red", "01:00"),
        (600, "red", "00:00"),
        (601, "overrun", "+00:01"),
    ],
)
def test_phase_and_text_at_each_threshold(seconds: float, phase: str, text: str) -> None:
    """Amber at five minutes left, red at one, overrun past zero, with the matching text."""
    view = _running_view(seconds)
    assert (view.phase, view.text, view.status) == (phase, text, "running")


def test_thresholds_are_configurable_and_checked() -> None:
    """Custom thresholds move the colour changes; red above amber is refused."""
    assert _running_view(0, DisplaySettings(amber_seconds=600, red_seconds=120)).phase == "amber"
    with pytest.raises(InputError, match="red threshold"):
        DisplaySettings(amber_seconds=60, red_seconds=120).checked()


def test_next_item_and_its_projected_start() -> None:
    """The next item is shown with its start as re-planned from now."""
    view = _running_view(12 * 60)
    assert view.next_item is not None and view.next_item.item.title == "Lunch"
    assert view.next_start == datetime(2019, 5, 27, 9, 12)
    assert view.replan is not None and view.replan.message == "Running 2 min late — Lunch now 09:12"


def test_next_item_on_another_day_keeps_its_planned_start() -> None:
    """The last item of a day shows the next day's first item at its planned time."""
    state = TimerState(Countdown(2), {})
    view = timer_view(DAYS, state, Instant(WALL, 0.0), DisplaySettings())
    assert view.status == "ready"
    assert view.next_start == datetime(2019, 5, 28, 8, 30)


def test_empty_and_finished_agendas() -> None:
    """No items shows "empty"; every item run shows "finished"."""
    assert timer_view([], TimerState(), Instant(WALL, 0.0), DisplaySettings()).status == "empty"
    runs = {i: ItemRun(i, WALL, WALL + 1) for i in (1, 2, 3)}
    assert timer_view(DAYS, TimerState(Countdown(), runs), Instant(WALL, 0.0), DisplaySettings()).status == (
        "finished"
    )


def test_paused_status_keeps_the_time_left() -> None:
    """A paused item shows the time it had left when paused, however long ago."""
    state = TimerState(Countdown(1, False, 120.0, None), {1: ItemRun(1, WALL)})
    view = timer_view(DAYS, state, Instant(WALL + 5000, 5000.0), DisplaySettings())
    assert (view.status, view.text) == ("paused", "08:00")


def test_a_day_not_yet_begun_is_on_time_whatever_the_clock() -> None:
    """Before anything of a day has run, the plan is shown as planned, not as hours late."""
    evening = datetime(2019, 5, 26, 20, 0).timestamp()
    view = timer_view(DAYS, TimerState(Countdown(1), {}), Instant(evening, 0.0), DisplaySettings())
    assert view.status == "ready"
    assert view.replan is not None
    assert view.replan.late_minutes == 0
    assert view.replan.message == "On time — Lunch at 09:10"
