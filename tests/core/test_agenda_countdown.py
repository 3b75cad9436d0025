"""Tests of countdown arithmetic over fake clocks: start, pause, adjust, overrun, next, back."""

from __future__ import annotations

from facilitator.core.countdown import (
    Countdown,
    Instant,
    ItemRun,
    TimerState,
    format_seconds,
    planned_adjustments,
    timer_adjust,
    timer_go_to,
    timer_next,
    timer_pause,
    timer_plan_adjustments,
    timer_previous,
    timer_reset,
    timer_start,
)

ORDER = [10, 11, 12]
WALL0 = 1_558_920_600.0  # 27 May 2019, morning
MONO0 = 5_000.0


def at(seconds: float) -> Instant:
    """Both clocks ``seconds`` after the start of the test."""
    return Instant(WALL0 + seconds, MONO0 + seconds)


def test_a_running_countdown_derives_remaining_time_from_the_clock() -> None:
    """Remaining time is planned time minus clock time passed since the start."""
    state = timer_start(TimerState(), ORDER, at(0))
    assert state.countdown.item_id == 10
    assert state.countdown.remaining_at(at(90).mono, 600) == 510
    assert state.runs[10].started == WALL0


def test_pause_and_resume_exclude_the_paused_time() -> None:
    """Time spent paused does not count against the item."""
    state = timer_start(TimerState(), ORDER, at(0))
    state = timer_pause(state, at(100))
    assert state.countdown.remaining_at(at(1000).mono, 600) == 500
    state = timer_start(state, ORDER, at(1000))
    assert state.countdown.remaining_at(at(1050).mono, 600) == 450
    assert state.runs[10].started == WALL0


def test_adjustments_add_and_remove_minutes_but_not_below_zero() -> None:
    """+5 and −1 minutes change the allowed time; taking away more than planned stops at zero."""
    state = timer_start(TimerState(), ORDER, at(0))
    state = timer_adjust(state, 300, 600)
    state = timer_adjust(state, -60, 600)
    assert state.countdown.remaining_at(at(0).mono, 600) == 840
    state = timer_adjust(state, -10_000, 600)
    assert state.countdown.remaining_at(at(0).mono, 600) == 0


def test_overrun_counts_up_after_zero() -> None:
    """Past the allowed time the remaining time goes negative and displays counting up."""
    state = timer_start(TimerState(), ORDER, at(0))
    remaining = state.countdown.remaining_at(at(600 + 75).mono, 600)
    assert remaining == -75
    assert format_seconds(remaining) == "+01:15"


def test_no_drift_after_eight_simulated_hours_of_polling() -> None:
    """Polling five times a second for eight hours shows exactly the time the clock says."""
    state = timer_start(TimerState(), ORDER, at(0))
    planned = 8 * 3600.0
    polls = 8 * 3600 * 5
    last = 0.0
    for tick in range(1, polls + 1):
        last = state.countdown.remaining_at(at(tick * 0.2).mono, planned)
    assert abs(last) < 1e-6
    assert format_seconds(state.countdown.remaining_at(at(8 * 3600 - 0.2).mono, planned)) == "00:01"


def test_format_rounds_up_while_time_is_left_and_shows_hours() -> None:
    """A countdown never shows 00:00 while time is left, and long items show hours."""
    assert format_seconds(0.2) == "00:01"
    assert format_seconds(0) == "00:00"
    assert format_seconds(-0.5) == "+00:00"
    assert format_seconds(3900) == "1:05:00"


def test_next_records_the_actual_end_and_starts_the_following_item() -> None:
    """Next closes the current item with its actual times and starts the next one when running."""
    state = timer_start(TimerState(), ORDER, at(0))
    state = timer_next(state, ORDER, at(700))
    assert state.runs[10] == ItemRun(10, WALL0, WALL0 + 700, 700.0, 0.0)
    assert state.countdown == Countdown(11, True, 0.0, at(700).mono, 0.0)
    assert state.runs[11].started == WALL0 + 700


