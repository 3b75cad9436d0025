"""Attendance report for donors: who came each day, by sex, delegation and sector.

The TRIANGLE programme asks for 50% women per delegation and an explanation from delegations that
fall short, so each day's delegation table flags those under the target and lists them below it.
The same tables are written to XLSX for the donor's own spreadsheets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.core.attendance import AttendanceLine, AttendanceSummary
from facilitator.documents.atomic import atomic_output
from facilitator.documents.pdf import build_document, styles, table_style
from facilitator.documents.text import para

__all__ = ["DayAttendance", "write_attendance_pdf", "write_attendance_xlsx"]

Progress = Callable[[int, int], None]

_COLUMNS = ("Registered", "Women", "Men", "Other / not given", "Present", "Women's share", "")
_FLAG_FILL = "#fbe3c2"


@dataclass(frozen=True, slots=True)
class DayAttendance:
    """One day's attendance, ready to print.

    Attributes:
        day: Workshop day, from 1.
        label: "Day 1 – Monday 27 May 2019".
        summary: The counts.
    """

    day: int
    label: str
    summary: AttendanceSummary


def _flag(line: AttendanceLine) -> str:
    return f"under {round(line.target * 100)}%" if line.below_target else ""


def _values(line: AttendanceLine) -> list[object]:
    return [
        line.expected_total,
        line.women_present,
        line.men_present,
        line.others_present,
        line.present_total,
        f"{line.women_share:.0%}" if line.present_total else "–",
    ]


def _table(first_header: str, lines: Sequence[AttendanceLine], total: AttendanceLine, flags: bool) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table

    style = styles()
    header = [Paragraph(h, style["cell_bold"]) for h in (first_header, *_COLUMNS[:-1])]
    if flags:
        header.append(Paragraph("Target", style["cell_bold"]))
    rows: list[list[Any]] = [header]
    for line in lines:
        rows.append([para(line.label, style["cell"]), *_values(line)] + ([_flag(line)] if flags else []))
    rows.append([Paragraph("Total", style["cell_bold"]), *_values(total)] + ([""] if flags else []))
    widths = [130, 62, 48, 38, 60, 50, 55] + ([62] if flags else [])
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("ALIGN", (1, 1), (6, -1), "RIGHT"),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor("#1d2433")),
        ("FONT", (1, -1), (-1, -1), "NotoSans-Bold", 9),
    ]
    for index, line in enumerate(lines, start=1):
        if flags and line.below_target:
            commands.append(("BACKGROUND", (0, index), (-1, index), HexColor(_FLAG_FILL)))
    table.setStyle(table_style())
    table.setStyle(commands)
    return table


def _day_story(report: DayAttendance, women_target: float) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    style = styles()
    summary = report.summary
    total = summary.total
    story: list[Any] = [para(report.label, style["h1"])]
    if total.present_total == 0:
        story.append(Paragraph("No check-ins were recorded on this day.", style["body"]))
        return story
    story.append(
        Paragraph(
            f"{total.present_total} of {total.expected_total} registered participants attended: "
            f"{total.women_present} women, {total.men_present} men"
            + (f", {total.others_present} other or not given" if total.others_present else "")
            + f". Women's share: {total.women_share:.0%}.",
            style["body"],
        )
    )
    story.append(
        KeepTogether(
            [
                Paragraph("By delegation", style["h2"]),
                _table("Delegation", summary.by_delegation, total, True),
            ]
        )
    )
    below = summary.below_target
    target = f"{round(women_target * 100)}%"
    if below:
        names = ", ".join(line.label for line in below)
        story.append(Spacer(0, 4))
        story.append(
            para(
                f"Delegations under the {target} women's target on this day: {names}. "
                "The programme asks these delegations for a short explanation.",
                style["body"],
            )
        )
    else:
        story.append(
            Paragraph(f"Every delegation present reached the {target} women's target.", style["body"])
        )
    story.append(
        KeepTogether([Paragraph("By sector", style["h2"]), _table("Sector", summary.by_sector, total, False)])
    )
    return story


def write_attendance_pdf(
    path: Path,
    reports: Sequence[DayAttendance],
    *,
    title: str,
    full_title: str,
    women_target: float,
    progress: Progress | None = None,
) -> Path:
    """Write the attendance report, one section per day.

    Args:
        path: Output PDF.
        reports: The days to report.
        title: The workshop's short title (page header).
        full_title: The workshop's full title (under the document title).
        women_target: Share of women each delegation is asked to reach.
        progress: Called with (pages done, 0) as pages are laid out.
    """
    from reportlab.platypus import CondPageBreak, Paragraph

    style = styles()
    story: list[Any] = [Paragraph("Attendance report", style["title"]), para(full_title, style["subtitle"])]
    for index, report in enumerate(reports):
        if index:
            story.append(CondPageBreak(300))
        story += _day_story(report, women_target)
    return build_document(path, story, title=title, subtitle="Attendance report", progress=progress)


def write_attendance_xlsx(path: Path, reports: Sequence[DayAttendance], *, title: str) -> Path:
    """Write the same tables to a workbook, one sheet per day."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    flag_fill = PatternFill("solid", fgColor=_FLAG_FILL.lstrip("#"))
    for report in reports:
        sheet = book.create_sheet(f"Day {report.day}")
        sheet.append([title])
        sheet.append([report.label])
        sheet["A1"].font = Font(bold=True, size=13)
        summary = report.summary
        for first, lines, flags in (
            ("Delegation", summary.by_delegation, True),
            ("Sector", summary.by_sector, False),
        ):
            sheet.append([])
            sheet.append([first, *_COLUMNS[:-1]] + (["Target"] if flags else []))
            for cell in sheet[sheet.max_row]:
                cell.font = bold
            for line in (*lines, summary.total):
                share = round(line.women_share, 4) if line.present_total else None
                label = "Total" if line is summary.total else line.label
                values = [label, *_values(line)[:5], share] + ([_flag(line)] if flags else [])
                sheet.append(values)
                sheet.cell(sheet.max_row, 7).number_format = "0%"
                if flags and line.below_target and line is not summary.total:
                    for cell in sheet[sheet.max_row]:
                        cell.fill = flag_fill
        sheet.column_dimensions["A"].width = 34
        for column in "BCDEFGH":
            sheet.column_dimensions[column].width = 14
    with atomic_output(path) as partial:
        book.save(partial)
    return Path(path)
