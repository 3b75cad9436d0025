"""Tests of the agenda timer on a real workshop file with fake clocks."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from facilitator.app import agenda
from facilitator.app.session import WorkshopSession
from facilitator.app.timer import AgendaTimer
from facilitator.app.workshops import create_workshop, open_workshop
from facilitator.core.errors import ActionRefused
from facilitator.storage import timer_store


class FakeClocks:
    """A wall clock and a monotonic clock that move only when told to."""

    def __init__(self, wall: datetime, mono: float = 100.0) -> None:
        self.wall_now = wall.timestamp()
        self.mono_now = mono

    def wall(self) -> float:
        return self.wall_now

    def mono(self) -> float:
        return self.mono_now

    def advance(self, seconds: float) -> None:
        self.wall_now += seconds
        self.mono_now += seconds


MONDAY_0800 = datetime(2019, 5, 27, 8, 0)


def _timer(session: WorkshopSession, clocks: FakeClocks) -> AgendaTimer:
    return AgendaTimer(session, clocks.wall, clocks.mono)


def test_start_picks_todays_first_item_and_counts_down(sample_session: WorkshopSession) -> None:
    """On Monday morning Start times registration, and the view follows the clock."""
    clocks = FakeClocks(MONDAY_0800)
    timer = _timer(sample_session, clocks)
    timer.start()
    clocks.advance(10 * 60)
    view = timer.view()
    assert view.item is not None and view.item.item.title == "Registration and name tags"
    assert (view.status, view.text) == ("running", "20:00")


def test_start_on_tuesday_picks_tuesdays_first_item(sample_session: WorkshopSession) -> None:
    """When today is an agenda day, the timer starts on that day's first unfinished item."""
    clocks = FakeClocks(datetime(2019, 5, 28, 8, 30))
    timer = _timer(sample_session, clocks)
    timer.start()
    view = timer.view()
    assert view.item is not None and view.item.item.title.startswith("Recap of day 1")


def test_timer_actions_are_not_undoable(sample_session: WorkshopSession) -> None:
    """Undo reverses agenda edits but never the timer."""
    clocks = FakeClocks(MONDAY_0800)
    timer = _timer(sample_session, clocks)
    item = agenda.load_schedule(sample_session)[0].items[3].item
    agenda.edit_item(sample_session, item.id, title="Definitions")
    timer.start()
    clocks.advance(60)
    timer.next()
    assert sample_session.undo_label == "Edit title of " + item.title
    sample_session.undo()
    assert timer.view().item is not None and timer.view().item.item.title.startswith("Opening")
    assert timer.view().running


def test_reopening_after_a_kill_resumes_the_running_countdown(tmp_path: Path) -> None:
    """The countdown resumes with the time passed while the app was closed, on a new monotonic clock."""
    path = tmp_path / "w.sqlite"
    clocks = FakeClocks(MONDAY_0800)
    session = create_workshop(path, sample=True)
    timer = _timer(session, clocks)
    timer.start()
    clocks.advance(5 * 60)
    timer.adjust(+5)
    session.database.connection.close()  # the process dies: nothing is closed properly,
    os.close(session.database._lock._fd)  # and the system drops its lock on the lock file
    restarted = FakeClocks(MONDAY_0800, mono=3.0)
    restarted.wall_now = clocks.wall_now + 7 * 60
    reopened = open_workshop(path)
    view = _timer(reopened, restarted).view()
    assert (view.status, view.text) == ("running", "23:00")
    reopened.close()


def test_a_paused_countdown_stays_paused_across_reopening(tmp_path: Path) -> None:
    """Time while closed does not count for a paused item."""
    path = tmp_path / "w.sqlite"
    clocks = FakeClocks(MONDAY_0800)
    session = create_workshop(path, sample=True)
    timer = _timer(session, clocks)
    timer.start()
    clocks.advance(90)
    timer.pause()
    session.close()
    clocks.advance(3600)
    reopened = open_workshop(path)
    view = _timer(reopened, clocks).view()
    assert (view.status, view.text) == ("paused", "28:30")
    reopened.close()


