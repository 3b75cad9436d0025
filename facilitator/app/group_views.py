"""A breakout round as every screen, document and command reads it, and whom it is formed from.

A round is formed from the whole roster, from the people checked in on a day (what a facilitator
wants at 9:05 when a third of the room has not arrived), or from a selection. The round remembers
which, so that its *waiting* people are the right ones: for a round of the people present, those
checked in since it was formed; for a roster round, people added to the roster since.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from facilitator.core.errors import NotFoundError
from facilitator.core.grouping import (
    Eligibility,
    GroupingQuality,
    GroupingRequest,
    evaluate,
    proofs_from_text,
)
from facilitator.core.participants import Participant
from facilitator.storage import agenda_store, checkin_store, groups_store, roster_store
from facilitator.storage.groups_store import StoredRound

__all__ = [
    "PRESENT",
    "ROSTER",
    "SELECTION",
    "RoundView",
    "Who",
    "breakouts",
    "history",
    "load_view",
    "people_for",
    "present_ids",
    "round_request",
    "waiting_after_check_in",
]

#: Everyone on the roster who takes part in groups.
ROSTER = "roster"
#: Those of them checked in on a given day.
PRESENT = "present"
#: People chosen by hand.
SELECTION = "selection"


@dataclass(frozen=True, slots=True)
class Who:
    """Whom a round is formed from.

    Attributes:
        source: ``ROSTER``, ``PRESENT`` or ``SELECTION``.
        day: The workshop day whose check-ins count (``PRESENT`` only).
        ids: The people chosen (``SELECTION`` only).
    """

    source: str = ROSTER
    day: int | None = None
    ids: tuple[int, ...] = field(default=())

    @classmethod
    def present(cls, day: int) -> Who:
        """The people checked in on ``day``."""
        return cls(PRESENT, day)

    @classmethod
    def selection(cls, ids: tuple[int, ...] | list[int]) -> Who:
        """These people."""
        return cls(SELECTION, None, tuple(ids))

    def describe(self) -> str:
        """ "Checked in on day 1", "Whole roster" or "Selected people"."""
        if self.source == PRESENT:
            return f"Checked in on day {self.day}"
        return "Selected people" if self.source == SELECTION else "Whole roster"


def present_ids(conn: sqlite3.Connection, day: int) -> list[int]:
    """Participants checked in on a day, in the order they arrived."""
    return [scan.participant_id for scan in checkin_store.load_scans(conn, day)]


def people_for(
    conn: sqlite3.Connection, who: Who, eligibility: Eligibility, roster: list[Participant]
) -> tuple[Participant, ...]:
    """The people a round takes: eligible ones of the roster or of those present, or the selection."""
    if who.source == SELECTION:
        chosen = set(who.ids)
        return tuple(p for p in roster if p.id in chosen)
    if who.source == PRESENT and who.day is not None:
        here = set(present_ids(conn, who.day))
        return eligibility.select(p for p in roster if p.id in here)
    return eligibility.select(roster)


@dataclass(frozen=True, slots=True)
class RoundView:
    """A round as the page, the CLI and the documents show it.

    Attributes:
        round: The stored round.
        groups: Members of each group, in their stored order.
        pinned: Ids of pinned members.
        unplaced: People waiting for a group: for a round of the people present, those checked in
            since it was formed (in the order they arrived); for a roster round, people added to
            the roster since. "Add late arrivals" places them.
        quality: Each objective against its bound, counts against fair share, what does not hold.
        agenda_title: Title of the linked agenda item, or "".
        arrivals: Members who joined late, with the number of the batch that placed them.
    """

    round: StoredRound
    groups: tuple[tuple[Participant, ...], ...]
    pinned: frozenset[int]
    unplaced: tuple[Participant, ...]
    quality: GroupingQuality
    agenda_title: str
    arrivals: dict[int, int] = field(default_factory=dict)

    @property
    def id(self) -> int:
        """The round's id."""
        return self.round.id

    @property
    def name(self) -> str:
        """The round's name."""
        return self.round.name

    @property
    def locked(self) -> bool:
        """Whether the round is locked."""
        return self.round.locked

    @property
    def who(self) -> Who:
        """Whom the round was formed from (a selection is its members)."""
        ids = tuple(p.id for group in self.groups for p in group) if self.round.source == SELECTION else ()
        return Who(self.round.source, self.round.day, ids)

    def place(self, number: int) -> str:
        """Where group ``number`` (0-based) meets, or ""."""
        places = self.round.places
        return places[number] if number < len(places) else ""

    def roles(self, number: int) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
        """The facilitators and the rapporteurs of group ``number`` (0-based)."""
        members = self.groups[number]
        return (
            tuple(p for p in members if p.role == "facilitator"),
            tuple(p for p in members if p.role == "rapporteur"),
        )

    def latest_arrivals(self) -> tuple[tuple[Participant, int], ...]:
        """The people of the most recent "Add late arrivals", with the group (0-based) each joined."""
        if not self.arrivals:
            return ()
        newest = max(self.arrivals.values())
        return tuple(
            (person, number)
            for number, members in enumerate(self.groups)
            for person in members
            if self.arrivals.get(person.id) == newest
        )

    def as_json(self) -> dict[str, object]:
        """The shape promised by ``groups assign --json`` (with where groups meet and who is late)."""
        return {
            "round": self.name,
            "source": self.round.source,
            "day": self.round.day,
            "groups": [
                {
                    "name": name,
                    "place": self.place(number),
                    "members": [p.id for p in members],
                    "joined_late": [p.id for p in members if p.id in self.arrivals],
                }
                for number, (name, members) in enumerate(
                    zip(self.round.group_names, self.groups, strict=True)
                )
            ],
            "waiting": [p.id for p in self.unplaced],
            "quality": self.quality.as_json(),
        }


