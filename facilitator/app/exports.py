"""One entry point for every document the workshop produces.

Each kind names the function that writes it as ``"module:function"``, imported only when that kind
is asked for, so that start-up never pays for reportlab or python-docx. Every exporter has the same
signature, ``(session, output, options) -> Path``; the GUI runs it off the GUI thread with a progress
callback, the CLI runs it directly.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from facilitator import paths
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import InputError

__all__ = ["EXPORT_KINDS", "ExportKind", "ExportOptions", "default_output", "export_document"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Choices that some exports take.

    Attributes:
        day: Workshop day (1-based) for sign-in sheets and attendance.
        sheet: Label sheet for name tags (``avery-5392``, ``avery-l4785``, ``avery-5395``,
            ``a4-plain``).
        board: Board id for board exports.
        progress: Called with (done, total) as pages are produced.
    """

    day: int | None = None
    sheet: str | None = None
    board: str | None = None
    progress: Progress | None = None


class Exporter(Protocol):
    """The signature every exporter has."""

    def __call__(self, session: WorkshopSession, output: Path, options: ExportOptions) -> Path: ...


@dataclass(frozen=True, slots=True)
class ExportKind:
    """A kind of document.

    Attributes:
        key: Name on the command line.
        title: Name in menus.
        target: ``"module:function"`` of the exporter.
        suffixes: File endings it can write; the first is the default.
    """

    key: str
    title: str
    target: str
    suffixes: tuple[str, ...] = (".pdf",)


EXPORT_KINDS: dict[str, ExportKind] = {
    kind.key: kind
    for kind in (
        ExportKind("name-tags", "Name tags", "facilitator.app.checkin_documents:export_name_tags"),
        ExportKind("tent-cards", "Table tent cards", "facilitator.app.checkin_documents:export_tent_cards"),
        ExportKind("signin-sheet", "Sign-in sheet", "facilitator.app.checkin_documents:export_signin_sheet"),
        ExportKind(
            "attendance",
            "Attendance report",
            "facilitator.app.checkin_documents:export_attendance",
            (".pdf", ".xlsx"),
        ),
        ExportKind("agenda", "Agenda", "facilitator.app.agenda:export_agenda"),
        ExportKind("groups", "Breakout group lists", "facilitator.app.groups:export_groups"),
        ExportKind(
            "board", "Red-flag board", "facilitator.app.boards:export_board", (".pdf", ".csv", ".xlsx")
        ),
        ExportKind(
            "guidelines",
            "Guidelines draft",
            "facilitator.app.guidelines:export_guidelines",
            (".pdf", ".docx"),
        ),
        ExportKind("report", "Workshop report", "facilitator.app.report:export_report"),
    )
}


def default_output(session: WorkshopSession, kind: ExportKind, options: ExportOptions) -> Path:
    """A file name in ``exports/`` that says what the document is and when it was made."""
    parts = [session.path.stem, kind.key]
    if options.board:
        parts.append(options.board)
    if options.day:
        parts.append(f"day{options.day}")
    if options.sheet:
        parts.append(options.sheet)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return paths.exports_dir() / f"{'-'.join(parts)}-{stamp}{kind.suffixes[0]}"


def _resolve(kind: ExportKind) -> Exporter:
    module_name, _, function = kind.target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        raise InputError(f"The {kind.title.lower()} export is not available in this version.") from error
    exporter: Exporter = getattr(module, function)
    return exporter


def export_document(
    session: WorkshopSession, kind_key: str, output: Path | None = None, options: ExportOptions | None = None
) -> Path:
    """Write one document and return its path.

    Raises:
        InputError: Unknown kind, or a file ending the kind cannot write.
    """
    kind = EXPORT_KINDS.get(kind_key)
    if kind is None:
        raise InputError(f"'{kind_key}' is not a kind of document; choose one of {', '.join(EXPORT_KINDS)}.")
    options = options or ExportOptions()
    target = Path(output) if output else default_output(session, kind, options)
    if target.suffix.lower() not in kind.suffixes:
        raise InputError(
            f"{target}: a {kind.title.lower()} can be written as {', '.join(kind.suffixes)} only."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    return _resolve(kind)(session, target, options)
