"""The agenda timer of an open workshop: commands that persist, and a view that only reads memory.

Each command (start, pause, next, +1 min, …) is one action on the ``TIMER`` topic, written with
``undoable=False``: undo is for edits, and must never rewind a clock the room is watching. The
countdown lives in memory anchored on the monotonic clock and is saved anchored on the wall
clock, so reopening the workshop after a crash resumes it with the time passed while closed.
Polling :meth:`AgendaTimer.view` costs no SQL, which keeps a projector refreshing several times a
second nearly free.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from facilitator.app.agenda import load_schedule
from facilitator.app.changes import AGENDA, TIMER, Changes
from facilitator.app.session import WorkshopSession
from facilitator.core.agenda import DaySchedule
from facilitator.core.countdown import (
    Countdown,
    Instant,
    TimerState,
    timer_adjust,
    timer_go_to,
    timer_next,
    timer_pause,
    timer_plan_adjustments,
    timer_previous,
    timer_reset,
    timer_start,
)
from facilitator.core.errors import ActionRefused, NotFoundError
from facilitator.core.timer_view import DisplaySettings, TimerView, item_order, timer_view
from facilitator.storage import timer_store

__all__ = ["AgendaTimer", "Clock"]

Clock = Callable[[], float]


class AgendaTimer:
    """The timer of one open workshop, shared by the agenda page and the projector.

    Args:
        session: The open workshop.
        wall: Wall-clock seconds since the epoch (``time.time``); saved anchors and actual times.
        mono: Monotonic seconds (``time.monotonic``); the live countdown.
    """

    def __init__(
        self, session: WorkshopSession, wall: Clock = time.time, mono: Clock = time.monotonic
    ) -> None:
        self.session = session
        self._wall = wall
        self._mono = mono
        self._days: list[DaySchedule] = []
        self._state = TimerState()
        self._settings = DisplaySettings()
        self._writing = False
        self._reload_agenda()
        self._reload_timer()
        session.subscribe(self._on_changes)

    def close(self) -> None:
        """Stop following the workshop (the saved state stays as it is)."""
        self.session.unsubscribe(self._on_changes)

    # Reading -------------------------------------------------------------------------------

    def now(self) -> Instant:
        """Both clocks, read together."""
        return Instant(self._wall(), self._mono())

    @property
    def days(self) -> list[DaySchedule]:
        """The agenda as last loaded."""
        return self._days

    @property
    def state(self) -> TimerState:
        """The countdown (anchored on the monotonic clock) and the record of items run."""
        return self._state

    @property
    def settings(self) -> DisplaySettings:
        """How the projector shows the timer."""
        return self._settings

    def view(self) -> TimerView:
        """What the timer shows now; cheap enough to call many times a second."""
        return timer_view(self._days, self._state, self.now(), self._settings)

    def _reload_agenda(self) -> None:
        self._days = load_schedule(self.session)

    def _reload_timer(self) -> None:
        conn = self.session.connection
        now = self.now()
        countdown = timer_store.load_countdown(conn).rebased(now.wall, now.mono)
        self._state = TimerState(countdown, timer_store.load_runs(conn))
        self._settings = timer_store.load_settings(conn)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(AGENDA):
            self._reload_agenda()
        if changes.touches(TIMER) and not self._writing:
            self._reload_timer()

    # Writing -------------------------------------------------------------------------------

    def _commit(self, label: str, new: TimerState, now: Instant) -> None:
        old = self._state
        changed = [run for key, run in new.runs.items() if old.runs.get(key) != run]
        removed = [key for key in old.runs if key not in new.runs]
        self._writing = True
        try:
            with self.session.action(label, [TIMER], undoable=False) as conn:
                timer_store.save_countdown(conn, new.countdown.rebased(now.mono, now.wall))
                timer_store.save_runs(conn, changed)
                timer_store.delete_runs(conn, removed)
                self._state = new
        except BaseException:
            self._reload_timer()
            raise
        finally:
            self._writing = False

    def _order(self) -> list[int]:
        order = item_order(self._days)
        if not order:
            raise ActionRefused("The agenda is empty: add a day and some items before using the timer.")
        return order

    def _with_current(self, order: list[int], now: Instant) -> TimerState:
        """The state with a current item chosen when there is none: the first unfinished item of
        today's day if the agenda has today's date, else the first unfinished item."""
        state = self._state
        if state.countdown.item_id in order:
            return state
        today = date.fromtimestamp(now.wall)
        unfinished = [i for i in order if i not in state.runs or state.runs[i].ended is None]
        todays = [t.item.id for d in self._days if d.day.date == today for t in d.items]
        choice = next((i for i in unfinished if i in todays), unfinished[0] if unfinished else None)
        if choice is None:
            raise ActionRefused("Every item has been run. Choose an item in the agenda to time it again.")
        return replace(state, countdown=Countdown(choice))

    def _planned_seconds(self, item_id: int) -> float:
        timed = next(t for d in self._days for t in d.items if t.item.id == item_id)
        return timed.item.duration * 60.0

    def start(self) -> None:
        """Start or resume the countdown."""
        now = self.now()
        order = self._order()
        self._commit("Start timer", timer_start(self._with_current(order, now), order, now), now)

    def pause(self) -> None:
        """Pause the countdown."""
        now = self.now()
        self._commit("Pause timer", timer_pause(self._state, now), now)

    def toggle(self) -> None:
        """Start when stopped, pause when running (the Space key)."""
        if self._state.countdown.running:
            self.pause()
        else:
            self.start()

    def adjust(self, minutes: int) -> None:
        """Give the current item more (positive) or less (negative) time."""
        now = self.now()
        state = self._with_current(self._order(), now)
        assert state.countdown.item_id is not None
        planned = self._planned_seconds(state.countdown.item_id)
        label = f"Add {minutes} min" if minutes > 0 else f"Take {-minutes} min"
        self._commit(label, timer_adjust(state, minutes * 60.0, planned), now)

    def next(self) -> None:
        """Finish the current item and move to the next."""
        now = self.now()
        order = self._order()
        state = self._with_current(order, now)
        current = state.countdown.item_id
        same_day = next([t.item.id for t in d.items] for d in self._days if d.find(current or 0) is not None)
        self._commit("Next item", timer_next(state, order, now, same_day), now)

    def previous(self) -> None:
        """Go back to the previous item, as if the timer had never left it."""
        now = self.now()
        self._commit("Previous item", timer_previous(self._state, self._order(), now), now)

    def reset(self) -> None:
        """Put the current item back to its full time, not started."""
        now = self.now()
        self._commit("Reset timer", timer_reset(self._state), now)

    def go_to(self, item_id: int) -> None:
        """Make an item current (starting it at once if the timer is running).

        An item run before resumes where the timer left it and keeps its actual start: going
        back to finish an interrupted session must not rewrite when it really began.
        """
        now = self.now()
        if item_id not in self._order():
            raise NotFoundError(f"No agenda item has id {item_id}.")
        self._commit("Go to item", timer_go_to(self._state, item_id, now), now)

    def clear_record(self) -> None:
        """Forget every actual time and stop the timer (after a rehearsal)."""
        self._commit("Clear timer record", TimerState(), self.now())

    def recover(self) -> None:
        """Cut later flexible items as the current re-plan suggests.

        The cuts are timer adjustments of those items (each starts with less time when its turn
        comes), not edits of the agenda: the printed plan stays as planned. Reset on an item
        gives it back its full planned time.
        """
        plan = self.view().replan
        if plan is None or not plan.suggestions:
            raise ActionRefused(
                "There is nothing to recover: the day is on time or has no flexible items left."
            )
        now = self.now()
        cuts = {s.item_id: -60.0 * s.minutes for s in plan.suggestions}
        minutes = sum(s.minutes for s in plan.suggestions)
        self._commit(f"Recover {minutes} min", timer_plan_adjustments(self._state, cuts), now)

    def update_settings(self, **values: object) -> None:
        """Change how the projector shows the timer (thresholds, flashing, chime, message,
        agenda-only mode)."""
        settings = replace(self._settings, **values).checked()  # type: ignore[arg-type]
        if settings == self._settings:
            return
        self._writing = True
        try:
            with self.session.action("Change projector display", [TIMER], undoable=False) as conn:
                timer_store.save_settings(conn, settings)
                self._settings = settings
        except BaseException:
            self._reload_timer()
            raise
        finally:
            self._writing = False
