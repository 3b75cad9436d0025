"""Re-planning the rest of a day from where the room really is, and how to catch up.

The projected times assume every item still to come keeps its planned duration and follows the
current one back to back. Lateness is measured against the wall clock, because that is what the
caterers and the interpreters keep to: "running 12 min late — Lunch now 12:12". Suggested cuts
are applied as timer adjustments of the later items, not as edits of the agenda, so the printed
plan stays what was planned and the record shows planned against actual.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from facilitator.core.agenda import DaySchedule, ScheduledItem, clock_text

__all__ = ["Replan", "Shortening", "replan", "suggest_shortening"]

#: A flexible item gives up at most this share of its planned time.
MAX_SHARE = 0.25
#: A shortened item keeps at least this many minutes.
MIN_MINUTES = 5


@dataclass(frozen=True, slots=True)
class Shortening:
    """A suggestion: take ``minutes`` off an item, leaving ``new_duration``."""

    item_id: int
    title: str
    minutes: int
    new_duration: int

    def __str__(self) -> str:
        return f"{self.title} by {self.minutes} min"


@dataclass(frozen=True, slots=True)
class Replan:
    """The rest of a day as it now looks.

    Attributes:
        late_minutes: Minutes behind the plan (negative when ahead).
        projected: Projected start of each item after the current one, by item id.
        projected_end: When the day now ends.
        message: One line for the facilitator, e.g. "Running 12 min late — Lunch now 12:12".
        suggestions: Later flexible items to shorten to catch up, nearest first.
        unrecovered: Minutes the suggestions cannot win back.
    """

    late_minutes: int
    projected: dict[int, datetime]
    projected_end: datetime
    message: str
    suggestions: tuple[Shortening, ...] = ()
    unrecovered: int = 0

    @property
    def advice(self) -> str:
        """The suggestions as one sentence, or "" when there is nothing to recover."""
        if self.late_minutes <= 0:
            return ""
        if not self.suggestions:
            return "No flexible item is left today to shorten."
        recovered = self.late_minutes - self.unrecovered
        text = f"To recover {recovered} min, shorten " + ", ".join(str(s) for s in self.suggestions) + "."
        if self.unrecovered:
            text += f" {self.unrecovered} min cannot be recovered from flexible items."
        return text


def suggest_shortening(
    later: list[ScheduledItem],
    minutes: int,
    adjustments: Mapping[int, float] | None = None,
    max_share: float = MAX_SHARE,
    min_minutes: int = MIN_MINUTES,
) -> tuple[tuple[Shortening, ...], int]:
    """Pick flexible items to shorten, nearest first, so that the lost minutes come back soonest.

    Each item gives up at most ``max_share`` of its planned time in all (cuts already made count)
    and keeps at least ``min_minutes``.

    Args:
        later: Items still to come, in order.
        minutes: Minutes to recover.
        adjustments: Seconds already added to (or taken from) items, by item id.
        max_share: Largest share of an item's planned time that may be cut.
        min_minutes: Shortest an item may become.

    Returns:
        The suggestions and the minutes they leave unrecovered.
    """
    adjustments = adjustments or {}
    needed = max(0, minutes)
    picks = []
    for timed in later:
        if needed <= 0:
            break
        item = timed.item
        if not item.flexible:
            continue
        now_minutes = item.duration + math.floor(adjustments.get(item.id, 0.0) / 60)
        floor = max(min_minutes, item.duration - math.floor(item.duration * max_share))
        cut = min(now_minutes - floor, needed)
        if cut <= 0:
            continue
        picks.append(Shortening(item.id, item.title, cut, now_minutes - cut))
        needed -= cut
    return tuple(picks), needed


def _landmark(later: list[ScheduledItem]) -> ScheduledItem | None:
    """The next meal, else the next break: what people plan their day around."""
    for kind in ("meal", "break"):
        for timed in later:
            if timed.item.kind == kind:
                return timed
    return None


def replan(
    day: DaySchedule,
    current_id: int,
    remaining_seconds: float,
    started: bool,
    now: datetime,
    adjustments: Mapping[int, float] | None = None,
) -> Replan:
    """Project the rest of ``day`` from the current item.

    Lateness is that of the end of the day: cuts already planned for later items count as
    recovered time, so after a recovery the day reads "On time" even if lunch moved.

    Args:
        day: The day being run.
        current_id: The item now on the timer (it must be on ``day``).
        remaining_seconds: Its time left (negative when overrunning).
        started: Whether it has started; an item not yet started is assumed to start at its
            planned time or now, whichever is later.
        now: Local wall-clock time. Only its time of day is used, on the day's own date, so a
            rehearsal on another date plans as if it were that day.
        adjustments: Seconds added to (or cut from) later items in advance, by item id.

    Raises:
        KeyError: ``current_id`` is not on ``day``.
    """
    adjustments = adjustments or {}
    current = day.find(current_id)
    if current is None:
        raise KeyError(current_id)
    now = datetime.combine(day.day.date, now.time())
    begin = now if started else max(now, current.start)
    moment = begin + timedelta(seconds=max(0.0, remaining_seconds))
    later = list(day.items[day.items.index(current) + 1 :])
    projected: dict[int, datetime] = {}
    for timed in later:
        projected[timed.item.id] = moment
        moment += timedelta(minutes=timed.item.duration, seconds=adjustments.get(timed.item.id, 0.0))
    late = round((moment - day.end).total_seconds() / 60)
    landmark = _landmark(later)
    if landmark is not None:
        when = projected[landmark.item.id]
        moved = abs((when - landmark.start).total_seconds()) >= 60
        where = f"{landmark.item.title} {'now' if moved else 'at'} {clock_text(when)}"
    else:
        where = f"day {'now ends' if abs(late) >= 1 else 'ends at'} {clock_text(moment)}"
    if late >= 1:
        message = f"Running {late} min late — {where}"
    elif late <= -1:
        message = f"Running {-late} min early — {where}"
    else:
        message = f"On time — {where}"
    suggestions, unrecovered = suggest_shortening(later, late, adjustments)
    return Replan(late, projected, moment, message, suggestions, unrecovered)
