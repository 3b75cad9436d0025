"""Counts that organisers and donors ask for: sex, sector and delegation, and the women's share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.participants import ASEAN_MEMBERS, SECTORS, SEXES, Participant

__all__ = ["DelegationBalance", "RosterStatistics", "roster_statistics"]


@dataclass(frozen=True, slots=True)
class DelegationBalance:
    """Sex balance of one delegation against the women's target.

    Attributes:
        delegation: Delegation code or organisation name.
        women: Number of women.
        men: Number of men.
        total: Number of people.
        target: Share of women asked for (0–1).
    """

    delegation: str
    women: int
    men: int
    total: int
    target: float

    @property
    def share(self) -> float:
        """Women's share, 0 for an empty delegation."""
        return self.women / self.total if self.total else 0.0

    @property
    def meets_target(self) -> bool:
        """Whether the delegation reaches the target (a small float tolerance is allowed)."""
        return self.share + 1e-9 >= self.target


@dataclass(frozen=True, slots=True)
class RosterStatistics:
    """Counts over a list of participants, ready for a table, a chart or JSON."""

    participants: int
    by_sex: dict[str, int]
    by_sector: dict[str, int]
    by_delegation: dict[str, int]
    balances: tuple[DelegationBalance, ...]

    def as_json(self) -> dict[str, object]:
        """The shape promised by ``facilitator stats --json``."""
        return {
            "participants": self.participants,
            "by_sex": self.by_sex,
            "by_sector": self.by_sector,
            "by_delegation": self.by_delegation,
            "women_share_by_delegation": {b.delegation: round(b.share, 4) for b in self.balances},
            "delegations_below_target": [b.delegation for b in self.balances if not b.meets_target],
        }


def _delegation_order(code: str) -> tuple[int, int, str]:
    members = list(ASEAN_MEMBERS)
    return (0, members.index(code), "") if code in ASEAN_MEMBERS else (1, 0, code.casefold())


def roster_statistics(people: Iterable[Participant], women_target: float = 0.5) -> RosterStatistics:
    """Count people by sex, sector and delegation and check each delegation's women's share.

    Member States come first in ASEAN order, then organisations alphabetically, so tables read the
    same way in every document.
    """
    people = list(people)
    sex = Counter(p.sex for p in people)
    sector = Counter(p.sector for p in people)
    delegation = Counter(p.delegation for p in people)
    women = Counter(p.delegation for p in people if p.sex == "F")
    men = Counter(p.delegation for p in people if p.sex == "M")
    order = sorted(delegation, key=_delegation_order)
    return RosterStatistics(
        participants=len(people),
        by_sex={s: sex[s] for s in SEXES if sex[s]},
        by_sector={s: sector[s] for s in (*SECTORS, "") if sector[s]},
        by_delegation={d: delegation[d] for d in order},
        balances=tuple(DelegationBalance(d, women[d], men[d], delegation[d], women_target) for d in order),
    )
