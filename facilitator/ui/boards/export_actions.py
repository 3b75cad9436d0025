"""The board page's exports: the board record (PDF, CSV, XLSX), the referral matrix, a group's output.

Each asks where to save, then writes in the background through the controller's one read helper
(:meth:`~facilitator.ui.controller.Controller.run_query`), so a long PDF never holds up the window;
PDFs open in the preview when written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from facilitator.app.board_exports import export_group_output
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.ui.controller import Controller

__all__ = ["export_board", "export_group"]


def export_board(
    parent: QWidget, controller: Controller, board_id: str, suffix: str, consolidated: bool = False
) -> None:
    """Write the board (or, consolidated, both referral boards) as PDF, CSV or XLSX."""
    name = "referral-matrix" if consolidated else board_id
    path, _ = QFileDialog.getSaveFileName(parent, "Export board", f"{name}{suffix}", f"*{suffix}")
    if path:
        options = ExportOptions(board=None if consolidated else board_id)
        controller.export("board", options, Path(path))


def export_group(parent: QWidget, controller: Controller, board_id: str, group: str) -> None:
    """Write one group's output (its cards and its rapporteur's notes) as a PDF and preview it."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export group output", f"{group}.pdf", "*.pdf")
    if not path:
        return

    def write(reader: WorkshopSession, _progress: object) -> Path:
        return export_group_output(reader, board_id, group, Path(path))

    controller.run_query("Export group output", write, controller.show_document)