def history(conn: sqlite3.Connection, before: int | None) -> list[list[list[int]]]:
    """Groups of the rounds before position ``before`` (all rounds when None)."""
    earlier = [r for r in groups_store.load_rounds(conn) if before is None or r.position < before]
    return [groups_store.load_members(conn, r.id)[0] for r in earlier]


def breakouts(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Agenda items of kind "breakout" as (id, title), in agenda order."""
    return [(item.id, item.title) for item in agenda_store.load_items(conn) if item.kind == "breakout"]


def _waiting(
    conn: sqlite3.Connection, stored: StoredRound, roster: dict[int, Participant], placed: set[int]
) -> tuple[Participant, ...]:
    if stored.source == SELECTION:
        return ()
    if stored.source == PRESENT and stored.day is not None:
        arrived = [roster[pid] for pid in present_ids(conn, stored.day) if pid in roster]
        return tuple(p for p in Eligibility().select(arrived) if p.id not in placed)
    return tuple(p for p in Eligibility().select(roster.values()) if p.id not in placed)


def waiting_after_check_in(conn: sqlite3.Connection, stored: StoredRound) -> tuple[Participant, ...]:
    """Who waits for a group of a round of the people present, read without the whole report: a
    check-in changes only this, and the page must follow a busy desk without re-evaluating."""
    if stored.source != PRESENT or stored.day is None:
        return ()
    placed = {pid for group in groups_store.load_members(conn, stored.id)[0] for pid in group}
    new = [pid for pid in present_ids(conn, stored.day) if pid not in placed]
    people = []
    for pid in new:
        try:
            people.append(roster_store.load_participant(conn, pid))
        except NotFoundError:
            continue
    return Eligibility().select(people)


def round_request(
    conn: sqlite3.Connection,
    stored: StoredRound,
    members: list[list[int]],
    pinned: frozenset[int],
    roster: dict[int, Participant],
) -> GroupingRequest:
    """The request the round's groups answer now: its members, pins, keep-apart pairs, earlier rounds."""
    placed = {pid for group in members for pid in group}
    return GroupingRequest.build(
        [roster[pid] for group in members for pid in group if pid in roster],
        max(1, len(members)),
        mode=stored.mode,
        seed=stored.seed,
        pins=[(pid, g) for g, group in enumerate(members) for pid in group if pid in pinned],
        apart=[(a, b) for a, b in groups_store.load_apart(conn) if a in placed and b in placed],
        history=history(conn, stored.position),
    )


def load_view(conn: sqlite3.Connection, stored: StoredRound) -> RoundView:
    """A round with its groups, report and waiting people, read through ``conn``."""
    roster = {p.id: p for p in roster_store.load_participants(conn)}
    members, pinned = groups_store.load_members(conn, stored.id)
    placed = {pid for group in members for pid in group}
    request = round_request(conn, stored, members, pinned, roster)
    proofs = proofs_from_text(request, len(members), stored.proofs)
    quality = evaluate(request, members, proofs)
    title = ""
    if stored.agenda_item is not None:
        title = next((t for i, t in breakouts(conn) if i == stored.agenda_item), "")
    groups = tuple(tuple(roster[pid] for pid in group) for group in members)
    unplaced = _waiting(conn, stored, roster, placed)
    arrivals = groups_store.load_arrivals(conn, stored.id)
    return RoundView(stored, groups, pinned, unplaced, quality, title, arrivals)
