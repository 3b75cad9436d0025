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
from facilitator.documents.fitting import FittedText, fit_text
from facilitator.documents.fonts import SANS, register_fonts
from facilitator.documents.pdf import DocumentInfo, start_canvas
from facilitator.documents.text import draw_line, shape_line

__all__ = ["NAME_FLOOR", "draw_tent_card", "write_tent_cards"]

Progress = Callable[[int, int], None]

_INK = "#1d2433"
_MUTED = "#5b6473"
_RULE = "#c9ced6"


#: Smallest size a name is set in on a tent card while the card has room: capitals 10 mm high,
#: read across a meeting room (four to five metres), not only across the table.
NAME_FLOOR = 40.0


def _draw_face(canvas: Any, width: float, height: float, person: Participant, header: str) -> None:
    """One face in local coordinates: (0, 0) is the table edge's left corner, ``height`` the fold.

    The name (up to three balanced lines), the native name and the delegation are stacked and
    centred a little above the middle of the face, between the footer line and the fold.
    """
    from reportlab.lib.colors import HexColor

    margin = 0.05 * width
    inner = width - 2 * margin
    room_top, room_bottom = 0.94 * height, 0.16 * height
    room = room_top - room_bottom
    blocks: list[tuple[FittedText, str]] = []
    delegation = native = None
    if person.delegation_name:
        delegation = fit_text(
            person.delegation_name,
            inner,
            0.12 * room,
            size=0.085 * height,
            floor=0.05 * height,
            max_lines=1,
            gap=1.3,
        )
    if person.native_name:
        native = fit_text(
            person.native_name,
            inner,
            0.3 * room,
            size=0.13 * height,
            floor=0.06 * height,
            bold=False,
            max_lines=2,
            gap=1.4,
        )
    rest = sum(block.height for block in (delegation, native) if block)
    name = fit_text(person.name, inner, room - rest, size=0.25 * height, floor=NAME_FLOOR, gap=1.15)
    blocks.append((name, _INK))
    if native:
        blocks.append((native, _INK))
    if delegation:
        blocks.append((delegation, _MUTED))
    total = sum(block.height for block, _ in blocks)
    top = min(room_top, height * 0.56 + total / 2)
    for block, colour in blocks:
        canvas.setFillColor(HexColor(colour))
        for line in block.lines:
            draw_line(canvas, width / 2, top - block.size * 0.95, line, block.size, "center")
            top -= block.step
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
    info: DocumentInfo,
    progress: Progress | None = None,
) -> Path:
    """One A4 landscape page per person, in the order given.

    Args:
        path: Output PDF.
        people: Whom to print cards for.
        header: Small line under the name (workshop title and dates).
        info: The PDF's properties.
        progress: Called with (pages done, pages in all).
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    width, height = landscape(A4)
    register_fonts()
    with atomic_output(path) as partial:
        canvas = Canvas(
            str(partial),
            pagesize=(width, height),
            pageCompression=1,
            initialFontName=SANS,
            lang=info.language,
        )
        start_canvas(canvas, info)
        for index, person in enumerate(people, start=1):
            draw_tent_card(canvas, width, height, person, header)
            canvas.showPage()
            if progress:
                progress(index, len(people))
        canvas.save()
    return Path(path)
