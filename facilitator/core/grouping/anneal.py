"""Simulated annealing for repeated pairs, with the balance rules softened for a while.

Once every round is balanced, very few single swaps keep it balanced: a person's sex, sector,
role and delegation together are nearly unique, so almost any swap pushes some count out of its
band. Searching only among balanced groupings then gets stuck a few pairs above the pigeonhole
bound. The annealing therefore starts with the balance rules (sex, sector, delegation caps) costing
about as much as one repeated pair, lets the search pass through slightly unbalanced groupings, and
raises their cost step by step until they are hard again. After each stage a short repair search
brings the grouping back inside every band; only such repaired groupings are kept as results, so
balance is never traded for fewer repeats.

Moves are chosen to stay near balance: swaps and three-way rotations among people of the same sex,
sector and role, plus a few free swaps and moves. Half the steps start from a person who crowds a
group with their delegation or earlier group (min-conflicts), and a swap then prefers a partner
sitting where that delegation or earlier group is short: random people rarely sit in a conflict.
"""

from __future__ import annotations

import math
import random

from facilitator.core.grouping.objectives import BALANCE
from facilitator.core.grouping.problem import W_LONE, W_REPEAT, Problem
from facilitator.core.grouping.search import Assignment, State, repair, total_cost

__all__ = ["PENALTY_SCHEDULE", "anneal"]

#: Cost of one person outside a balance band, in repeated pairs, at each stage; then the real one.
PENALTY_SCHEDULE = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 9.0, 14.0, 20.0, 30.0)
_START_TEMPERATURE = 1.0
_END_TEMPERATURE = 0.1
_CLASS_KEYS = ("size", "sex:", "sector:", "role:")
#: Steps between two listings of the crowded cells.
_RECOUNT = 40


def _accept(delta: float, temperature: float, rng: random.Random) -> bool:
    return delta <= 0 or (delta <= 20 * temperature and rng.random() < math.exp(-delta / temperature))


