"""The report's sentences: what does not hold, by how much, and whether it could be better.

Kept apart from the counting in :mod:`.quality` so that the wording can change without touching
what is counted, and so that every sentence a facilitator reads is in one place.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Sequence

from facilitator.core.grouping.bounds import lone_in_bands
from facilitator.core.grouping.objectives import BALANCE, COMPATRIOTS, REPEATS, Objective
from facilitator.core.grouping.request import COUNTRY, GroupingRequest
from facilitator.core.participants import ASEAN_MEMBERS, Participant

__all__ = ["broken_rules", "explain_balance", "explain_objectives", "group_list", "headline"]

_LONE_NOUNS = {
    "sex:F": "woman",
    "sector:labour": "labour official",
    "sector:law-enforcement": "law-enforcement officer",
    "sector:other": "member from the other sectors",
}


def group_list(numbers: Sequence[int]) -> str:
    """ "group 3" or "groups 1, 4 and 6" (0-based numbers in, 1-based out)."""
    names = [str(n + 1) for n in numbers]
    if len(names) == 1:
        return f"group {names[0]}"
    return f"groups {', '.join(names[:-1])} and {names[-1]}"


def explain_balance(
    key: str, label: str, band: tuple[int, int], counts: Sequence[int], lone_proven: bool
) -> list[str]:
    """Sentences on one rule's counts: outside the fair share, groups without a role, lone members."""
    low, high = band
    groups = len(counts)
    total = sum(counts)
    lines = []
    off = [g for g, c in enumerate(counts) if c < low or c > high]
    if off:
        excess = sum(max(0, low - c) + max(0, c - high) for c in counts)
        shown = f"{low}–{high}" if low != high else str(low)
        what = (
            f"above the cap of {high}" if key.startswith("delegation:") else f"outside the fair share {shown}"
        )
        detail = ", ".join(f"{g + 1}: {counts[g]}" for g in off)
        lines.append(f"{label}: {excess} {what} per group ({total} for {groups} groups; group {detail}).")
    if key.startswith("role:") and total < groups:
        missing = [g for g in range(groups) if counts[g] == 0]
        lines.append(
            f"Only {total} {label.lower()} for {groups} groups: "
            f"{group_list(missing)} {'has' if len(missing) == 1 else 'have'} none."
        )
    lone = sum(1 for c in counts if c == 1) if key in _LONE_NOUNS else 0
    if lone:
        floor = lone_in_bands(low, high, [0] * groups, total)
        if lone_proven:
            reason = " (unavoidable under these rules)"
        elif lone <= floor:
            reason = " (unavoidable while every group keeps its fair share)"
        else:
            reason = f" (at best {floor})"
        groups_have = "group has" if lone == 1 else "groups have"
        lines.append(f"{lone} {groups_have} a lone {_LONE_NOUNS[key]}{reason}.")
    return lines


def headline(objectives: Sequence[Objective]) -> list[str]:
    """The sentence that comes first when the balance is off but proven the best possible."""
    balance = next((o for o in objectives if o.name == BALANCE), None)
    if balance is not None and balance.proven and balance.value:
        return ["No grouping of these people can balance better under these rules (proven)."]
    return []


def explain_objectives(objectives: Sequence[Objective]) -> list[str]:
    """Sentences on pairs, and on what might still be better (not proven)."""
    lines = []
    by_name = {o.name: o for o in objectives}
    compatriots = by_name.get(COMPATRIOTS)
    if compatriots is not None and compatriots.value > compatriots.bound:
        lines.append(
            f"{compatriots.value} pairs from the same delegation share a group "
            f"(at least {compatriots.bound} must)."
        )
    repeats = by_name.get(REPEATS)
    if repeats is not None and repeats.value:
        lines.append(f"{repeats.value} pairs meet again from earlier rounds (at least {repeats.bound} must).")
    unproven = [o.label.lower() for o in objectives if not o.proven and o.value > o.bound]
    if unproven:
        lines.append(f"Not proven the best possible: {', '.join(unproven)}.")
    return lines


def broken_rules(
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
                problems.append(f"{ASEAN_MEMBERS[code]} is split across {group_list(places)}.")
    return problems