def test_next_records_actual_times_shown_in_the_json(sample_session: WorkshopSession) -> None:
    """Running two items records their actual start and end in the agenda JSON."""
    clocks = FakeClocks(MONDAY_0800.replace(minute=5))
    timer = _timer(sample_session, clocks)
    timer.start()
    clocks.advance(35 * 60)
    timer.next()
    clocks.advance(60)
    items = agenda.agenda_json(sample_session)[0]["items"]  # type: ignore[index]
    assert (items[0]["actual_start"], items[0]["actual_end"]) == ("08:05", "08:40")
    assert (items[1]["actual_start"], items[1]["actual_end"]) == ("08:40", None)
    assert items[2]["actual_start"] is None


def test_overrun_replans_the_day_and_recovery_shortens_flexible_items(
    sample_session: WorkshopSession,
) -> None:
    """Twelve minutes over before lunch is announced; Recover cuts the next flexible item's time."""
    clocks = FakeClocks(datetime(2019, 5, 27, 10, 20))
    timer = _timer(sample_session, clocks)
    mandates = agenda.load_schedule(sample_session)[0].items[5].item
    timer.go_to(mandates.id)
    timer.start()
    clocks.advance(62 * 60)
    view = timer.view()
    assert view.phase == "overrun" and view.text == "+12:00"
    assert view.replan is not None
    assert view.replan.message == "Running 12 min late — Lunch now 12:12"
    assert view.replan.suggestions[0].title.startswith("Country experiences")
    timer.recover()
    assert timer.view().replan.message == "On time — Lunch at 12:00"  # type: ignore[union-attr]
    assert sample_session.undo_label is None
    timer.next()
    assert timer.view().text == "38:00"
    assert agenda.load_schedule(sample_session)[0].items[6].item.duration == 50


def test_projector_settings_persist_and_are_checked(sample_session: WorkshopSession) -> None:
    """Message, agenda-only mode and thresholds are saved; nonsense thresholds are refused."""
    timer = _timer(sample_session, FakeClocks(MONDAY_0800))
    timer.update_settings(message="Please return to plenary", agenda_only=True, amber_seconds=120)
    assert timer_store.load_settings(sample_session.connection).message == "Please return to plenary"
    other = _timer(sample_session, FakeClocks(MONDAY_0800))
    assert other.settings.agenda_only and other.settings.amber_seconds == 120
    with pytest.raises(Exception, match="red threshold"):
        timer.update_settings(red_seconds=600)


def test_two_timers_on_one_session_agree(sample_session: WorkshopSession) -> None:
    """A second view of the same workshop follows the first one's commands."""
    clocks = FakeClocks(MONDAY_0800)
    first, second = _timer(sample_session, clocks), _timer(sample_session, clocks)
    first.start()
    clocks.advance(30)
    assert second.view().text == first.view().text == "29:30"
    second.close()


def test_the_timer_refuses_an_empty_agenda(empty_session: WorkshopSession) -> None:
    """With no items the timer explains what to do instead of failing."""
    timer = _timer(empty_session, FakeClocks(MONDAY_0800))
    assert timer.view().status == "empty"
    with pytest.raises(ActionRefused, match="agenda is empty"):
        timer.start()


def test_clear_record_forgets_actual_times(sample_session: WorkshopSession) -> None:
    """After a rehearsal, clearing the record leaves no actual times and a stopped timer."""
    clocks = FakeClocks(MONDAY_0800)
    timer = _timer(sample_session, clocks)
    timer.start()
    clocks.advance(60)
    timer.next()
    timer.clear_record()
    assert timer_store.load_runs(sample_session.connection) == {}
    assert timer.view().status == "ready"


