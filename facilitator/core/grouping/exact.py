"""Proof of optimality with OR-Tools CP-SAT, over counts by type.

When the local search cannot reach the simple lower bound (country teams, pins), only an exact
model can tell whether a better grouping exists. People (or whole delegations) with the same
features are interchangeable for every rule, so the model has one integer per *type* and group —
how many of that type go there — instead of one yes/no per person and group: for the sample in
country mode that is 20 types instead of 55 people.

OR-Tools is imported here, inside the function, because it takes about 0.4 s to load and most
groupings never need it. The core stays free of Qt, SQL and document libraries; CP-SAT is a pure
solver library.
"""

from __future__ import annotations

from collections import Counter as Tally
from dataclasses import dataclass

from facilitator.core.grouping.problem import BAND, Problem

__all__ = ["ExactResult", "solve_exact"]

#: Exact solves are for small models; a bigger one is left to the local search.
MAX_VARIABLES = 4000


@dataclass(frozen=True, slots=True)
class ExactResult:
    """What CP-SAT found.

    Attributes:
        assignment: Group of each item (indexed like ``Problem.items``), or None if no solution.
        cost: Full cost of that assignment in the problem's weights (repeats included).
        optimal: Whether CP-SAT proved that no assignment has a lower balance cost.
    """

    assignment: list[int] | None
    cost: int
    optimal: bool


def _tiers(problem: Problem) -> dict[int, int]:
    """Compact weights in the same priority order as the problem's (keeps the LP well scaled).

    Each tier's weight exceeds the worst total cost of every tier below it, so the order of
    priorities is kept exactly while the numbers stay far smaller than the problem's own.
    """
    groups = problem.groups
    counters = [c for c in problem.counters if c.kind == BAND]
    levels = sorted({c.weight for c in counters} | {c.lone_weight for c in counters} - {0})
    weights: dict[int, int] = {}
    scale = 1
    for level in levels:
        weights[level] = scale
        worst = sum(groups * (max(c.costs) // c.weight) for c in counters if c.weight == level)
        worst += sum(groups for c in counters if c.lone_weight == level)
        scale *= worst + 1
    return weights


def solve_exact(problem: Problem, hint: list[int] | None, seed: int, work: float = 5.0) -> ExactResult:
    """Minimise the balance part of the problem's cost with CP-SAT, starting from ``hint``.

    Repeated pairs are left out: they would make every person a type of their own. The caller
    anneals the exact solution afterwards for repeats, which can never undo the proven balance.

    Args:
        problem: The rules.
        hint: An assignment to start from (the local search's).
        seed: CP-SAT's random seed.
        work: Deterministic time limit in CP-SAT's own units (machine-independent).
    """
    from ortools.sat.python import cp_model

    groups = problem.groups
    balance = [c.kind == BAND for c in problem.counters]
    types: dict[tuple[tuple[int, int], ...], list[int]] = {}
    fixed_counts: Tally[tuple[int, int]] = Tally()
    for item, all_feats in enumerate(problem.features):
        feats = tuple((k, m) for k, m in all_feats if balance[k])
        if item in problem.fixed:
            for k, m in feats:
                fixed_counts[k, problem.fixed[item]] += m
        else:
            types.setdefault(feats, []).append(item)
    if len(types) * groups > MAX_VARIABLES:
        return ExactResult(None, 0, False)

    model = cp_model.CpModel()
    amount = {}
    for t, items in enumerate(types.values()):
        for g in range(groups):
            amount[t, g] = model.new_int_var(0, len(items), f"n{t}_{g}")
        model.add(sum(amount[t, g] for g in range(groups)) == len(items))
    carriers: dict[int, list[tuple[int, int]]] = {}
    for t, feats in enumerate(types):
        for k, m in feats:
            carriers.setdefault(k, []).append((t, m))

    tiers = _tiers(problem)
    objective = []
    for k, counter in enumerate(problem.counters):
        if not balance[k]:
            continue
        for g in range(groups):
            expr = fixed_counts[k, g] + sum(m * amount[t, g] for t, m in carriers.get(k, []))
            weight = tiers[counter.weight]
            under = model.new_int_var(0, counter.total, "")
            over = model.new_int_var(0, counter.total, "")
            model.add(expr + under >= counter.low)
            model.add(expr - over <= counter.high)
            objective += [weight * under, weight * over]
            if counter.lone_weight:
                lone, empty, several = (model.new_bool_var("") for _ in range(3))
                model.add(expr == 0).only_enforce_if(empty)
                model.add(expr >= 2).only_enforce_if(several)
                model.add_bool_or([lone, empty, several])
                objective.append(tiers[counter.lone_weight] * lone)
    model.minimize(sum(objective))

    type_of = {item: t for t, items in enumerate(types.values()) for item in items}
    if hint is not None:
        hinted = Tally((type_of[i], g) for i, g in enumerate(hint) if i in type_of)
        for (t, g), var in amount.items():
            model.add_hint(var, hinted[t, g])

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed % (1 << 31)
    solver.parameters.max_deterministic_time = work
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return ExactResult(None, 0, False)

    assignment = [-1] * len(problem.items)
    for item, group in problem.fixed.items():
        assignment[item] = group
    for t, items in enumerate(types.values()):
        pool = list(items)
        for g in range(groups):
            for _ in range(solver.value(amount[t, g])):
                assignment[pool.pop()] = g
    from facilitator.core.grouping.search import total_cost

    return ExactResult(assignment, total_cost(problem, assignment), status == cp_model.OPTIMAL)
