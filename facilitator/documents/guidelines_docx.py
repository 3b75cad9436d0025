"""The guidelines draft as a Word document that officials keep editing after the workshop.

Everything uses Word's own building blocks so that the file edits well: the built-in Title and
Heading styles (they drive Word's navigation pane and contents), a real contents field, ordinary
tables with a repeated header row, and page numbers as fields. DRAFT, the version and its date sit
in the page header, where an editor changes them in one place. The contents field lists the
headings as written; Word adds page numbers when the user chooses Update Field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from facilitator.core.guidelines import STATUS_LABELS, GuidelinesDraft, Section
from facilitator.core.reference import Recommendation
from facilitator.core.user_text import clean_line
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.atomic import atomic_output
from facilitator.documents.docx_text import SIZES, add_text, apply_house_styles

__all__ = ["ACTION_HEADINGS", "TRIGGER_HEADINGS", "write_guidelines_docx"]

ACTION_HEADINGS: tuple[tuple[str, float], ...] = (
    ("No.", 1.1),
    ("Key action", 3.9),
    ("Lead agency", 2.5),
    ("Partners", 2.4),
    ("Timeframe", 2.2),
    ("Manila rec.", 1.5),
    ("Group", 1.6),
    ("Status", 1.8),
)
TRIGGER_HEADINGS: tuple[tuple[str, float], ...] = (
    ("Red flag", 4.6),
    ("Indicator or violation", 3.2),
    ("Evidence to secure", 4.4),
    ("Refer to", 2.8),
    ("Votes", 2.0),
)
_HEADER_FILL = "E8EDF4"
_MUTED = (0x5B, 0x64, 0x73)

Progress = Callable[[int, int], None]


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _field_runs(paragraphs: Sequence[Any], instruction: str, results: Sequence[str]) -> None:
    """Write a complex field (PAGE, NUMPAGES, TOC …) over one or more paragraphs.

    ``results`` is the field's cached result, one line per paragraph: what Word and other editors
    show until the field is updated (a contents field lists the headings before it has page
    numbers).
    """
    first, last = paragraphs[0], paragraphs[-1]
    first.add_run()._r.append(_element("w:fldChar", fldCharType="begin"))
    instr = _element("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    first.add_run()._r.append(instr)
    first.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))
    for paragraph, text in zip(paragraphs, results, strict=True):
        add_text(paragraph, text)
    last.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


def _page_setup(document: Any, header_text: str, footer_text: str) -> None:
    from docx.shared import Cm, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    header = section.header.paragraphs[0]
    mark = header.add_run("DRAFT  ")
    mark.bold = True
    mark.font.color.rgb = RGBColor(0xB0, 0x1C, 0x1C)
    add_text(header, header_text, size=9)
    footer = section.footer.paragraphs[0]
    add_text(footer, f"{footer_text} · Page ", size=9)
    _field_runs([footer], "PAGE", ["1"])
    footer.add_run(" of ")
    _field_runs([footer], "NUMPAGES", ["1"])


def _properties(document: Any, info: WorkshopInfo, title: str, moment: datetime) -> None:
    """Title, subject, author (the host, not this program), language and today's date: the
    template python-docx starts from is dated 2013 and signed "python-docx"."""
    properties = document.core_properties
    properties.title = clean_line(title)
    properties.subject = clean_line(info.title)
    properties.author = properties.last_modified_by = clean_line(info.host or info.display_title)
    keywords = ", ".join(part for part in ("Guidelines draft", info.code, info.venue) if part)
    properties.keywords = clean_line(keywords)
    properties.language = "en-GB"
    properties.category = "Draft"
    properties.comments = "Working draft for discussion; not adopted."
    properties.created = properties.modified = moment.astimezone(UTC).replace(tzinfo=None)
    properties.revision = 1


def _shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=fill))


def _table(document: Any, headings: Sequence[tuple[str, float]], rows: list[list[str]]) -> Any:
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.autofit = False
    header_row = table.rows[0]
    header_row._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
    for cell, (heading, _) in zip(header_row.cells, headings, strict=True):
        add_text(cell.paragraphs[0], heading, bold=True, size=SIZES["Table"])
        _shade(cell, _HEADER_FILL)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            add_text(cell.paragraphs[0], value, size=SIZES["Table"])
    # Word reads each cell's width, LibreOffice the table grid: set both.
    for column, (_, width) in zip(table.columns, headings, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    return table


def _section(document: Any, number: int, section: Section, draft: GuidelinesDraft) -> None:

    add_text(document.add_paragraph(style="Heading 1"), f"{number}. {section.title}")
    for text in (p for p in section.body.split("\n\n") if p.strip()):
        add_text(document.add_paragraph(), text)
    triggers = draft.triggers_in(section.id)
    actions = draft.actions_in(section.id)
    if not (section.body.strip() or triggers or actions):
        add_text(
            document.add_paragraph(), f"[{section.hint or 'Text to be written.'}]", italic=True, colour=_MUTED
        )
    if triggers:
        add_text(document.add_paragraph(style="Heading 2"), "Referral triggers")
        rows = [[t.red_flag, t.category, t.evidence, t.refer_to, str(t.votes)] for t in triggers]
        _table(document, TRIGGER_HEADINGS, rows)
    if actions:
        add_text(document.add_paragraph(style="Heading 2"), "Key actions")
        rows = [
            [
                f"{number}.{index}",
                a.action,
                a.lead_agency,
                a.partners,
                a.timeframe,
                a.recommendations_label,
                a.source_group,
                STATUS_LABELS[a.status],
            ]
            for index, a in enumerate(actions, start=1)
        ]
        _table(document, ACTION_HEADINGS, rows)


def write_guidelines_docx(
    path: Path,
    info: WorkshopInfo,
    draft: GuidelinesDraft,
    recommendations: Sequence[Recommendation],
    progress: Progress | None = None,
    now: Callable[[], datetime] = datetime.now,
) -> Path:
    """Write the draft as a .docx file with real headings, a contents field and key-action tables,
    in the PDF's fonts and sizes; its properties carry the host as author and today's date.

    Args:
        path: Output file.
        info: The workshop.
        draft: The draft.
        recommendations: Every known Manila recommendation (the cited ones are listed).
        progress: Called with (sections done, sections in all).
        now: Clock for the document's created and modified dates; injectable for tests.
    """
    from docx import Document

    document = Document()
    version = draft.current_version
    version_text = f"{version.label} of {version.created.day} {version.created:%B %Y}" if version else ""
    _properties(document, info, draft.title, now())
    apply_house_styles(document)
    _page_setup(document, f"{draft.title} — {version_text}", info.display_title)
    add_text(document.add_paragraph(style="Title"), draft.title)
    where = ", ".join(part for part in (info.venue, info.dates_label) if part)
    add_text(document.add_paragraph(style="Subtitle"), info.title + (f" — {where}" if where else ""))
    if version is not None:
        add_text(document.add_paragraph(), f"Draft {version_text}", bold=True)
    add_text(
        document.add_paragraph(),
        f"{draft.status_summary} This is a working draft for discussion; it has not been adopted.",
    )
    if len(draft.versions) > 1:
        rows = [[v.label, f"{v.created:%d %B %Y}", v.note] for v in reversed(draft.versions)]
        _table(document, (("Version", 2.0), ("Date", 3.5), ("Changes", 11.5)), rows)
    cited = {r for a in draft.actions for r in a.recommendations}
    listed = [r for r in recommendations if r.id in cited]
    headings = [f"{i}. {s.title}" for i, s in enumerate(draft.sections, start=1)]
    if listed:
        headings.append(f"{len(draft.sections) + 1}. Manila recommendations cited")
    add_text(document.add_paragraph(style="TOC Heading"), "Contents")
    _field_runs([document.add_paragraph() for _ in headings], 'TOC \\o "1-1" \\h \\z \\u', headings)
    total = len(draft.sections) + 1
    for index, section in enumerate(draft.sections, start=1):
        if index == 1:
            document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx leaves it untyped.
        _section(document, index, section, draft)
        if progress:
            progress(index, total)
    if listed:
        heading = document.add_paragraph(style="Heading 1")
        add_text(heading, f"{len(draft.sections) + 1}. Manila recommendations cited")
        for recommendation in listed:
            paragraph = document.add_paragraph()
            add_text(paragraph, f"{recommendation.id} {recommendation.title}. ", bold=True)
            add_text(paragraph, recommendation.summary)
    with atomic_output(path) as partial:
        document.save(str(partial))
    if progress:
        progress(total, total)
    return Path(path)