def test_next_while_paused_leaves_the_following_item_ready() -> None:
    """When paused, next moves on without starting the following item."""
    state = timer_pause(timer_start(TimerState(), ORDER, at(0)), at(60))
    state = timer_next(state, ORDER, at(100))
    assert state.countdown == Countdown(11)
    assert 11 not in state.runs


def test_next_to_another_day_waits_for_that_day_to_start() -> None:
    """Moving past the last item of a day does not start the next day's first item."""
    state = timer_start(TimerState(Countdown(11)), ORDER, at(0))
    state = timer_next(state, ORDER, at(60), same_day=[10, 11])
    assert state.countdown == Countdown(12)


def test_next_after_the_last_item_finishes_the_agenda() -> None:
    """After the last item the timer has no current item and every item is recorded."""
    state = timer_start(TimerState(Countdown(12)), ORDER, at(0))
    state = timer_next(state, ORDER, at(30))
    assert state.countdown == Countdown()
    assert state.runs[12].ended == WALL0 + 30
    assert timer_start(state, [12], at(40)) == state


def test_previous_resumes_the_earlier_item_counting_the_time_since_it_was_left() -> None:
    """Going back undoes a hasty Next: the earlier item continues as if never left."""
    state = timer_start(TimerState(), ORDER, at(0))
    state = timer_adjust(state, 120, 600)
    state = timer_next(state, ORDER, at(500))
    state = timer_previous(state, ORDER, at(530))
    assert state.countdown.item_id == 10
    assert state.countdown.running
    assert state.countdown.remaining_at(at(530).mono, 600) == 600 + 120 - 530
    assert 11 not in state.runs
    assert state.runs[10].ended is None


def test_previous_when_paused_restores_the_time_run() -> None:
    """Going back while paused restores the earlier item's time run, still paused."""
    state = timer_pause(timer_start(TimerState(), ORDER, at(0)), at(200))
    state = timer_previous(timer_next(state, ORDER, at(300)), ORDER, at(400))
    assert state.countdown == Countdown(10, False, 200.0, None, 0.0)


def test_reset_and_go_to() -> None:
    """Reset puts the item back to its full time; go-to closes the current item and jumps."""
    state = timer_start(TimerState(), ORDER, at(0))
    state = timer_reset(state)
    assert state.countdown == Countdown(10)
    assert 10 not in state.runs
    state = timer_go_to(timer_start(state, ORDER, at(10)), 12, at(70))
    assert state.countdown.item_id == 12 and state.countdown.running
    assert state.runs[10].ended == WALL0 + 70


def test_rebasing_moves_the_anchor_between_clocks() -> None:
    """A countdown saved on the wall clock and reloaded on a new monotonic clock keeps its time."""
    live = timer_start(TimerState(), ORDER, at(0)).countdown
    saved = live.rebased(at(60).mono, at(60).wall)
    reopened_wall, reopened_mono = WALL0 + 600, 12.0
    restored = saved.rebased(reopened_wall, reopened_mono)
    assert restored.remaining_at(reopened_mono, 900) == 300


def test_adjustments_planned_ahead_wait_for_their_item() -> None:
    """A cut planned for a later item applies when it becomes current; reset gives the time back."""
    state = timer_start(TimerState(), ORDER, at(0))
    state = timer_plan_adjustments(state, {11: -300.0, 10: 60.0})
    assert state.countdown.extra == 60.0
    assert planned_adjustments(state) == {11: -300.0}
    state = timer_next(state, ORDER, at(100))
    assert state.countdown.remaining_at(at(100).mono, 600) == 300
    assert planned_adjustments(state) == {}
    state = timer_previous(state, ORDER, at(110))
    assert planned_adjustments(state) == {11: -300.0}
    state = timer_go_to(state, 11, at(120))
    assert timer_reset(state).countdown == Countdown(11)


def test_adjustments_are_not_planned_for_items_already_run() -> None:
    """An item that has already run keeps its record untouched by a later recovery."""
    state = timer_next(timer_start(TimerState(), ORDER, at(0)), ORDER, at(50))
    assert timer_plan_adjustments(state, {10: -60.0}).runs[10] == state.runs[10]
