"""Breakout groups balanced by sector, sex and country.

Pure and deterministic: the same request and seed give the same groups. Public names::

    assign_groups(GroupingRequest) -> GroupingResult
    place_late(request, groups, late) -> LatePlacement   (late arrivals; nobody placed moves)
    evaluate(request, groups, proofs) -> GroupingQuality (for manual changes)
    proofs_to_text / proofs_from_text                    (proofs stored with a round)
    Eligibility, GroupingRequest, groups_for_size, SPREAD, COUNTRY
    Objective and the objective names SIZE … REPEATS, in priority order in OBJECTIVES
"""

from __future__ import annotations

from facilitator.core.grouping.late import LatePlacement, place_late
from facilitator.core.grouping.objectives import (
    BALANCE,
    COMPATRIOTS,
    LONE,
    OBJECTIVE_LABELS,
    OBJECTIVES,
    REPEATS,
    ROLES,
    SIZE,
    Objective,
    Proofs,
)
from facilitator.core.grouping.proof_record import proofs_from_text, proofs_to_text
from facilitator.core.grouping.quality import OK, OVER, UNDER, Balance, GroupingQuality, evaluate
from facilitator.core.grouping.request import (
    COUNTRY,
    MODES,
    SPREAD,
    Eligibility,
    GroupingRequest,
    groups_for_size,
)
from facilitator.core.grouping.solver import GroupingResult, assign_groups

__all__ = [
    "BALANCE",
    "COMPATRIOTS",
    "COUNTRY",
    "LONE",
    "MODES",
    "OBJECTIVES",
    "OBJECTIVE_LABELS",
    "OK",
    "OVER",
    "REPEATS",
    "ROLES",
    "SIZE",
    "SPREAD",
    "UNDER",
    "Balance",
    "Eligibility",
    "GroupingQuality",
    "GroupingRequest",
    "GroupingResult",
    "LatePlacement",
    "Objective",
    "Proofs",
    "assign_groups",
    "evaluate",
    "groups_for_size",
    "place_late",
    "proofs_from_text",
    "proofs_to_text",
]
