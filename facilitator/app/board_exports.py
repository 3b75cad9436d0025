"""Board records: the plenary referral matrix and each group's output, as PDF, CSV or XLSX.

``export board`` without ``--board`` writes the consolidated matrix across both referral boards
(the plenary's record of objective C); with ``--board`` it writes that board alone. PDF and XLSX
also carry every group's output (its cards and its rapporteur's notes); CSV holds the matrix, one
row per red flag, for anyone who wants to work on it in a spreadsheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.app import boards
from facilitator.app.board_setup import round_group_names, used_group_names
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import REFERRAL_BOARDS, GroupOutput, group_outputs
from facilitator.core.errors import InputError
from facilitator.storage import boards_store

if TYPE_CHECKING:
    from facilitator.app.exports import ExportOptions

__all__ = ["export_group_output", "group_outputs_of", "write_board_record"]


def group_outputs_of(session: WorkshopSession, board_id: str) -> list[GroupOutput]:
    """Every group that wrote cards or notes on a board: the breakout round's groups in their
    order, then the others in the order they first wrote. A group that wrote nothing has no output."""
    state = boards.snapshot(session, board_id)
    notes = boards_store.load_notes(session.connection, board_id)
    used = used_group_names(session, board_id)
    ordered = [name for name in round_group_names(session, board_id) if name in set(used)]
    return group_outputs(state, notes, [*ordered, *used])


def _board_ids(session: WorkshopSession, board_id: str | None) -> list[str]:
    if board_id:
        return [boards.board(session, board_id).id]
    existing = boards_store.board_keys(session.connection)
    return [key for key in REFERRAL_BOARDS if key in existing]


def _title(session: WorkshopSession, board_ids: list[str]) -> str:
    if len(board_ids) == 1:
        return f"Red flags for referral: {boards.board(session, board_ids[0]).title}"
    return "Red flags for referral: consolidated matrix"


def write_board_record(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """Write the record chosen by ``options.board`` in the format named by the file's suffix."""
    board_ids = _board_ids(session, options.board)
    sections = boards.referral_matrix(session, options.board)
    suffix = output.suffix.lower()
    if suffix == ".csv":
        from facilitator.documents.board_sheets import write_matrix_csv

        path = write_matrix_csv(output, sections)
        if options.progress:
            options.progress(1, 1)
        return path
    outputs = [o for key in board_ids for o in group_outputs_of(session, key)]
    if suffix == ".xlsx":
        from facilitator.documents.board_sheets import write_workbook

        return write_workbook(output, sections, outputs, options.progress)
    if suffix == ".pdf":
        from facilitator.documents.board_pdf import write_board_pdf

        return write_board_pdf(
            output,
            workshop_title=session.info.short_title or session.info.title,
            document_title=_title(session, board_ids),
            sections=sections,
            outputs=outputs,
            workshop=session.info,
            progress=options.progress,
        )
    raise InputError(f"{output}: a board record can be written as .pdf, .csv or .xlsx only.")


def export_group_output(session: WorkshopSession, board_id: str, group: str, output: Path) -> Path:
    """Write one group's output on a board (its cards and notes) as a PDF of its own."""
    from facilitator.documents.board_pdf import write_board_pdf

    chosen = [o for o in group_outputs_of(session, board_id) if o.group == group]
    if not chosen:
        raise InputError(f"Group: '{group}' has no cards or notes on this board yet.")
    return write_board_pdf(
        Path(output),
        workshop_title=session.info.short_title or session.info.title,
        document_title=f"{group}: group output",
        sections=[],
        outputs=chosen,
        workshop=session.info,
    )
