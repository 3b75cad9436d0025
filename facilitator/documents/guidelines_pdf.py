"""The guidelines draft as PDF: DRAFT on every page, version and date, contents, key-action tables.

The body (sections, trigger and key-action tables) is built by :func:`guidelines_body` so that the
workshop report can print the same draft inside its own chapters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from facilitator.core.guidelines import STATUS_LABELS, GuidelinesDraft, KeyAction, ReferralTrigger, Section
from facilitator.core.reference import Recommendation
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.pdf import MUTED, DocumentInfo, build_document, contents_flowable, styles
from facilitator.documents.tables import Headed, Row, SectionTable
from facilitator.documents.textblock import Outline, Span, para, rich

__all__ = ["ACTION_COLUMNS", "TRIGGER_COLUMNS", "guidelines_body", "write_guidelines_pdf"]

#: Column headings and widths (points) of the key-action table; they fill an A4 portrait frame.
ACTION_COLUMNS: tuple[tuple[str, float], ...] = (
    ("No.", 26),
    ("Key action", 151),
    ("Lead agency", 70),
    ("Partners", 74),
    ("Timeframe", 56),
    ("Manila rec.", 46),
    ("Group", 40),
    ("Status", 48),
)
TRIGGER_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Red flag", 150),
    ("Indicator or violation", 92),
    ("Evidence to secure", 140),
    ("Refer to", 88),
    ("Votes", 41),
)
FRAME_WIDTH = sum(width for _, width in ACTION_COLUMNS)

Progress = Callable[[int, int], None]


def _style(name: str, **changes: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"guidelines-{name}", styles()[name], **changes)


def _table(header: Sequence[str], rows: list[list[Any]], widths: Sequence[float], title: str = "") -> Any:
    cell_bold = _style("cell_bold", fontSize=8.5, leading=10.5)
    return SectionTable(
        [para(h, cell_bold) for h in header], [Row(row) for row in rows], widths, title=title, padding=3
    )


def _cell_style(**changes: Any) -> Any:
    """Table text a little smaller than body text."""
    return _style("cell", fontSize=8.5, leading=10.5, **changes)


def _action_rows(number: str, actions: Sequence[KeyAction]) -> list[list[Any]]:
    cell = _cell_style()
    muted = _cell_style(textColor=MUTED)
    rows = []
    for index, action in enumerate(actions, start=1):
        style = muted if action.status == "deferred" else cell
        status = STATUS_LABELS[action.status]
        rows.append(
            [
                para(f"{number}.{index}", style),
                para(action.action, style),
                para(action.lead_agency, style),
                para(action.partners, style),
                para(action.timeframe, style),
                para(action.recommendations_label, style),
                para(action.source_group, style),
                para(status, style, bold=action.status == "agreed"),
            ]
        )
    return rows


def _trigger_rows(triggers: Sequence[ReferralTrigger]) -> list[list[Any]]:
    cell = _cell_style()
    return [
        [
            para(t.red_flag, cell),
            para(t.category, cell),
            para(t.evidence, cell),
            para(t.refer_to, cell),
            para(str(t.votes), cell),
        ]
        for t in triggers
    ]


def _section_flowables(
    number: str, section: Section, draft: GuidelinesDraft, heading: Any, level: int | None, contents: bool
) -> list[Any]:
    from reportlab.platypus import Spacer

    body = styles()["body"]
    label = _style("h2", fontSize=10, spaceBefore=6, keepWithNext=1)
    title = f"{number}. {section.title}"
    outline = None if level is None else Outline(level, f"section-{section.id}", title, contents)
    story: list[Any] = [para(title, heading, outline=outline)]
    story += [para(paragraph, body) for paragraph in section.body.split("\n\n") if paragraph.strip()]
    triggers = draft.triggers_in(section.id)
    actions = draft.actions_in(section.id)
    if triggers:
        columns, widths = [h for h, _ in TRIGGER_COLUMNS], [w for _, w in TRIGGER_COLUMNS]
        table = _table(columns, _trigger_rows(triggers), widths, f"{title}: referral triggers")
        story += [Headed([para("Referral triggers", label)], table), Spacer(1, 4)]
    if actions:
        columns, widths = [h for h, _ in ACTION_COLUMNS], [w for _, w in ACTION_COLUMNS]
        table = _table(columns, _action_rows(number, actions), widths, f"{title}: key actions")
        story.append(Headed([para("Key actions", label)], table))
    if not (section.body.strip() or triggers or actions):
        story.append(para("Nothing has been written in this section yet.", _style("body", textColor=MUTED)))
    return story


def guidelines_body(
    draft: GuidelinesDraft,
    recommendations: Sequence[Recommendation],
    *,
    prefix: str = "",
    heading: Any = None,
    level: int | None = 0,
    contents: bool = True,
) -> list[Any]:
    """Flowables for every section of the draft and the list of cited recommendations.

    Args:
        draft: The draft.
        recommendations: Every known Manila recommendation (the cited ones are listed).
        prefix: Put before section numbers ("7." makes 7.1, 7.2 … inside a report chapter).
        heading: Paragraph style of section headings (``h1`` by default).
        level: Outline level of the section headings (bookmarks), or None for none.
        contents: Whether the section headings are also listed on the contents page.
    """
    heading = heading or _style("h1", keepWithNext=1)
    story: list[Any] = []
    for index, section in enumerate(draft.sections, start=1):
        story += _section_flowables(f"{prefix}{index}", section, draft, heading, level, contents)
    cited = {r for a in draft.actions for r in a.recommendations}
    listed = [r for r in recommendations if r.id in cited]
    if listed:
        title = f"{prefix}{len(draft.sections) + 1}. Manila recommendations cited"
        outline = None if level is None else Outline(level, f"recommendations-{prefix}", title, contents)
        story.append(para(title, heading, outline=outline))
        story += [_recommendation_paragraph(r) for r in listed]
    return story


def _recommendation_paragraph(recommendation: Recommendation) -> Any:
    spans = [Span(f"{recommendation.id} {recommendation.title}. ", bold=True), Span(recommendation.summary)]
    return rich(spans, styles()["body"])


def _front_matter(info: WorkshopInfo, draft: GuidelinesDraft) -> list[Any]:
    from reportlab.platypus import Spacer

    s = styles()
    version = draft.current_version
    story: list[Any] = [para(draft.title, s["title"])]
    where = ", ".join(part for part in (info.venue, info.dates_label) if part)
    story.append(para(info.title + (f" — {where}" if where else ""), s["subtitle"]))
    if version is not None:
        story.append(para(f"Draft {version.label} of {version.created.day} {version.created:%B %Y}", s["h2"]))
    story.append(
        para(
            f"{draft.status_summary} This is a working draft for discussion; it has not been adopted.",
            s["body"],
        )
    )
    if len(draft.versions) > 1:
        rows = [
            [para(v.label, s["cell"]), para(f"{v.created:%d %B %Y}", s["cell"]), para(v.note, s["cell"])]
            for v in reversed(draft.versions)
        ]
        story += [Spacer(1, 4), _table(["Version", "Date", "Changes"], rows, [60, 100, FRAME_WIDTH - 160])]
    story += [Spacer(1, 8), para("Contents", _style("h1", keepWithNext=1)), contents_flowable()]
    return story


def write_guidelines_pdf(
    path: Path,
    info: WorkshopInfo,
    draft: GuidelinesDraft,
    recommendations: Sequence[Recommendation],
    progress: Progress | None = None,
) -> Path:
    """Write the draft as an A4 PDF marked DRAFT on every page."""
    from reportlab.platypus import PageBreak

    version = draft.current_version
    subtitle = f"Guidelines draft {version.label}" if version else "Guidelines draft"
    story = [*_front_matter(info, draft), PageBreak(), *guidelines_body(draft, recommendations)]
    return build_document(
        path,
        story,
        title=info.display_title,
        info=DocumentInfo.of(info, f"{draft.title} ({subtitle})"),
        subtitle=subtitle,
        draft="DRAFT",
        progress=progress,
    )
