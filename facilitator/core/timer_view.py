"""What the timer shows at one moment: the single value the page and the projector draw.

Both windows poll :func:`timer_view` several times a second. It only reads: state and agenda
in, a small frozen value out, so the two windows can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from facilitator.core.agenda import DaySchedule, ScheduledItem
from facilitator.core.countdown import Countdown, Instant, TimerState, format_seconds, planned_adjustments
from facilitator.core.errors import InputError
from facilitator.core.replanning import Replan, replan

__all__ = ["PHASES", "STATUSES", "DisplaySettings", "TimerView", "item_order", "timer_view"]

#: Colour phases of the countdown: plenty of time, wrap up, last minute, over time.
PHASES = ("normal", "amber", "red", "overrun")
#: What the timer is doing.
STATUSES = ("empty", "ready", "running", "paused", "finished")


@dataclass(frozen=True, slots=True)
class DisplaySettings:
    """How the projector shows the timer; saved with the workshop.

    Attributes:
        amber_seconds: Turn amber at or below this much time left.
        red_seconds: Turn red at or below this much time left.
        flash_overrun: Flash once over time.
        chime: Sound a chime when time is up.
        message: A line for the room ("Please return to plenary"), or "".
        agenda_only: Show the day's agenda instead of the countdown.
    """

    amber_seconds: int = 300
    red_seconds: int = 60
    flash_overrun: bool = True
    chime: bool = True
    message: str = ""
    agenda_only: bool = False

    def checked(self) -> DisplaySettings:
        """These settings if they make sense.

        Raises:
            InputError: A threshold is negative, or red comes before amber.
        """
        if self.red_seconds < 0 or self.amber_seconds < 0:
            raise InputError("Colour thresholds: use zero or more minutes.")
        if self.red_seconds > self.amber_seconds:
            raise InputError("Colour thresholds: the red threshold must not be above the amber one.")
        return self


@dataclass(frozen=True, slots=True)
class TimerView:
    """The timer at one moment.

    Attributes:
        status: One of ``STATUSES``.
        item: The current item with its planned times, if any.
        day: The day of the current item.
        next_item: What follows (possibly on the next day).
        allowed: Seconds allowed for the current item (planned plus adjustments).
        remaining: Seconds left; negative when over time.
        phase: One of ``PHASES``.
        text: The countdown as shown, e.g. "04:59" or "+01:30".
        replan: The rest of the day projected from now, when there is a current item.
    """

    status: str
    item: ScheduledItem | None = None
    day: DaySchedule | None = None
    next_item: ScheduledItem | None = None
    allowed: float = 0.0
    remaining: float = 0.0
    phase: str = "normal"
    text: str = "00:00"
    replan: Replan | None = None

    @property
    def running(self) -> bool:
        """Whether time is passing."""
        return self.status == "running"

    @property
    def next_start(self) -> datetime | None:
        """When the next item now starts (projected on the same day, planned on another)."""
        if self.next_item is None:
            return None
        if self.replan is not None and self.next_item.item.id in self.replan.projected:
            return self.replan.projected[self.next_item.item.id]
        return self.next_item.start


def item_order(days: list[DaySchedule]) -> list[int]:
    """Every item id in running order, day by day."""
    return [timed.item.id for day in days for timed in day.items]


def _phase(remaining: float, settings: DisplaySettings) -> str:
    if remaining < 0:
        return "overrun"
    if remaining <= settings.red_seconds:
        return "red"
    if remaining <= settings.amber_seconds:
        return "amber"
    return "normal"


def timer_view(
    days: list[DaySchedule], state: TimerState, now: Instant, settings: DisplaySettings
) -> TimerView:
    """Compute what the timer shows at ``now`` (its countdown anchored on the monotonic clock)."""
    order = item_order(days)
    if not order:
        return TimerView("empty")
    countdown = state.countdown
    item_id = countdown.item_id
    if item_id not in order:
        item_id = next(
            (i for i in order if i not in state.runs or state.runs[i].ended is None),
            None,
        )
        if item_id is None:
            return TimerView("finished")
        prior = state.runs.get(item_id)
        countdown = Countdown(item_id, extra=prior.extra if prior is not None else 0.0)
    index = order.index(item_id)
    day = next(d for d in days if d.find(item_id) is not None)
    timed = day.find(item_id)
    assert timed is not None
    following = order[index + 1] if index + 1 < len(order) else None
    next_item = None
    if following is not None:
        next_item = next(t for d in days for t in d.items if t.item.id == following)
    allowed = timed.item.duration * 60 + countdown.extra
    remaining = countdown.remaining_at(now.mono, timed.item.duration * 60)
    if countdown.running:
        status = "running"
    elif countdown.started:
        status = "paused"
    else:
        status = "ready"
    moment = datetime.fromtimestamp(now.wall)
    day_ids = {t.item.id for t in day.items}
    if not countdown.started and not any(
        run.started is not None for run in state.runs.values() if run.item_id in day_ids
    ):
        # Nothing of this day has run yet: plan from the item's own start rather than the wall
        # clock, or opening the app the evening before would report the whole day as late.
        moment = timed.start
    plan = replan(day, item_id, remaining, countdown.started, moment, planned_adjustments(state))
    return TimerView(
        status=status,
        item=timed,
        day=day,
        next_item=next_item,
        allowed=allowed,
        remaining=remaining,
        phase=_phase(remaining, settings),
        text=format_seconds(remaining),
        replan=plan,
    )
