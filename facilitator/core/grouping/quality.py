"""How good a set of groups is: counts against fair share, each objective against its bound, and why.

The same evaluation serves the solver's result and every manual change on the Groups page, so the
colours a facilitator sees after a drag and drop are computed exactly as the solver's report. The
bounds come from :mod:`.bounds` (no search needed) and, where a solver proved more, from its proofs.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.grouping.bounds import relaxed_bounds
from facilitator.core.grouping.explain import broken_rules, explain_balance, explain_objectives, headline
from facilitator.core.grouping.keys import GROUP_ROLES, LONE_KEYS, fair_band, sector_class
from facilitator.core.grouping.objectives import (
    BALANCE,
    COMPATRIOTS,
    LONE,
    REPEATS,
    ROLES,
    SIZE,
    Objective,
    Proofs,
    judge,
)
from facilitator.core.grouping.request import COUNTRY, SPREAD, GroupingRequest
from facilitator.core.participants import ASEAN_MEMBERS, Participant

__all__ = ["OK", "OVER", "UNDER", "Balance", "GroupingQuality", "evaluate"]

OK = "ok"
UNDER = "under"
OVER = "over"

_SECTOR_LABELS = {"labour": "Labour", "law-enforcement": "Law enforcement", "other": "Other sectors"}
_ROLE_LABELS = {"facilitator": "Facilitators", "rapporteur": "Rapporteurs"}


@dataclass(frozen=True, slots=True)
class Balance:
    """One rule's counts across the groups.

    Attributes:
        key: ``size``, ``sex:F``, ``sex:M``, ``sector:<class>``, ``role:<role>``, ``delegation:<name>``.
        label: What people read ("Women", "Labour", "Thailand").
        total: People who carry it.
        low: Fewest per group within the fair share (0 for a delegation cap).
        high: Most per group within the fair share.
        counts: Count in each group.
        lone_rule: Whether a group with exactly one counts as a lone member.
    """

    key: str
    label: str
    total: int
    low: int
    high: int
    counts: tuple[int, ...]
    lone_rule: bool = False

    @property
    def fair_share(self) -> float:
        """The exact share per group (total / groups)."""
        return self.total / len(self.counts) if self.counts else 0.0

    @property
    def excess(self) -> int:
        """People outside the band, summed over the groups."""
        return sum(max(0, self.low - c) + max(0, c - self.high) for c in self.counts)

    @property
    def lone(self) -> int:
        """Groups holding exactly one (when the lone rule applies)."""
        return sum(1 for c in self.counts if c == 1) if self.lone_rule else 0

    def status(self, group: int) -> str:
        """``OK``, ``UNDER`` or ``OVER`` for one group."""
        count = self.counts[group]
        return UNDER if count < self.low else OVER if count > self.high else OK

    def as_json(self) -> dict[str, object]:
        """Plain data for ``--json`` output."""
        return {
            "label": self.label,
            "total": self.total,
            "fair_share": round(self.fair_share, 3),
            "low": self.low,
            "high": self.high,
            "counts": list(self.counts),
        }


@dataclass(frozen=True, slots=True)
class GroupingQuality:
    """The report on one set of groups.

    The objectives come in the solver's order of priority (see
    :mod:`facilitator.core.grouping.objectives`); each bound is the fewest possible among the
    groupings that are best on every objective before it.

    Attributes:
        optimal: Whether every objective is proven (and no pin, keep-apart pair or country team
            is broken): no grouping of these people is better in the solver's order.
        excess: People outside their fair-share band, summed over every rule and group (sizes,
            roles, sex, sector, delegation caps).
        lower_bound: The fewest people outside their fair share possible when sizes come first,
            then roles, then the other rules: the sum of those three objectives' bounds.
        lone: Lone women or lone sector members, counted per group and rule.
        lone_bound: The lone-members objective's bound.
        compatriots: Pairs from the same delegation sharing a group (None for country teams).
        compatriot_bound: Their bound: every delegation spread as evenly as possible (None for
            country teams).
        repeats: Pairs who already shared a group in an earlier round (once per earlier round).
        repeat_bound: Their bound (pigeonhole).
        objectives: Each objective with its value, bound and whether it is proven.
        balances: Every rule's counts.
        problems: Plain sentences on what does not hold and by how much.
    """

    optimal: bool
    excess: int
    lower_bound: int
    lone: int
    lone_bound: int
    compatriots: int | None
    compatriot_bound: int | None
    repeats: int
    repeat_bound: int
    objectives: tuple[Objective, ...]
    balances: tuple[Balance, ...]
    problems: tuple[str, ...]

    def balance(self, key: str) -> Balance | None:
        """One rule by key."""
        return next((b for b in self.balances if b.key == key), None)

    def objective(self, name: str) -> Objective | None:
        """One objective by name (None when it does not apply, e.g. compatriots for country teams)."""
        return next((o for o in self.objectives if o.name == name), None)

    def as_json(self) -> dict[str, object]:
        """The ``quality`` object of ``groups assign --json``."""
        return {
            "optimal": self.optimal,
            "excess": self.excess,
            "lower_bound": self.lower_bound,
            "lone": self.lone,
            "lone_bound": self.lone_bound,
            "compatriots": self.compatriots,
            "compatriot_bound": self.compatriot_bound,
            "repeats": self.repeats,
            "repeat_bound": self.repeat_bound,
            "objectives": {o.name: o.as_json() for o in self.objectives},
            "problems": list(self.problems),
            "balance": {b.key: b.as_json() for b in self.balances},
        }


def _keys(person: Participant) -> list[str]:
    keys = [f"sector:{sector_class(person.sector)}"]
    if person.sex in ("F", "M"):
        keys.append(f"sex:{person.sex}")
    if person.role in GROUP_ROLES:
        keys.append(f"role:{person.role}")
    if person.delegation:
        keys.append(f"delegation:{person.delegation}")
    return keys


def _label(key: str) -> str:
    kind, _, value = key.partition(":")
    if kind == "size":
        return "People"
    if kind == "sex":
        return "Women" if value == "F" else "Men"
    if kind == "sector":
        return _SECTOR_LABELS[value]
    if kind == "role":
        return _ROLE_LABELS[value]
    return ASEAN_MEMBERS.get(value, value)


def _balances(request: GroupingRequest, tallies: list[Tally[str]], sizes: list[int]) -> list[Balance]:
    count = len(sizes)
    totals = sum(tallies, Tally())
    totals["size"] = sum(sizes)
    ordered = ["size", "sex:F", "sex:M", *(f"sector:{s}" for s in _SECTOR_LABELS)]
    ordered += [f"role:{r}" for r in GROUP_ROLES]
    if request.mode != COUNTRY:
        ordered += sorted(k for k in totals if k.startswith("delegation:") and totals[k] > 1)
    result = []
    for key in ordered:
        total = totals[key]
        if not total and key != "size":
            continue
        counts = tuple(sizes) if key == "size" else tuple(t[key] for t in tallies)
        low, high = fair_band(key, total, count)
        result.append(Balance(key, _label(key), total, low, high, counts, key in LONE_KEYS))
    return result


def _repeats(request: GroupingRequest, groups: Sequence[Sequence[int]]) -> int:
    repeats = 0
    for earlier in request.history:
        where = {pid: h for h, members in enumerate(earlier) for pid in members}
        for members in groups:
            tally = Tally(where[pid] for pid in members if pid in where)
            repeats += sum(n * (n - 1) // 2 for n in tally.values())
    return repeats


def _values(
    request: GroupingRequest,
    groups: Sequence[Sequence[int]],
    balances: list[Balance],
    tallies: list[Tally[str]],
) -> dict[str, int]:
    values = {
        SIZE: sum(b.excess for b in balances if b.key == "size"),
        ROLES: sum(b.excess for b in balances if b.key.startswith("role:")),
        BALANCE: sum(b.excess for b in balances if b.key.split(":", 1)[0] in ("sex", "sector", "delegation")),
        LONE: sum(b.lone for b in balances),
        REPEATS: _repeats(request, groups),
    }
    if request.mode == SPREAD:
        values[COMPATRIOTS] = sum(
            n * (n - 1) // 2 for t in tallies for k, n in t.items() if k.startswith("delegation:")
        )
    return values


def evaluate(
    request: GroupingRequest, groups: Sequence[Sequence[int]], proofs: Proofs | None = None
) -> GroupingQuality:
    """Report on groups of participant ids formed for ``request``.

    Args:
        request: The people and rules (its ``groups`` is ignored: the given groups count).
        groups: Participant ids per group.
        proofs: Lower bounds a solver proved for this request and number of groups, by objective;
            the relaxed bounds of :mod:`.bounds` are used where they are higher or missing.
    """
    by_id = {p.id: p for p in request.people}
    people = [[by_id[pid] for pid in members if pid in by_id] for members in groups]
    tallies = [Tally(k for p in members for k in _keys(p)) for members in people]
    balances = _balances(request, tallies, [len(m) for m in people])
    values = _values(request, groups, balances, tallies)
    balanced = not (values[SIZE] or values[ROLES] or values[BALANCE])
    bounds = relaxed_bounds(request, max(1, len(groups))).for_grouping(balanced)
    for name, proven in (proofs or {}).items():
        if name in bounds:
            bounds[name] = max(bounds[name], proven)
    objectives = judge(values, bounds)
    by_name = {o.name: o for o in objectives}
    broken = broken_rules(request, groups, by_id)
    lone_proven = by_name[LONE].proven
    problems = headline(objectives) if not broken else []
    for b in balances:
        problems += explain_balance(b.key, b.label, (b.low, b.high), b.counts, lone_proven)
    problems += broken
    problems += explain_objectives(objectives)
    compatriots = by_name.get(COMPATRIOTS)
    return GroupingQuality(
        optimal=all(o.proven for o in objectives) and not broken,
        excess=sum(by_name[n].value for n in (SIZE, ROLES, BALANCE)),
        lower_bound=sum(by_name[n].bound for n in (SIZE, ROLES, BALANCE)),
        lone=by_name[LONE].value,
        lone_bound=by_name[LONE].bound,
        compatriots=compatriots.value if compatriots else None,
        compatriot_bound=compatriots.bound if compatriots else None,
        repeats=by_name[REPEATS].value,
        repeat_bound=by_name[REPEATS].bound,
        objectives=objectives,
        balances=tuple(balances),
        problems=tuple(problems),
    )
