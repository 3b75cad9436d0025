"""What the board page says about the board's state: its banner and the voting group's dots."""

from __future__ import annotations

from facilitator.core.boards import BoardSnapshot

__all__ = ["banner_text", "dots_text"]


def banner_text(snapshot: BoardSnapshot) -> str:
    """Locked, silent writing, cards held back from the projector; else the board's description."""
    board = snapshot.board
    notes = []
    if board.locked:
        notes.append("This board is locked: cards and votes cannot change (Ctrl+L to unlock).")
    if board.hidden:
        notes.append("Silent writing: new cards stay off the projector until you reveal them.")
    hidden = sum(1 for card in snapshot.cards if not card.revealed)
    if hidden:
        notes.append(f"{hidden} card{'s are' if hidden != 1 else ' is'} hidden from the projector.")
    return " ".join(notes) or board.description


def dots_text(snapshot: BoardSnapshot, group: str) -> str:
    """The dots the voting group has left, or how to start voting."""
    group = group.strip()
    if not group:
        return "Choose the voting group to place dots (+ and − on a card)."
    budget = snapshot.board.group_budget
    return f"{group}: {budget - snapshot.dots_spent(group)} of {budget} dots left"
