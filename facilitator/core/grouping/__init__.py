"""Breakout groups balanced by sector, sex and country.

Pure and deterministic: the same request and seed give the same groups. Public names::

    assign_groups(GroupingRequest) -> GroupingResult
    evaluate(request, groups) -> GroupingQuality     (for manual changes)
    Eligibility, GroupingRequest, groups_for_size, SPREAD, COUNTRY
"""

from __future__ import annotations

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
    "COUNTRY",
    "MODES",
    "OK",
    "OVER",
    "SPREAD",
    "UNDER",
    "Balance",
    "Eligibility",
    "GroupingQuality",
    "GroupingRequest",
    "GroupingResult",
    "assign_groups",
    "evaluate",
    "groups_for_size",
]
