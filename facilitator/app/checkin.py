"""Check-in commands: scan a code, find someone by name, register a walk-in, undo, count.

Each check-in is one undoable action ("Check in <name> (day N)"), so the normal Undo reverses it;
``undo_last_checkin`` does the same from the desk even when other edits came after it. A second
check-in of the same person on the same day is refused with the time of the first, because a badge
scanned twice usually means a lost or shared badge that the desk should notice.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from facilitator.app import roster
from facilitator.app.changes import CHECKIN, Changes
from facilitator.app.session import WorkshopSession
from facilitator.core.attendance import AttendanceSummary, summarise_attendance
from facilitator.core.checkin_codes import (
    CodeRefused,
    day_count,
    default_day,
    make_code,
    validate_day,
    verify_code,
)
from facilitator.core.errors import ActionRefused, InputError, NotFoundError, WorkshopFileError
from facilitator.core.participants import Participant
from facilitator.storage import checkin_store, roster_store
from facilitator.storage.checkin_store import Scan

__all__ = [
    "AlreadyCheckedIn",
    "CheckinResult",
    "Clock",
    "DayState",
    "DeskAnswer",
    "check_in_code",
    "check_in_participant",
    "checked_in",
    "create_secret_step",
    "current_day",
    "day_label",
    "day_state",
    "day_summary",
    "desk_check_in",
    "desk_scan",
    "desk_undo",
    "desk_walk_in",
    "ensure_secret",
    "participant_code",
    "participant_codes",
    "register_walk_in",
    "scans_of_day",
    "search_participants",
    "search_people",
    "undo_last_checkin",
    "workshop_days",
]

Clock = Callable[[], datetime]

_SECRET_BYTES = 32


class AlreadyCheckedIn(ActionRefused):
    """The participant was already checked in for this day.

    Attributes:
        participant: Who was scanned.
        first: Their first check-in of the day.
    """

    def __init__(self, participant: Participant, first: Scan) -> None:
        super().__init__(
            f"{participant.name} ({participant.delegation_name or 'no delegation'}) was already "
            f"checked in for day {first.day} at {first.scanned_at:%H:%M}. Nothing was changed."
        )
        self.participant = participant
        self.first = first


@dataclass(frozen=True, slots=True)
class CheckinResult:
    """An accepted check-in.

    Attributes:
        participant: Who was checked in.
        scan: The check-in just recorded.
    """

    participant: Participant
    scan: Scan

    @property
    def message(self) -> str:
        """One line for the desk and the CLI."""
        who = self.participant.delegation_name or "no delegation"
        return (
            f"Checked in {self.participant.name} ({who}) for day {self.scan.day} "
            f"at {self.scan.scanned_at:%H:%M}."
        )


def _random_bytes(count: int) -> bytes:
    # ``secrets`` (with hashlib) is imported here, not at start-up: only a new workshop needs it.
    import secrets

    return secrets.token_bytes(count)


def create_secret_step(conn: sqlite3.Connection, sample: bool) -> None:
    """New-workshop step: give the file its own random check-in secret."""
    checkin_store.write_secret(conn, _random_bytes(_SECRET_BYTES))


def ensure_secret(session: WorkshopSession, token: Callable[[int], bytes] = _random_bytes) -> bytes:
    """The workshop's check-in secret, created now for a file made before check-in existed.

    The secret is not undoable: undoing it would void every code printed since. An export's
    reader connection may create it too; whichever connection writes first wins.
    """
    secret = checkin_store.read_secret(session.connection)
    if secret is None:
        with session.action("Create check-in secret", [CHECKIN], undoable=False) as conn:
            checkin_store.write_secret(conn, token(_SECRET_BYTES))
        secret = checkin_store.read_secret(session.connection)
    if secret is None:
        raise WorkshopFileError(f"{session.path}: the check-in secret could not be stored.")
    return secret


def participant_code(session: WorkshopSession, participant_id: int) -> str:
    """The text of one participant's QR code."""
    return make_code(session.info.code, participant_id, ensure_secret(session))


def participant_codes(session: WorkshopSession, people: list[Participant]) -> dict[int, str]:
    """QR code texts by participant id (for documents)."""
    secret = ensure_secret(session)
    code = session.info.code
    return {p.id: make_code(code, p.id, secret) for p in people}


def workshop_days(session: WorkshopSession) -> int | None:
    """How many days the workshop lasts, None when its dates are not set."""
    info = session.info
    return day_count(info.start, info.end)


