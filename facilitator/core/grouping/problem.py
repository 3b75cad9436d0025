"""The grouping request turned into numbers: movable items, counters per group, and their costs.

Every rule of the request becomes a *counter*: something counted in each group (people, women, a
sector, a delegation, facilitators, people who shared group 3 of an earlier round, a keep-apart
pair) with a cost for each possible count. Balance rules cost nothing inside the fair-share band
[floor, ceil] of ``total / groups`` and a weight per person outside it; a lone woman or lone sector
member costs a smaller weight; repeated pairs cost one per pair. The weights are ordered so that a
lower-priority rule can never outweigh a higher one: keep-apart, size, roles, balance, lone, repeats.

People with the same features are interchangeable for every rule, which is why the exact model in
:mod:`facilitator.core.grouping.exact` works on counts by type and stays small.
"""

from __future__ import annotations

from collections import Counter as Tally
from dataclasses import dataclass

from facilitator.core.errors import InputError
from facilitator.core.grouping.request import COUNTRY, SPREAD, GroupingRequest
from facilitator.core.participants import Participant

__all__ = [
    "BAND",
    "PAIRS",
    "W_APART",
    "W_BALANCE",
    "W_LONE",
    "W_REPEAT",
    "W_ROLE",
    "W_SIZE",
    "Counter",
    "Problem",
    "build_problem",
    "lone_floor",
    "sector_class",
]

BAND = "band"
PAIRS = "pairs"

W_APART = 10**17
W_SIZE = 10**15
W_ROLE = 10**11
W_BALANCE = 10**8
W_LONE = 10**5
W_REPEAT = 1

#: Sectors balanced on their own; every other sector counts as "other".
BALANCED_SECTORS = ("labour", "law-enforcement")
GROUP_ROLES = ("facilitator", "rapporteur")


def sector_class(sector: str) -> str:
    """The sector as balanced: labour, law enforcement, or other."""
    return sector if sector in BALANCED_SECTORS else "other"


@dataclass(frozen=True, slots=True)
class Counter:
    """Something counted in every group, with the cost of each count.

    Attributes:
        key: Stable identifier, e.g. ``size``, ``sex:F``, ``sector:labour``, ``delegation:TH``,
            ``role:facilitator``, ``met:0:3`` (group 4 of the first earlier round), ``apart:2``.
        kind: ``BAND`` (fair share, caps, keep-apart) or ``PAIRS`` (repeated pairs).
        total: How many people carry it.
        low: Fewest per group without cost.
        high: Most per group without cost.
        weight: Cost per person outside [low, high].
        lone_weight: Cost of a group holding exactly one (0: a lone member is fine).
        costs: Cost of each count from 0 to ``total``.
    """

    key: str
    kind: str
    total: int
    low: int
    high: int
    weight: int
    lone_weight: int
    costs: tuple[int, ...]

    def excess(self, count: int) -> int:
        """People outside the band at this count."""
        return max(0, self.low - count) + max(0, count - self.high)


def _band(key: str, total: int, low: int, high: int, weight: int, lone_weight: int = 0) -> Counter:
    costs = tuple(
        weight * (max(0, low - c) + max(0, c - high)) + (lone_weight if c == 1 else 0)
        for c in range(total + 1)
    )
    return Counter(key, BAND, total, low, high, weight, lone_weight, costs)


