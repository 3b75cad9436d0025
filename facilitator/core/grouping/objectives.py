"""What the solver minimises, in its order of priority, and how each one is reported.

A grouping is judged on six objectives, one after the other: an objective counts only once every
objective before it is as good as it can be (a lexicographic order). So the *bound* of an
objective is the fewest it can be among the groupings that are best on every objective before
it, and an objective is *proven* when the grouping reaches its bound and every objective before
it is proven too. Reporting each one separately keeps the report honest: a round may be proven
best on its balance while its repeated pairs are merely near their pigeonhole bound.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "BALANCE",
    "COMPATRIOTS",
    "LONE",
    "OBJECTIVES",
    "OBJECTIVE_LABELS",
    "REPEATS",
    "ROLES",
    "SIZE",
    "Objective",
    "Proofs",
    "judge",
]

#: People outside the fair share of group size.
SIZE = "size"
#: Facilitators and rapporteurs outside their fair share (one of each per group when there are enough).
ROLES = "roles"
#: Women, men and sectors outside their fair share, and delegations above their cap.
BALANCE = "balance"
#: Groups holding exactly one woman, or one member of a sector.
LONE = "lone"
#: Pairs of the same delegation in a group (mixed groups only; country teams are together by design).
COMPATRIOTS = "compatriots"
#: Pairs who already shared a group in an earlier round, counted once per earlier round.
REPEATS = "repeats"

OBJECTIVES = (SIZE, ROLES, BALANCE, LONE, COMPATRIOTS, REPEATS)

OBJECTIVE_LABELS = {
    SIZE: "Group sizes",
    ROLES: "Facilitators and rapporteurs",
    BALANCE: "Sex, sector and country balance",
    LONE: "Lone members",
    COMPATRIOTS: "Compatriot pairs",
    REPEATS: "Pairs meeting again",
}

#: Lower bounds a solver proved for one request, by objective (each valid for the groupings that
#: are best on every objective before it).
Proofs = Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Objective:
    """One objective of one grouping.

    Attributes:
        name: One of ``OBJECTIVES``.
        value: How much of it the grouping has (people, groups or pairs).
        bound: The fewest possible among the groupings that are best on every objective before
            this one (a proven lower bound; the true fewest may be higher when not proven).
        proven: Whether this grouping is proven best on this objective and on every one before.
    """

    name: str
    value: int
    bound: int
    proven: bool

    @property
    def label(self) -> str:
        """What people read ("Lone members")."""
        return OBJECTIVE_LABELS[self.name]

    def as_json(self) -> dict[str, object]:
        """Plain data for ``--json`` output."""
        return {"value": self.value, "bound": self.bound, "proven": self.proven}


def judge(values: Mapping[str, int], bounds: Mapping[str, int]) -> tuple[Objective, ...]:
    """The objectives in priority order, each proven only if it and every earlier one is at its bound.

    Args:
        values: The grouping's value of each objective that applies (in any order).
        bounds: A proven lower bound for each of them.
    """
    judged = []
    proven = True
    for name in OBJECTIVES:
        if name not in values:
            continue
        value, bound = values[name], bounds[name]
        proven = proven and value <= bound
        judged.append(Objective(name, value, bound, proven))
    return tuple(judged)
