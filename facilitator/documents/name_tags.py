"""Name tags on label sheets: name, native-script name, delegation, organisation, band, QR code.

Every size on a badge is a fraction of the label's height, so one layout serves the 4 × 3 in
Avery 5392 badge and the 80 × 50 mm L4785 label alike. The QR code sits in the bottom-right corner
next to a colour band that names the person's sector or role in words (the colour is a help, never
the only signal: badges are often printed in black and white).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.core.participants import Participant
from facilitator.documents.atomic import atomic_output
from facilitator.documents.fitting import FittedText, fit_text
from facilitator.documents.fonts import SANS, register_fonts
from facilitator.documents.label_sheets import LabelBox, LabelSheet
from facilitator.documents.pdf import DocumentInfo, start_canvas
from facilitator.documents.qr import draw_qr
from facilitator.documents.text import draw_line, shape_line

__all__ = ["NAME_FLOOR", "Band", "NameTag", "band_of", "draw_name_tag", "write_name_tags"]

#: Smallest size a name is set in while the label has room: Noto Sans Bold capitals 4.6 mm high,
#: which a reader with ordinary (20/30) sight reads at two metres, and half as large again as the
#: 12 pt pretix prints names in on labels of 80 × 50 mm and 3⅜ × 2⅓ in.
NAME_FLOOR = 18.0

Progress = Callable[[int, int], None]

_INK = "#1d2433"
_MUTED = "#5b6473"


@dataclass(frozen=True, slots=True)
class Band:
    """The coloured band of a badge: what it says and its colour."""

    label: str
    colour: str


_ROLE_BANDS = {
    "resource": Band("RESOURCE PERSON", "#8b1e3f"),
    "facilitator": Band("FACILITATOR", "#8b1e3f"),
    "organiser": Band("ORGANISER", "#c0561a"),
    "staff": Band("STAFF", "#555d66"),
}
_SECTOR_BANDS = {
    "labour": Band("LABOUR", "#1b7f5a"),
    "law-enforcement": Band("LAW ENFORCEMENT", "#1f3f8f"),
    "asean": Band("ASEAN", "#9a6a00"),
    "partner": Band("PARTNER", "#6a3d9a"),
    "organiser": Band("ORGANISER", "#c0561a"),
}
_DEFAULT_BAND = Band("PARTICIPANT", "#5b6473")


def band_of(person: Participant) -> Band:
    """A band by role when the role matters at the desk (resource person, organiser, staff),
    otherwise by sector."""
    return _ROLE_BANDS.get(person.role) or _SECTOR_BANDS.get(person.sector) or _DEFAULT_BAND


@dataclass(frozen=True, slots=True)
class NameTag:
    """What one badge shows.

    Attributes:
        participant: The person.
        code: Text of their check-in QR code.
    """

    participant: Participant
    code: str


def _organisation(person: Participant) -> str:
    """The organisation, unless the delegation line already says it (an organisation that is its
    own delegation, "ILO" over "International Labour Organization" says it once is enough only
    when they are the same words)."""
    organisation = " ".join(person.organisation.split())
    delegation = " ".join(person.delegation_name.split())
    if organisation.casefold() in (delegation.casefold(), person.delegation.casefold()):
        return ""
    return organisation


def _draw_block(canvas: Any, block: FittedText, x: float, top: float, align: str) -> float:
    """Draw fitted lines from ``top`` down; returns the bottom of the block."""
    for line in block.lines:
        top -= block.step
        draw_line(canvas, x, top + block.step - block.size * 0.9, line, block.size, align)
    return top


def draw_name_tag(canvas: Any, box: LabelBox, tag: NameTag, header: str) -> None:
    """Draw one badge inside ``box``.

    Args:
        canvas: A reportlab canvas.
        box: The label's rectangle.
        tag: Who and which code.
        header: Small line at the top (the workshop's short title and dates).
    """
    from reportlab.lib.colors import HexColor, white

    person = tag.participant
    h, w = box.height, box.width
    pad = max(0.055 * h, 6.0)
    inner = w - 2 * pad
    left, right, top = box.x + pad, box.x + w - pad, box.y + h - pad
    qr_size = min(0.38 * h, 0.26 * w)
    gap = 0.03 * h

    canvas.setFillColor(HexColor(_MUTED))
    header_line = shape_line(header)
    header_size = header_line.fit(inner, 0.05 * h, 4.5)
    draw_line(canvas, box.x + w / 2, top - header_size * 0.95, header_line, header_size, "center")
    cursor = top - header_size * 1.4

    band = band_of(person)
    band_height = 0.14 * h
    band_right = right - qr_size - gap
    canvas.setFillColor(HexColor(band.colour))
    canvas.rect(left, box.y + pad, band_right - left, band_height, stroke=0, fill=1)
    canvas.setFillColor(white)
    band_line = shape_line(band.label, True)
    band_size = band_line.fit(band_right - left - 2 * gap, 0.065 * h, 4.5)
    draw_line(canvas, left + gap, box.y + pad + (band_height - band_size * 0.72) / 2, band_line, band_size)

    text_width = band_right - left
    bottom = box.y + pad + band_height + 0.035 * h
    lower: list[tuple[FittedText, str]] = []
    organisation = _organisation(person)
    if organisation:
        lower.append(
            (
                fit_text(
                    organisation,
                    text_width,
                    0.13 * h,
                    size=0.05 * h,
                    floor=0.04 * h,
                    bold=False,
                    max_lines=2,
                    gap=1.2,
                ),
                _MUTED,
            )
        )
    if person.delegation_name:
        lower.append(
            (
                fit_text(
                    person.delegation_name, text_width, 0.09 * h, size=0.07 * h, floor=0.05 * h, max_lines=1
                ),
                _INK,
            )
        )
    block_bottom = bottom
    for block, colour in lower:
        canvas.setFillColor(HexColor(colour))
        _draw_block(canvas, block, left, block_bottom + block.height, "left")
        block_bottom += block.height + 0.01 * h

    # The name block (name, native name) is centred between the header and the delegation, and
    # kept above the QR code, which long centred names would otherwise reach.
    floor = max(block_bottom, box.y + pad + qr_size + 0.02 * h)
    room = cursor - floor
    native = None
    if person.native_name:
        native = fit_text(
            person.native_name,
            inner,
            0.4 * room,
            size=0.075 * h,
            floor=0.05 * h,
            bold=False,
            max_lines=2,
            gap=1.35,
        )
    name_room = room - (native.height if native else 0)
    name = fit_text(person.name, inner, name_room, size=0.135 * h, floor=NAME_FLOOR)
    used = name.height + (native.height if native else 0)
    block_top = cursor - (room - used) / 2
    canvas.setFillColor(HexColor(_INK))
    block_top = _draw_block(canvas, name, box.x + w / 2, block_top, "center")
    if native:
        _draw_block(canvas, native, box.x + w / 2, block_top, "center")

    draw_qr(canvas, tag.code, right - qr_size, box.y + pad, qr_size)


def _draw_cut_marks(canvas: Any, sheet: LabelSheet) -> None:
    """Crop marks in the page margins, in line with every label edge (for a guillotine or a ruler)."""
    from reportlab.lib.colors import HexColor

    canvas.setStrokeColor(HexColor(_INK))
    canvas.setLineWidth(0.4)
    xs, ys = sheet.column_edges(), sheet.row_edges()
    grid_left, grid_right, grid_bottom, grid_top = xs[0], xs[-1], ys[0], ys[-1]
    offset = 3.0

    def length(space: float) -> float:
        return min(14.0, space - offset - 4)

    top, bottom = length(sheet.page_height - grid_top), length(grid_bottom)
    left, right = length(grid_left), length(sheet.page_width - grid_right)
    for x in xs:
        if top >= 4:
            canvas.line(x, grid_top + offset, x, grid_top + offset + top)
        if bottom >= 4:
            canvas.line(x, grid_bottom - offset, x, grid_bottom - offset - bottom)
    for y in ys:
        if left >= 4:
            canvas.line(grid_left - offset, y, grid_left - offset - left, y)
        if right >= 4:
            canvas.line(grid_right + offset, y, grid_right + offset + right, y)


def write_name_tags(
    path: Path,
    tags: Sequence[NameTag],
    sheet: LabelSheet,
    *,
    header: str,
    info: DocumentInfo,
    cut_marks: bool,
    progress: Progress | None = None,
) -> Path:
    """Write badges onto as many sheets as needed, in the order given.

    Args:
        path: Output PDF.
        tags: The badges.
        sheet: Label sheet geometry.
        header: Small line at the top of every badge.
        info: The PDF's properties.
        cut_marks: Draw crop marks in the page margins.
        progress: Called with (pages done, pages in all).
    """
    from reportlab.pdfgen.canvas import Canvas

    per_page = sheet.per_page
    pages = max(1, -(-len(tags) // per_page))
    register_fonts()
    with atomic_output(path) as partial:
        canvas = Canvas(
            str(partial),
            pagesize=sheet.page_size,
            pageCompression=1,
            initialFontName=SANS,
            lang=info.language,
        )
        start_canvas(canvas, info)
        for page in range(pages):
            for index, tag in enumerate(tags[page * per_page : (page + 1) * per_page]):
                draw_name_tag(canvas, sheet.box(index), tag, header)
            if cut_marks:
                _draw_cut_marks(canvas, sheet)
            canvas.showPage()
            if progress:
                progress(page + 1, pages)
        canvas.save()
    return Path(path)
