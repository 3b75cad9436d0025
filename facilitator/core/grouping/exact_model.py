"""The CP-SAT model behind the proofs: counts by type, one expression per objective.

People (or whole delegations in country mode) with the same features are interchangeable for
every counted rule, so the model has one integer per *type* and group — how many of that type go
there — instead of one yes/no per person and group: the sample in country mode is 14 types, not
55 people. Groups that hold nobody pinned are interchangeable too; the model orders them
(lexicographically by their counts of the first types), so the solver never explores the same
grouping in another order. That is what turns the 120-people, 8-group country-teams proof from
"not found in 8 s" into a fraction of a second.

Only built when a proof is needed: OR-Tools takes about 0.4 s to load.
"""

from __future__ import annotations

import itertools
from collections import Counter as Tally
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from facilitator.core.grouping.objectives import COMPATRIOTS, LONE, REPEATS
from facilitator.core.grouping.problem import APART, Problem

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

__all__ = ["CountModel", "count_types"]

#: Types whose counts order interchangeable groups (more adds constraints for little gain).
_ORDERED_TYPES = 10


def _used(problem: Problem, objectives: Sequence[str]) -> list[bool]:
    """Which counters the objectives need (keep-apart pairs always)."""
    wanted = {APART, *objectives}
    return [
        c.objective in wanted or c.pairs in wanted or (c.lone and LONE in wanted) for c in problem.counters
    ]


def count_types(problem: Problem, objectives: Sequence[str]) -> int:
    """How many types of free items a model of these objectives has (its size is this × groups)."""
    used = _used(problem, objectives)
    return len(
        {
            tuple((k, m) for k, m in feats if used[k])
            for item, feats in enumerate(problem.features)
            if item not in problem.fixed
        }
    )


