"""Attendance counts: present against expected by sex, sector and delegation."""

from __future__ import annotations

from facilitator.core.attendance import summarise_attendance
from facilitator.core.participants import Participant

PEOPLE = [
    Participant(1, "A", sex="F", delegation="LA", sector="labour"),
    Participant(2, "B", sex="M", delegation="LA", sector="law-enforcement"),
    Participant(3, "C", sex="M", delegation="KH", sector="labour"),
    Participant(4, "D", sex="M", delegation="KH", sector="law-enforcement"),
    Participant(5, "E", sex="", delegation="ILO", sector="partner"),
]


def test_totals_by_sex() -> None:
    """Present and expected are counted by sex for everyone."""
    summary = summarise_attendance(PEOPLE, {1, 3, 5})
    assert summary.total.expected_total == 5
    assert summary.total.present_total == 3
    assert (summary.total.women_present, summary.total.men_present, summary.total.others_present) == (1, 1, 1)


def test_delegations_in_asean_order_with_flags() -> None:
    """Member States come first in ASEAN order; a delegation of only men present is flagged."""
    summary = summarise_attendance(PEOPLE, {1, 2, 3, 4})
    assert [line.key for line in summary.by_delegation] == ["KH", "LA", "ILO"]
    assert [line.label for line in summary.by_delegation] == ["Cambodia", "Lao PDR", "ILO"]
    flagged = [line.key for line in summary.below_target]
    assert flagged == ["KH"]
    ilo = summary.by_delegation[2]
    assert ilo.present_total == 0 and not ilo.below_target


def test_sectors_present_on_the_roster_only() -> None:
    """Sectors are listed in the roster's sector order, only those that occur."""
    summary = summarise_attendance(PEOPLE, {2, 4})
    assert [line.key for line in summary.by_sector] == ["labour", "law-enforcement", "partner"]
    police = summary.by_sector[1]
    assert (police.present_total, police.expected_total, police.women_share) == (2, 2, 0.0)
