"""A first layout pass that places every flowable but draws nothing.

A document with a table of contents is laid out at least twice (reportlab's ``multiBuild``): the
first pass only finds the page of every heading, and its pages are thrown away. Drawing them cost
as much as drawing the document: half the time of the 5,000-person report went into pages nobody
saw. :class:`Rehearsal` goes first in such a story; it marks the first pass's canvas, on which the
costly flowables (text blocks, tables) skip their drawing, and it asks for one more pass, so the
rehearsal is never the pass that is saved.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus.doctemplate import IndexingFlowable

__all__ = ["Rehearsal", "rehearsing"]

_MARK = "_facilitator_rehearsal"


def rehearsing(canvas: Any) -> bool:
    """Whether ``canvas`` belongs to a pass whose pages are thrown away (draw nothing on it)."""
    return bool(getattr(canvas, _MARK, False))


class Rehearsal(IndexingFlowable):  # type: ignore[misc]  # reportlab ships no type hints.
    """Zero-size indexing flowable: the first pass is a rehearsal, and it is never the last.

    reportlab asks every indexing flowable of the story, after each pass, whether its page
    numbers are settled; this one says no after the rehearsal, so at least one drawn pass follows
    even in a document whose contents stay empty.
    """

    def __init__(self) -> None:
        super().__init__()
        self.width = self.height = 0
        self._passes = 0

    def beforeBuild(self) -> None:
        """Count the pass about to start."""
        self._passes += 1

    def isSatisfied(self) -> bool:
        """Settled once a drawn pass has been made."""
        return self._passes > 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Takes no room."""
        return 0, 0

    def draw(self) -> None:
        """Mark the canvas of the first pass (this flowable is the first one placed on it)."""
        setattr(self.canv, _MARK, self._passes == 1)
