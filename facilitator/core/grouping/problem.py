"""The grouping request turned into numbers: movable items, counters per group, and their costs.

Every rule of the request becomes a *counter*: something counted in each group (people, women, a
sector, a delegation, facilitators, people who shared group 3 of an earlier round, a keep-apart
pair) with a cost for each possible count. Balance rules cost nothing inside the fair-share band
[floor, ceil] of ``total / groups`` and a weight per person outside it; a lone woman or lone sector
member costs a smaller weight; each pair of one delegation in a group costs less again, and each
pair meeting again least. The weights keep the priorities of
:mod:`facilitator.core.grouping.objectives`: keep-apart, size, roles, balance, lone members,
compatriot pairs, repeated pairs. Only the changes one move makes are ever compared, and those
stay far below the gap between two weights.

People with the same features are interchangeable for every balance rule, which is why the exact
model in :mod:`facilitator.core.grouping.exact` works on counts by type and stays small.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Mapping
from dataclasses import dataclass

from facilitator.core.errors import InputError
from facilitator.core.grouping.bounds import RelaxedBounds, relaxed_bounds
from facilitator.core.grouping.keys import LONE_KEYS, fair_band, person_keys
from facilitator.core.grouping.objectives import (
    BALANCE,
    COMPATRIOTS,
    LONE,
    REPEATS,
    ROLES,
    SIZE,
)
from facilitator.core.grouping.request import COUNTRY, GroupingRequest
from facilitator.core.participants import Participant

__all__ = [
    "APART",
    "WEIGHTS",
    "W_APART",
    "W_BALANCE",
    "W_COMPATRIOT",
    "W_LONE",
    "W_REPEAT",
    "W_ROLE",
    "W_SIZE",
    "Counter",
    "Problem",
    "build_problem",
]

#: Objective of the keep-apart counters: above every other (a rule more than an objective).
APART = "apart"

W_APART = 10**30
W_SIZE = 10**25
W_ROLE = 10**20
W_BALANCE = 10**15
W_LONE = 10**10
W_COMPATRIOT = 10**5
W_REPEAT = 1
#: Weight of one unit of each objective.
WEIGHTS = {
    APART: W_APART,
    SIZE: W_SIZE,
    ROLES: W_ROLE,
    BALANCE: W_BALANCE,
    LONE: W_LONE,
    COMPATRIOTS: W_COMPATRIOT,
    REPEATS: W_REPEAT,
}
_OBJECTIVE_OF_KIND = {"size": SIZE, "role": ROLES, "sex": BALANCE, "sector": BALANCE, "delegation": BALANCE}


@dataclass(frozen=True, slots=True)
class Counter:
    """Something counted in every group, with the cost of each count.

    Attributes:
        key: Stable identifier, e.g. ``size``, ``sex:F``, ``sector:labour``, ``delegation:TH``,
            ``role:facilitator``, ``met:0:3`` (group 4 of the first earlier round), ``apart:2``.
        objective: Objective its band counts towards (``SIZE``, ``ROLES``, ``BALANCE``, ``APART``),
            or "" for a counter of pairs only.
        pairs: Objective its pairs count towards (``COMPATRIOTS``, ``REPEATS``), or "".
        total: How many people carry it.
        low: Fewest per group without cost.
        high: Most per group without cost.
        lone: Whether a group holding exactly one is a lone member.
        costs: Cost of each count from 0 to ``total``.
        off: For each count, whether the repair search should change it: outside the band, a lone
            member, or (for counters of pairs) outside the even spread [floor, ceil], which is
            what the pairs' bound asks of every delegation and every earlier group.
    """

    key: str
    objective: str
    pairs: str
    total: int
    low: int
    high: int
    lone: bool
    costs: tuple[int, ...]
    off: tuple[bool, ...]

    def excess(self, count: int) -> int:
        """People outside the band at this count."""
        return max(0, self.low - count) + max(0, count - self.high) if self.objective else 0


def _counter(
    key: str, objective: str, pairs: str, total: int, band: tuple[int, int], lone: bool, groups: int
) -> Counter:
    low, high = band
    weight = WEIGHTS.get(objective, 0)
    pair_weight = WEIGHTS.get(pairs, 0)
    even_low, even_high = total // groups, -(-total // groups)
    costs = []
    off = []
    for c in range(total + 1):
        outside = max(0, low - c) + max(0, c - high) if objective else 0
        costs.append(weight * outside + (W_LONE if lone and c == 1 else 0) + pair_weight * (c * (c - 1) // 2))
        uneven = bool(pairs) and not even_low <= c <= even_high
        off.append(bool(outside) or (lone and c == 1) or uneven)
    return Counter(key, objective, pairs, total, low, high, lone, tuple(costs), tuple(off))


@dataclass(frozen=True, slots=True)
class Problem:
    """A request in the form the solvers work on.

    Attributes:
        request: The request it was built from.
        groups: Number of groups.
        counters: Every counter.
        items: Movable units as indices into ``request.people`` (a person, or a whole delegation in
            country mode).
        features: For each item, ``(counter index, how many of its people carry it)``.
        feature_maps: The same as dictionaries (a swap looks up the other item's counts).
        fixed: Item index → group for pinned items.
        relaxed: The relaxed bounds of :mod:`.bounds` (valid for every assignment).
        bounds: What the search aims at: those bounds, lone members as if balanced (valid as
            bounds only for an assignment that is balanced; see :meth:`proven_bounds`).
        bound: Their weighted sum: no assignment costs less once it is balanced.
    """

    request: GroupingRequest
    groups: int
    counters: tuple[Counter, ...]
    items: tuple[tuple[int, ...], ...]
    features: tuple[tuple[tuple[int, int], ...], ...]
    feature_maps: tuple[dict[int, int], ...]
    fixed: dict[int, int]
    relaxed: RelaxedBounds
    bounds: dict[str, int]
    bound: int

    def person(self, index: int) -> Participant:
        """A participant by index into the request's people."""
        return self.request.people[index]

    def proven_bounds(self, values: Mapping[str, int]) -> dict[str, int]:
        """Bounds valid for an assignment with these objective values."""
        return self.relaxed.for_grouping(balanced=not (values[SIZE] or values[ROLES] or values[BALANCE]))

    @property
    def has_history(self) -> bool:
        """Whether earlier rounds count (repeated pairs are then left to the annealing)."""
        return any(c.pairs == REPEATS for c in self.counters)


def _make_items(request: GroupingRequest) -> list[tuple[int, ...]]:
    if request.mode != COUNTRY:
        return [(i,) for i in range(len(request.people))]
    blocks: dict[str, list[int]] = {}
    items: list[tuple[int, ...]] = []
    for index, person in enumerate(request.people):
        if person.is_member_state:
            blocks.setdefault(person.delegation, []).append(index)
        else:
            items.append((index,))
    return [tuple(members) for members in blocks.values()] + items


def _pinned_items(request: GroupingRequest, items: list[tuple[int, ...]]) -> dict[int, int]:
    item_of = {request.people[i].id: n for n, members in enumerate(items) for i in members}
    fixed: dict[int, int] = {}
    by_id = {p.id: p for p in request.people}
    for pid, group in request.pins:
        item = item_of[pid]
        if fixed.get(item, group) != group:
            delegation = by_id[pid].delegation
            raise InputError(
                f"Delegation {delegation} stays together in country mode, but its members are pinned "
                "to different groups: pin them to the same group or unpin them."
            )
        fixed[item] = group
    for a, b in request.apart:
        if item_of[a] == item_of[b]:
            raise InputError(
                f"{by_id[a].name} and {by_id[b].name} must be kept apart, but country mode keeps "
                f"delegation {by_id[a].delegation} together: drop the pair or use spread mode."
            )
    return fixed


def _history_keys(request: GroupingRequest, keys_of: list[list[str]], totals: Tally[str]) -> None:
    present = {p.id: i for i, p in enumerate(request.people)}
    for rnd, earlier in enumerate(request.history):
        for h, members in enumerate(earlier):
            here = [present[pid] for pid in members if pid in present]
            if len(here) > 1:
                for i in here:
                    keys_of[i].append(f"met:{rnd}:{h}")
                totals[f"met:{rnd}:{h}"] = len(here)


def _make_counter(key: str, total: int, groups: int) -> Counter:
    kind = key.split(":", 1)[0]
    if kind == "apart":
        return _counter(key, APART, "", total, (0, 1), False, groups)
    if kind == "met":
        return _counter(key, "", REPEATS, total, (0, total), False, groups)
    pairs = COMPATRIOTS if kind == "delegation" else ""
    band = fair_band(key, total, groups)
    return _counter(key, _OBJECTIVE_OF_KIND[kind], pairs, total, band, key in LONE_KEYS, groups)


def build_problem(request: GroupingRequest, items: list[tuple[int, ...]] | None = None) -> Problem:
    """Turn a validated request into counters and items.

    Args:
        request: What to solve.
        items: How people form movable units, as indices into ``request.people`` (by default a
            unit per person, or per Member State delegation for country teams). Placing late
            arrivals makes every placed person a unit of their own, pinned where they sit.

    Raises:
        InputError: The request contradicts itself (see :meth:`GroupingRequest.validate`).
    """
    request.validate()
    groups = request.groups
    keys_of = [person_keys(p, request.mode) for p in request.people]
    totals = Tally(k for keys in keys_of for k in keys)
    present = {p.id: i for i, p in enumerate(request.people)}
    for number, (a, b) in enumerate(request.apart):
        for pid in (a, b):
            keys_of[present[pid]].append(f"apart:{number}")
        totals[f"apart:{number}"] += 2
    _history_keys(request, keys_of, totals)
    counters = tuple(_make_counter(key, totals[key], groups) for key in sorted(totals))
    index_of = {c.key: n for n, c in enumerate(counters)}

    items = items if items is not None else _make_items(request)
    fixed = _pinned_items(request, items)
    features = []
    for members in items:
        tally = Tally(index_of[k] for i in members for k in keys_of[i])
        features.append(tuple(sorted(tally.items())))
    relaxed = relaxed_bounds(request, groups)
    bounds = relaxed.for_grouping(balanced=True)
    bound = sum(WEIGHTS[name] * value for name, value in bounds.items())
    maps = tuple(dict(f) for f in features)
    return Problem(
        request, groups, counters, tuple(items), tuple(features), maps, fixed, relaxed, bounds, bound
    )
