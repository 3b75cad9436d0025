"""Per-day sign-in sheet: one row per participant, sorted by delegation, with a QR code and a box
to sign.

The QR code on the sheet lets the desk check in someone who forgot their badge by scanning their
row; the signature is what the donors' finance rules ask for. The header repeats on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from facilitator.core.participants import Participant
from facilitator.documents.pdf import INK, build_document, styles, table_style
from facilitator.documents.qr import QrFlowable
from facilitator.documents.text import markup, para

__all__ = ["QR_SIZE", "write_signin_sheet"]

Progress = Callable[[int, int], None]

#: Side of each row's QR code in points (14 mm: read at arm's length by a USB scanner).
QR_SIZE = 40.0

_HEADERS = ("No.", "Name", "Delegation", "Sex", "Position", "QR code", "Signature")
_WIDTHS = (28, 126, 76, 26, 111, 50, 94)


def _name_cell(person: Participant, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    text = markup(person.name, bold=True)
    if person.native_name:
        text += "<br/>" + markup(person.native_name)
    return Paragraph(text, style)


def write_signin_sheet(
    path: Path,
    rows: Sequence[tuple[Participant, str]],
    *,
    title: str,
    day_label: str,
    progress: Progress | None = None,
) -> Path:
    """Write the sign-in sheet of one day.

    Args:
        path: Output PDF.
        rows: (participant, QR code text) in the order to print (by delegation).
        title: The workshop's title, in the page header.
        day_label: Which day, e.g. "Day 1 – Monday 27 May 2019".
        progress: Called with (pages done, 0) as pages are laid out.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Spacer, Table

    style = styles()
    cell, small = style["cell"], style["small"]
    data: list[list[Any]] = [[Paragraph(h, style["cell_bold"]) for h in _HEADERS]]
    delegation_starts = []
    previous = None
    for number, (person, code) in enumerate(rows, start=1):
        if person.delegation != previous and number > 1:
            delegation_starts.append(number)
        previous = person.delegation
        data.append(
            [
                Paragraph(str(number), cell),
                _name_cell(person, cell),
                para(person.delegation_name, cell),
                Paragraph(person.sex, cell),
                para(person.position, small),
                QrFlowable(code, QR_SIZE),
                "",
            ]
        )
    table = Table(data, colWidths=_WIDTHS, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (0, -1), 3),
        ("RIGHTPADDING", (0, 0), (0, -1), 3),
        ("LEFTPADDING", (3, 0), (3, -1), 3),
        ("RIGHTPADDING", (3, 0), (3, -1), 3),
        ("ALIGN", (5, 1), (5, -1), "CENTER"),
        ("TOPPADDING", (5, 1), (5, -1), 2),
        ("BOTTOMPADDING", (5, 1), (5, -1), 2),
        ("BOX", (6, 1), (6, -1), 0.6, HexColor(INK)),
        ("INNERGRID", (6, 1), (6, -1), 0.6, HexColor(INK)),
    ]
    commands += [("LINEABOVE", (0, row), (-1, row), 1.0, HexColor(INK)) for row in delegation_starts]
    table.setStyle(table_style())
    table.setStyle(commands)
    story = [
        Paragraph("Sign-in sheet", style["title"]),
        para(day_label, style["subtitle"]),
        Paragraph(
            "Please find your name, check the details and sign in the last column. "
            "The desk can scan the QR code in your row if you do not have your name tag.",
            style["small"],
        ),
        Spacer(0, 8),
        table,
    ]
    return build_document(
        path, story, title=title, subtitle=f"Sign-in sheet · {day_label}", progress=progress
    )
