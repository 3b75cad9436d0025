"""Late arrivals: each person checked in after the groups were announced joins the group where they
do the least harm, and nobody already placed moves.

The placement is the same problem as forming a round, with every placed person pinned where they
sit: the late arrivals are the only movable units. Their fair shares are those of the round as it
will be (with them), so a group short of a woman gets the late woman, and a share that can no
longer hold everywhere is missed by as little as possible. A few late arrivals are placed
greedily, then improved by moves and swaps among themselves; when that does not reach the
relaxed bounds of :mod:`.bounds` (computed with everyone placed fixed), a branch and bound over
their few possible placements decides (CP-SAT only for many at once), so the placement is the
best possible without moving anyone.

In country teams a late member of a delegation joins their delegation (where most of it sits);
a delegation arriving whole is placed as one unit.
"""

from __future__ import annotations

import random
from collections import Counter as Tally
from collections.abc import Sequence
from dataclasses import dataclass, replace

from facilitator.core.errors import InputError
from facilitator.core.grouping.exact import solve_exact
from facilitator.core.grouping.objectives import OBJECTIVES
from facilitator.core.grouping.problem import W_LONE, Problem, build_problem
from facilitator.core.grouping.quality import GroupingQuality, evaluate
from facilitator.core.grouping.request import COUNTRY, GroupingRequest
from facilitator.core.grouping.search import Assignment, State, total_cost
from facilitator.core.grouping.solver import objective_values

__all__ = ["LatePlacement", "place_late"]

_ROLE_FIRST = {"facilitator": 0, "rapporteur": 1}
#: Most placements (groups ** units) searched exhaustively; beyond it CP-SAT decides.
_EXHAUSTIVE = 50_000


@dataclass(frozen=True, slots=True)
class LatePlacement:
    """Where the late arrivals went.

    Attributes:
        groups: Participant ids per group: everyone placed before, in their order, then the
            late arrivals who joined that group.
        arrivals: ``(participant id, group index)`` for each late arrival, in the order given.
        proven: Whether no other placement of the late arrivals (nobody else moving) is better.
        quality: The report on the whole round now.
    """

    groups: tuple[tuple[int, ...], ...]
    arrivals: tuple[tuple[int, int], ...]
    proven: bool
    quality: GroupingQuality