def _actual_times(session: WorkshopSession) -> list[tuple[object, object]]:
    """Monday's actual start and end of each item, as the agenda JSON reports them."""
    items = agenda.agenda_json(session)[0]["items"]
    assert isinstance(items, list)
    return [(item["actual_start"], item["actual_end"]) for item in items]


def test_next_and_go_to_onto_items_run_before_keep_their_actual_start(
    sample_session: WorkshopSession,
) -> None:
    """Coming back to earlier items resumes them with their first start; leaving sets a new end."""
    clocks = FakeClocks(MONDAY_0800)
    timer = _timer(sample_session, clocks)
    timer.start()
    for _ in range(2):
        clocks.advance(30 * 60)
        timer.next()
    clocks.advance(10 * 60)
    first = agenda.load_schedule(sample_session)[0].items[0].item
    timer.go_to(first.id)
    assert _actual_times(sample_session)[:3] == [("08:00", None), ("08:30", "09:00"), ("09:00", "09:10")]
    clocks.advance(5 * 60)
    timer.next()
    assert _actual_times(sample_session)[:3] == [("08:00", "09:15"), ("08:30", None), ("09:00", "09:10")]


def test_passing_over_finished_items_while_paused_leaves_their_record_as_it_was(
    sample_session: WorkshopSession,
) -> None:
    """Go-to, Next and Back over items already run, with the timer paused, change none of their records."""
    clocks = FakeClocks(MONDAY_0800)
    timer = _timer(sample_session, clocks)
    timer.start()
    for _ in range(3):
        clocks.advance(20 * 60)
        timer.next()
    clocks.advance(60)
    timer.pause()
    finished = [t.item.id for t in agenda.load_schedule(sample_session)[0].items[:3]]
    recorded = timer_store.load_runs(sample_session.connection)
    clocks.advance(15 * 60)
    timer.go_to(finished[0])
    timer.next()
    timer.next()
    timer.previous()
    saved = timer_store.load_runs(sample_session.connection)
    assert [saved[i] for i in finished] == [recorded[i] for i in finished]
    assert timer.view().status == "paused"


def test_an_interrupted_item_resumes_with_the_time_it_has_left(sample_session: WorkshopSession) -> None:
    """Going back to an item stopped after 20 of its 30 minutes counts down its last 10 minutes."""
    clocks = FakeClocks(MONDAY_0800)
    timer = _timer(sample_session, clocks)
    timer.start()
    clocks.advance(20 * 60)
    timer.next()
    clocks.advance(5 * 60)
    timer.go_to(agenda.load_schedule(sample_session)[0].items[0].item.id)
    clocks.advance(60)
    view = timer.view()
    assert (view.status, view.text) == ("running", "09:00")
    assert timer_store.load_runs(sample_session.connection)[1].started == MONDAY_0800.timestamp()


def test_back_from_an_item_run_before_closes_it_instead_of_forgetting_it(
    sample_session: WorkshopSession,
) -> None:
    """Previous from an item resumed from an earlier run records its new end and keeps its start."""
    clocks = FakeClocks(MONDAY_0800)
    timer = _timer(sample_session, clocks)
    timer.start()
    for _ in range(3):
        clocks.advance(30 * 60)
        timer.next()
    second = agenda.load_schedule(sample_session)[0].items[1].item
    timer.go_to(second.id)
    clocks.advance(4 * 60)
    timer.previous()
    assert _actual_times(sample_session)[:2] == [("08:00", None), ("08:30", "09:34")]


def test_back_still_forgets_an_item_started_by_a_hasty_next(sample_session: WorkshopSession) -> None:
    """Previous right after Next onto a new item forgets that item's accidental start."""
    clocks = FakeClocks(MONDAY_0800)
    timer = _timer(sample_session, clocks)
    timer.start()
    clocks.advance(10 * 60)
    timer.next()
    clocks.advance(30)
    timer.previous()
    assert _actual_times(sample_session)[:2] == [("08:00", None), (None, None)]
