"""The workshop report as PDF: cover, contents, numbered chapters, the guidelines draft, annex."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
from facilitator.documents.contents import MarkFactory, build_with_contents, contents_table
from facilitator.documents.guidelines_pdf import FRAME_WIDTH, guidelines_body
from facilitator.documents.pdf import MUTED, styles, table_style
from facilitator.documents.text import para

__all__ = ["write_report_pdf"]

Progress = Callable[[int, int], None]


def _style(name: str, **changes: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"report-{name}", styles()[name], **changes)


def _table(block: ReportTable) -> Any:
    from reportlab.platypus import Table

    cell = _style("cell", fontSize=8.5, leading=10.5, embeddedHyphenation=1)
    bold = _style("cell_bold", fontSize=8.5, leading=10.5)
    weights = block.widths or (1.0,) * len(block.headers)
    scale = FRAME_WIDTH / sum(weights)
    rows = [[para(h, bold) for h in block.headers]]
    for index, row in enumerate(block.rows):
        style = bold if block.total_row and index == len(block.rows) - 1 else cell
        rows.append([para(value, style) for value in row])
    result = Table(rows, colWidths=[w * scale for w in weights], repeatRows=1, hAlign="LEFT")
    result.setStyle(table_style())
    result.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)])
    return result


def _blocks(number: str, blocks: tuple[Block, ...]) -> list[Any]:
    from reportlab.platypus import Spacer

    body = styles()["body"]
    muted = _style("body", textColor=MUTED)
    subheading = _style("h2", keepWithNext=1)
    story: list[Any] = []
    for block in blocks:
        if isinstance(block, Note):
            story.append(para(block.text, muted if block.muted else body))
        elif isinstance(block, Subheading):
            story.append(para(block.text, subheading))
        elif isinstance(block, ReportTable):
            story += [_table(block), Spacer(1, 6)]
        elif isinstance(block, DraftBlock):
            story += guidelines_body(
                block.draft, block.recommendations, prefix=f"{number}.", heading=subheading
            )
    return story


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
        para(f"Prepared with Facilitator on {report.generated:%d %B %Y at %H:%M}.", s["small"]),
    ]
    return story


def write_report_pdf(path: Path, report: WorkshopReport, progress: Progress | None = None) -> Path:
    """Write the report as an A4 PDF with a contents page."""
    from reportlab.platypus import PageBreak

    numbers = _numbers(report)
    entries = [(f"chapter-{c.key}", _heading_text(c, numbers[c.key])) for c in report.chapters]
    heading = _style("h1", keepWithNext=1)

    def story(pages: Mapping[str, int], mark: MarkFactory) -> list[Any]:
        flowables: list[Any] = [*_cover(report), PageBreak(), para("Contents", heading)]
        flowables.append(contents_table(entries, pages, FRAME_WIDTH))
        for chapter in report.chapters:
            number = numbers[chapter.key]
            starts_page = not chapter.numbered or any(isinstance(b, DraftBlock) for b in chapter.blocks)
            flowables.append(PageBreak() if starts_page or chapter is report.chapters[0] else _gap())
            flowables += [para(_heading_text(chapter, number), heading), mark(f"chapter-{chapter.key}")]
            flowables += _blocks(number, chapter.blocks)
        return flowables

    return build_with_contents(
        path,
        story,
        title=report.info.display_title,
        subtitle="Workshop report",
        progress=progress,
    )


def _gap() -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, 10)
