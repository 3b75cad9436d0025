"""The workshop agenda: dated days of items whose planned times follow each other back to back.

Only durations and order are stored; start and end times are computed from each day's start. That
way moving, inserting or lengthening one item re-times everything after it, and the agenda can
never disagree with itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from facilitator.core.errors import InputError

__all__ = [
    "ITEM_KINDS",
    "KIND_LABELS",
    "LINK_KINDS",
    "AgendaDay",
    "AgendaItem",
    "DaySchedule",
    "ScheduledItem",
    "clock_text",
    "parse_clock",
    "parse_duration",
    "parse_link",
    "schedule",
]

ITEM_KINDS: tuple[str, ...] = (
    "registration",
    "plenary",
    "presentation",
    "panel",
    "breakout",
    "report-back",
    "break",
    "meal",
    "closing",
)

KIND_LABELS: dict[str, str] = {
    "registration": "Registration",
    "plenary": "Plenary",
    "presentation": "Presentation",
    "panel": "Panel",
    "breakout": "Breakout",
    "report-back": "Report-back",
    "break": "Break",
    "meal": "Meal",
    "closing": "Closing",
}

#: What an item may link to: a breakout round (by name) or a board (by its id).
LINK_KINDS: dict[str, str] = {"round": "breakout round", "board": "board"}

_CLOCK = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")
_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*(?:min|m)?)?\s*$")


@dataclass(frozen=True, slots=True)
class AgendaDay:
    """One day of the workshop.

    Attributes:
        id: Database id.
        date: The calendar date.
        start: When the first item begins.
        planned_end: When the day must be over (a warning is shown past it); None for no limit.
        title: Optional name, e.g. "Day 1: definitions and red flags".
    """

    id: int
    date: date
    start: time
    planned_end: time | None = None
    title: str = ""

    @property
    def label(self) -> str:
        """The date as people say it, e.g. "Monday 27 May 2019"."""
        return f"{self.date:%A} {self.date.day} {self.date:%B %Y}"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One session of the agenda.

    Attributes:
        id: Database id.
        day_id: The day it belongs to.
        position: Order within the day (0 first).
        title: What the room sees on the projector.
        kind: One of ``ITEM_KINDS``.
        duration: Planned length in whole minutes.
        lead: Lead, speaker or chair.
        objective: Letter of the workshop objective it serves, or "".
        notes: Anything the facilitator wants at hand.
        link: ``"round:NAME"`` or ``"board:ID"``, or "".
        flexible: May be shortened to recover lost time.
    """

    id: int
    day_id: int
    position: int
    title: str
    kind: str = "plenary"
    duration: int = 30
    lead: str = ""
    objective: str = ""
    notes: str = ""
    link: str = ""
    flexible: bool = False

    def with_changes(self, **values: object) -> AgendaItem:
        """A copy with some fields replaced."""
        return replace(self, **values)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ScheduledItem:
    """An item with its planned start and end."""

    item: AgendaItem
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class DaySchedule:
    """A day with its items timed back to back from the day's start.

    Attributes:
        day: The day.
        number: 1 for the first day of the workshop.
        items: Timed items in order.
    """

    day: AgendaDay
    number: int
    items: tuple[ScheduledItem, ...]

    @property
    def start(self) -> datetime:
        """When the day begins."""
        return datetime.combine(self.day.date, self.day.start)

    @property
    def end(self) -> datetime:
        """When the last item ends (the start when the day is empty)."""
        return self.items[-1].end if self.items else self.start

    @property
    def planned_end(self) -> datetime | None:
        """The limit the day must keep to, if it has one."""
        if self.day.planned_end is None:
            return None
        return datetime.combine(self.day.date, self.day.planned_end)

    @property
    def minutes_over(self) -> int:
        """How many minutes the agenda runs past the day's planned end (0 when it fits)."""
        limit = self.planned_end
        if limit is None or self.end <= limit:
            return 0
        return int((self.end - limit).total_seconds() // 60)

    @property
    def warning(self) -> str:
        """A plain warning when the day runs past its planned end, else ""."""
        over = self.minutes_over
        if not over:
            return ""
        return (
            f"Day {self.number} ({self.day.label}) ends at {clock_text(self.end)}, {over} min after "
            f"its planned end at {clock_text(self.planned_end)}. Shorten or move some items."
        )

    def find(self, item_id: int) -> ScheduledItem | None:
        """The timed item with this id, if it is on this day."""
        return next((s for s in self.items if s.item.id == item_id), None)


def schedule(days: Iterable[AgendaDay], items: Iterable[AgendaItem]) -> list[DaySchedule]:
    """Time every item back to back from its day's start; days in date order, items by position."""
    by_day: dict[int, list[AgendaItem]] = {}
    for item in items:
        by_day.setdefault(item.day_id, []).append(item)
    result = []
    for number, day in enumerate(sorted(days, key=lambda d: d.date), start=1):
        moment = datetime.combine(day.date, day.start)
        timed = []
        for item in sorted(by_day.get(day.id, ()), key=lambda i: (i.position, i.id)):
            end = moment + timedelta(minutes=item.duration)
            timed.append(ScheduledItem(item, moment, end))
            moment = end
        result.append(DaySchedule(day, number, tuple(timed)))
    return result


def clock_text(moment: datetime | time | None) -> str:
    """A time of day as "HH:MM" ("" for none)."""
    return "" if moment is None else f"{moment:%H:%M}"


def parse_clock(text: str, field: str) -> time:
    """Read a time of day written as 8:30, 08:30, 8.30 or 8h30.

    Raises:
        InputError: Naming ``field`` when the text is not a time of day.
    """
    match = _CLOCK.match(text)
    if match:
        hours, minutes = int(match[1]), int(match[2])
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise InputError(f"{field}: '{text}' is not a time of day; write it as HH:MM, for example 08:30.")


def parse_duration(text: str | int, field: str = "Duration") -> int:
    """Read a duration in minutes, written as 45, 45 min, 1h or 1h 15.

    Raises:
        InputError: Naming ``field`` when the text is not a duration of 0–720 minutes.
    """
    if isinstance(text, int):
        minutes = text
    else:
        match = _DURATION.match(text)
        if not match or not text.strip() or not (match[1] or match[2]):
            raise InputError(f"{field}: '{text}' is not a duration; write minutes, for example 45 or 1h 15.")
        minutes = int(match[1] or 0) * 60 + int(match[2] or 0)
    if not 0 <= minutes <= 720:
        raise InputError(f"{field}: {minutes} minutes is not possible; use 0 to 720 minutes.")
    return minutes


def parse_link(text: str, rounds: Sequence[str] = (), boards: Sequence[str] = ()) -> str:
    """Check a link written as ``round:NAME`` or ``board:ID``; returns it tidied, or "".

    Args:
        text: The link as typed.
        rounds: Known breakout round names; when given, the name must be one of them.
        boards: Known board ids; when given, the id must be one of them.

    Raises:
        InputError: The link has no known kind, or names something that does not exist.
    """
    text = text.strip()
    if not text:
        return ""
    kind, sep, target = text.partition(":")
    kind, target = kind.strip().lower(), target.strip()
    if not sep or kind not in LINK_KINDS or not target:
        raise InputError(
            f"Link: '{text}' is not understood; write round:NAME for a breakout round or "
            "board:ID for a board (for example board:labour-to-police), or leave it empty."
        )
    known = rounds if kind == "round" else boards
    if known and target not in known:
        raise InputError(
            f"Link: there is no {LINK_KINDS[kind]} '{target}'; choose one of {', '.join(known)}."
        )
    return f"{kind}:{target}"