class CountModel:
    """A CP-SAT model of one problem over counts by type.

    Args:
        problem: The rules.
        objectives: Objectives to express (in priority order); counters of other objectives are
            left out of the types, so leaving out the pair objectives keeps the model small.
    """

    def __init__(self, problem: Problem, objectives: Sequence[str]) -> None:
        from ortools.sat.python import cp_model

        self.problem = problem
        self.model = cp_model.CpModel()
        groups = problem.groups
        used = _used(problem, objectives)
        types: dict[tuple[tuple[int, int], ...], list[int]] = {}
        self.fixed: Tally[tuple[int, int]] = Tally()
        for item, all_feats in enumerate(problem.features):
            feats = tuple((k, m) for k, m in all_feats if used[k])
            if item in problem.fixed:
                for k, m in feats:
                    self.fixed[k, problem.fixed[item]] += m
            else:
                types.setdefault(feats, []).append(item)
        order = sorted(types, key=lambda t: (-len(problem.items[types[t][0]]), -len(types[t]), t))
        self.types = [(feats, types[feats]) for feats in order]
        self.amount = {
            (t, g): self.model.new_int_var(0, len(items), f"n{t}_{g}")
            for t, (_, items) in enumerate(self.types)
            for g in range(groups)
        }
        for t, (_, items) in enumerate(self.types):
            self.model.add(sum(self.amount[t, g] for g in range(groups)) == len(items))
        self.terms: dict[str, list[Any]] = {name: [] for name in (APART, *objectives)}
        self.counts: dict[tuple[int, int], Any] = {}
        carriers: dict[int, list[tuple[int, int]]] = {}
        for t, (feats, _) in enumerate(self.types):
            for k, m in feats:
                carriers.setdefault(k, []).append((t, m))
        for k in range(len(problem.counters)):
            if used[k]:
                for g in range(groups):
                    self._count(k, g, carriers.get(k, []), cp_model)
        self._order_free_groups()

    def _count(self, k: int, g: int, carriers: list[tuple[int, int]], cp_model: Any) -> None:
        """The count of counter ``k`` in group ``g`` and its terms in each objective."""
        counter = self.problem.counters[k]
        model = self.model
        fixed = self.fixed[k, g]
        count = model.new_int_var(fixed, counter.total, "")
        model.add(count == fixed + sum(m * self.amount[t, g] for t, m in carriers))
        self.counts[k, g] = count
        if counter.objective in self.terms:
            under = model.new_int_var(0, counter.total, "")
            over = model.new_int_var(0, counter.total, "")
            model.add(count + under >= counter.low)
            model.add(count - over <= counter.high)
            self.terms[counter.objective] += [under, over]
        if counter.lone and LONE in self.terms:
            lone, empty, several = (model.new_bool_var("") for _ in range(3))
            model.add(count == 0).only_enforce_if(empty)
            model.add(count >= 2).only_enforce_if(several)
            model.add_bool_or([lone, empty, several])
            self.terms[LONE].append(lone)
        if counter.pairs in self.terms and counter.pairs in (COMPATRIOTS, REPEATS):
            table = [c * (c - 1) // 2 for c in range(counter.total + 1)]
            pairs = model.new_int_var(0, table[-1], "")
            model.add_element(count, table, pairs)
            self.terms[counter.pairs].append(pairs)

    def _order_free_groups(self) -> None:
        """Order the groups that hold nobody pinned by their counts of the first types.

        Any grouping can be renumbered so that these groups come in that order, so the order
        removes only copies of the same grouping; pinned groups keep their numbers.
        """
        model = self.model
        pinned = set(self.problem.fixed.values())
        free = [g for g in range(self.problem.groups) if g not in pinned]
        ordered = range(min(_ORDERED_TYPES, len(self.types)))
        for a, b in itertools.pairwise(free):
            tied = None
            for t in ordered:
                first, second = self.amount[t, a], self.amount[t, b]
                if tied is None:
                    model.add(first >= second)
                else:
                    model.add(first >= second).only_enforce_if(tied)
                equal = model.new_bool_var("")
                model.add(first == second).only_enforce_if(equal)
                model.add(first != second).only_enforce_if(equal.Not())
                if tied is None:
                    tied = equal
                else:
                    both = model.new_bool_var("")
                    model.add_bool_and([tied, equal]).only_enforce_if(both)
                    model.add_bool_or([tied.Not(), equal.Not()]).only_enforce_if(both.Not())
                    tied = both

    def hint(self, assignment: Sequence[int]) -> None:
        """Start the search from an assignment (renumbered into the free groups' order)."""
        amounts = self._amounts(assignment)
        self.model.clear_hints()  # type: ignore[no-untyped-call]  # OR-Tools leaves it unannotated
        for (t, g), var in self.amount.items():
            self.model.add_hint(var, amounts[t, g])

    def _amounts(self, assignment: Sequence[int]) -> Tally[tuple[int, int]]:
        groups = list(range(self.problem.groups))
        pinned = set(self.problem.fixed.values())
        free = [g for g in groups if g not in pinned]
        type_of = {item: t for t, (_, items) in enumerate(self.types) for item in items}
        raw = Tally((type_of[i], g) for i, g in enumerate(assignment) if i in type_of)
        ordered = range(min(_ORDERED_TYPES, len(self.types)))
        ranked = sorted(free, key=lambda g: tuple(-raw[t, g] for t in ordered))
        rename = dict(zip(ranked, free, strict=True))
        return Tally({(t, rename.get(g, g)): n for (t, g), n in raw.items()})

    def assignment(self, solver: cp_model.CpSolver) -> list[int]:
        """The group of each item in the solver's current solution."""
        assignment = [-1] * len(self.problem.items)
        for item, group in self.problem.fixed.items():
            assignment[item] = group
        for t, (_, items) in enumerate(self.types):
            pool = list(items)
            for g in range(self.problem.groups):
                for _ in range(solver.value(self.amount[t, g])):
                    assignment[pool.pop()] = g
        return assignment
