"""``assign_groups``: the one entry point that turns a request into groups and a report.

The steps, each in its own module: build the counters (:mod:`.problem`), deal and repair
(:mod:`.search`), anneal away repeated pairs (:mod:`.anneal`), and, only when the result is not
already at the simple lower bound, ask CP-SAT for a proof or a better grouping (:mod:`.exact`).
Everything random comes from one ``random.Random(seed)``; search budgets count steps, not seconds,
so a request and its seed give the same groups on any machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from facilitator.core.grouping.anneal import anneal
from facilitator.core.grouping.exact import solve_exact
from facilitator.core.grouping.problem import PAIRS, W_LONE, W_REPEAT, Problem, build_problem
from facilitator.core.grouping.quality import GroupingQuality, evaluate
from facilitator.core.grouping.request import GroupingRequest
from facilitator.core.grouping.search import Assignment, deal, repair, total_cost

__all__ = ["GroupingResult", "assign_groups"]

_ROLE_FIRST = {"facilitator": 0, "rapporteur": 1}


@dataclass(frozen=True, slots=True)
class GroupingResult:
    """Groups and their report.

    Attributes:
        groups: Participant ids per group; the facilitator first, then the rapporteur, then by name.
        quality: Counts against fair share, bounds, and what could not hold.
    """

    groups: tuple[tuple[int, ...], ...]
    quality: GroupingQuality


def _repeats_cost(problem: Problem, assignment: Assignment) -> int:
    counts: dict[tuple[int, int], int] = {}
    for item, group in enumerate(assignment):
        for k, m in problem.features[item]:
            if problem.counters[k].kind == PAIRS:
                counts[k, group] = counts.get((k, group), 0) + m
    return sum(W_REPEAT * n * (n - 1) // 2 for n in counts.values())


def _groups(problem: Problem, assignment: Assignment) -> tuple[tuple[int, ...], ...]:
    members: list[list[int]] = [[] for _ in range(problem.groups)]
    for item, group in enumerate(assignment):
        members[group].extend(problem.items[item])

    def order(index: int) -> tuple[int, str, int]:
        person = problem.person(index)
        return (_ROLE_FIRST.get(person.role, 2), person.name.casefold(), person.id)

    return tuple(tuple(problem.person(i).id for i in sorted(group, key=order)) for group in members)


def _assignment_of(problem: Problem, groups: tuple[tuple[int, ...], ...]) -> Assignment:
    """The assignment of ``problem``'s items that puts people in ``groups``."""
    group_of = {pid: g for g, members in enumerate(groups) for pid in members}
    return [group_of[problem.person(members[0]).id] for members in problem.items]


def _solve(request: GroupingRequest) -> tuple[Problem, Assignment, bool]:
    """Search, anneal and, when needed, prove; returns the assignment and whether it is proven."""
    problem = build_problem(request)
    rng = random.Random(request.seed)
    items = len(problem.items)
    assignment = repair(problem, deal(problem, rng), rng, int(request.effort * (2000 + 50 * items)))
    cost = total_cost(problem, assignment)
    if cost > problem.bound and (problem.repeat_bound or cost - problem.bound < W_LONE):
        assignment = anneal(problem, assignment, rng, int(request.effort * min(250_000, 3000 * items)))
        cost = total_cost(problem, assignment)
    balance_cost = cost - _repeats_cost(problem, assignment)
    proven = balance_cost <= problem.bound - W_REPEAT * problem.repeat_bound
    if not proven:
        exact = solve_exact(problem, assignment, request.seed)
        if exact.assignment is not None:
            exact_balance = exact.cost - _repeats_cost(problem, exact.assignment)
            if exact_balance < balance_cost:
                assignment = exact.assignment
                if problem.repeat_bound:
                    steps = int(request.effort * min(250_000, 3000 * items))
                    assignment = anneal(problem, assignment, rng, steps)
        proven = exact.optimal
    return problem, assignment, proven


def assign_groups(request: GroupingRequest) -> GroupingResult:
    """Form one round of groups.

    With earlier rounds as history the search also forms the round as if there were none and
    keeps whichever grouping costs less under the full request, so knowing the history can never
    make a round worse than ignoring it (annealing is a heuristic and could otherwise end in a
    slightly worse place than a lucky blind start).

    Raises:
        InputError: The request cannot be met as asked (unknown people, pins to missing groups,
            keep-apart pairs pinned together, more groups than people); the message says what to
            change. Rules that merely cannot all hold are not errors: the report says which and by
            how much.
    """
    problem, assignment, proven = _solve(request)
    if request.history:
        blind_problem, blind, blind_proven = _solve(replace(request, history=()))
        candidate = _assignment_of(problem, _groups(blind_problem, blind))
        if total_cost(problem, candidate) < total_cost(problem, assignment):
            assignment, proven = candidate, blind_proven
    groups = _groups(problem, assignment)
    quality = evaluate(request, groups)
    if proven:
        quality = evaluate(request, groups, proven=(quality.excess, quality.lone))
    return GroupingResult(groups, quality)
