"""Proofs with OR-Tools CP-SAT: each objective minimised in turn over the count model.

When the local search does not reach the relaxed bounds (country teams, pins, late arrivals in
an awkward room), only an exact search can tell whether a better grouping exists. The objectives
are solved one after the other, in priority order: keep-apart pairs, then sizes, then roles, then
balance, then lone members (and, for small models, compatriot and repeated pairs). Each stage
keeps the optimum of the stages before it as a constraint, so a stage solved to optimality proves
exactly that objective's lexicographic bound, and a stage cut short still gives a valid lower
bound. Later stages are not attempted once one is cut short: their bounds would not be valid.

OR-Tools is imported inside :class:`CountModel`, because it takes about 0.4 s to load and most
groupings never need it. Budgets are CP-SAT's deterministic time, so a seed gives the same
groups on any machine.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from facilitator.core.grouping.exact_model import CountModel, count_types
from facilitator.core.grouping.keys import even_pairs
from facilitator.core.grouping.objectives import BALANCE, LONE, ROLES, SIZE
from facilitator.core.grouping.problem import APART, Problem

__all__ = ["BALANCE_STAGES", "ExactResult", "reach_bounds", "solve_exact"]

#: The objectives every proof covers; compatriot and repeated pairs are added for small models.
BALANCE_STAGES = (SIZE, ROLES, BALANCE, LONE)
#: Largest number of type × group counts worth a model.
MAX_COUNTS = 4000


@dataclass(frozen=True, slots=True)
class ExactResult:
    """What CP-SAT found.

    Attributes:
        assignment: Group of each item (indexed like ``Problem.items``), or None if no stage found one.
        bounds: Proven lower bound of each objective it could prove one for (exact when in ``solved``).
        solved: Objectives solved to optimality, in priority order.
    """

    assignment: list[int] | None
    bounds: dict[str, int] = field(default_factory=dict)
    solved: tuple[str, ...] = ()


def solve_exact(
    problem: Problem,
    hint: Sequence[int] | None,
    seed: int,
    objectives: Sequence[str] = BALANCE_STAGES,
    reached: Mapping[str, int] | None = None,
    work: float = 1.5,
) -> ExactResult:
    """Minimise ``objectives`` one after the other with CP-SAT, starting from ``hint``.

    Each stage also knows the problem's relaxed bound as a floor (only those valid for every
    grouping), so it stops as soon as it reaches it: CP-SAT need not prove again what
    :mod:`.bounds` already has.

    Args:
        problem: The rules.
        hint: An assignment to start from (the local search's).
        seed: CP-SAT's random seed.
        objectives: Objectives to minimise, in priority order (keep-apart pairs always come first).
        reached: Objectives the hint already has at their relaxed bound, with that value: they
            are only kept there, not solved again.
        work: Deterministic time of each stage, in CP-SAT's own units (machine-independent).
    """
    if count_types(problem, objectives) * problem.groups > MAX_COUNTS:
        return ExactResult(None)
    from ortools.sat.python import cp_model

    counts = CountModel(problem, objectives)
    if hint is not None:
        counts.hint(hint)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed % (1 << 31)
    solver.parameters.max_deterministic_time = work
    assignment: list[int] | None = None
    bounds: dict[str, int] = {}
    solved: list[str] = []
    reached = reached or {}
    for name in (APART, *objectives):
        terms = counts.terms[name]
        if not terms:
            bounds[name] = 0
            solved.append(name)
            continue
        total = sum(terms)
        if name in reached:
            counts.model.add(total <= reached[name])
            bounds[name] = reached[name]
            solved.append(name)
            continue
        floor = problem.relaxed.values.get(name, 0)
        if floor:
            counts.model.add(total >= floor)
        counts.model.minimize(total)
        status = solver.solve(counts.model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break
        assignment = counts.assignment(solver)
        counts.hint(assignment)
        if status != cp_model.OPTIMAL:
            bounds[name] = math.ceil(solver.best_objective_bound - 1e-6)
            break
        best = round(solver.objective_value)
        bounds[name] = best
        solved.append(name)
        counts.model.add(total <= best)
    bounds.pop(APART, None)
    return ExactResult(assignment, bounds, tuple(s for s in solved if s != APART))


def reach_bounds(problem: Problem, hint: Sequence[int], seed: int, work: float = 3.0) -> list[int] | None:
    """A grouping at every relaxed bound at once (so proven best on everything), or None.

    Used when the balance is at its bound but the pairs are not: the pair bounds ask each
    delegation and each earlier group to be spread evenly, which makes reaching them a puzzle of
    counts rather than an optimisation, and CP-SAT's local search (one worker, deterministic)
    solves such puzzles far faster than its tree search or the annealing. Three rounds of the
    sample need this for their third round: its best groupings differ from any near miss by
    forty people or more, out of reach of moves and swaps.

    Args:
        problem: The rules.
        hint: The assignment to start from.
        seed: CP-SAT's random seed.
        work: Deterministic time to spend; None after it means "not found", not "impossible".
    """
    objectives = tuple(problem.bounds)
    counts = CountModel(problem, objectives)
    for name in (APART, *objectives):
        if counts.terms[name]:
            counts.model.add(sum(counts.terms[name]) <= problem.bounds.get(name, 0))
    if not problem.fixed:
        _spread_evenly(problem, counts)
    counts.hint(hint)
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.use_ls_only = True
    solver.parameters.random_seed = seed % (1 << 31)
    solver.parameters.max_deterministic_time = work
    if solver.solve(counts.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return counts.assignment(solver)


def _spread_evenly(problem: Problem, counts: CountModel) -> None:
    """Bound each count of pairs to [floor, ceil] of its even share when its objective's bound is
    exactly the even spread of all its counters (then nothing else reaches the bound)."""
    groups = problem.groups
    for name in {c.pairs for c in problem.counters if c.pairs}:
        paired = [(k, c) for k, c in enumerate(problem.counters) if c.pairs == name]
        if sum(even_pairs(c.total, groups) for _, c in paired) != problem.bounds.get(name):
            continue
        for k, counter in paired:
            for g in range(groups):
                count = counts.counts[k, g]
                counts.model.add(count >= counter.total // groups)
                counts.model.add(count <= -(-counter.total // groups))
