"""Board records as spreadsheets: the referral matrix as CSV, or a workbook with the matrix, every
group's cards and the rapporteurs' notes.

Card text goes out as written (quotes, line breaks and all), under headings a person would write.
A red flag that starts like a formula is never run as one (see
:mod:`facilitator.documents.spreadsheets`): the CSV puts an apostrophe before it, the workbook
stores it as text with Excel's quote prefix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from facilitator.core.boards import GroupOutput, MatrixSection, RedFlag
from facilitator.documents.spreadsheets import write_csv
from facilitator.documents.xlsx_stream import TextSheet, write_text_workbook

__all__ = ["CARD_COLUMNS", "MATRIX_COLUMNS", "NOTES_COLUMNS", "write_matrix_csv", "write_workbook"]

Progress = Callable[[int, int], None]

MATRIX_COLUMNS: tuple[str, ...] = (
    "Board",
    "Category key",
    "Category",
    "Core ILO indicator",
    "Rank",
    "Votes",
    "Red flag",
    "Merged red flags",
    "Evidence to secure",
    "Refer to",
    "Raised by",
    "Card no.",
)
CARD_COLUMNS: tuple[str, ...] = (
    "Board",
    "Group",
    "Category key",
    "Category",
    "Red flag",
    "Evidence to secure",
    "Refer to",
    "Votes",
    "Merged into card no.",
    "Card no.",
)
NOTES_COLUMNS: tuple[str, ...] = (
    "Board",
    "Group",
    "Discussion summary",
    "Points of disagreement",
    "Questions for plenary",
)
_WIDE = frozenset(
    {"Red flag", "Merged red flags", "Evidence to secure", "Discussion summary", "Points of disagreement",
     "Questions for plenary"}
)  # fmt: skip

#: Excel keeps at most this many characters in a cell.
_EXCEL_CELL_LIMIT = 32_767
_LINES = "\n"


def _matrix_rows(sections: Sequence[MatrixSection]) -> list[list[object]]:
    rows: list[list[object]] = []
    for section in sections:
        for rank, flag in enumerate(section.flags, start=1):
            rows.append(
                [
                    section.board.id,
                    section.category.key,
                    section.category.label,
                    "yes" if section.category.core else "",
                    rank,
                    flag.votes,
                    flag.text,
                    _LINES.join(flag.merged_texts),
                    _LINES.join(flag.evidence),
                    _LINES.join(flag.refer_to),
                    ", ".join(flag.sources),
                    flag.card_id,
                ]
            )
    return rows


def _card_row(output: GroupOutput, flag: RedFlag) -> list[object]:
    return [
        output.board.id,
        output.group,
        flag.category,
        flag.category_label,
        flag.text,
        _LINES.join(flag.evidence),
        _LINES.join(flag.refer_to),
        flag.votes,
        flag.merged_into or "",
        flag.card_id,
    ]


def write_matrix_csv(path: Path, sections: Sequence[MatrixSection]) -> Path:
    """The referral matrix as CSV (UTF-8 with a byte-order mark, cells safe to open): one row per
    red flag, ranked within its category."""
    return write_csv(path, MATRIX_COLUMNS, _matrix_rows(sections))


def _cell_text(value: object) -> object:
    if not isinstance(value, str):
        return value
    if len(value) > _EXCEL_CELL_LIMIT:
        note = f" … [cut at {_EXCEL_CELL_LIMIT - 200} of {len(value)} characters; the CSV export has it all]"
        value = value[: _EXCEL_CELL_LIMIT - 200] + note
    return value


def write_workbook(
    path: Path,
    sections: Sequence[MatrixSection],
    outputs: Sequence[GroupOutput],
    progress: Progress | None = None,
) -> Path:
    """A workbook with three sheets: the referral matrix, every group's cards, the group notes.

    Written by :mod:`facilitator.documents.xlsx_stream`, row by row: 10,000 cards in well under
    a second, where openpyxl's cell objects took about four.
    """
    notes = (
        [o.board.id, o.group, o.notes.summary, o.notes.disagreements, o.notes.questions] for o in outputs
    )
    sheets = (
        ("Referral matrix", MATRIX_COLUMNS, _matrix_rows(sections)),
        ("Cards by group", CARD_COLUMNS, (_card_row(o, f) for o in outputs for f in o.cards)),
        ("Group notes", NOTES_COLUMNS, notes),
    )
    return write_text_workbook(
        path,
        [
            TextSheet(
                title,
                columns,
                ([_cell_text(value) for value in row] for row in rows),
                [48 if name in _WIDE else 16 for name in columns],
            )
            for title, columns, rows in sheets
        ],
        progress,
    )
