"""Who came: present against expected, by sex, sector and delegation, for one workshop day.

The check-in desk's live counters and the donors' attendance report read the same numbers, so
they are computed once here from plain participants and the set of ids checked in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from facilitator.core.participants import SECTOR_LABELS, SECTORS, SEXES, Participant
from facilitator.core.statistics import roster_statistics

__all__ = ["AttendanceLine", "AttendanceSummary", "summarise_attendance"]


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    """Counts for one group of people (a delegation, a sector, or everyone).

    Attributes:
        key: Delegation code, sector key, or ``""`` for the total.
        label: How the group is named in tables.
        expected: Registered people by sex (``F``, ``M``, ``X``, ``""``).
        present: Checked-in people by sex.
        target: Share of women asked for (0–1).
    """

    key: str
    label: str
    expected: dict[str, int]
    present: dict[str, int]
    target: float

    @property
    def expected_total(self) -> int:
        """Everyone registered in the group."""
        return sum(self.expected.values())

    @property
    def present_total(self) -> int:
        """Everyone checked in from the group."""
        return sum(self.present.values())

    @property
    def women_present(self) -> int:
        """Women checked in."""
        return self.present.get("F", 0)

    @property
    def men_present(self) -> int:
        """Men checked in."""
        return self.present.get("M", 0)

    @property
    def others_present(self) -> int:
        """People checked in whose sex is X or not given."""
        return self.present.get("X", 0) + self.present.get("", 0)

    @property
    def women_share(self) -> float:
        """Women's share of those present, 0 when nobody is present."""
        total = self.present_total
        return self.women_present / total if total else 0.0

    @property
    def below_target(self) -> bool:
        """Whether people came but the women's share is under the target."""
        return self.present_total > 0 and self.women_share + 1e-9 < self.target


@dataclass(frozen=True, slots=True)
class AttendanceSummary:
    """Attendance of one day.

    Attributes:
        total: Everyone.
        by_sector: One line per sector present on the roster, in the roster's sector order.
        by_delegation: One line per delegation, Member States first in ASEAN order.
    """

    total: AttendanceLine
    by_sector: tuple[AttendanceLine, ...]
    by_delegation: tuple[AttendanceLine, ...]

    @property
    def below_target(self) -> tuple[AttendanceLine, ...]:
        """Delegations whose women's share among those present is under the target."""
        return tuple(line for line in self.by_delegation if line.below_target)


def _sex_counts(people: Iterable[Participant]) -> dict[str, int]:
    counts = Counter(p.sex for p in people)
    return {sex: counts[sex] for sex in SEXES}


def _lines(
    people: list[Participant],
    present_ids: Collection[int],
    keys: Iterable[str],
    key_of: Callable[[Participant], str],
    label_of: Callable[[str], str],
    target: float,
) -> tuple[AttendanceLine, ...]:
    groups: dict[str, list[Participant]] = {}
    for person in people:
        groups.setdefault(key_of(person), []).append(person)
    return tuple(
        AttendanceLine(
            key,
            label_of(key),
            _sex_counts(groups.get(key, ())),
            _sex_counts(p for p in groups.get(key, ()) if p.id in present_ids),
            target,
        )
        for key in keys
    )


def summarise_attendance(
    people: Iterable[Participant], present_ids: Collection[int], women_target: float = 0.5
) -> AttendanceSummary:
    """Count present against expected for everyone, per sector and per delegation.

    Args:
        people: Everyone on the roster (the expected attendance).
        present_ids: Ids of those checked in on the day.
        women_target: Share of women each delegation is asked to reach.
    """
    people = list(people)
    present_ids = set(present_ids)
    names = {p.delegation: p.delegation_name for p in people}
    present_sectors = {p.sector for p in people}
    sectors = [s for s in (*SECTORS, "") if s in present_sectors]
    delegations = list(roster_statistics(people).by_delegation)
    return AttendanceSummary(
        total=AttendanceLine(
            "",
            "All participants",
            _sex_counts(people),
            _sex_counts(p for p in people if p.id in present_ids),
            women_target,
        ),
        by_sector=_lines(
            people, present_ids, sectors, lambda p: p.sector, SECTOR_LABELS.__getitem__, women_target
        ),
        by_delegation=_lines(
            people,
            present_ids,
            delegations,
            lambda p: p.delegation,
            lambda d: names[d] or "Not given",
            women_target,
        ),
    )
