"""Deal, then repair: the fast heuristic that reaches the fair-share bound on real rosters.

People are dealt round the groups in an order that keeps each role, sector and sex together, so
the deal alone balances most counters. A local search then repairs what is left: it picks a group
where some counter is outside its band, tries moving or swapping the people who carry it with
people of a few other groups, and keeps the best change. Every change is priced from the counters
of the two groups involved, so a step costs the same for 50 people as for 5,000.

The search stops as soon as the total cost reaches the problem's proven lower bound, or after a
fixed number of steps (never a wall-clock limit: the same seed must give the same groups on a slow
laptop and a fast one).
"""

from __future__ import annotations

import random

from facilitator.core.grouping.problem import BAND, W_LONE, Problem, sector_class

__all__ = ["Assignment", "State", "deal", "repair", "total_cost"]

#: Group of each item, indexed like ``Problem.items``.
Assignment = list[int]

_ROLE_ORDER = {"facilitator": 0, "rapporteur": 1}
_SAMPLED_GROUPS = 8


def _size(problem: Problem, item: int) -> int:
    return len(problem.items[item])


def deal(problem: Problem, rng: random.Random) -> Assignment:
    """A first assignment: pinned items where pinned, whole delegations greedily, people dealt round.

    Args:
        problem: What to place.
        rng: Breaks ties between people who look the same to every rule, and orders the groups.
    """
    groups = problem.groups
    size_cap = -(-sum(len(m) for m in problem.items) // groups)
    assignment = [-1] * len(problem.items)
    load = [0] * groups
    for item, group in problem.fixed.items():
        assignment[item] = group
        load[group] += _size(problem, item)
    free = [i for i in range(len(problem.items)) if i not in problem.fixed]
    blocks = sorted((i for i in free if _size(problem, i) > 1), key=lambda i: (-_size(problem, i), i))
    state = State(problem, assignment)
    for item in blocks:
        best = min(range(groups), key=lambda g: (state.add_delta(item, g), load[g], rng.random()))
        state.place(item, best)
        load[best] += _size(problem, item)

    def order(item: int) -> tuple[object, ...]:
        person = problem.person(problem.items[item][0])
        return (
            _ROLE_ORDER.get(person.role, 2),
            sector_class(person.sector),
            person.sex,
            person.delegation,
            rng.random(),
        )

    singles = sorted((i for i in free if _size(problem, i) == 1), key=order)
    columns = list(range(groups))
    rng.shuffle(columns)
    pointer = 0
    for item in singles:
        for step in range(groups):
            group = columns[(pointer + step) % groups]
            if load[group] < size_cap:
                pointer += step + 1
                break
        else:
            group = min(range(groups), key=lambda g: load[g])
        state.place(item, group)
        load[group] += 1
    return state.assignment


def total_cost(problem: Problem, assignment: Assignment) -> int:
    """The cost of an assignment under every counter."""
    return State(problem, assignment).cost


class State:
    """Counts per counter and group, kept current as items move.

    ``costs`` starts as the problem's cost tables; the annealing swaps in softer tables for a
    while (see :func:`facilitator.core.grouping.anneal.anneal`) and calls :meth:`recount`.
    """

    def __init__(self, problem: Problem, assignment: Assignment) -> None:
        self.problem = problem
        self.groups = problem.groups
        self.feats = problem.features
        self.costs = [c.costs for c in problem.counters]
        self.count = [[0] * problem.groups for _ in problem.counters]
        self.assignment = [-1] * len(problem.items)
        self.members: list[list[int]] = [[] for _ in range(problem.groups)]
        self.where = [0] * len(problem.items)
        self.cost = sum(cost[0] * problem.groups for cost in self.costs)
        for item, group in enumerate(assignment):
            if group >= 0:
                self.place(item, group)

    def recount(self) -> None:
        """Recompute the total cost after ``costs`` changed."""
        self.cost = sum(cost[c] for cost, row in zip(self.costs, self.count, strict=True) for c in row)

    def add_delta(self, item: int, group: int) -> int:
        count, costs = self.count, self.costs
        delta = 0
        for k, m in self.feats[item]:
            c = count[k][group]
            delta += costs[k][c + m] - costs[k][c]
        return delta

    def place(self, item: int, group: int) -> None:
        self.cost += self.add_delta(item, group)
        for k, m in self.feats[item]:
            self.count[k][group] += m
        self.assignment[item] = group
        self.where[item] = len(self.members[group])
        self.members[group].append(item)

    def remove(self, item: int) -> None:
        group = self.assignment[item]
        for k, m in self.feats[item]:
            c = self.count[k][group]
            self.cost += self.costs[k][c - m] - self.costs[k][c]
            self.count[k][group] = c - m
        members = self.members[group]
        last = members.pop()
        if last != item:
            members[self.where[item]] = last
            self.where[last] = self.where[item]
        self.assignment[item] = -1

    def move_delta(self, item: int, target: int) -> int:
        source = self.assignment[item]
        count, costs = self.count, self.costs
        delta = 0
        for k, m in self.feats[item]:
            row, cost = count[k], costs[k]
            a, b = row[source], row[target]
            delta += cost[a - m] - cost[a] + cost[b + m] - cost[b]
        return delta

    def swap_delta(self, first: int, second: int) -> int:
        gi, gj = self.assignment[first], self.assignment[second]
        change: dict[int, int] = dict(self.feats[first])
        for k, m in self.feats[second]:
            change[k] = change.get(k, 0) - m
        count, costs = self.count, self.costs
        delta = 0
        for k, v in change.items():
            if v:
                row, cost = count[k], costs[k]
                a, b = row[gi], row[gj]
                delta += cost[a - v] - cost[a] + cost[b + v] - cost[b]
        return delta

    def move(self, item: int, target: int) -> None:
        self.remove(item)
        self.place(item, target)

    def swap(self, first: int, second: int) -> None:
        gi, gj = self.assignment[first], self.assignment[second]
        self.remove(first)
        self.remove(second)
        self.place(first, gj)
        self.place(second, gi)


def _bad_cells(state: State) -> list[tuple[int, int]]:
    cells: list[tuple[int, int]] = []
    for k, counter in enumerate(state.problem.counters):
        if counter.kind != BAND:
            continue
        row, cost = state.count[k], counter.costs
        cells.extend((k, g) for g in range(state.groups) if cost[row[g]])
    return cells


class _Search:
    """One run of the repair search over a state."""

    def __init__(self, state: State, rng: random.Random) -> None:
        self.state = state
        self.rng = rng
        fixed = state.problem.fixed
        self.movable = [i for i in range(len(state.assignment)) if i not in fixed]
        self.is_movable = [i not in fixed for i in range(len(state.assignment))]

    def _carriers(self, group: int, counter: int) -> list[int]:
        feats, movable = self.state.feats, self.is_movable
        return [i for i in self.state.members[group] if movable[i] and any(k == counter for k, _ in feats[i])]

    def _targets(self, exclude: int) -> list[int]:
        groups = self.state.groups
        if groups - 1 <= _SAMPLED_GROUPS:
            return [g for g in range(groups) if g != exclude]
        picked = set(self.rng.sample(range(groups), _SAMPLED_GROUPS + 1))
        picked.discard(exclude)
        return sorted(picked)

    def _best_for(self, item: int, targets: list[int]) -> tuple[int, int, int]:
        """Best (delta, kind, other) over moving ``item`` to a target or swapping it there."""
        state, movable = self.state, self.is_movable
        best = (1 << 62, 0, -1)
        for group in targets:
            delta = state.move_delta(item, group)
            if delta < best[0]:
                best = (delta, 0, group)
            for other in state.members[group]:
                if movable[other]:
                    delta = state.swap_delta(item, other)
                    if delta < best[0]:
                        best = (delta, 1, other)
        return best

    def _apply(self, item: int, choice: tuple[int, int, int], plateau: float) -> bool:
        delta, kind, other = choice
        if other < 0 or delta > 0 or (delta == 0 and self.rng.random() >= plateau):
            return False
        if kind == 0:
            self.state.move(item, other)
        else:
            self.state.swap(item, other)
        return delta < 0

    def repair(self, cell: tuple[int, int]) -> None:
        """Try to bring one counter in one group back inside its band."""
        state, rng = self.state, self.rng
        k, group = cell
        counter = state.problem.counters[k]
        count = state.count[k][group]
        if count > counter.high or (count == 1 and rng.random() < 0.5):
            carriers = self._carriers(group, k)
            if not carriers:
                return
            item = rng.choice(carriers)
            self._apply(item, self._best_for(item, self._targets(group)), 0.3)
            return
        donors = [g for g in range(state.groups) if g != group and state.count[k][g] > 0]
        if not donors:
            return
        donors.sort(key=lambda g: -state.count[k][g] + rng.random())
        carriers = self._carriers(donors[0], k)
        if carriers:
            item = rng.choice(carriers)
            self._apply(item, self._best_for(item, [group]), 0.3)

    def polish(self) -> None:
        """A random step that may lower repeated pairs or lone members without hurting balance."""
        state, rng = self.state, self.rng
        if not self.movable:
            return
        item = rng.choice(self.movable)
        self._apply(item, self._best_for(item, self._targets(state.assignment[item])), 0.2)


def repair(problem: Problem, assignment: Assignment, rng: random.Random, steps: int) -> Assignment:
    """Bring counters back inside their bands by local search.

    Stops at the lower bound, once only repeated pairs are left above it (the annealing in
    :mod:`facilitator.core.grouping.anneal` handles those), or after ``steps``.

    Args:
        problem: The rules.
        assignment: Where to start (every item placed).
        rng: Source of every random choice.
        steps: Most repair steps to take.
    """
    state = State(problem, assignment)
    search = _Search(state, rng)
    cells: list[tuple[int, int]] = []
    for _ in range(steps):
        if state.cost - problem.bound < W_LONE:
            break
        if not cells:
            cells = _bad_cells(state)
            rng.shuffle(cells)
        if cells and rng.random() < 0.9:
            search.repair(cells.pop())
        else:
            cells.clear()
            search.polish()
    return state.assignment
