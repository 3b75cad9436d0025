"""Lower bounds that need no search: each objective relaxed on its own.

Every bound here holds for *every* grouping of the request (or, for lone members, for every
grouping that keeps all fair shares), because it solves a looser problem: each count is placed
on its own, people of a delegation or an earlier group may be split at will, and pinned people
stay where they are pinned. A solver that reaches such a bound has therefore proven its result
without any exact search, which is how the common cases stay fast and free of OR-Tools.

The bounds are exact, not just valid, on most real rosters: a balanced round of mixed groups
reaches them, which the property tests check against brute force on small rosters.
"""

from __future__ import annotations

import heapq
from collections import Counter as Tally
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.grouping.keys import LONE_KEYS, even_pairs, fair_band, person_keys
from facilitator.core.grouping.objectives import BALANCE, COMPATRIOTS, LONE, REPEATS, ROLES, SIZE
from facilitator.core.grouping.request import COUNTRY, SPREAD, GroupingRequest

__all__ = ["RelaxedBounds", "band_bound", "lone_in_bands", "relaxed_bounds", "spread_pairs"]

_TIER_OF_KIND = {"size": SIZE, "role": ROLES, "sex": BALANCE, "sector": BALANCE, "delegation": BALANCE}


def band_bound(low: int, high: int, fixed: Sequence[int], free: int) -> int:
    """Fewest people outside [low, high] once ``free`` more are added to groups already holding ``fixed``."""
    over = sum(max(0, f - high) for f in fixed)
    deficit = sum(max(0, low - f) for f in fixed)
    room = sum(max(0, high - max(f, low)) for f in fixed)
    if free <= deficit:
        return over + deficit - free
    return over + max(0, free - deficit - room)


def spread_pairs(fixed: Sequence[int], free: int) -> int:
    """Fewest pairs sharing a group once ``free`` more are added to groups holding ``fixed``
    (each goes where the fewest already are)."""
    if not any(fixed):
        return even_pairs(free, len(fixed))
    heap = list(fixed)
    heapq.heapify(heap)
    for _ in range(free):
        heapq.heapreplace(heap, heap[0] + 1)
    return sum(c * (c - 1) // 2 for c in heap)


def lone_in_bands(low: int, high: int, fixed: Sequence[int], total: int) -> int:
    """Fewest groups holding exactly one when every group keeps [low, high] (and its fixed people).

    A small dynamic programme over the people added beyond each group's minimum; the bands are
    narrow, so it stays tiny. Returns 0 when the bands cannot hold (the bound is then not used).
    """
    ranges = [(max(low, f), high) for f in fixed]
    if any(a > b for a, b in ranges):
        return 0
    extra = total - sum(a for a, _ in ranges)
    if extra < 0 or extra > sum(b - a for a, b in ranges):
        return 0
    unreachable = len(fixed) + 1
    best = [0] + [unreachable] * extra
    for a, b in ranges:
        step = [unreachable] * (extra + 1)
        for used, lone in enumerate(best):
            if lone == unreachable:
                continue
            for count in range(a, min(b, a + extra - used) + 1):
                at = used + count - a
                step[at] = min(step[at], lone + (count == 1))
        best = step
    return best[extra]


@dataclass(frozen=True, slots=True)
class RelaxedBounds:
    """Bounds by objective from the relaxations above.

    Attributes:
        values: Bound of each objective that applies (compatriot pairs only in mixed groups).
        lone_if_balanced: Fewest lone members when every fair share holds; valid only for a
            grouping whose size, role and balance objectives are all zero.
    """

    values: dict[str, int]
    lone_if_balanced: int

    def for_grouping(self, balanced: bool) -> dict[str, int]:
        """The bounds to judge a grouping by: the sharper lone bound once it is balanced."""
        if not balanced:
            return dict(self.values)
        return {**self.values, LONE: max(self.values[LONE], self.lone_if_balanced)}


def _fixed_groups(request: GroupingRequest) -> dict[int, int]:
    """Group of each pinned person; in country mode a pin holds the person's whole delegation."""
    fixed = dict(request.pins)
    if request.mode == COUNTRY:
        teams = {p.delegation: fixed[p.id] for p in request.people if p.id in fixed and p.is_member_state}
        for person in request.people:
            if person.is_member_state and person.delegation in teams:
                fixed[person.id] = teams[person.delegation]
    return fixed


def _repeat_bound(request: GroupingRequest, groups: int, fixed: dict[int, int]) -> int:
    """Pigeonhole bound on pairs meeting again: by new group (rows) and by earlier group (columns)."""
    present = {p.id for p in request.people}
    total = 0
    for earlier in request.history:
        here = [[pid for pid in members if pid in present] for members in earlier]
        bins = sum(1 for members in here if members)
        if not bins:
            continue
        q, r = divmod(sum(len(members) for members in here), groups)
        rows = r * even_pairs(q + 1, bins) + (groups - r) * even_pairs(q, bins)
        columns = 0
        for members in here:
            counts = [0] * groups
            for pid in members:
                if pid in fixed:
                    counts[fixed[pid]] += 1
            columns += spread_pairs(counts, len(members) - sum(counts))
        total += max(rows, columns)
    return total


def relaxed_bounds(request: GroupingRequest, groups: int) -> RelaxedBounds:
    """Every objective's relaxed bound for ``request`` split into ``groups`` groups."""
    fixed_group = _fixed_groups(request)
    totals: Tally[str] = Tally()
    fixed: dict[str, list[int]] = {}
    for person in request.people:
        for key in person_keys(person, request.mode):
            totals[key] += 1
            if person.id in fixed_group:
                fixed.setdefault(key, [0] * groups)[fixed_group[person.id]] += 1
    values = {SIZE: 0, ROLES: 0, BALANCE: 0, LONE: 0, REPEATS: 0}
    if request.mode == SPREAD:
        values[COMPATRIOTS] = 0
    lone_if_balanced = 0
    for key, total in totals.items():
        low, high = fair_band(key, total, groups)
        counts = fixed.get(key, [0] * groups)
        free = total - sum(counts)
        values[_TIER_OF_KIND[key.split(":", 1)[0]]] += band_bound(low, high, counts, free)
        if key in LONE_KEYS:
            values[LONE] += max(0, sum(1 for c in counts if c == 1) - free)
            lone_if_balanced += lone_in_bands(low, high, counts, total)
        if key.startswith("delegation:"):
            values[COMPATRIOTS] += spread_pairs(counts, free)
    values[REPEATS] = _repeat_bound(request, groups, fixed_group)
    return RelaxedBounds(values, lone_if_balanced)
