"""Group lists: an overview page per round to project or post, then one page per group.

The overview is what the room reads to find its table, so names are large and each group is a
box. The group pages are for the facilitators: who is in the group, their delegation, agency and
sector, who takes notes, and how the group compares with its fair share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.core.grouping import OK, GroupingQuality
from facilitator.core.participants import SECTOR_LABELS, Participant
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.fonts import SANS
from facilitator.documents.pdf import MUTED, RULE, DocumentInfo, build_document, styles, table_style
from facilitator.documents.textblock import Outline, Span, para, rich

__all__ = ["RoundSheet", "group_lists_story", "write_group_lists"]

Progress = Callable[[int, int], None]

_COLUMNS = 3
_ROLE_NOTES = {"facilitator": "Facilitator", "rapporteur": "Rapporteur"}
_OFF = "#b42318"


@dataclass(frozen=True, slots=True)
class RoundSheet:
    """One round, as the document needs it.

    Attributes:
        name: Round name.
        mode: ``spread`` or ``country``.
        locked: Whether it was announced.
        agenda_title: The linked breakout session, or "".
        group_names: Names of the groups.
        groups: Members of each group.
        quality: The balance report.
        places: Where each group meets ("" when not given); may be shorter than the groups.
    """

    name: str
    mode: str
    locked: bool
    agenda_title: str
    group_names: tuple[str, ...]
    groups: tuple[tuple[Participant, ...], ...]
    quality: GroupingQuality
    places: tuple[str, ...] = ()

    def place(self, group: int) -> str:
        """Where a group meets, or ""."""
        return self.places[group] if group < len(self.places) else ""


def _who(person: Participant) -> str:
    """Name with delegation, as read on the overview."""
    return f"{person.name} ({person.delegation})" if person.delegation else person.name


def _mode_text(sheet: RoundSheet) -> str:
    return "Country teams" if sheet.mode == "country" else "Mixed groups"


def _overview(sheet: RoundSheet, index: int, width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Spacer, Table, TableStyle

    style = styles()
    name_style = style["body"].clone("overview_name", fontSize=10.5, leading=13, spaceAfter=1)
    title = f"{sheet.name}: groups"
    story: list[Any] = [para(title, style["title"], outline=Outline(0, f"round-{index}", sheet.name))]
    subtitle = " · ".join(part for part in (sheet.agenda_title, _mode_text(sheet)) if part)
    story.append(para(subtitle, style["subtitle"]))
    cells: list[list[Any]] = []
    for group, (name, members) in enumerate(zip(sheet.group_names, sheet.groups, strict=True)):
        cell: list[Any] = [para(f"{name} · {len(members)}", style["h2"])]
        if sheet.place(group):
            cell.append(rich([Span(sheet.place(group), colour=MUTED)], name_style))
        for person in members:
            spans = [Span(_who(person))]
            role = _ROLE_NOTES.get(person.role)
            if role:
                spans.append(Span(f" {role.lower()}", colour=MUTED, size=8))
            cell.append(rich(spans, name_style))
        cells.append(cell)
    rows: list[list[Any]] = [cells[i : i + _COLUMNS] for i in range(0, len(cells), _COLUMNS)]
    rows[-1] += [""] * (_COLUMNS - len(rows[-1]))
    table = Table(rows, colWidths=[width / _COLUMNS] * _COLUMNS)
    table.splitInRow = 1  # a group whose names fill more than a page continues on the next
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.6, HexColor(RULE)),
                ("INNERGRID", (0, 0), (-1, -1), 0.6, HexColor(RULE)),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story += [table, Spacer(1, 8)]
    quality = sheet.quality
    verdict = (
        "Balanced as well as possible (proven)."
        if quality.optimal
        else f"{quality.excess} placements outside the fair share (at least {quality.lower_bound} needed)."
    )
    story.append(para(verdict, style["small"]))
    return story


def _counts_line(sheet: RoundSheet, group: int) -> list[tuple[str, bool]]:
    """Each rule's count in one group with whether it is off its fair share."""
    parts = []
    for balance in sheet.quality.balances:
        if balance.key.startswith("delegation:") and balance.status(group) == OK:
            continue
        band = f"{balance.low}–{balance.high}" if balance.low != balance.high else f"{balance.low}"
        parts.append((f"{balance.label} {balance.counts[group]} (fair {band})", balance.status(group) != OK))
    return parts


def _group_page(sheet: RoundSheet, index: int, group: int, width: float) -> list[Any]:
    from reportlab.platypus import Spacer, Table

    style = styles()
    members = sheet.groups[group]
    outline = Outline(1, f"round-{index}-group-{group}", sheet.group_names[group])
    story: list[Any] = [para(f"{sheet.name} · {sheet.group_names[group]}", style["title"], outline=outline)]
    if sheet.agenda_title:
        story.append(para(sheet.agenda_title, style["subtitle"]))
    if sheet.place(group):
        story.append(para(f"Place: {sheet.place(group)}", style["body"]))
    for role, label in _ROLE_NOTES.items():
        holders = [p.name for p in members if p.role == role]
        story.append(para(f"{label}: {', '.join(holders) if holders else 'none'}", style["body"]))
    story.append(Spacer(1, 6))
    header = [
        para(h, style["cell_bold"]) for h in ("No.", "Name", "Delegation", "Organisation", "Sector", "Sex")
    ]
    rows: list[list[Any]] = [header]
    for number, person in enumerate(members, start=1):
        name = [para(person.name, style["cell_bold"])]
        if person.native_name:
            name.append(para(person.native_name, style["cell"]))
        note = _ROLE_NOTES.get(person.role)
        if note:
            name.append(para(note, style["small"]))
        rows.append(
            [
                para(str(number), style["cell"]),
                name,
                para(person.delegation_name, style["cell"]),
                para(person.organisation, style["cell"]),
                para(SECTOR_LABELS.get(person.sector, person.sector), style["cell"]),
                para(person.sex, style["cell"]),
            ]
        )
    fixed = [26, None, 78, 130, 76, 28]
    rest = width - sum(w for w in fixed if w is not None)
    table = Table(rows, colWidths=[w if w is not None else rest for w in fixed], repeatRows=1)
    table.setStyle(table_style())
    story += [table, Spacer(1, 10), para("Balance of this group", style["h2"])]
    spans: list[Span] = []
    for part, off in _counts_line(sheet, group):
        if spans:
            spans.append(Span(" · "))
        spans.append(Span(part, colour=_OFF if off else None))
    story.append(rich(spans, style["small"]))
    return story


def group_lists_story(sheets: Sequence[RoundSheet], width: float) -> list[Any]:
    """Every round: its overview page, then one page per group."""
    from reportlab.platypus import PageBreak

    story: list[Any] = []
    for index, sheet in enumerate(sheets):
        if story:
            story.append(PageBreak())
        story += _overview(sheet, index, width)
        for group in range(len(sheet.groups)):
            story.append(PageBreak())
            story += _group_page(sheet, index, group, width)
    return story


def write_group_lists(
    path: Path, info: WorkshopInfo, sheets: Sequence[RoundSheet], progress: Progress | None = None
) -> Path:
    """Write the group lists on A4 portrait."""
    from reportlab.lib.pagesizes import A4

    width = A4[0] - 84
    subtitle = "Breakout groups" if len(sheets) != 1 else f"Breakout groups · {sheets[0].name}"
    return build_document(
        path,
        group_lists_story(sheets, width),
        title=info.display_title,
        info=DocumentInfo.of(info, "Breakout group lists"),
        subtitle=subtitle,
        progress=progress,
    )
