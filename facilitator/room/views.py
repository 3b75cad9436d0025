"""What a phone is shown: built here, in one place, so that nothing else can leak.

A phone receives the board's title, description and categories, its own group's cards (hidden ones
included, marked as not yet on the projector) and the other groups' revealed cards, with votes.
It never receives a card's author, another group's name, the roster, or anything from the
workshop beyond that board. Tests check these views field by field.
"""

from __future__ import annotations

from typing import Any

from facilitator.core.boards import BoardSnapshot, GroupNotes, RedFlagCard
from facilitator.room.access import RAPPORTEUR, Device

__all__ = [
    "NOTE_FIELDS",
    "board_view",
    "device_dots",
    "device_view",
    "dots_left",
    "notes_view",
    "standing_dots",
]

#: The rapporteur's three boxes, in the order the phone shows them.
NOTE_FIELDS = ("summary", "disagreements", "questions")


def _visible_to(card: RedFlagCard, group: str) -> bool:
    return card.group == group or card.revealed


def board_view(snapshot: BoardSnapshot, group: str) -> dict[str, Any]:
    """The board as one group's phones see it (the same for every phone of the group)."""
    board = snapshot.board
    ours: dict[int, int] = {}
    for dot in snapshot.dots:
        if dot.group == group:
            # A dot placed before its card was merged counts on the card it joined.
            holder = snapshot.holder(dot.card_id).id
            ours[holder] = ours.get(holder, 0) + 1
    cards = []
    for card in snapshot.visible_cards():
        if not _visible_to(card, group):
            continue
        merged = [c.text for c in snapshot.merged_cards(card.id) if _visible_to(c, group)]
        cards.append(
            {
                "id": card.id,
                "text": card.text,
                "category": card.category,
                "evidence": card.evidence,
                "refer_to": card.refer_to,
                "ours": card.group == group,
                "revealed": card.revealed,
                "votes": snapshot.total_votes(card.id),
                "our_dots": ours.get(card.id, 0),
                "merged": merged,
            }
        )
    return {
        "group": group,
        "board": {
            "title": board.title,
            "description": board.description,
            "hidden": board.hidden,
            "locked": board.locked,
            "group_budget": board.group_budget,
        },
        "categories": [
            {"key": c.key, "label": c.label, "core": c.core, "description": c.description}
            for c in board.categories
        ],
        "cards": cards,
    }


def standing_dots(snapshot: BoardSnapshot) -> dict[str, dict[int, int]]:
    """Each group's dots on each card, counted once per snapshot (every phone's state needs them)."""
    standing: dict[str, dict[int, int]] = {}
    for dot in snapshot.dots:
        cards = standing.setdefault(dot.group, {})
        cards[dot.card_id] = cards.get(dot.card_id, 0) + 1
    return standing


def device_dots(
    snapshot: BoardSnapshot, device: Device, standing: dict[str, dict[int, int]] | None = None
) -> dict[int, int]:
    """The device's dots still standing on each card of the board.

    A phone's own count can only say what it placed; the workshop says what is left (the
    facilitator may have removed a card or its dots), so each count is capped by the group's
    dots actually on that card.

    Args:
        snapshot: The board.
        device: The phone.
        standing: :func:`standing_dots` of the snapshot, if already counted.
    """
    board = snapshot.board.id
    ours = (standing if standing is not None else standing_dots(snapshot)).get(device.group, {})
    return {
        card: min(count, ours.get(card, 0))
        for (on_board, card), count in device.dots.items()
        if on_board == board and ours.get(card, 0)
    }


def dots_left(
    snapshot: BoardSnapshot, device: Device, budget: int, standing: dict[str, dict[int, int]] | None = None
) -> int:
    """Dots this phone may still place: its own budget and its group's, whichever runs out first."""
    standing = standing if standing is not None else standing_dots(snapshot)
    mine = sum(device_dots(snapshot, device, standing).values())
    group_left = snapshot.board.group_budget - sum(standing.get(device.group, {}).values())
    return max(0, min(budget - mine, group_left))


def device_view(
    snapshot: BoardSnapshot,
    device: Device,
    budget: int,
    version: int,
    standing: dict[str, dict[int, int]] | None = None,
) -> dict[str, Any]:
    """What is particular to one phone: its group and role, its dots, the board's version."""
    standing = standing if standing is not None else standing_dots(snapshot)
    return {
        "version": version,
        "group": device.group,
        "rapporteur": device.role == RAPPORTEUR,
        "phone": device.number,
        "dots_left": dots_left(snapshot, device, budget, standing),
        "dots_per_phone": budget,
        "my_dots": {str(card): count for card, count in device_dots(snapshot, device, standing).items()},
    }


def notes_view(notes: GroupNotes) -> dict[str, str]:
    """A group's notes, as the rapporteur's phone edits them."""
    return {name: getattr(notes, name) for name in NOTE_FIELDS}