def _fair(key: str, total: int, groups: int, weight: int, lone_weight: int = 0) -> Counter:
    return _band(key, total, total // groups, -(-total // groups), weight, lone_weight)


def _pairs(key: str, total: int) -> Counter:
    costs = tuple(W_REPEAT * c * (c - 1) // 2 for c in range(total + 1))
    return Counter(key, PAIRS, total, 0, total, W_REPEAT, 0, costs)


def lone_floor(total: int, groups: int) -> int:
    """Fewest groups holding exactly one of ``total`` people when every group keeps its fair share."""
    low, high = total // groups, -(-total // groups)
    if total == 0 or low >= 2:
        return 0
    if high <= 1:
        return total
    return 2 * groups - total


def _even_pairs(people: int, bins: int) -> int:
    """Pairs sharing a bin when ``people`` are spread as evenly as possible over ``bins``."""
    q, r = divmod(people, bins)
    return r * (q + 1) * q // 2 + (bins - r) * q * (q - 1) // 2


def repeat_floor(groups: int, earlier: list[int]) -> int:
    """Fewest pairs that must meet again (pigeonhole), given the earlier round's group sizes.

    Args:
        groups: Number of new groups.
        earlier: Sizes of the earlier round's groups, counting only people in this round.
    """
    present = sum(earlier)
    bins = sum(1 for size in earlier if size)
    if not present or not bins:
        return 0
    q, r = divmod(present, groups)
    rows = r * _even_pairs(q + 1, bins) + (groups - r) * _even_pairs(q, bins)
    columns = sum(_even_pairs(size, groups) for size in earlier)
    return max(rows, columns)


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
        fixed: Item index → group for pinned items.
        bound: Proven lower bound on the total cost (size, roles, balance, lone, repeats).
        lone_bound: Fewest lone members possible within the fair-share bands.
        repeat_bound: Fewest repeated pairs possible (pigeonhole).
        balance_bound: Fewest people outside their bands, as far as is known without search.
    """

    request: GroupingRequest
    groups: int
    counters: tuple[Counter, ...]
    items: tuple[tuple[int, ...], ...]
    features: tuple[tuple[tuple[int, int], ...], ...]
    fixed: dict[int, int]
    bound: int
    lone_bound: int
    repeat_bound: int
    balance_bound: int

    def person(self, index: int) -> Participant:
        """A participant by index into the request's people."""
        return self.request.people[index]


def _person_keys(person: Participant, mode: str) -> list[str]:
    keys = ["size", f"sector:{sector_class(person.sector)}"]
    if person.sex in ("F", "M"):
        keys.append(f"sex:{person.sex}")
    if person.role in GROUP_ROLES:
        keys.append(f"role:{person.role}")
    if mode == SPREAD and person.delegation:
        keys.append(f"delegation:{person.delegation}")
    return keys


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


def build_problem(request: GroupingRequest) -> Problem:
    """Turn a validated request into counters and items.

    Raises:
        InputError: The request contradicts itself (see :meth:`GroupingRequest.validate`).
    """
    request.validate()
    groups = request.groups
    people = request.people
    keys_of = [_person_keys(p, request.mode) for p in people]
    totals = Tally(k for keys in keys_of for k in keys)
    present = {p.id: i for i, p in enumerate(people)}
    for number, (a, b) in enumerate(request.apart):
        for pid in (a, b):
            keys_of[present[pid]].append(f"apart:{number}")
        totals[f"apart:{number}"] += 2
    history_sizes: list[list[int]] = []
    for rnd, earlier in enumerate(request.history):
        sizes = []
        for h, members in enumerate(earlier):
            here = [present[pid] for pid in members if pid in present]
            sizes.append(len(here))
            if len(here) > 1:
                for i in here:
                    keys_of[i].append(f"met:{rnd}:{h}")
                totals[f"met:{rnd}:{h}"] = len(here)
        history_sizes.append(sizes)

    counters: list[Counter] = []
    for key in sorted(totals):
        total = totals[key]
        kind = key.split(":", 1)[0]
        if kind == "size":
            counters.append(_fair(key, total, groups, W_SIZE))
        elif kind == "role":
            counters.append(_fair(key, total, groups, W_ROLE))
        elif kind == "sex":
            counters.append(_fair(key, total, groups, W_BALANCE, W_LONE if key == "sex:F" else 0))
        elif kind == "sector":
            counters.append(_fair(key, total, groups, W_BALANCE, W_LONE))
        elif kind == "delegation":
            counters.append(_band(key, total, 0, -(-total // groups), W_BALANCE))
        elif kind == "apart":
            counters.append(_band(key, total, 0, 1, W_APART))
        else:
            counters.append(_pairs(key, total))
    index_of = {c.key: n for n, c in enumerate(counters)}

    items = _make_items(request)
    fixed = _pinned_items(request, items)
    features = []
    for members in items:
        tally = Tally(index_of[k] for i in members for k in keys_of[i])
        features.append(tuple(sorted(tally.items())))

    pinned = Tally((k, group) for item, group in fixed.items() for k, m in features[item] for _ in range(m))
    over = [(counters[k], n - counters[k].high) for (k, _g), n in pinned.items() if n > counters[k].high]
    forced = sum(c.weight * n for c, n in over if c.kind == BAND)
    balance_bound = sum(n for c, n in over if c.kind == BAND and c.weight <= W_BALANCE)
    lone_bound = 0
    if request.mode == SPREAD and balance_bound == 0:
        lone_bound = sum(lone_floor(c.total, groups) for c in counters if c.lone_weight)
    repeat_bound = sum(repeat_floor(groups, sizes) for sizes in history_sizes)
    bound = forced + W_LONE * lone_bound + W_REPEAT * repeat_bound
    return Problem(
        request=request,
        groups=groups,
        counters=tuple(counters),
        items=tuple(items),
        features=tuple(features),
        fixed=fixed,
        bound=bound,
        lone_bound=lone_bound,
        repeat_bound=repeat_bound,
        balance_bound=balance_bound,
    )
