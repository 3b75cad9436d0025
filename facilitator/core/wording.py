"""Small pieces of interface English shared by every layer."""

from __future__ import annotations

__all__ = ["counted"]


def counted(number: int, noun: str) -> str:
    """ "1 card", "3 cards", "0 cards": a count with its noun, plural unless the count is one.

    Every noun the app counts takes a plain -s, so no table of irregular plurals is kept.
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"
