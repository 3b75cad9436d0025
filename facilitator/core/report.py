"""The workshop report as plain content: chapters of notes, sub-headings, tables and the draft.

The application layer gathers each chapter from the capability that owns the data (agenda,
roster and check-in, groups, boards, guidelines) and turns it into these neutral blocks; the PDF
writer only lays them out. So a capability can change its own types without touching the report's
layout, and a chapter with no data is simply a note that says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from facilitator.core.guidelines import GuidelinesDraft
from facilitator.core.reference import Recommendation
from facilitator.core.workshop import WorkshopInfo

__all__ = [
    "Block",
    "DraftBlock",
    "Note",
    "ReportChapter",
    "ReportTable",
    "Subheading",
    "WorkshopReport",
    "table",
]


@dataclass(frozen=True, slots=True)
class Note:
    """A paragraph; ``muted`` for "nothing was recorded" messages."""

    text: str
    muted: bool = False


@dataclass(frozen=True, slots=True)
class Subheading:
    """A heading inside a chapter (a day, a round, a board, a group).

    Attributes:
        text: The heading.
        level: 1 under the chapter heading, 2 under a level-1 heading (a group in a round).
    """

    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A table with a header row.

    Attributes:
        headers: Column titles.
        rows: Cell texts, one tuple per row, as long as ``headers``.
        widths: Relative column widths (any scale); equal when empty.
        total_row: Print the last row in bold (a total).
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    total_row: bool = False

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.headers):
                raise ValueError(f"A report row has {len(row)} cells for {len(self.headers)} columns: {row}")


@dataclass(frozen=True, slots=True)
class DraftBlock:
    """The guidelines draft, printed with its sections numbered inside the chapter."""

    draft: GuidelinesDraft
    recommendations: tuple[Recommendation, ...]


Block = Note | Subheading | ReportTable | DraftBlock


@dataclass(frozen=True, slots=True)
class ReportChapter:
    """One numbered chapter (or the annex).

    Attributes:
        key: Stable name ("agenda", "attendance" …), used for the contents and by tests.
        title: Heading.
        blocks: Content in order.
        numbered: False for the annex, which is lettered rather than numbered.
    """

    key: str
    title: str
    blocks: tuple[Block, ...]
    numbered: bool = True


@dataclass(frozen=True, slots=True)
class WorkshopReport:
    """Everything the report prints.

    Attributes:
        info: The workshop's identity, for the cover.
        generated: When the report was made.
        at_a_glance: (label, value) pairs for the cover.
        chapters: Chapters in order.
    """

    info: WorkshopInfo
    generated: datetime
    at_a_glance: tuple[tuple[str, str], ...]
    chapters: tuple[ReportChapter, ...] = field(default_factory=tuple)

    def chapter(self, key: str) -> ReportChapter | None:
        """A chapter by key."""
        return next((c for c in self.chapters if c.key == key), None)


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float] = (),
    *,
    total_row: bool = False,
) -> ReportTable:
    """A :class:`ReportTable` from any values (numbers become text)."""
    return ReportTable(
        tuple(headers),
        tuple(tuple("" if v is None else str(v) for v in row) for row in rows),
        tuple(widths),
        total_row,
    )
