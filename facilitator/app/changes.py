"""The small value every command returns: which parts of the workshop it changed.

Views compare the topics with what they show and refresh only when it matters (Anki's
``OpChanges``). Tables are named ``<topic>_<thing>`` so that an undo, which only knows the tables
it touched, can tell views the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "AGENDA",
    "BOARDS",
    "CHECKIN",
    "GROUPS",
    "GUIDELINES",
    "ROSTER",
    "TIMER",
    "TOPICS",
    "WORKSHOP",
    "Changes",
    "topic_of_table",
]

WORKSHOP = "workshop"
ROSTER = "roster"
AGENDA = "agenda"
TIMER = "timer"
GROUPS = "groups"
BOARDS = "boards"
GUIDELINES = "guidelines"
CHECKIN = "checkin"
TOPICS = (WORKSHOP, ROSTER, AGENDA, TIMER, GROUPS, BOARDS, GUIDELINES, CHECKIN)

_TABLE_TOPICS = {"participants": ROSTER, "meta": WORKSHOP}


def topic_of_table(table: str) -> str:
    """The topic a table belongs to: its name up to the first underscore, or a known exception."""
    return _TABLE_TOPICS.get(table, table.split("_", 1)[0])


@dataclass(frozen=True, slots=True)
class Changes:
    """What one action changed.

    Attributes:
        topics: The parts of the workshop that changed (see ``TOPICS``).
        label: The action's name, as shown in Undo/Redo menu items.
        everything: Set when a whole new workshop was loaded.
    """

    topics: frozenset[str] = frozenset()
    label: str = ""
    everything: bool = False

    @classmethod
    def of(cls, label: str, topics: Iterable[str]) -> Changes:
        """Changes to the given topics."""
        return cls(frozenset(topics), label)

    @classmethod
    def all(cls, label: str = "") -> Changes:
        """Everything changed (a workshop was opened)."""
        return cls(frozenset(TOPICS), label, everything=True)

    def touches(self, *topics: str) -> bool:
        """Whether any of the given topics changed."""
        return self.everything or any(t in self.topics for t in topics)
