"""What the plenary and the documents show: the referral matrix and each group's output."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.boards._model import UNSORTED, Board, Category, GroupNotes
from facilitator.core.boards._snapshot import BoardSnapshot, RedFlag

__all__ = ["GroupOutput", "MatrixSection", "consolidate", "count_by_category", "group_outputs"]


@dataclass(frozen=True, slots=True)
class MatrixSection:
    """One category of the referral matrix with its red flags, most votes first."""

    board: Board
    category: Category
    flags: tuple[RedFlag, ...]


def consolidate(snapshots: Iterable[BoardSnapshot], revealed_only: bool = False) -> list[MatrixSection]:
    """The plenary referral matrix: for each board, each category with its red flags ranked by votes.

    Categories keep the board's order (the six core ILO indicators are marked, not moved); cards
    still unsorted come last so that nothing written is lost from the record. Empty categories are
    kept, because an indicator nobody raised is itself worth seeing in plenary.
    """
    sections: list[MatrixSection] = []
    for snapshot in snapshots:
        by_category: dict[str, list[RedFlag]] = {}
        for flag in snapshot.ranked(revealed_only=revealed_only):
            by_category.setdefault(flag.category, []).append(flag)
        for category in snapshot.board.categories:
            sections.append(MatrixSection(snapshot.board, category, tuple(by_category.get(category.key, ()))))
        if by_category.get(UNSORTED):
            sections.append(
                MatrixSection(snapshot.board, snapshot.board.category(UNSORTED), tuple(by_category[UNSORTED]))
            )
    return sections


def count_by_category(snapshot: BoardSnapshot) -> Counter[str]:
    """How many standing cards each category holds (for column headings)."""
    return Counter(card.category for card in snapshot.visible_cards())


@dataclass(frozen=True, slots=True)
class GroupOutput:
    """What one group produced on a board: its cards and its rapporteur's notes.

    Attributes:
        board: The board.
        group: The group's label.
        cards: The group's cards in column order, each as written (a card merged into another
            keeps its own text and names the card it joined).
        notes: The rapporteur's notes (empty when none were written).
    """

    board: Board
    group: str
    cards: tuple[RedFlag, ...]
    notes: GroupNotes


def group_outputs(
    snapshot: BoardSnapshot, notes: Iterable[GroupNotes], groups: Iterable[str] = ()
) -> list[GroupOutput]:
    """Each group's output on a board.

    The groups named first (a breakout round's) come first, then every other group that wrote a
    card or notes. Cards written in plenary (no group) are nobody's group output; the matrix has
    them.
    """
    notes_by_group = {n.group: n for n in notes}
    names = dict.fromkeys(g for g in groups if g)
    names.update(dict.fromkeys(c.group for c in snapshot.cards if c.group))
    names.update(dict.fromkeys(notes_by_group))
    keys = [c.key for c in snapshot.board.categories] + [UNSORTED]
    order = {key: index for index, key in enumerate(keys)}
    outputs = []
    for group in names:
        cards = sorted(
            (c for c in snapshot.cards if c.group == group),
            key=lambda c: (order.get(c.category, len(order)), c.id),
        )
        outputs.append(
            GroupOutput(
                snapshot.board,
                group,
                tuple(snapshot.red_flag(c.id) for c in cards),
                notes_by_group.get(group, GroupNotes(snapshot.board.id, group)),
            )
        )
    return outputs
