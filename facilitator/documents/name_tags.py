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
from facilitator.documents.label_sheets import LabelBox, LabelSheet
from facilitator.documents.qr import draw_qr
from facilitator.documents.text import ShapedLine, draw_line, shape_line

__all__ = ["Band", "NameTag", "band_of", "draw_name_tag", "write_name_tags"]

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


def _split_words(text: str) -> tuple[str, str]:
    words = text.split()
    best = (text, "")
    best_gap = float("inf")
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        gap = abs(shape_line(first).units - shape_line(second).units)
        if gap < best_gap:
            best, best_gap = (first, second), gap
    return best


def _fitted_lines(
    text: str, width: float, size: float, min_size: float, bold: bool
) -> tuple[list[ShapedLine], float]:
    """One line shrunk to fit, or two balanced lines when one would fall below ``min_size``."""
    line = shape_line(text, bold)
    fitted = line.fit(width, size, 0)
    if fitted >= min_size or len(text.split()) < 2:
        return [line], max(fitted, min_size * 0.6)
    first, second = (shape_line(part, bold) for part in _split_words(text))
    two = min(size * 0.85, first.fit(width, size, 0), second.fit(width, size, 0))
    return [first, second], two


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
    cursor = top - header_size * 0.95
    draw_line(canvas, box.x + w / 2, cursor, header_line, header_size, "center")
    cursor -= header_size * 0.6

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
    baseline = box.y + pad + band_height + 0.05 * h
    canvas.setFillColor(HexColor(_MUTED))
    if person.organisation:
        org_lines, org_size = _fitted_lines(person.organisation, text_width, 0.05 * h, 0.04 * h, False)
        for line in reversed(org_lines):
            draw_line(canvas, left, baseline, line, org_size)
            baseline += org_size * 1.2
        baseline += 0.01 * h
    block_bottom = baseline
    if person.delegation_name:
        canvas.setFillColor(HexColor(_INK))
        delegation = shape_line(person.delegation_name, True)
        delegation_size = delegation.fit(text_width, 0.07 * h, 0.045 * h)
        draw_line(canvas, left, baseline, delegation, delegation_size)
        block_bottom = baseline + delegation_size * 0.8

    # The name block (name, native name) is centred between the header and the delegation, and
    # kept above the QR code, which long centred names would otherwise reach.
    floor = max(block_bottom, box.y + pad + qr_size + 0.02 * h)
    lines, name_size = _fitted_lines(person.name, inner, 0.135 * h, 0.09 * h, True)
    steps = [(line, name_size, name_size * 1.12) for line in lines]
    if person.native_name:
        native = shape_line(person.native_name)
        native_size = native.fit(inner, 0.075 * h, 0.045 * h)
        steps.append((native, native_size, native_size * 1.45))
    block_height = sum(step for _, _, step in steps) + name_size * 0.25
    cursor = min(cursor, (cursor + floor + block_height) / 2)
    canvas.setFillColor(HexColor(_INK))
    for line, size, step in steps:
        cursor -= step
        draw_line(canvas, box.x + w / 2, cursor, line, size, "center")

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
    title: str,
    cut_marks: bool,
    progress: Progress | None = None,
) -> Path:
    """Write badges onto as many sheets as needed, in the order given.

    Args:
        path: Output PDF.
        tags: The badges.
        sheet: Label sheet geometry.
        header: Small line at the top of every badge.
        title: PDF document title.
        cut_marks: Draw crop marks in the page margins.
        progress: Called with (pages done, pages in all).
    """
    from reportlab.pdfgen.canvas import Canvas

    per_page = sheet.per_page
    pages = max(1, -(-len(tags) // per_page))
    with atomic_output(path) as partial:
        canvas = Canvas(str(partial), pagesize=sheet.page_size, pageCompression=1)
        canvas.setTitle(title)
        canvas.setAuthor("Facilitator")
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
