"""The board record as PDF: the plenary referral matrix, then one section per group's output.

The matrix is one table per board, a shaded row per category (core ILO indicators marked) and its
red flags below, most votes first, with the evidence to secure and the agency to refer to. Each
group's output starts on a new page: the rapporteur's notes, then the group's cards. Tables split
inside rows, so no red flag is ever too long for the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from facilitator.core.boards import GroupOutput, MatrixSection, RedFlag
from facilitator.core.wording import counted
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.pdf import DocumentInfo, build_document, styles
from facilitator.documents.tables import Headed, Row, SectionTable
from facilitator.documents.textblock import Outline, para

__all__ = ["write_board_pdf"]

Progress = Callable[[int, int], None]

_CORE_FILL = "#fbe9d0"
_CATEGORY_FILL = "#eef1f5"
_NO_FLAGS = "No red flag raised."


def _lines(values: Sequence[str]) -> str:
    return "\n".join(values)


def _flag_cell(flag: RedFlag) -> list[Any]:
    style = styles()
    cell: list[Any] = [para(flag.text, style["cell"])]
    cell += [para(f"+ {text}", style["cell"]) for text in flag.merged_texts]
    return cell


def _matrix_table(board_sections: list[MatrixSection], width: float) -> SectionTable:
    from reportlab.lib.colors import HexColor

    style = styles()
    head = ["#", "Red flag", "Evidence to identify and secure", "Refer to", "Votes", "Raised by"]
    rows: list[Row] = []
    for section in board_sections:
        label = section.category.label
        heading = label + (" · core ILO indicator" if section.category.core else "")
        fill = (("BACKGROUND", (0, 0), (-1, 0), HexColor(_CORE_FILL)),) if section.category.core else ()
        rows.append(Row([para(heading, style["cell_bold"])], section=label, commands=fill))
        if not section.flags:
            rows.append(Row(["", para(_NO_FLAGS, style["small"]), "", "", "", ""]))
        for rank, flag in enumerate(section.flags, start=1):
            rows.append(
                Row(
                    [
                        para(str(rank), style["cell"]),
                        _flag_cell(flag),
                        para(_lines(flag.evidence), style["cell"]),
                        para(_lines(flag.refer_to), style["cell"]),
                        para(str(flag.votes), style["cell_bold"]),
                        para(", ".join(flag.sources), style["cell"]),
                    ]
                )
            )
    fractions = (0.04, 0.35, 0.27, 0.16, 0.06, 0.12)
    header = [para(h, style["cell_bold"]) for h in head]
    title = board_sections[0].board.title if board_sections else ""
    return SectionTable(
        header, rows, [width * f for f in fractions], title=title, section_fill=_CATEGORY_FILL
    )


def _has_notes(output: GroupOutput) -> bool:
    notes = output.notes
    return any(text.strip() for text in (notes.summary, notes.disagreements, notes.questions))


def _group_story(output: GroupOutput, index: int, width: float) -> list[Any]:
    from reportlab.platypus import Spacer

    style = styles()
    title = f"{output.group} — {output.board.title}"
    story: list[Any] = [
        para(title, style["h1"], outline=Outline(0, f"group-{index}", title)),
        para(counted(len(output.cards), "card"), style["small"]),
        Spacer(0, 6),
    ]
    if _has_notes(output):
        for heading, text in (
            ("Discussion summary", output.notes.summary),
            ("Points of disagreement", output.notes.disagreements),
            ("Questions for plenary", output.notes.questions),
        ):
            if text.strip():
                story += [para(heading, style["h2"]), para(text, style["body"])]
    if not output.cards:
        return story
    head = ["Category", "Red flag", "Evidence to identify and secure", "Refer to", "Votes"]
    rows: list[Row] = []
    for flag in output.cards:
        votes = f"merged into #{flag.merged_into}" if flag.merged_into else str(flag.votes)
        rows.append(
            Row(
                [
                    para(flag.category_label + (" (core)" if flag.core else ""), style["cell"]),
                    _flag_cell(flag),
                    para(_lines(flag.evidence), style["cell"]),
                    para(_lines(flag.refer_to), style["cell"]),
                    para(votes, style["cell"]),
                ]
            )
        )
    fractions = (0.18, 0.36, 0.25, 0.13, 0.08)
    header = [para(h, style["cell_bold"]) for h in head]
    cards = SectionTable(header, rows, [width * f for f in fractions], title=f"{title}: cards")
    story.append(Headed([para("Cards", style["h2"])], cards))
    return story


def write_board_pdf(
    path: Path,
    *,
    workshop_title: str,
    document_title: str,
    sections: Sequence[MatrixSection],
    outputs: Sequence[GroupOutput],
    workshop: WorkshopInfo,
    progress: Progress | None = None,
) -> Path:
    """Write the referral matrix of the given sections, then each group's output on its own page.

    A group's output with neither notes nor cards is left out: a page of empty headings records
    nothing.
    """
    from reportlab.lib import pagesizes
    from reportlab.platypus import PageBreak, Spacer

    style = styles()
    width = pagesizes.landscape(pagesizes.A4)[0] - 84
    story: list[Any] = [para(document_title, style["title"]), para(workshop_title, style["subtitle"])]
    for index, (_, grouped) in enumerate(groupby(sections, key=lambda s: s.board.id)):
        board_sections = list(grouped)
        board = board_sections[0].board
        if index:
            story.append(PageBreak())
        heading = board.title + (f" — refer to {board.refer_to}" if board.refer_to else "")
        story.append(para(heading, style["h1"], outline=Outline(0, f"board-{board.id}", board.title)))
        if board.description:
            story.append(para(board.description, style["body"]))
        story += [Spacer(0, 4), _matrix_table(board_sections, width)]
    for index, output in enumerate(o for o in outputs if o.cards or _has_notes(o)):
        if sections or index:
            story.append(PageBreak())
        story += _group_story(output, index, width)
    return build_document(
        path,
        story,
        title=workshop_title,
        info=DocumentInfo.of(workshop, document_title),
        subtitle=document_title,
        landscape=True,
        progress=progress,
    )
