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
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.atomic import atomic_output
from facilitator.documents.pdf import DocumentInfo, build_document, styles
from facilitator.documents.spreadsheets import write_xlsx_row
from facilitator.documents.tables import Headed, Row, SectionTable
from facilitator.documents.textblock import Outline, para

__all__ = ["LEGEND", "DayAttendance", "write_attendance_pdf", "write_attendance_xlsx"]

Progress = Callable[[int, int], None]

_COLUMNS = (
    "Registered",
    "Present: women",
    "Present: men",
    "Present: other or not given",
    "Present: total",
    "Women's share of those present",
)
#: What each column counts, printed under every day's heading and in the workbook.
LEGEND = (
    "Registered: people on the roster in the group. Present: those checked in at the desk on the "
    "day, by sex. Women's share: women among those present. Staff and drivers who support the "
    "workshop are not participants and are left out of every count."
)
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


def _table(
    title: str, first_header: str, lines: Sequence[AttendanceLine], total: AttendanceLine, flags: bool
) -> SectionTable:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_RIGHT

    style = styles()
    number = style["cell"].clone("number", alignment=TA_RIGHT)
    number_bold = style["cell_bold"].clone("number_bold", alignment=TA_RIGHT)
    header = [para(h, style["cell_bold"]) for h in (first_header, *_COLUMNS)]
    if flags:
        header.append(para("Target", style["cell_bold"]))
    rows: list[Row] = []
    for line in lines:
        cells = [para(line.label, style["cell"]), *(para(str(v), number) for v in _values(line))]
        fill = (("BACKGROUND", (0, 0), (-1, 0), HexColor(_FLAG_FILL)),) if flags and line.below_target else ()
        rows.append(Row(cells + ([para(_flag(line), style["cell"])] if flags else []), commands=fill))
    rule = (("LINEABOVE", (0, 0), (-1, 0), 0.8, HexColor("#1d2433")),)
    cells = [para("Total", style["cell_bold"]), *(para(str(v), number_bold) for v in _values(total))]
    rows.append(Row(cells + ([""] if flags else []), commands=rule))
    widths = [116, 58, 50, 50, 56, 50, 70] + ([56] if flags else [])
    return SectionTable(header, rows, widths, title=title, padding=4)


def _day_story(report: DayAttendance, women_target: float) -> list[Any]:
    from reportlab.platypus import Spacer

    style = styles()
    summary = report.summary
    total = summary.total
    heading = para(report.label, style["h1"], outline=Outline(0, f"day-{report.day}", report.label))
    if total.present_total == 0:
        return [heading, para("No check-ins were recorded on this day.", style["body"])]
    story: list[Any] = [heading, para(LEGEND, style["small"]), Spacer(0, 4)]
    story.append(
        para(
            f"{total.present_total} of {total.expected_total} registered participants attended: "
            f"{total.women_present} women, {total.men_present} men"
            + (f", {total.others_present} other or not given" if total.others_present else "")
            + f". Women's share: {total.women_share:.0%}.",
            style["body"],
        )
    )
    title = f"{report.label}: by delegation"
    story.append(
        Headed(
            [para("By delegation", style["h2"])],
            _table(title, "Delegation", summary.by_delegation, total, True),
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
        story.append(para(f"Every delegation present reached the {target} women's target.", style["body"]))
    title = f"{report.label}: by sector"
    story.append(
        Headed([para("By sector", style["h2"])], _table(title, "Sector", summary.by_sector, total, False))
    )
    return story


def write_attendance_pdf(
    path: Path,
    reports: Sequence[DayAttendance],
    *,
    workshop: WorkshopInfo,
    progress: Progress | None = None,
) -> Path:
    """Write the attendance report, one section per day.

    Args:
        path: Output PDF.
        reports: The days to report.
        workshop: The workshop (titles, women's target, document properties).
        progress: Called with (pages done, 0) as pages are laid out.
    """
    from reportlab.platypus import CondPageBreak

    style = styles()
    story: list[Any] = [para("Attendance report", style["title"]), para(workshop.title, style["subtitle"])]
    for index, report in enumerate(reports):
        if index:
            story.append(CondPageBreak(300))
        story += _day_story(report, workshop.women_target)
    return build_document(
        path,
        story,
        title=workshop.display_title,
        info=DocumentInfo.of(workshop, "Attendance report"),
        subtitle="Attendance report",
        progress=progress,
    )


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
        write_xlsx_row(sheet, [title])
        sheet.append([report.label])
        sheet.append([LEGEND])
        sheet["A1"].font = Font(bold=True, size=13)
        summary = report.summary
        for first, lines, flags in (
            ("Delegation", summary.by_delegation, True),
            ("Sector", summary.by_sector, False),
        ):
            sheet.append([])
            for cell in write_xlsx_row(sheet, [first, *_COLUMNS] + (["Target"] if flags else [])):
                cell.font = bold
            for line in (*lines, summary.total):
                share = round(line.women_share, 4) if line.present_total else None
                label = "Total" if line is summary.total else line.label
                values = [label, *_values(line)[:5], share] + ([_flag(line)] if flags else [])
                cells = write_xlsx_row(sheet, values)
                cells[6].number_format = "0%"
                if flags and line.below_target and line is not summary.total:
                    for cell in cells:
                        cell.fill = flag_fill
        sheet.column_dimensions["A"].width = 34
        for column in "BCDEFGH":
            sheet.column_dimensions[column].width = 14
    with atomic_output(path) as partial:
        book.save(partial)
    return Path(path)
