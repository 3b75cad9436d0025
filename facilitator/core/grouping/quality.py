"""How good a set of groups is: counts against fair share, lone members, repeats, and why.

The same evaluation serves the solver's result and every manual change on the Groups page, so the
colours a facilitator sees after a drag and drop are computed exactly as the solver's report.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.grouping.problem import GROUP_ROLES, lone_floor, repeat_floor, sector_class
from facilitator.core.grouping.request import COUNTRY, GroupingRequest
from facilitator.core.participants import ASEAN_MEMBERS, Participant

__all__ = ["OK", "OVER", "UNDER", "Balance", "GroupingQuality", "evaluate"]

OK = "ok"
UNDER = "under"
OVER = "over"

_SECTOR_LABELS = {"labour": "Labour", "law-enforcement": "Law enforcement", "other": "Other sectors"}
_ROLE_LABELS = {"facilitator": "Facilitators", "rapporteur": "Rapporteurs"}
_LONE_NOUNS = {
    "sex:F": "woman",
    "sector:labour": "labour official",
    "sector:law-enforcement": "law-enforcement officer",
    "sector:other": "member from the other sectors",
}
_LONE_RULES = ("sex:F", "sector:labour", "sector:law-enforcement", "sector:other")


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

    Attributes:
        optimal: Whether the balance (sizes, roles, sex, sector, countries, lone members) is proven
            as good as any grouping of this request can be.
        excess: People outside their fair-share band, summed over rules and groups.
        lower_bound: Proven fewest possible ``excess``.
        lone: Lone women or lone sector members, counted per group and rule.
        lone_bound: Proven fewest possible ``lone`` (given the best balance).
        repeats: Pairs who already shared a group in an earlier round (once per earlier round).
        repeat_bound: Fewest possible repeats (pigeonhole).
        balances: Every rule's counts.
        problems: Plain sentences on what does not hold and by how much.
    """

    optimal: bool
    excess: int
    lower_bound: int
    lone: int
    lone_bound: int
    repeats: int
    repeat_bound: int
    balances: tuple[Balance, ...]
    problems: tuple[str, ...]

    def balance(self, key: str) -> Balance | None:
        """One rule by key."""
        return next((b for b in self.balances if b.key == key), None)

    def as_json(self) -> dict[str, object]:
        """The ``quality`` object of ``groups assign --json``."""
        return {
            "optimal": self.optimal,
            "excess": self.excess,
            "lower_bound": self.lower_bound,
            "lone": self.lone,
            "lone_bound": self.lone_bound,
            "repeats": self.repeats,
            "repeat_bound": self.repeat_bound,
            "problems": list(self.problems),
            "balance": {b.key: b.as_json() for b in self.balances},
        }


