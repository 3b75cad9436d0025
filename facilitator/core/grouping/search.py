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

from facilitator.core.grouping.keys import sector_class
from facilitator.core.grouping.problem import Problem

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
        # The hottest function of the annealing: no dictionary is built per call.
        gi, gj = self.assignment[first], self.assignment[second]
        maps = self.problem.feature_maps
        theirs, mine = maps[second], maps[first]
        count, costs = self.count, self.costs
        delta = 0
        for k, m in self.feats[first]:
            v = m - theirs.get(k, 0)
            if v:
                row, cost = count[k], costs[k]
                a, b = row[gi], row[gj]
                delta += cost[a - v] - cost[a] + cost[b + v] - cost[b]
        for k, m in self.feats[second]:
            if k not in mine:
                row, cost = count[k], costs[k]
                a, b = row[gi], row[gj]
                delta += cost[a + m] - cost[a] + cost[b - m] - cost[b]
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
        row, off = state.count[k], counter.off
        cells.extend((k, g) for g in range(state.groups) if off[row[g]])
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
        maps, movable = self.state.problem.feature_maps, self.is_movable
        return [i for i in self.state.members[group] if movable[i] and counter in maps[i]]

    def _sample(self, groups: list[int]) -> list[int]:
        if len(groups) <= _SAMPLED_GROUPS:
            return groups
        return sorted(self.rng.sample(groups, _SAMPLED_GROUPS))

    def _targets(self, exclude: int) -> list[int]:
        return self._sample([g for g in range(self.state.groups) if g != exclude])

    def _receivers(self, k: int, exclude: int) -> list[int]:
        """Groups that can take one more carrier of counter ``k`` without it being off there."""
        row, off = self.state.count[k], self.state.problem.counters[k].off
        top = len(off) - 1
        fitting = [
            g for g in range(self.state.groups) if g != exclude and row[g] < top and not off[row[g] + 1]
        ]
        return self._sample(fitting) or self._targets(exclude)

    def _donors(self, k: int, exclude: int) -> list[int]:
        """Groups that can give up a carrier of counter ``k``, those with the most first."""
        row, off = self.state.count[k], self.state.problem.counters[k].off
        spare = [g for g in range(self.state.groups) if g != exclude and row[g] > 0 and not off[row[g] - 1]]
        spare = spare or [g for g in range(self.state.groups) if g != exclude and row[g] > 0]
        self.rng.shuffle(spare)
        spare.sort(key=lambda g: -row[g])
        return spare[:_SAMPLED_GROUPS]

    def _best_for(self, item: int, targets: list[int]) -> tuple[int | None, int, int]:
        """Best (delta, kind, other) over moving ``item`` to a target or swapping it there."""
        state, movable = self.state, self.is_movable
        best_delta: int | None = None
        best = (0, -1)
        for group in targets:
            delta = state.move_delta(item, group)
            if best_delta is None or delta < best_delta:
                best_delta, best = delta, (0, group)
            for other in state.members[group]:
                if movable[other]:
                    delta = state.swap_delta(item, other)
                    if delta < best_delta:
                        best_delta, best = delta, (1, other)
        return best_delta, best[0], best[1]

    def _apply(self, item: int, choice: tuple[int | None, int, int], plateau: float) -> bool:
        delta, kind, other = choice
        if delta is None or other < 0 or delta > 0 or (delta == 0 and self.rng.random() >= plateau):
            return False
        if kind == 0:
            self.state.move(item, other)
        else:
            self.state.swap(item, other)
        return delta < 0

    def repair(self, cell: tuple[int, int]) -> None:
        """Try to bring one counter in one group back inside its band (or its even spread).

        Too many carriers (or a lone one, half the time): move or swap one out to a group that
        can take it. Too few: bring one in from a group that can spare it.
        """
        state, rng = self.state, self.rng
        k, group = cell
        counter = state.problem.counters[k]
        count = state.count[k][group]
        too_many = count > counter.high or (counter.pairs and count > -(-counter.total // state.groups))
        if too_many or (count == 1 and rng.random() < 0.5):
            carriers = self._carriers(group, k)
            if carriers:
                item = rng.choice(carriers)
                self._apply(item, self._best_for(item, self._receivers(k, group)), 0.3)
            return
        for donor in self._donors(k, group)[:2]:
            carriers = self._carriers(donor, k)
            if carriers:
                item = rng.choice(carriers)
                if self._apply(item, self._best_for(item, [group]), 0.3):
                    return

    def polish(self) -> None:
        """A random step that may lower lone members or pairs without hurting balance."""
        state, rng = self.state, self.rng
        if not self.movable:
            return
        item = rng.choice(self.movable)
        self._apply(item, self._best_for(item, self._targets(state.assignment[item])), 0.2)


def repair(problem: Problem, assignment: Assignment, rng: random.Random, steps: int) -> Assignment:
    """Bring counters back inside their bands by local search.

    Stops at the lower bound, after ``steps``, or after a while without lowering the cost (so a
    bound that cannot be reached costs a bounded amount of time, and the same seed still gives
    the same groups); what is left of the pairs is for the annealing in
    :mod:`facilitator.core.grouping.anneal`.

    Args:
        problem: The rules.
        assignment: Where to start (every item placed).
        rng: Source of every random choice.
        steps: Most repair steps to take.
    """
    state = State(problem, assignment)
    search = _Search(state, rng)
    cells: list[tuple[int, int]] = []
    best, since = state.cost, 0
    patience = max(500, 20 * len(problem.items))
    for _ in range(steps):
        if state.cost <= problem.bound or since > patience:
            break
        if not cells:
            cells = _bad_cells(state)
            rng.shuffle(cells)
        if cells and rng.random() < 0.9:
            search.repair(cells.pop())
        else:
            cells.clear()
            search.polish()
        if state.cost < best:
            best, since = state.cost, 0
        else:
            since += 1
    return state.assignment
