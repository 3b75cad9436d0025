"""The history behind Undo and Redo: each step's inverse statements, and who asked for it.

A workshop has more than one author while the room is open: the facilitator at the desktop and
the groups' phones. Each undo step records its :class:`Origin`, so that the desktop's Undo takes
back the desktop's own last action, and a step is never replayed over rows that another origin
changed after it (the inverse statements restore whole rows, so that would silently revert a
phone's card or a rapporteur's notes).
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.app.changes import topic_of_table
from facilitator.storage.undo import JournalEntry

__all__ = ["DESKTOP", "Origin", "UndoStep", "phone_origin"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Who asked for an action.

    Attributes:
        kind: ``"desktop"`` (the window or the command line) or ``"phone"`` (a group's phone in
            the room). Undo and redo work per kind.
        group: The group a phone acts for, named in the action's label.
    """

    kind: str = "desktop"
    group: str = ""

    def label(self, label: str) -> str:
        """The action's label as Undo names it: a phone's actions say whose they are.

        ``Add red flag`` becomes ``Add red flag (Group 2, phone)``; a label that already names the
        group names it once: ``Vote (Group 2)`` becomes ``Vote (Group 2, phone)`` and ``Edit notes
        of Group 2`` becomes ``Edit notes of Group 2 (phone)``.
        """
        if self.kind == DESKTOP.kind:
            return label
        if not self.group:
            return f"{label} ({self.kind})"
        if label.endswith(f" ({self.group})"):
            return f"{label.removesuffix(f' ({self.group})')} ({self.group}, {self.kind})"
        if self.group in label:
            return f"{label} ({self.kind})"
        return f"{label} ({self.group}, {self.kind})"


#: Actions of the window and of the command line.
DESKTOP = Origin()


def phone_origin(group: str) -> Origin:
    """The origin of an action a group's phone asked for in the room."""
    return Origin("phone", group)


@dataclass(frozen=True, slots=True)
class UndoStep:
    """One undoable action: its label, the inverse statements that reverse it, and who did it.

    Attributes:
        label: Shown as "Undo <label>".
        entries: The inverse statements, in the order they were recorded.
        origin: Who asked for the action; undo and redo go through one origin's steps.
        sequence: When the step was recorded, across the undo and redo lists, so that undoing an
            older step can tell which steps of other origins came after it.
    """

    label: str
    entries: tuple[JournalEntry, ...]
    origin: Origin = DESKTOP
    sequence: int = 0

    @property
    def topics(self) -> frozenset[str]:
        """The topics the step touches."""
        return frozenset(topic_of_table(e.table) for e in self.entries)

    @property
    def rows(self) -> frozenset[tuple[str, int]]:
        """The rows (table, rowid) the step's inverse statements would write."""
        return frozenset(
            (entry.table, target[1]) for entry in self.entries if (target := entry.target()) is not None
        )
