"""``assign_groups``: the one entry point that turns a request into groups and a report.

The steps, each in its own module: build the counters (:mod:`.problem`), deal and repair
(:mod:`.search`), anneal away repeated and compatriot pairs (:mod:`.anneal`), and, only when the
balance does not reach the relaxed bounds of :mod:`.bounds`, ask CP-SAT for a proof or a better
grouping (:mod:`.exact`). Everything random comes from one ``random.Random(seed)``; search budgets
count steps, not seconds, so a request and its seed give the same groups on any machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from facilitator.core.grouping.anneal import anneal
from facilitator.core.grouping.exact import BALANCE_STAGES, reach_bounds, solve_exact
from facilitator.core.grouping.objectives import COMPATRIOTS, LONE, REPEATS, Proofs
from facilitator.core.grouping.problem import W_BALANCE, WEIGHTS, Problem, build_problem
from facilitator.core.grouping.quality import GroupingQuality, evaluate
from facilitator.core.grouping.request import GroupingRequest
from facilitator.core.grouping.search import Assignment, State, deal, repair, total_cost

__all__ = ["GroupingResult", "assign_groups", "objective_values", "order_groups"]

_ROLE_FIRST = {"facilitator": 0, "rapporteur": 1}
#: Free items × groups up to which a proof also covers compatriot and repeated pairs.
PAIR_PROOF_LIMIT = 60
#: Free items × groups up to which CP-SAT's local search tries to bring the pairs to their bounds
#: (the sample's 68 people in 6 groups, or 100 people in 8).
REACH_LIMIT = 800


@dataclass(frozen=True, slots=True)
class GroupingResult:
    """Groups and their report.

    Attributes:
        groups: Participant ids per group; the facilitator first, then the rapporteur, then by name.
        quality: Each objective against its bound, counts against fair share, what could not hold.
        proofs: Bounds proven by an exact search (empty when the relaxed bounds were reached):
            stored with the round, so that reopening it reports the same proofs.
    """

    groups: tuple[tuple[int, ...], ...]
    quality: GroupingQuality
    proofs: Proofs


def objective_values(problem: Problem, assignment: Assignment) -> dict[str, int]:
    """How much of each objective an assignment has, read from the problem's counters."""
    state = State(problem, assignment)
    values = dict.fromkeys(WEIGHTS, 0)
    for k, counter in enumerate(problem.counters):
        for count in state.count[k]:
            if counter.objective:
                values[counter.objective] += counter.excess(count)
            if counter.lone and count == 1:
                values[LONE] += 1
            if counter.pairs:
                values[counter.pairs] += count * (count - 1) // 2
    return values


def order_groups(problem: Problem, assignment: Assignment) -> tuple[tuple[int, ...], ...]:
    """Participant ids per group: the facilitator first, then the rapporteur, then by name."""
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


def _pairs_left(problem: Problem, assignment: Assignment) -> bool:
    values = objective_values(problem, assignment)
    bounds = problem.proven_bounds(values)
    return any(values[name] > bounds[name] for name in (COMPATRIOTS, REPEATS) if name in bounds)


def _search(problem: Problem, rng: random.Random, effort: float) -> Assignment:
    """Deal, repair, and anneal while only pairs or lone members are left above the bound."""
    items = len(problem.items)
    assignment = repair(problem, deal(problem, rng), rng, int(effort * (2000 + 50 * items)))
    cost = total_cost(problem, assignment)
    if cost > problem.bound and (problem.has_history or cost - problem.bound < W_BALANCE):
        assignment = anneal(problem, assignment, rng, int(effort * min(250_000, 3000 * items)))
    return assignment


def _near(bound: int) -> int:
    """How far above its bound a pair objective may end for CP-SAT's local search to try closing
    the gap: the annealing ends a few pairs short of a reachable bound, while a gap larger than
    that usually means the bound cannot be reached and the search would only spend its time."""
    return max(3, bound // 20)


def _proven_prefix(stages: tuple[str, ...], reached: dict[str, int]) -> dict[str, int]:
    """The objectives at their bound before the first one that is not: already proven, so kept."""
    prefix = {}
    for name in stages:
        if name not in reached:
            break
        prefix[name] = reached[name]
    return prefix


def _prove(problem: Problem, assignment: Assignment, rng: random.Random) -> tuple[Assignment, Proofs]:
    """Ask CP-SAT for the balance (and, on small models, the pairs) when the bounds are not reached.

    When only pairs are left above their bounds on a model of moderate size, CP-SAT's local
    search looks for a grouping at every bound at once instead (:func:`.exact.reach_bounds`).
    """
    values = objective_values(problem, assignment)
    bounds = problem.proven_bounds(values)
    free = len(problem.items) - len(problem.fixed)
    stages: tuple[str, ...] = BALANCE_STAGES
    pairs = tuple(n for n in (COMPATRIOTS, REPEATS) if n in problem.bounds)
    if free * problem.groups <= PAIR_PROOF_LIMIT:
        stages = (*BALANCE_STAGES, *pairs)
    reached = {name: values[name] for name in stages if values[name] <= bounds[name]}
    if len(reached) == len(stages):
        if free * problem.groups <= REACH_LIMIT and any(
            0 < values[n] - bounds[n] <= _near(bounds[n]) for n in pairs
        ):
            found = reach_bounds(problem, assignment, problem.request.seed)
            if found is not None:
                assignment = found
        return assignment, {}
    exact = solve_exact(problem, assignment, problem.request.seed, stages, _proven_prefix(stages, reached))
    if exact.assignment is not None and total_cost(problem, exact.assignment) < total_cost(
        problem, assignment
    ):
        assignment = exact.assignment
        if _pairs_left(problem, assignment):
            steps = int(problem.request.effort * min(250_000, 3000 * len(problem.items)))
            assignment = anneal(problem, assignment, rng, steps)
    return assignment, exact.bounds


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
    problem = build_problem(request)
    rng = random.Random(request.seed)
    assignment = _search(problem, rng, request.effort)
    if request.history:
        blind_problem = build_problem(replace(request, history=()))
        blind = _search(blind_problem, random.Random(request.seed), request.effort)
        candidate = _assignment_of(problem, order_groups(blind_problem, blind))
        if total_cost(problem, candidate) < total_cost(problem, assignment):
            assignment = candidate
    assignment, proofs = _prove(problem, assignment, rng)
    groups = order_groups(problem, assignment)
    return GroupingResult(groups, evaluate(request, groups, proofs), proofs)