def _units(
    request: GroupingRequest, where: dict[int, int], late: list[int]
) -> tuple[list[list[int]], dict[int, int]]:
    """Late arrivals as movable units, and the late ones whose group is already decided.

    In country teams a late member of a delegation already placed goes where most of it sits,
    and late members of a delegation not yet placed move together.
    """
    if request.mode != COUNTRY:
        return [[pid] for pid in late], {}
    by_id = {p.id: p for p in request.people}
    seats: dict[str, Tally[int]] = {}
    for pid, group in where.items():
        if by_id[pid].is_member_state:
            seats.setdefault(by_id[pid].delegation, Tally())[group] += 1
    decided: dict[int, int] = {}
    teams: dict[str, list[int]] = {}
    units: list[list[int]] = []
    for pid in late:
        person = by_id[pid]
        if not person.is_member_state:
            units.append([pid])
        elif person.delegation in seats:
            decided[pid] = min(seats[person.delegation].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        else:
            teams.setdefault(person.delegation, []).append(pid)
    return [*teams.values(), *units], decided


def _greedy(problem: Problem, free: list[int], rng: random.Random) -> Assignment:
    """Everyone fixed where pinned; each late unit, largest and rarest first, where it costs least."""
    assignment = [problem.fixed.get(item, -1) for item in range(len(problem.items))]
    state = State(problem, assignment)
    order = sorted(free, key=lambda i: (-len(problem.items[i]), -len(problem.features[i]), rng.random()))
    for item in order:
        load = [len(m) for m in state.members]
        best = min(range(problem.groups), key=lambda g: (state.add_delta(item, g), load[g], rng.random()))
        state.place(item, best)
    return state.assignment


def _improve(problem: Problem, assignment: Assignment, free: list[int]) -> Assignment:
    """Best single move or swap among the late units until none helps (there are only a few)."""
    state = State(problem, assignment)
    while True:
        best = (0, -1, -1, -1)
        for item in free:
            for group in range(problem.groups):
                if group != state.assignment[item]:
                    delta = state.move_delta(item, group)
                    if delta < best[0]:
                        best = (delta, 0, item, group)
        for n, first in enumerate(free):
            for second in free[n + 1 :]:
                if state.assignment[first] != state.assignment[second]:
                    delta = state.swap_delta(first, second)
                    if delta < best[0]:
                        best = (delta, 1, first, second)
        delta, kind, item, other = best
        if item < 0:
            return state.assignment
        if kind == 0:
            state.move(item, other)
        else:
            state.swap(item, other)


def _branch_and_bound(problem: Problem, assignment: Assignment, free: list[int]) -> Assignment | None:
    """The best placement of the free units by exhaustive search with pruning, or None if too many.

    The bound: every count's cost is convex except the lone-member term, so each unit still to
    place adds at least its cheapest marginal cost now (lone terms left out, which can only
    lower the total). Units that look alike to every counter are placed in group order only,
    so alike units are not tried in every order.
    """
    if problem.groups ** len(free) > _EXHAUSTIVE:
        return None
    state = State(problem, [problem.fixed.get(i, -1) for i in range(len(problem.items))])
    lone_part = [[W_LONE if c.lone and n == 1 else 0 for n in range(c.total + 1)] for c in problem.counters]
    order = sorted(free, key=lambda i: (problem.features[i], i))
    best_cost = total_cost(problem, assignment)
    best = list(assignment)

    def cheapest(item: int) -> int:
        return min(
            sum(
                state.costs[k][state.count[k][g] + m]
                - state.costs[k][state.count[k][g]]
                - lone_part[k][state.count[k][g] + m]
                + lone_part[k][state.count[k][g]]
                for k, m in state.feats[item]
            )
            for g in range(problem.groups)
        )

    def lone_cost() -> int:
        return sum(lone_part[k][c] for k, row in enumerate(state.count) for c in row)

    def place(depth: int, first_group: int) -> None:
        nonlocal best_cost, best
        if depth == len(order):
            if state.cost < best_cost:
                best_cost, best = state.cost, list(state.assignment)
            return
        rest = sum(cheapest(item) for item in order[depth:])
        if state.cost - lone_cost() + rest >= best_cost:
            return
        item = order[depth]
        alike = depth + 1 < len(order) and problem.features[order[depth + 1]] == problem.features[item]
        for group in range(first_group, problem.groups):
            state.place(item, group)
            place(depth + 1, group if alike else 0)
            state.remove(item)

    place(0, 0)
    return best


def _at_bounds(problem: Problem, assignment: Assignment, proofs: dict[str, int]) -> bool:
    values = objective_values(problem, assignment)
    bounds = problem.proven_bounds(values)
    for name, bound in proofs.items():
        bounds[name] = max(bound, bounds.get(name, 0))
    return all(values[name] <= bounds[name] for name in bounds)


def place_late(
    request: GroupingRequest, groups: Sequence[Sequence[int]], late: Sequence[int]
) -> LatePlacement:
    """Place late arrivals in a round without moving anyone already placed.

    Args:
        request: Everyone in the round once the late arrivals join (placed and late), with the
            round's mode, seed, pins, keep-apart pairs and earlier rounds; ``groups`` is ignored.
        groups: Participant ids per group now.
        late: Participant ids to place (people already placed are left where they are).

    Raises:
        InputError: A late arrival is not among the request's people, or the round has no groups.
    """
    if not groups:
        raise InputError("This round has no groups to add people to.")
    by_id = {p.id: p for p in request.people}
    where = {pid: g for g, members in enumerate(groups) for pid in members if pid in by_id}
    missing = [pid for pid in late if pid not in by_id]
    if missing:
        raise InputError(f"Participant {missing[0]} does not take part in this round.")
    arriving = [pid for pid in dict.fromkeys(late) if pid not in where]
    units, decided = _units(request, where, arriving)
    people = [by_id[pid] for pid in (*where, *arriving)]
    index = {p.id: n for n, p in enumerate(people)}
    fixed = {**where, **decided}
    apart = [
        (a, b) for a, b in request.apart if a in index and b in index and not (a in fixed and b in fixed)
    ]
    solving = replace(
        request, people=tuple(people), groups=len(groups), pins=tuple(fixed.items()), apart=tuple(apart)
    )
    items = [(index[pid],) for pid in fixed] + [tuple(index[pid] for pid in unit) for unit in units]
    problem = build_problem(solving, items)
    free = [n for n in range(len(items)) if n not in problem.fixed]
    rng = random.Random(request.seed)
    assignment = _improve(problem, _greedy(problem, free, rng), free)
    proven = _at_bounds(problem, assignment, {})
    exhaustive = None if proven else _branch_and_bound(problem, assignment, free)
    if exhaustive is not None:
        assignment, proven = exhaustive, True
    if not proven and free:
        objectives = [name for name in OBJECTIVES if name in problem.relaxed.values]
        exact = solve_exact(problem, assignment, request.seed, objectives)
        if exact.assignment is not None and total_cost(problem, exact.assignment) < total_cost(
            problem, assignment
        ):
            assignment = exact.assignment
        proven = len(exact.solved) == len(objectives) or _at_bounds(problem, assignment, exact.bounds)
    joined: dict[int, list[int]] = {}
    for item in free:
        for n in problem.items[item]:
            joined.setdefault(assignment[item], []).append(people[n].id)
    for pid, group in decided.items():
        joined.setdefault(group, []).append(pid)
    result = []
    for number, members in enumerate(groups):
        newcomers = sorted(
            joined.get(number, []), key=lambda pid: (_ROLE_FIRST.get(by_id[pid].role, 2), by_id[pid].name)
        )
        result.append((*members, *newcomers))
    group_of = {pid: g for g, members in joined.items() for pid in members}
    arrivals = tuple((pid, group_of[pid]) for pid in arriving)
    quality = evaluate(replace(request, groups=len(groups)), result)
    return LatePlacement(tuple(result), arrivals, proven, quality)