def _balances(request: GroupingRequest, groups: Sequence[Sequence[Participant]]) -> list[Balance]:
    count = len(groups)
    tallies = [Tally(k for p in members for k in _keys(p)) for members in groups]
    totals = sum(tallies, Tally())
    totals["size"] = sum(len(members) for members in groups)
    ordered = ["size", "sex:F", "sex:M", *(f"sector:{s}" for s in _SECTOR_LABELS)]
    ordered += [f"role:{r}" for r in GROUP_ROLES]
    if request.mode != COUNTRY:
        ordered += sorted(k for k in totals if k.startswith("delegation:") and totals[k] > 1)
    result = []
    for key in ordered:
        total = totals[key]
        if not total and key != "size":
            continue
        counts = tuple(len(m) if key == "size" else t[key] for m, t in zip(groups, tallies, strict=True))
        high = -(-total // count)
        low = 0 if key.startswith("delegation:") else total // count
        result.append(Balance(key, _label(key), total, low, high, counts, key in _LONE_RULES))
    return result


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


def _group_list(numbers: list[int]) -> str:
    names = [str(n + 1) for n in numbers]
    if len(names) == 1:
        return f"group {names[0]}"
    return f"groups {', '.join(names[:-1])} and {names[-1]}"


def _explain(balance: Balance, groups: int, proven: bool) -> list[str]:
    lines = []
    if balance.excess:
        off = [g for g in range(groups) if balance.status(g) != OK]
        band = f"{balance.low}–{balance.high}" if balance.low != balance.high else str(balance.low)
        what = (
            f"above the cap of {balance.high}"
            if balance.key.startswith("delegation:")
            else f"outside the fair share {band}"
        )
        detail = ", ".join(f"{g + 1}: {balance.counts[g]}" for g in off)
        lines.append(
            f"{balance.label}: {balance.excess} {what} per group "
            f"({balance.total} for {groups} groups; group {detail})."
        )
    if balance.key.startswith("role:") and balance.total < groups:
        missing = [g for g in range(groups) if balance.counts[g] == 0]
        lines.append(
            f"Only {balance.total} {balance.label.lower()} for {groups} groups: "
            f"{_group_list(missing)} {'has' if len(missing) == 1 else 'have'} none."
        )
    if balance.lone:
        floor = lone_floor(balance.total, groups)
        if proven:
            reason = " (unavoidable under these rules)"
        elif balance.lone <= floor:
            reason = " (unavoidable while every group keeps its fair share)"
        else:
            reason = f" (at best {floor})"
        noun = _LONE_NOUNS[balance.key]
        groups_have = "group has" if balance.lone == 1 else "groups have"
        lines.append(f"{balance.lone} {groups_have} a lone {noun}{reason}.")
    return lines


def _repeats(request: GroupingRequest, groups: Sequence[Sequence[int]]) -> tuple[int, int]:
    present = {pid for members in groups for pid in members}
    repeats = bound = 0
    for earlier in request.history:
        where = {pid: h for h, members in enumerate(earlier) for pid in members}
        for members in groups:
            tally = Tally(where[pid] for pid in members if pid in where)
            repeats += sum(n * (n - 1) // 2 for n in tally.values())
        sizes = [sum(1 for pid in members if pid in present) for members in earlier]
        bound += repeat_floor(len(groups), sizes)
    return repeats, bound


def evaluate(
    request: GroupingRequest,
    groups: Sequence[Sequence[int]],
    proven: tuple[int, int] | None = None,
) -> GroupingQuality:
    """Report on groups of participant ids formed for ``request``.

    Args:
        request: The people and rules (its ``groups`` is ignored: the given groups count).
        groups: Participant ids per group.
        proven: ``(excess, lone)`` proven the best possible, when a solver proved it; otherwise the
            simple lower bounds are used.
    """
    by_id = {p.id: p for p in request.people}
    people = [[by_id[pid] for pid in members if pid in by_id] for members in groups]
    count = len(groups)
    balances = _balances(request, people)
    excess = sum(b.excess for b in balances)
    lone = sum(b.lone for b in balances)
    if proven is not None:
        lower_bound, lone_bound = proven
    else:
        lower_bound = 0
        lone_bound = sum(lone_floor(b.total, count) for b in balances if b.lone_rule)
        lone_bound = lone_bound if request.mode != COUNTRY else 0
    repeats, repeat_bound = _repeats(request, groups)
    at_bound = proven is not None and excess <= lower_bound and lone <= lone_bound
    problems = [line for b in balances for line in _explain(b, count, at_bound)]
    broken = _broken_rules(request, groups, by_id)
    problems += broken
    if at_bound and excess and not broken:
        problems.insert(0, "No grouping of these people can balance better under these rules (proven).")
    if repeats:
        problems.append(f"{repeats} pairs meet again from earlier rounds (at least {repeat_bound} must).")
    return GroupingQuality(
        optimal=excess <= lower_bound and lone <= lone_bound and not broken,
        excess=excess,
        lower_bound=min(lower_bound, excess),
        lone=lone,
        lone_bound=min(lone_bound, lone),
        repeats=repeats,
        repeat_bound=repeat_bound,
        balances=tuple(balances),
        problems=tuple(problems),
    )


def _broken_rules(
    request: GroupingRequest, groups: Sequence[Sequence[int]], by_id: dict[int, Participant]
) -> list[str]:
    """Keep-apart pairs together, pinned people elsewhere, delegations split in country mode."""
    problems = []
    group_of = {pid: g for g, members in enumerate(groups) for pid in members}
    for a, b in request.apart:
        if a in group_of and group_of[a] == group_of.get(b):
            problems.append(
                f"{by_id[a].name} and {by_id[b].name} should be kept apart but share group {group_of[a] + 1}."
            )
    for pid, g in request.pins:
        if pid in group_of and group_of[pid] != g:
            problems.append(
                f"{by_id[pid].name} is pinned to group {g + 1} but sits in group {group_of[pid] + 1}."
            )
    if request.mode == COUNTRY:
        split: Tally[tuple[str, int]] = Tally()
        for pid, g in group_of.items():
            person = by_id.get(pid)
            if person is not None and person.is_member_state:
                split[person.delegation, g] += 1
        for code in sorted({d for d, _ in split}):
            places = sorted(g for d, g in split if d == code)
            if len(places) > 1:
                problems.append(f"{ASEAN_MEMBERS[code]} is split across {_group_list(places)}.")
    return problems