def _soft_costs(problem: Problem, penalty: float) -> list[tuple[int, ...]]:
    """Cost tables with each person outside a balance band, and each compatriot pair, costing
    ``penalty`` repeated pairs; lone members and the higher rules keep their true cost."""
    tables = []
    for counter in problem.counters:
        if counter.objective == BALANCE:
            tables.append(
                tuple(
                    W_REPEAT * int(penalty * (counter.excess(n) + (n * (n - 1) // 2 if counter.pairs else 0)))
                    + (W_LONE if counter.lone and n == 1 else 0)
                    for n in range(counter.total + 1)
                )
            )
        else:
            tables.append(counter.costs)
    return tables


def _classes(problem: Problem, movable: list[int]) -> dict[int, list[int]]:
    """Items that look the same to the size, sex, sector and role rules, by item."""
    wanted = {n for n, c in enumerate(problem.counters) if c.key.startswith(_CLASS_KEYS)}
    groups: dict[tuple[tuple[int, int], ...], list[int]] = {}
    for item in movable:
        signature = tuple((k, m) for k, m in problem.features[item] if k in wanted)
        groups.setdefault(signature, []).append(item)
    return {item: members for members in groups.values() for item in members}


class _Annealer:
    def __init__(self, problem: Problem, assignment: Assignment, rng: random.Random) -> None:
        self.problem = problem
        self.state = State(problem, assignment)
        self.rng = rng
        self.movable = [i for i in range(len(problem.items)) if i not in problem.fixed]
        self.classes = _classes(problem, self.movable)
        self.best = list(assignment)
        self.best_cost = self.state.cost
        self.paired = [k for k, c in enumerate(problem.counters) if c.pairs]
        self.is_movable = [i not in problem.fixed for i in range(len(problem.items))]
        self.cells: list[tuple[int, int]] = []
        self.age = 0
        self.crowded_by: int | None = None

    def _crowded(self) -> int | None:
        """A movable item sharing a group with more of its delegation or earlier group than an
        even spread allows (min-conflicts: most steps that lower pairs start there), if any.

        The crowded cells are listed afresh every few dozen steps (listing them costs more than
        a step); a cell no longer crowded when drawn gives no item.
        """
        state, rng = self.state, self.rng
        counters = self.problem.counters
        self.age -= 1
        if self.age < 0:
            self.age = _RECOUNT
            self.cells = [
                (k, g)
                for k in self.paired
                for g, count in enumerate(state.count[k])
                if count > 1 and counters[k].off[count]
            ]
        if not self.cells:
            return None
        k, g = rng.choice(self.cells)
        if not counters[k].off[state.count[k][g]]:
            return None
        maps = self.problem.feature_maps
        carriers = [i for i in state.members[g] if self.is_movable[i] and k in maps[i]]
        if not carriers:
            return None
        self.crowded_by = k
        return rng.choice(carriers)

    def _partner(self, item: int, pool: list[int]) -> int:
        """A swap partner from ``pool``: for a crowded item, one sitting where its delegation or
        earlier group is short (when there is one), so that the swap can spread it."""
        rng, k = self.rng, self.crowded_by
        if k is None:
            return rng.choice(pool)
        row, off = self.state.count[k], self.problem.counters[k].off
        where = self.state.assignment
        top = len(off) - 1
        short = [o for o in pool if row[where[o]] < top and not off[row[where[o]] + 1]]
        return rng.choice(short or pool)

    def _rotate_delta(self, moves: list[tuple[int, int]]) -> int:
        state = self.state
        change: dict[tuple[int, int], int] = {}
        for item, target in moves:
            source = state.assignment[item]
            for k, m in state.feats[item]:
                change[k, source] = change.get((k, source), 0) - m
                change[k, target] = change.get((k, target), 0) + m
        delta = 0
        for (k, g), v in change.items():
            if v:
                c = state.count[k][g]
                delta += state.costs[k][c + v] - state.costs[k][c]
        return delta

    def step(self, temperature: float) -> None:
        state, rng = self.state, self.rng
        where = state.assignment
        self.crowded_by = None
        crowded = self._crowded() if rng.random() < 0.5 else None
        item = crowded if crowded is not None else rng.choice(self.movable)
        roll = rng.random()
        if roll < 0.15:
            target = rng.randrange(state.groups)
            if target != where[item] and _accept(state.move_delta(item, target), temperature, rng):
                state.move(item, target)
        elif roll < 0.45:
            peers = self.classes[item]
            second, third = rng.choice(peers), rng.choice(peers)
            a, b, c = where[item], where[second], where[third]
            if a != b and b != c and a != c:
                moves = [(item, b), (second, c), (third, a)]
                if _accept(self._rotate_delta(moves), temperature, rng):
                    for moved, _ in moves:
                        state.remove(moved)
                    for moved, target in moves:
                        state.place(moved, target)
        else:
            other = self._partner(item, self.classes[item] if roll < 0.9 else self.movable)
            if where[other] != where[item] and _accept(state.swap_delta(item, other), temperature, rng):
                state.swap(item, other)

    def keep_if_better(self) -> None:
        """Keep the current assignment if it beats the best (the state must use the true costs)."""
        if self.state.cost < self.best_cost:
            self.best_cost = self.state.cost
            self.best = list(self.state.assignment)

    def consider(self, assignment: Assignment) -> None:
        """Keep an assignment if it beats the best."""
        cost = total_cost(self.problem, assignment)
        if cost < self.best_cost:
            self.best_cost = cost
            self.best = list(assignment)

    def restart(self, assignment: Assignment) -> None:
        """Continue the search from an assignment."""
        self.state = State(self.problem, assignment)


def anneal(problem: Problem, assignment: Assignment, rng: random.Random, steps: int) -> Assignment:
    """Lower repeated pairs (and lone members) without leaving the balance bound.

    Args:
        problem: The rules.
        assignment: A balanced starting point (from the repair search).
        rng: Source of every random choice.
        steps: Number of proposed changes in all.

    Returns:
        The best balanced assignment seen (the start, if nothing better was found).
    """
    annealer = _Annealer(problem, assignment, rng)
    if len(annealer.movable) < 2 or annealer.best_cost <= problem.bound:
        return annealer.best
    stages = (*PENALTY_SCHEDULE, None)
    per_stage = max(1, steps // len(stages))
    ratio = _END_TEMPERATURE / _START_TEMPERATURE
    state = annealer.state
    projection = 200 + 10 * len(problem.items)
    for number, penalty in enumerate(stages):
        if penalty is None:
            annealer.restart(annealer.best)
        state = annealer.state
        state.costs = (
            _soft_costs(problem, penalty) if penalty is not None else [c.costs for c in problem.counters]
        )
        state.recount()
        for step in range(per_stage):
            progress = (number * per_stage + step) / (len(stages) * per_stage)
            annealer.step(_START_TEMPERATURE * ratio**progress)
            if penalty is None:
                annealer.keep_if_better()
                if annealer.best_cost <= problem.bound:
                    return annealer.best
        if penalty is not None:
            annealer.consider(repair(problem, list(state.assignment), rng, projection))
            if annealer.best_cost <= problem.bound:
                return annealer.best
    return annealer.best