def current_day(session: WorkshopSession, today: date | None = None) -> int:
    """Today's workshop day, or day 1 outside the workshop's dates."""
    info = session.info
    return default_day(info.start, info.end, today or date.today())


def day_label(session: WorkshopSession, day: int) -> str:
    """ "Day 1 – Monday 27 May 2019" (or just "Day 1" when the workshop has no dates)."""
    start = session.info.start
    if start is None:
        return f"Day {day}"
    when = start + timedelta(days=day - 1)
    return f"Day {day} – {when:%A} {when.day} {when:%B %Y}"


def _label(participant: Participant, day: int) -> str:
    return f"Check in {participant.name} (day {day})"


def check_in_participant(
    session: WorkshopSession,
    participant_id: int,
    day: int,
    method: str = "search",
    now: Clock = datetime.now,
) -> CheckinResult:
    """Check one participant in for a day.

    Raises:
        NotFoundError: No participant has this id.
        InputError: The workshop has no such day.
        AlreadyCheckedIn: They were checked in for this day before.
    """
    info = session.info
    validate_day(day, info.start, info.end)
    participant = roster_store.load_participant(session.connection, participant_id)
    with session.action(_label(participant, day), [CHECKIN]) as conn:
        # Checked inside the write transaction, which no other connection can enter meanwhile:
        # checked before it, a second desk (or program) could check the same person in, or
        # remove them, between the check and the write, and the write would fail on the
        # file's one-check-in-per-day rule instead of naming the first check-in.
        participant = roster_store.load_participant(conn, participant_id)
        first = checkin_store.find_scan(conn, participant_id, day)
        if first is not None:
            raise AlreadyCheckedIn(participant, first)
        scan = checkin_store.insert_scan(conn, participant_id, day, now(), method)
    return CheckinResult(participant, scan)


def check_in_code(session: WorkshopSession, text: str, day: int, now: Clock = datetime.now) -> CheckinResult:
    """Check in whoever a scanned or typed QR code names.

    Raises:
        CodeRefused: Not a code of this workshop (malformed, foreign or forged).
        NotFoundError: The code is genuine but the participant was removed from the roster.
        AlreadyCheckedIn: They were checked in for this day before.
    """
    code = verify_code(text, session.info.code, ensure_secret(session))
    try:
        return check_in_participant(session, code.participant_id, day, "scan", now)
    except NotFoundError as error:
        raise NotFoundError(
            f"This code is genuine but participant {code.participant_id} is no longer on the roster. "
            "Register the person as a walk-in."
        ) from error


def register_walk_in(
    session: WorkshopSession, day: int, now: Clock = datetime.now, **values: str
) -> CheckinResult:
    """Add someone who was not registered to the roster, then check them in.

    Two actions follow each other (add, then check in), so Undo first reverses the check-in and
    then the registration.

    Args:
        session: The workshop.
        day: The day they arrive.
        now: Clock for the check-in time.
        **values: Roster fields (``name`` is required), as for ``roster.add_participant``.
    """
    info = session.info
    validate_day(day, info.start, info.end)
    participant_id = roster.add_participant(session, **values)
    return check_in_participant(session, participant_id, day, "walk-in", now)


def undo_last_checkin(session: WorkshopSession, day: int | None = None) -> Changes:
    """Reverse the most recent check-in (of one day, or of any day).

    When that check-in is the last thing done, this is the normal Undo (so Redo brings it back);
    otherwise the check-in is cancelled as a new action, leaving later edits in place.

    Raises:
        ActionRefused: Nobody has been checked in.
    """
    scan = checkin_store.last_scan(session.connection, day)
    if scan is None:
        when = f" for day {day}" if day else ""
        raise ActionRefused(f"Nobody has been checked in{when} yet; there is nothing to undo.")
    participant = roster_store.load_participant(session.connection, scan.participant_id)
    if session.undo_label == _label(participant, scan.day):
        return session.undo()
    label = f"Cancel check-in of {participant.name} (day {scan.day})"
    with session.action(label, [CHECKIN]) as conn:
        checkin_store.delete_scan(conn, scan.id)
    return session.last_changes


@dataclass(frozen=True, slots=True)
class DeskAnswer:
    """What the desk shows after a scan, a pick from the search, a walk-in or an undo.

    At the desk a repeated or foreign code is an everyday answer to show in colour, not an error
    for a dialog: a modal dialog would swallow the next scan's keystrokes. Refusals the desk
    cannot expect (a file open read only, a conflicting undo) still raise, for the controller.

    Attributes:
        outcome: ``accepted``, ``duplicate``, ``refused`` or ``undone``.
        message: One line saying what happened (for a refusal: why).
        participant: Who it was about, when known.
    """

    outcome: str
    message: str
    participant: Participant | None = None


