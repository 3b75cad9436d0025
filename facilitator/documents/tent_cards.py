"""Table tent cards: one A4 landscape sheet per person, folded in half along its long side.

The lower half is printed upright and the upper half upside down, so that once folded into a tent
the name reads correctly from both sides of the table: facing the room, and facing the person
(which helps colleagues who sit beside them too).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from facilitator.core.participants import Participant
from facilitator.documents.atomic import atomic_output
from facilitator.documents.text import draw_line, shape_line

__all__ = ["draw_tent_card", "write_tent_cards"]

Progress = Callable[[int, int], None]

_INK = "#1d2433"
_MUTED = "#5b6473"
_RULE = "#c9ced6"


def _draw_face(canvas: Any, width: float, height: float, person: Participant, header: str) -> None:
    """One face in local coordinates: (0, 0) is the table edge's left corner, ``height`` the fold."""
    from reportlab.lib.colors import HexColor

    margin = 0.05 * width
    inner = width - 2 * margin
    name = shape_line(person.name, True)
    name_size = name.fit(inner, 0.25 * height, 0.1 * height)
    lines = [(name, name_size, _INK)]
    if person.native_name:
        native = shape_line(person.native_name)
        lines.append((native, native.fit(inner, 0.13 * height, 0.06 * height), _INK))
    if person.delegation_name:
        delegation = shape_line(person.delegation_name, True)
        lines.append((delegation, delegation.fit(inner, 0.085 * height, 0.05 * height), _MUTED))
    block = sum(size * 1.3 for _, size, _ in lines)
    cursor = height * 0.56 + block / 2
    for line, size, colour in lines:
        cursor -= size * 1.3
        canvas.setFillColor(HexColor(colour))
        draw_line(canvas, width / 2, cursor + size * 0.25, line, size, "center")
    canvas.setFillColor(HexColor(_MUTED))
    footer = shape_line(header)
    draw_line(canvas, width / 2, 0.09 * height, footer, footer.fit(inner, 9, 6), "center")


def draw_tent_card(
    canvas: Any, page_width: float, page_height: float, person: Participant, header: str
) -> None:
    """Draw both faces of a tent card and the fold line on the current page."""
    from reportlab.lib.colors import HexColor

    half = page_height / 2
    _draw_face(canvas, page_width, half, person, header)
    canvas.saveState()
    canvas.translate(page_width, page_height)
    canvas.rotate(180)
    _draw_face(canvas, page_width, half, person, header)
    canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColor(HexColor(_RULE))
    canvas.setLineWidth(0.5)
    canvas.setDash(4, 4)
    canvas.line(0, half, page_width, half)
    canvas.restoreState()


def write_tent_cards(
    path: Path,
    people: Sequence[Participant],
    *,
    header: str,
    title: str,
    progress: Progress | None = None,
) -> Path:
    """One A4 landscape page per person, in the order given.

    Args:
        path: Output PDF.
        people: Whom to print cards for.
        header: Small line under the name (workshop title and dates).
        title: PDF document title.
        progress: Called with (pages done, pages in all).
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    width, height = landscape(A4)
    with atomic_output(path) as partial:
        canvas = Canvas(str(partial), pagesize=(width, height), pageCompression=1)
        canvas.setTitle(title)
        canvas.setAuthor("Facilitator")
        for index, person in enumerate(people, start=1):
            draw_tent_card(canvas, width, height, person, header)
            canvas.showPage()
            if progress:
                progress(index, len(people))
        canvas.save()
    return Path(path)
