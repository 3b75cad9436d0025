"""The session countdown: pure state and arithmetic over readings of injected clocks.

Time shown on the projector is always derived from a clock reading (``elapsed + now - anchor``),
never from counting ticks, so it cannot drift however often or rarely it is drawn. Two clocks
are involved: the monotonic clock drives the live display (immune to the wall clock being
changed), and the wall clock (``time.time``) anchors what is saved, because a monotonic reading
means nothing to the next process. ``Countdown.rebased`` moves an anchor from one clock to the
other, which is how a countdown survives the app being closed or killed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

__all__ = [
    "Countdown",
    "Instant",
    "ItemRun",
    "TimerState",
    "current_item_id",
    "format_seconds",
    "planned_adjustments",
    "timer_adjust",
    "timer_go_to",
    "timer_next",
    "timer_pause",
    "timer_plan_adjustments",
    "timer_previous",
    "timer_reset",
    "timer_start",
]


@dataclass(frozen=True, slots=True)
class Instant:
    """One moment read from both clocks at once.

    Attributes:
        wall: Seconds since the epoch (``time.time``): for what is saved and printed.
        mono: Monotonic seconds (``time.monotonic``): for the live countdown.
    """

    wall: float
    mono: float


@dataclass(frozen=True, slots=True)
class Countdown:
    """The countdown of the current item.

    Attributes:
        item_id: The item being timed, or None before the first start.
        running: Whether time is passing.
        elapsed: Seconds counted before ``anchor``.
        anchor: Clock reading when the current run began (only while running).
        extra: Seconds added (+1 min) or taken away (−1 min) from the planned duration.
    """

    item_id: int | None = None
    running: bool = False
    elapsed: float = 0.0
    anchor: float | None = None
    extra: float = 0.0

    @property
    def started(self) -> bool:
        """Whether this item has been started (it may be paused)."""
        return self.running or self.elapsed > 0

    def elapsed_at(self, now: float) -> float:
        """Seconds run so far, read against the clock the anchor belongs to."""
        if self.running and self.anchor is not None:
            return self.elapsed + max(0.0, now - self.anchor)
        return self.elapsed

    def remaining_at(self, now: float, planned_seconds: float) -> float:
        """Seconds left of the allowed time; negative once the item overruns."""
        return planned_seconds + self.extra - self.elapsed_at(now)

    def rebased(self, from_now: float, to_now: float) -> Countdown:
        """The same countdown with its anchor moved to another clock read at the same moment."""
        if self.anchor is None:
            return self
        return replace(self, anchor=self.anchor - from_now + to_now)


@dataclass(frozen=True, slots=True)
class ItemRun:
    """What actually happened to one item: the record the planned-vs-actual report is made from.

    An item may be run in more than one visit (the timer moved on, then came back to it). The
    record then spans them all: its first start, its last end and the time run in all, so that
    coming back to an item never erases when it really began.

    Attributes:
        item_id: The item.
        started: Wall-clock time it was first started; None for an item not yet started that
            only carries an adjustment planned ahead (a recovery cut).
        ended: Wall-clock time the timer last moved on from it after running it; None while it
            is under way (started or started again, and not yet left).
        elapsed: Seconds its countdown ran (pauses excluded) up to the last time the timer left
            it; a later visit resumes from here.
        extra: Its adjustment in seconds (planned ahead, or +/− while it ran).
    """

    item_id: int
    started: float | None = None
    ended: float | None = None
    elapsed: float = 0.0
    extra: float = 0.0


@dataclass(frozen=True, slots=True)
class TimerState:
    """The countdown (anchored on the monotonic clock) and the record of items run so far."""

    countdown: Countdown = Countdown()
    runs: Mapping[int, ItemRun] = field(default_factory=dict)

    def with_run(self, run: ItemRun) -> TimerState:
        """A copy with one item's record replaced."""
        return replace(self, runs={**self.runs, run.item_id: run})

    def without_run(self, item_id: int) -> TimerState:
        """A copy with one item's record removed."""
        return replace(self, runs={k: v for k, v in self.runs.items() if k != item_id})


