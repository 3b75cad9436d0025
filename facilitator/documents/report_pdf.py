"""The workshop report as PDF: cover, contents, numbered chapters, the guidelines draft, annex."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator.core.report import (
    Block,
    DraftBlock,
    Note,
    ReportChapter,
    ReportTable,
    Subheading,
    WorkshopReport,
)
from facilitator.documents.guidelines_pdf import FRAME_WIDTH, guidelines_body
from facilitator.documents.pdf import (
    MUTED,
    DocumentInfo,
    build_document,
    contents_flowable,
    styles,
    table_style,
)
from facilitator.documents.tables import Headed, Row, SectionTable
from facilitator.documents.textblock import Outline, para

__all__ = ["write_report_pdf"]

Progress = Callable[[int, int], None]


def _style(name: str, **changes: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"report-{name}", styles()[name], **changes)


def _table(block: ReportTable, title: str) -> SectionTable:
    cell = _style("cell", fontSize=8.5, leading=10.5)
    bold = _style("cell_bold", fontSize=8.5, leading=10.5)
    weights = block.widths or (1.0,) * len(block.headers)
    scale = FRAME_WIDTH / sum(weights)
    rows = []
    for index, row in enumerate(block.rows):
        style = bold if block.total_row and index == len(block.rows) - 1 else cell
        rows.append(Row([para(value, style) for value in row]))
    return SectionTable(
        [para(h, bold) for h in block.headers], rows, [w * scale for w in weights], title=title, padding=3
    )


def _blocks(number: str, key: str, blocks: tuple[Block, ...]) -> list[Any]:
    """The chapter's flowables: every subheading a bookmark, kept with the table under it."""
    from reportlab.platypus import Spacer

    body = styles()["body"]
    muted = _style("body", textColor=MUTED)
    subheadings = {
        1: _style("h2", keepWithNext=1),
        2: _style("h2", fontSize=10.5, leading=13.5, keepWithNext=1),
    }
    story: list[Any] = []
    pending: list[Any] = []
    title = ""
    for index, block in enumerate(blocks):
        if isinstance(block, Subheading):
            outline = Outline(block.level, f"{key}-{index}", block.text, contents=False)
            pending.append(para(block.text, subheadings.get(block.level, subheadings[2]), outline=outline))
            title = block.text
            continue
        if isinstance(block, ReportTable):
            story += [
                Headed(pending, _table(block, title)) if pending else _table(block, title),
                Spacer(1, 6),
            ]
            pending = []
            continue
        story += pending
        pending = []
        if isinstance(block, Note):
            story.append(para(block.text, muted if block.muted else body))
        elif isinstance(block, DraftBlock):
            story += guidelines_body(
                block.draft,
                block.recommendations,
                prefix=f"{number}.",
                heading=subheadings[1],
                level=1,
                contents=False,
            )
    return story + pending


def _numbers(report: WorkshopReport) -> dict[str, str]:
    numbers: dict[str, str] = {}
    count = 0
    for chapter in report.chapters:
        if chapter.numbered:
            count += 1
            numbers[chapter.key] = str(count)
        else:
            numbers[chapter.key] = "Annex"
    return numbers


def _heading_text(chapter: ReportChapter, number: str) -> str:
    return f"{number}. {chapter.title}" if chapter.numbered else f"{number}: {chapter.title}"


def _cover(report: WorkshopReport) -> list[Any]:
    from reportlab.platypus import Spacer, Table

    s = styles()
    info = report.info
    story: list[Any] = [Spacer(1, 90), para("Workshop report", _style("subtitle", spaceAfter=4))]
    story.append(para(info.title, _style("title", fontSize=22, leading=28)))
    for line in (info.host, ", ".join(p for p in (info.venue, info.dates_label) if p)):
        if line:
            story.append(para(line, s["subtitle"]))
    story.append(Spacer(1, 24))
    if report.at_a_glance:
        rows = [[para(label, s["cell"]), para(value, s["cell_bold"])] for label, value in report.at_a_glance]
        glance = Table(rows, colWidths=[220, 160], hAlign="LEFT")
        glance.setStyle(table_style(header_rows=0))
        story += [para("At a glance", s["h2"]), glance]
    story += [
        Spacer(1, 30),
        para(f"Prepared on {report.generated:%d %B %Y at %H:%M}.", s["small"]),
    ]
    return story


def write_report_pdf(path: Path, report: WorkshopReport, progress: Progress | None = None) -> Path:
    """Write the report as an A4 PDF: cover, linked contents, chapters; every chapter and
    subheading (each round and group of the annex) a bookmark."""
    from reportlab.platypus import PageBreak, Spacer

    numbers = _numbers(report)
    heading = _style("h1", keepWithNext=1)
    story: list[Any] = [*_cover(report), PageBreak(), para("Contents", heading), contents_flowable()]
    for index, chapter in enumerate(report.chapters):
        number = numbers[chapter.key]
        starts_page = (
            index == 0 or not chapter.numbered or any(isinstance(b, DraftBlock) for b in chapter.blocks)
        )
        story.append(PageBreak() if starts_page else Spacer(1, 10))
        title = _heading_text(chapter, number)
        story.append(para(title, heading, outline=Outline(0, f"chapter-{chapter.key}", title)))
        story += _blocks(number, chapter.key, chapter.blocks)
    return build_document(
        path,
        story,
        title=report.info.display_title,
        info=DocumentInfo.of(report.info, "Workshop report"),
        subtitle="Workshop report",
        progress=progress,
    )
