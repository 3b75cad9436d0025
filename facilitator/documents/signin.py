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
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.pdf import INK, DocumentInfo, build_document, styles
from facilitator.documents.qr import QrFlowable
from facilitator.documents.textblock import Span, para, rich

__all__ = ["QR_SIZE", "write_signin_sheet"]

Progress = Callable[[int, int], None]

#: Side of each row's QR code in points (14 mm: read at arm's length by a USB scanner).
QR_SIZE = 40.0

_HEADERS = ("No.", "Name", "Delegation", "Sex", "Position", "QR code", "Signature")
_WIDTHS = (28, 126, 76, 30, 107, 50, 94)


def _name_cell(person: Participant, style: Any) -> Any:
    spans = [Span(person.name, bold=True)]
    if person.native_name:
        spans.append(Span("\n" + person.native_name))
    return rich(spans, style)


def write_signin_sheet(
    path: Path,
    rows: Sequence[tuple[Participant, str]],
    *,
    workshop: WorkshopInfo,
    day_label: str,
    progress: Progress | None = None,
) -> Path:
    """Write the sign-in sheet of one day.

    Args:
        path: Output PDF.
        rows: (participant, QR code text) in the order to print (by delegation).
        workshop: The workshop (page header and document properties).
        day_label: Which day, e.g. "Day 1 – Monday 27 May 2019".
        progress: Called with (pages done, 0) as pages are laid out.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Spacer

    from facilitator.documents.tables import Row, SectionTable

    style = styles()
    cell, small = style["cell"], style["small"]
    header = [para(h, style["cell_bold"]) for h in _HEADERS]
    table_rows: list[Row] = []
    previous = None
    for number, (person, code) in enumerate(rows, start=1):
        starts_delegation = person.delegation != previous and number > 1
        previous = person.delegation
        # Numbers and F/M/X are plain Latin: the table draws them in its own font, no block needed.
        cells = [
            str(number),
            _name_cell(person, cell),
            para(person.delegation_name, cell),
            person.sex,
            para(person.position, small),
            QrFlowable(code, QR_SIZE),
            "",
        ]
        rule = (("LINEABOVE", (0, 0), (-1, 0), 1.0, HexColor(INK)),) if starts_delegation else ()
        table_rows.append(Row(cells, commands=rule))
    body: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (0, -1), 3),
        ("RIGHTPADDING", (0, 0), (0, -1), 3),
        ("LEFTPADDING", (3, 0), (3, -1), 3),
        ("RIGHTPADDING", (3, 0), (3, -1), 3),
        ("ALIGN", (5, 0), (5, -1), "CENTER"),
        ("TOPPADDING", (5, 0), (5, -1), 2),
        ("BOTTOMPADDING", (5, 0), (5, -1), 2),
        ("BOX", (6, 0), (6, -1), 0.6, HexColor(INK)),
        ("INNERGRID", (6, 0), (6, -1), 0.6, HexColor(INK)),
    ]
    table = SectionTable(header, table_rows, _WIDTHS, title=f"Sign-in sheet, {day_label}", body_commands=body)
    story = [
        para("Sign-in sheet", style["title"]),
        para(day_label, style["subtitle"]),
        para(
            "Please find your name, check the details and sign in the last column. "
            "The desk can scan the QR code in your row if you do not have your name tag.",
            style["small"],
        ),
        Spacer(0, 8),
        table,
    ]
    return build_document(
        path,
        story,
        title=workshop.display_title,
        info=DocumentInfo.of(workshop, f"Sign-in sheet, {day_label}"),
        subtitle=f"Sign-in sheet · {day_label}",
        progress=progress,
    )
