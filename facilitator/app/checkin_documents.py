"""Registration-desk documents: name tags, table tent cards, sign-in sheets, attendance report.

Each exporter has the signature of ``facilitator.app.exports``: it reads the workshop, hands plain
data to a layout in ``facilitator.documents`` and returns the written path.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.app import roster
from facilitator.app.checkin import current_day, day_label, participant_codes, workshop_days
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.core.attendance import AttendanceSummary, summarise_attendance
from facilitator.core.checkin_codes import validate_day
from facilitator.core.errors import InputError
from facilitator.core.participants import Participant
from facilitator.core.statistics import roster_statistics
from facilitator.storage import checkin_store

__all__ = [
    "export_attendance",
    "export_name_tags",
    "export_signin_sheet",
    "export_tent_cards",
    "is_participant",
    "participant_summary",
]


def _in_delegation_order(people: list[Participant]) -> list[Participant]:
    """Member States in ASEAN order, then organisations; roster order within a delegation."""
    order = {code: index for index, code in enumerate(roster_statistics(people).by_delegation)}
    return sorted(people, key=lambda p: order[p.delegation])


def _roster_or_refuse(session: WorkshopSession, what: str) -> list[Participant]:
    people = roster.participants(session)
    if not people:
        raise InputError(f"The roster is empty, so there are no {what} to print. Import the roster first.")
    return _in_delegation_order(people)


def _header(session: WorkshopSession) -> str:
    info = session.info
    return " · ".join(part for part in (info.display_title, info.dates_label) if part)


def _day(session: WorkshopSession, options: ExportOptions) -> int:
    info = session.info
    return validate_day(options.day or current_day(session), info.start, info.end)


def export_name_tags(
    session: WorkshopSession,
    output: Path,
    options: ExportOptions,
    *,
    participant_ids: list[int] | None = None,
    cut_marks: bool | None = None,
) -> Path:
    """Name tags on the chosen label sheet (``options.sheet``; by default the A4 or US Letter
    sheet that the venue's country sells, see :func:`~facilitator.documents.label_sheets.sheet_for_venue`).

    Args:
        session: The workshop.
        output: PDF to write.
        options: ``sheet`` and ``progress`` are used.
        participant_ids: Print only these people (a walk-in's badge), in roster order.
        cut_marks: Crop marks in the margins; by default only on sheets cut by hand.
    """
    from facilitator.documents.label_sheets import label_sheet, sheet_for_venue
    from facilitator.documents.name_tags import NameTag, write_name_tags
    from facilitator.documents.pdf import DocumentInfo

    sheet = label_sheet(options.sheet or sheet_for_venue(session.info.venue))
    people = _roster_or_refuse(session, "name tags")
    if participant_ids is not None:
        wanted = set(participant_ids)
        people = [p for p in people if p.id in wanted]
    codes = participant_codes(session, people)
    return write_name_tags(
        output,
        [NameTag(p, codes[p.id]) for p in people],
        sheet,
        header=_header(session),
        info=DocumentInfo.of(session.info, "Name tags"),
        cut_marks=sheet.cut_marks if cut_marks is None else cut_marks,
        progress=options.progress,
    )


def export_tent_cards(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """One folded A4 table tent card per participant, readable from both sides of the table."""
    from facilitator.documents.pdf import DocumentInfo
    from facilitator.documents.tent_cards import write_tent_cards

    people = _roster_or_refuse(session, "tent cards")
    return write_tent_cards(
        output,
        people,
        header=_header(session),
        info=DocumentInfo.of(session.info, "Table tent cards"),
        progress=options.progress,
    )


def export_signin_sheet(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """The sign-in sheet of one day (``options.day``, default today's day or day 1)."""
    from facilitator.documents.signin import write_signin_sheet

    day = _day(session, options)
    people = _roster_or_refuse(session, "sign-in sheets")
    codes = participant_codes(session, people)
    return write_signin_sheet(
        output,
        [(p, codes[p.id]) for p in people],
        workshop=session.info,
        day_label=day_label(session, day),
        progress=options.progress,
    )


def export_attendance(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """Attendance per day, sex-disaggregated by delegation and sector (PDF or XLSX by suffix).

    Without ``options.day`` every day of the workshop is reported.
    """
    from facilitator.documents.attendance import DayAttendance, write_attendance_pdf, write_attendance_xlsx

    info = session.info
    if options.day:
        days = [validate_day(options.day, info.start, info.end)]
    else:
        recorded = {scan.day for scan in checkin_store.load_scans(session.connection)}
        days = sorted(set(range(1, (workshop_days(session) or 1) + 1)) | recorded)
    reports = [DayAttendance(day, day_label(session, day), participant_summary(session, day)) for day in days]
    if Path(output).suffix.lower() == ".xlsx":
        return write_attendance_xlsx(output, reports, title=info.title)
    return write_attendance_pdf(output, reports, workshop=info, progress=options.progress)


def is_participant(person: Participant) -> bool:
    """Whether a person counts as a participant in attendance figures: staff who support the
    workshop and drivers are on the roster (they get badges) but are not participants."""
    return person.role != "staff" and "driver" not in person.position.casefold()


def participant_summary(session: WorkshopSession, day: int) -> AttendanceSummary:
    """Present against registered on a day, by sex, sector and delegation, participants only."""
    people = [p for p in roster.participants(session) if is_participant(p)]
    present = {scan.participant_id for scan in checkin_store.load_scans(session.connection, day)}
    return summarise_attendance(people, present, session.info.women_target)
