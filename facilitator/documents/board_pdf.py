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
from facilitator.documents.pdf import build_document, styles, table_style
from facilitator.documents.text import para

__all__ = ["write_board_pdf"]

Progress = Callable[[int, int], None]

_CORE_FILL = "#fbe9d0"
_CATEGORY_FILL = "#eef1f5"
_NO_FLAGS = "No red flag raised."
#: Characters of a red flag above which it may start on the page after its category heading.
_KEEP_WITH_HEADING = 1500


def _lines(values: Sequence[str]) -> str:
    return "\n".join(values)


def _flag_cell(flag: RedFlag) -> list[Any]:
    style = styles()
    cell: list[Any] = [para(flag.text, style["cell"])]
    cell += [para(f"+ {text}", style["cell"]) for text in flag.merged_texts]
    return cell


def _matrix_table(board_sections: list[MatrixSection], width: float) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table

    style = styles()
    head = ["#", "Red flag", "Evidence to identify and secure", "Refer to", "Votes", "Raised by"]
    rows: list[list[Any]] = [[para(h, style["cell_bold"]) for h in head]]
    commands: list[tuple[Any, ...]] = []
    for section in board_sections:
        heading = section.category.label + ("  ·  core ILO indicator" if section.category.core else "")
        rows.append([para(heading, style["cell_bold"]), "", "", "", "", ""])
        row = len(rows) - 1
        fill = _CORE_FILL if section.category.core else _CATEGORY_FILL
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), HexColor(fill)),
        ]
        first = section.flags[0] if section.flags else None
        if (
            first is None
            or sum(map(len, (first.text, *first.merged_texts, *first.evidence))) < _KEEP_WITH_HEADING
        ):
            # Keep a heading with its first red flag, unless that flag is too long to move as a block.
            commands.append(("NOSPLIT", (0, row), (-1, row + 1)))
        if not section.flags:
            rows.append(["", para(_NO_FLAGS, style["small"]), "", "", "", ""])
        for rank, flag in enumerate(section.flags, start=1):
            rows.append(
                [
                    para(str(rank), style["cell"]),
                    _flag_cell(flag),
                    para(_lines(flag.evidence), style["cell"]),
                    para(_lines(flag.refer_to), style["cell"]),
                    para(str(flag.votes), style["cell_bold"]),
                    para(", ".join(flag.sources), style["cell"]),
                ]
            )
    fractions = (0.04, 0.35, 0.27, 0.16, 0.06, 0.12)
    # splitInRow: a very long red flag continues on the next page instead of failing the document.
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1, splitInRow=1)
    table.setStyle(table_style())
    table.setStyle(commands)
    return table


def _group_story(output: GroupOutput, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table

    style = styles()
    story: list[Any] = [
        para(f"{output.group} — {output.board.title}", style["h1"]),
        para(counted(len(output.cards), "card"), style["small"]),
        Spacer(0, 6),
    ]
    head = ["Category", "Red flag", "Evidence to identify and secure", "Refer to", "Votes"]
    rows: list[list[Any]] = [[para(h, style["cell_bold"]) for h in head]]
    for flag in output.cards:
        votes = f"merged into #{flag.merged_into}" if flag.merged_into else str(flag.votes)
        rows.append(
            [
                para(flag.category_label + (" (core)" if flag.core else ""), style["cell"]),
                _flag_cell(flag),
                para(_lines(flag.evidence), style["cell"]),
                para(_lines(flag.refer_to), style["cell"]),
                para(votes, style["cell"]),
            ]
        )
    notes: list[Any] = []
    for title, text in (
        ("Discussion summary", output.notes.summary),
        ("Points of disagreement", output.notes.disagreements),
        ("Questions for plenary", output.notes.questions),
    ):
        notes.append(para(title, style["h2"]))
        notes.append(para(text, style["body"]) if text.strip() else Paragraph("—", style["small"]))
    story += notes
    story.append(para("Cards", style["h2"]))
    if output.cards:
        fractions = (0.18, 0.36, 0.25, 0.13, 0.08)
        cards = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1, splitInRow=1)
        cards.setStyle(table_style())
        story.append(cards)
    else:
        story.append(para("This group wrote no card on this board.", style["body"]))
    return story


def write_board_pdf(
    path: Path,
    *,
    workshop_title: str,
    document_title: str,
    sections: Sequence[MatrixSection],
    outputs: Sequence[GroupOutput],
    progress: Progress | None = None,
) -> Path:
    """Write the referral matrix of the given sections, then each group's output on its own page."""
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
        story.append(para(heading, style["h1"]))
        if board.description:
            story.append(para(board.description, style["body"]))
        story += [Spacer(0, 4), _matrix_table(board_sections, width)]
    for index, output in enumerate(outputs):
        if sections or index:
            story.append(PageBreak())
        story += _group_story(output, width)
    return build_document(
        path,
        story,
        title=workshop_title,
        subtitle=document_title,
        landscape=True,
        progress=progress,
    )
