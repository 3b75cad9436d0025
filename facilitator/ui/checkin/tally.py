"""The desk's picture of one day, kept up to date from the rows each action touched.

Re-reading the whole roster and every check-in after each scan cost the desk (and every other
desk window) a full pass over two thousand people; a scan inserts one row, so the tally reads
that row and recounts from what it already holds. Plain Python: the page turns it into tables.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from facilitator.app import checkin, roster
from facilitator.app.changes import WORKSHOP, Changes
from facilitator.app.session import WorkshopSession
from facilitator.core.participants import SECTOR_LABELS, SECTORS, SEX_LABELS, Participant
from facilitator.storage.checkin_store import Scan

__all__ = ["DayTally", "TallyUpdate"]


@dataclass(frozen=True, slots=True)
class TallyUpdate:
    """What one action did to the day's check-ins, newest last.

    Attributes:
        added: Check-ins that appeared (a scan, a redo), with the person.
        removed: Check-ins that went (an undo, a cancellation), with the person.
        people_changed: Whether anyone's roster entry was added, edited or removed.
    """

    added: list[tuple[Scan, Participant]] = field(default_factory=list)
    removed: list[tuple[Scan, Participant]] = field(default_factory=list)
    people_changed: bool = False


class DayTally:
    """Everyone on the roster and one day's check-ins.

    Args:
        session: The workshop, read once now.
        day: The workshop day.
    """

    def __init__(self, session: WorkshopSession, day: int) -> None:
        self.day = day
        self.people: dict[int, Participant] = {}
        self.scans: dict[int, Scan] = {}
        self.women_target = 0.5
        self.reload(session)

    def reload(self, session: WorkshopSession) -> None:
        """Read the roster and the day's check-ins whole."""
        self.people = {person.id: person for person in roster.participants(session)}
        self.scans = {scan.id: scan for scan in checkin.scans_of_day(session, self.day)}
        self.women_target = session.info.women_target

    def apply(self, session: WorkshopSession, changes: Changes) -> TallyUpdate | None:
        """Take in one action's rows; ``None`` when they are not known and the tally was reloaded."""
        scan_rows = changes.rows_of("checkin_scans")
        people_rows = changes.rows_of("participants")
        if scan_rows is None or people_rows is None or changes.touches(WORKSHOP):
            self.reload(session)
            return None
        removed = [self.scans.pop(row) for row in scan_rows.deleted if row in self.scans]
        removed_people = {pid: self.people.pop(pid) for pid in people_rows.deleted if pid in self.people}
        changed = people_rows.inserted | people_rows.updated
        for person in roster.participants_by_id(session, changed) if changed else ():
            self.people[person.id] = person
        # A person removed takes their check-ins along (the rows go by cascade).
        removed += [scan for scan in self.scans.values() if scan.participant_id in removed_people]
        for scan in removed:
            self.scans.pop(scan.id, None)
        added = []
        wanted = scan_rows.inserted | scan_rows.updated
        for scan in checkin.scans_of_day(session, self.day, wanted) if wanted else ():
            if scan.id not in self.scans and scan.participant_id in self.people:
                added.append(scan)
            self.scans[scan.id] = scan
        known = {**removed_people, **self.people}
        return TallyUpdate(
            [(scan, self.people[scan.participant_id]) for scan in sorted(added, key=lambda s: s.id)],
            [(scan, known[scan.participant_id]) for scan in removed if scan.participant_id in known],
            bool(people_rows.all),
        )

    def count_rows(self) -> list[tuple[str, int, int]]:
        """The desk's counts as (group, present, expected): everyone first, then by sex and sector.

        Counted in one pass over the people rather than through the full attendance summary,
        whose per-delegation lines the desk does not show: after every scan, on two thousand
        people, that summary alone took most of a frame.
        """
        present_ids = {scan.participant_id for scan in self.scans.values()}
        expected_sex: Counter[str] = Counter()
        present_sex: Counter[str] = Counter()
        expected_sector: Counter[str] = Counter()
        present_sector: Counter[str] = Counter()
        for person in self.people.values():
            expected_sex[person.sex] += 1
            expected_sector[person.sector] += 1
            if person.id in present_ids:
                present_sex[person.sex] += 1
                present_sector[person.sector] += 1
        rows = [("Everyone", present_sex.total(), expected_sex.total())]
        rows += [
            (SEX_LABELS[s], present_sex[s], expected_sex[s]) for s in ("F", "M", "X", "") if expected_sex[s]
        ]
        sectors = (s for s in (*SECTORS, "") if expected_sector[s])
        return rows + [(SECTOR_LABELS[s], present_sector[s], expected_sector[s]) for s in sectors]

    def checked_in(self) -> list[tuple[Scan, Participant]]:
        """The day's check-ins, newest first, with the people they name."""
        scans = sorted(self.scans.values(), key=lambda scan: scan.id, reverse=True)
        return [
            (scan, self.people[scan.participant_id]) for scan in scans if scan.participant_id in self.people
        ]

    def times(self) -> dict[int, str]:
        """The check-in time of each person present, by participant id."""
        return {scan.participant_id: f"{scan.scanned_at:%H:%M}" for scan in self.scans.values()}