def _first_open(order: Sequence[int], runs: Mapping[int, ItemRun]) -> int | None:
    """The first item that has not been finished (None once every item has been)."""
    for item_id in order:
        run = runs.get(item_id)
        if run is None or run.ended is None:
            return item_id
    return None


def current_item_id(state: TimerState, order: Sequence[int]) -> int | None:
    """The item the timer is on: the one it times, else the first not yet finished (None when the
    agenda is empty or every item is done). Other views (a board's groups) follow the same rule."""
    item_id = state.countdown.item_id
    return item_id if item_id in order else _first_open(order, state.runs)


def _ran_before(run: ItemRun | None) -> bool:
    """Whether a record holds time run in an earlier visit (the timer has left the item since, or
    it resumed with time already run), as opposed to a start made in the current visit only."""
    return run is not None and run.started is not None and (run.ended is not None or run.elapsed > 0)


def _make_current(state: TimerState, item_id: int) -> TimerState:
    """Make ``item_id`` current, not running.

    An item never run gets its full time, with any adjustment planned for it in advance. An item
    run before resumes where the timer left it (its time run and its adjustment) and its record
    stays as it is: that record is the actual start and end in the planned-vs-actual report, and
    forgetting it here used to erase them whenever Next or go-to passed over the item again.
    Starting it (:func:`timer_start`) marks it under way again; leaving it then records a new end.
    """
    prior = state.runs.get(item_id, ItemRun(item_id))
    return TimerState(Countdown(item_id, elapsed=prior.elapsed, extra=prior.extra), state.runs)


def timer_start(state: TimerState, order: Sequence[int], now: Instant) -> TimerState:
    """Start or resume the current item (the first unfinished one when there is none).

    Its record keeps its first start and loses its end until the timer leaves it again: an item
    that is running has not ended, even if it ended once before.
    """
    item_id = current_item_id(state, order)
    if item_id is None:
        return state
    if item_id != state.countdown.item_id:
        state = _make_current(state, item_id)
    countdown = state.countdown
    if countdown.running:
        return state
    run = state.runs.get(item_id, ItemRun(item_id))
    run = replace(run, started=run.started if run.started is not None else now.wall, ended=None)
    return TimerState(replace(countdown, running=True, anchor=now.mono), {**state.runs, item_id: run})


def timer_pause(state: TimerState, now: Instant) -> TimerState:
    """Stop time passing for the current item, keeping what it has run."""
    countdown = state.countdown
    if not countdown.running:
        return state
    paused = replace(countdown, running=False, elapsed=countdown.elapsed_at(now.mono), anchor=None)
    return replace(state, countdown=paused)


def timer_adjust(state: TimerState, seconds: float, planned_seconds: float) -> TimerState:
    """Give the current item more (positive) or less (negative) time, never below zero in all."""
    countdown = state.countdown
    if countdown.item_id is None:
        return state
    extra = max(countdown.extra + seconds, -planned_seconds)
    return replace(state, countdown=replace(countdown, extra=extra))


def _close(state: TimerState, now: Instant) -> TimerState:
    """Record that the timer leaves the current item.

    An item under way gets its end and the time it has run in all. An item the timer only passed
    over since it last ran keeps the end it has: nothing about it ended now.
    """
    countdown = state.countdown
    if countdown.item_id is None or not countdown.started:
        return state
    run = state.runs.get(countdown.item_id, ItemRun(countdown.item_id, started=now.wall))
    if run.ended is not None:
        return state.with_run(replace(run, extra=countdown.extra))
    return state.with_run(
        replace(run, ended=now.wall, elapsed=countdown.elapsed_at(now.mono), extra=countdown.extra)
    )


def timer_go_to(
    state: TimerState, item_id: int, now: Instant, keep_running: bool | None = None
) -> TimerState:
    """Finish the current item and make ``item_id`` current.

    An item run before resumes where the timer left it, with its actual start kept (see
    :func:`_make_current`).

    Args:
        state: The timer.
        item_id: The item to time next.
        now: The moment of the switch.
        keep_running: Start the new item at once; by default, when the timer was running.
    """
    running = state.countdown.running if keep_running is None else keep_running
    if item_id == state.countdown.item_id:
        return state
    moved = _make_current(_close(state, now), item_id)
    return timer_start(moved, [item_id], now) if running else moved