def _answer(check_in: Callable[[], CheckinResult], prefix: str = "") -> DeskAnswer:
    try:
        result = check_in()
    except AlreadyCheckedIn as duplicate:
        first = duplicate.first
        detail = f"First check-in for day {first.day} at {first.scanned_at:%H:%M}. Nothing was changed."
        return DeskAnswer("duplicate", detail, duplicate.participant)
    except (CodeRefused, InputError) as error:
        return DeskAnswer("refused", str(error))
    return DeskAnswer("accepted", prefix + result.message, result.participant)


def desk_scan(session: WorkshopSession, text: str, day: int, now: Clock = datetime.now) -> DeskAnswer:
    """:func:`check_in_code`, answered as the desk shows it."""
    return _answer(lambda: check_in_code(session, text, day, now))


def desk_check_in(
    session: WorkshopSession, participant_id: int, day: int, now: Clock = datetime.now
) -> DeskAnswer:
    """:func:`check_in_participant` for someone found by name, answered as the desk shows it."""
    return _answer(lambda: check_in_participant(session, participant_id, day, "search", now))


def desk_walk_in(session: WorkshopSession, day: int, now: Clock = datetime.now, **values: str) -> DeskAnswer:
    """:func:`register_walk_in`, answered as the desk shows it (a refusal names the field)."""
    return _answer(lambda: register_walk_in(session, day, now, **values), "Registered as a walk-in. ")


def desk_undo(session: WorkshopSession, day: int) -> DeskAnswer:
    """:func:`undo_last_checkin` for one day; nobody to undo is an answer, not an error."""
    if checkin_store.last_scan(session.connection, day) is None:
        return DeskAnswer(
            "refused", f"Nobody has been checked in for day {day} yet; there is nothing to undo."
        )
    return DeskAnswer("undone", f"{undo_last_checkin(session, day).label}.")


@dataclass(frozen=True, slots=True)
class DayState:
    """What the desk shows for a day, read in one pass over the roster.

    Attributes:
        summary: Present against expected by sex, sector and delegation.
        checked_in: The day's check-ins, newest first, with the people they name.
    """

    summary: AttendanceSummary
    checked_in: list[tuple[Scan, Participant]]


def day_state(session: WorkshopSession, day: int) -> DayState:
    """Counts and check-ins of a day (the desk refreshes from this after every scan)."""
    people = roster.participants(session)
    by_id = {p.id: p for p in people}
    scans = checkin_store.load_scans(session.connection, day)
    present = {scan.participant_id for scan in scans}
    return DayState(
        summarise_attendance(people, present, session.info.women_target),
        [(scan, by_id[scan.participant_id]) for scan in reversed(scans) if scan.participant_id in by_id],
    )


def checked_in(session: WorkshopSession, day: int) -> list[tuple[Scan, Participant]]:
    """The day's check-ins, newest first, with the people they name."""
    return day_state(session, day).checked_in


def day_summary(session: WorkshopSession, day: int) -> AttendanceSummary:
    """Present against expected for a day, by sex, sector and delegation."""
    return day_state(session, day).summary


def scans_of_day(session: WorkshopSession, day: int, ids: Collection[int] | None = None) -> list[Scan]:
    """The day's check-ins in the order they happened, or only those with the given row ids
    (for the desk, which updates only the check-ins an action touched)."""
    if ids is None:
        return checkin_store.load_scans(session.connection, day)
    return checkin_store.load_scans_by_id(session.connection, day, ids)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_participants(session: WorkshopSession, query: str, limit: int = 20) -> list[Participant]:
    """People whose name, native name, delegation or organisation contain every word of the query.

    Case and accents are ignored ("tran van" finds "Trần Văn Minh"); a number finds the
    participant with that id.
    """
    return search_people(roster.participants(session), query, limit)


def search_people(people: Iterable[Participant], query: str, limit: int = 20) -> list[Participant]:
    """:func:`search_participants` over people already read (the desk keeps the roster in hand)."""
    words = _fold(query).split()
    if not words:
        return []
    found: list[Participant] = []
    for person in people:
        if len(words) == 1 and words[0].isdigit() and int(words[0]) == person.id:
            found.insert(0, person)
            continue
        haystack = _fold(
            " ".join(
                (
                    person.name,
                    person.native_name,
                    person.delegation,
                    person.delegation_name,
                    person.organisation,
                )
            )
        )
        if all(word in haystack for word in words):
            found.append(person)
    return found[:limit]
