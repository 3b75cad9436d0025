"""The workshop report: one PDF gathering objectives, the agenda as run, attendance, breakout
groups, the referral matrix, the guidelines draft and each group's outputs.

Each chapter comes from :mod:`facilitator.app.report_chapters`; this module puts them in order,
adds the cover's figures and writes the PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from facilitator.app import boards, groups, guidelines, report_chapters, roster
from facilitator.app.checkin_documents import is_participant
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.core.report import WorkshopReport

__all__ = ["build_report", "export_report"]


def _at_a_glance(session: WorkshopSession) -> tuple[tuple[str, str], ...]:
    everyone = roster.participants(session)
    people = [p for p in everyone if is_participant(p)]
    women = sum(1 for p in people if p.sex == "F")
    support = len(everyone) - len(people)
    draft = guidelines.draft(session)
    counts = draft.status_counts()
    registered = f"{len(people)} ({women} women)" + (
        f", besides {support} staff and drivers" if support else ""
    )
    lines = [("Participants registered", registered)]
    flags = sum(len(section.flags) for section in boards.referral_matrix(session))
    lines.append(("Red flags on the referral boards", str(flags)))
    rounds = groups.rounds(session)
    lines.append(("Breakout rounds", str(len(rounds))))
    lines.append(("Key actions in the guidelines draft", f"{len(draft.actions)} ({counts['agreed']} agreed)"))
    version = draft.current_version
    if version is not None:
        lines.append(("Guidelines draft version", f"{version.label} of {version.created:%d %B %Y}"))
    return tuple(lines)


def build_report(session: WorkshopSession, now: Callable[[], datetime] = datetime.now) -> WorkshopReport:
    """Gather every chapter of the report.

    Args:
        session: The workshop.
        now: Clock for the "prepared on" line; injectable for tests.
    """
    chapters = (
        report_chapters.objectives_chapter(session),
        report_chapters.agenda_chapter(session),
        report_chapters.attendance_chapter(session),
        report_chapters.groups_chapter(session),
        report_chapters.matrix_chapter(session),
        report_chapters.guidelines_chapter(session),
        report_chapters.outputs_annex(session),
    )
    return WorkshopReport(session.info, now(), _at_a_glance(session), chapters)


def export_report(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """Write the workshop report as PDF."""
    from facilitator.documents.report_pdf import write_report_pdf

    return write_report_pdf(Path(output), build_report(session), options.progress)