def timer_next(
    state: TimerState, order: Sequence[int], now: Instant, same_day: Sequence[int] = ()
) -> TimerState:
    """Move on to the next item; it starts at once if the timer was running and it is on the
    same day (a new day waits for its own start). After the last item the timer stops."""
    current = current_item_id(state, order)
    if current is None:
        return state
    index = order.index(current)
    if index + 1 >= len(order):
        closed = _close(replace(state, countdown=replace(state.countdown, item_id=current)), now)
        return replace(closed, countdown=Countdown())
    following = order[index + 1]
    keep = state.countdown.running and (not same_day or following in same_day)
    return timer_go_to(state, following, now, keep_running=keep)


def timer_previous(state: TimerState, order: Sequence[int], now: Instant) -> TimerState:
    """Go back to the item before the current one, as if the timer had never left it.

    This undoes a hasty Next. The current item's record is forgotten, but for its adjustment,
    when its only start was made in this visit (it has not really started); an item that ran in
    an earlier visit keeps that record and is closed like any item the timer leaves, because its
    actual times are history, not haste. When the timer is running, the previous item resumes
    with the time since it was left counted too, which is what the room lived through, and its
    record keeps its first start; when paused, its record stays as it is until it is started.
    """
    countdown = state.countdown
    current = countdown.item_id if countdown.item_id in order else None
    if current is None:
        finished = [i for i in order if i in state.runs and state.runs[i].ended is not None]
        if not finished:
            return state
        target = finished[-1]
    else:
        index = order.index(current)
        if index == 0:
            return state
        target = order[index - 1]
    if current is not None and _ran_before(state.runs.get(current)):
        state = _close(state, now)
    elif current is not None:
        state = state.without_run(current)
        if countdown.extra:
            state = state.with_run(ItemRun(current, extra=countdown.extra))
    run = state.runs.get(target, ItemRun(target))
    if not countdown.running:
        return TimerState(Countdown(target, False, run.elapsed, None, run.extra), state.runs)
    anchor = now.mono if run.ended is None else now.mono - (now.wall - run.ended)
    started = now.wall if run.started is None else run.started
    restored = Countdown(target, True, run.elapsed, anchor, run.extra)
    return TimerState(restored, state.runs).with_run(replace(run, started=started, ended=None))


def timer_reset(state: TimerState) -> TimerState:
    """Put the current item back to its full planned time, not started, and forget its record."""
    item_id = state.countdown.item_id
    if item_id is None:
        return state
    return TimerState(Countdown(item_id), state.runs).without_run(item_id)


def timer_plan_adjustments(state: TimerState, seconds: Mapping[int, float]) -> TimerState:
    """Add time to (or, negative, cut time from) items ahead of time, e.g. to recover a delay.

    An item not yet started keeps the adjustment in its record until it becomes current; the
    current item's countdown takes it at once.
    """
    result = state
    for item_id, delta in seconds.items():
        if item_id == result.countdown.item_id:
            countdown = result.countdown
            result = replace(result, countdown=replace(countdown, extra=countdown.extra + delta))
            continue
        run = result.runs.get(item_id, ItemRun(item_id))
        if run.started is None:
            result = result.with_run(replace(run, extra=run.extra + delta))
    return result


def planned_adjustments(state: TimerState) -> dict[int, float]:
    """Adjustments made ahead of time to items not yet started, by item id."""
    return {k: r.extra for k, r in state.runs.items() if r.started is None and r.extra}


def format_seconds(seconds: float) -> str:
    """Countdown text: "12:05" while time is left (rounded up, so 0:00 means time is up),
    "+02:10" once overrunning (counting up), with hours when needed ("1:05:00")."""
    overrun = seconds < 0
    whole = math.floor(-seconds) if overrun else math.ceil(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return f"+{text}" if overrun else text
