"""Counts by sex, sector and delegation, and the women's share per delegation."""

from __future__ import annotations

from facilitator.core.participants import Participant
from facilitator.core.statistics import roster_statistics


def test_counts_and_women_share() -> None:
    """Delegations below the target are listed; ASEAN members come first in ASEAN order."""
    people = [
        Participant(1, "A", sex="F", delegation="VN", sector="labour"),
        Participant(2, "B", sex="M", delegation="VN", sector="law-enforcement"),
        Participant(3, "C", sex="M", delegation="BN", sector="labour"),
        Participant(4, "D", sex="M", delegation="BN", sector="law-enforcement"),
        Participant(5, "E", sex="F", delegation="ILO", sector="partner"),
    ]
    stats = roster_statistics(people)
    data = stats.as_json()
    assert data["participants"] == 5
    assert data["by_sex"] == {"F": 2, "M": 3}
    assert data["by_sector"] == {"labour": 2, "law-enforcement": 2, "partner": 1}
    assert list(data["by_delegation"]) == ["BN", "VN", "ILO"]
    assert data["delegations_below_target"] == ["BN"]
    bn = stats.balances[0]
    assert (bn.women, bn.men, bn.total, bn.share) == (0, 2, 2, 0.0)
