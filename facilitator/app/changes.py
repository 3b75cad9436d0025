"""The small value every command returns: which parts of the workshop it changed, down to the rows.

Views compare the topics with what they show and refresh only when it matters (Anki's
``OpChanges``). Tables are named ``<topic>_<thing>`` so that an undo, which only knows the tables
it touched, can tell views the same thing. The rows come from the undo journal's inverse statements,
so every action, undo and redo says which rows it inserted, updated and deleted without each
command having to list them: a view updates those rows and keeps its selection and current cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from facilitator.storage.undo import JournalEntry

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
    "RowChanges",
    "Topic",
    "row_changes_from_journal",
    "topic_of_table",
]


class Topic(StrEnum):
    """A part of the workshop that a view may show."""

    WORKSHOP = "workshop"
    ROSTER = "roster"
    AGENDA = "agenda"
    TIMER = "timer"
    GROUPS = "groups"
    BOARDS = "boards"
    GUIDELINES = "guidelines"
    CHECKIN = "checkin"


WORKSHOP = Topic.WORKSHOP
ROSTER = Topic.ROSTER
AGENDA = Topic.AGENDA
TIMER = Topic.TIMER
GROUPS = Topic.GROUPS
BOARDS = Topic.BOARDS
GUIDELINES = Topic.GUIDELINES
CHECKIN = Topic.CHECKIN
TOPICS = tuple(Topic)

_TABLE_TOPICS = {"participants": ROSTER, "meta": WORKSHOP}


def topic_of_table(table: str) -> Topic:
    """The topic a table belongs to: its name up to the first underscore, or a known exception."""
    return _TABLE_TOPICS.get(table) or Topic(table.split("_", 1)[0])


@dataclass(frozen=True, slots=True)
class RowChanges:
    """The rows of one table that an action inserted, updated and deleted (by rowid)."""

    inserted: frozenset[int] = frozenset()
    updated: frozenset[int] = frozenset()
    deleted: frozenset[int] = frozenset()

    @property
    def all(self) -> frozenset[int]:
        """Every row touched, in whatever way."""
        return self.inserted | self.updated | self.deleted


_NO_ROWS: Mapping[str, RowChanges] = MappingProxyType({})


def row_changes_from_journal(entries: Iterable[JournalEntry]) -> dict[str, RowChanges]:
    """What the rows went through, read off the inverse statements that would undo it.

    A row's first inverse statement says whether it existed before the action (only an insert is
    undone by a DELETE), its last whether it exists after (only a delete is undone by an INSERT).
    So a row inserted and then edited in one action counts as inserted, and one inserted and
    deleted again counts as nothing.
    """
    seen: dict[str, dict[int, tuple[bool, bool]]] = {}
    for entry in entries:
        target = entry.target()
        if target is None:
            continue
        verb, row = target
        rows = seen.setdefault(entry.table, {})
        existed_before = rows[row][0] if row in rows else verb != "DELETE"
        rows[row] = (existed_before, verb != "INSERT")
    result = {}
    for table, rows in seen.items():
        result[table] = RowChanges(
            inserted=frozenset(r for r, (before, after) in rows.items() if after and not before),
            updated=frozenset(r for r, (before, after) in rows.items() if before and after),
            deleted=frozenset(r for r, (before, after) in rows.items() if before and not after),
        )
    return result


@dataclass(frozen=True, slots=True)
class Changes:
    """What one action changed.

    Attributes:
        topics: The parts of the workshop that changed.
        label: The action's name, as shown in Undo/Redo menu items.
        everything: Set when a whole new workshop was loaded.
        rows: Per table, the rows inserted, updated and deleted; a table missing here was not
            written at all. ``None`` when the rows are not known (a workshop was opened, or
            several changes were gathered while a view was hidden): views reload the topics.
    """

    topics: frozenset[Topic] = frozenset()
    label: str = ""
    everything: bool = False
    rows: Mapping[str, RowChanges] | None = field(default_factory=lambda: _NO_ROWS, compare=False)

    @classmethod
    def of(cls, label: str, topics: Iterable[str], rows: Mapping[str, RowChanges] | None = None) -> Changes:
        """Changes to the given topics (and, when known, rows)."""
        return cls(frozenset(Topic(t) for t in topics), label, rows=MappingProxyType(dict(rows or {})))

    @classmethod
    def all(cls, label: str = "") -> Changes:
        """Everything changed (a workshop was opened)."""
        return cls(frozenset(TOPICS), label, everything=True, rows=None)

    def merged(self, other: Changes) -> Changes:
        """Both changes as one, for a view that was hidden while they happened: topics only (rows
        ``None``), so the view reloads what it shows of them."""
        everything = self.everything or other.everything
        return Changes(self.topics | other.topics, other.label, everything, rows=None)

    def touches(self, *topics: str) -> bool:
        """Whether any of the given topics changed."""
        return self.everything or any(t in self.topics for t in topics)

    def rows_of(self, table: str) -> RowChanges | None:
        """The rows of ``table`` that changed, or ``None`` when a view must reload it whole.

        ``None`` means the rows are not known (see ``rows``); an empty :class:`RowChanges` means
        the table was not written.
        """
        if self.everything or self.rows is None:
            return None
        return self.rows.get(table, RowChanges())
