"""Every bound the report gives, checked against brute force on small rosters.

An objective's bound promises "no grouping that is best on every earlier objective does better";
brute force finds that best grouping by trying every way to split a handful of people, so each
reported bound must be at most the brute-force optimum, and a proven objective must equal it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.grouping import (
    COUNTRY,
    OBJECTIVES,
    SPREAD,
    GroupingQuality,
    GroupingRequest,
    assign_groups,
    evaluate,
)
from facilitator.core.grouping.bounds import band_bound, lone_in_bands, spread_pairs
from facilitator.core.participants import Participant

_DELEGATIONS = ("KH", "LA", "TH", "ILO")
_SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def small_rosters(draw: st.DrawFn) -> list[Participant]:
    """Three to seven people of mixed sex, sector, delegation and group role."""
    size = draw(st.integers(3, 7))
    return [
        Participant(
            id=pid,
            name=f"Person {pid}",
            sex=draw(st.sampled_from(("F", "M", "F", "M", "X"))),
            sector=draw(st.sampled_from(("labour", "law-enforcement", "asean"))),
            delegation=draw(st.sampled_from(_DELEGATIONS)),
            role=draw(st.sampled_from(("participant",) * 4 + ("facilitator", "rapporteur"))),
        )
        for pid in range(1, size + 1)
    ]


def _groupings(people: Sequence[Participant], groups: int) -> list[list[list[int]]]:
    """Every way to put the people into ``groups`` numbered groups."""
    result = []
    for labels in itertools.product(range(groups), repeat=len(people)):
        members: list[list[int]] = [[] for _ in range(groups)]
        for person, label in zip(people, labels, strict=True):
            members[label].append(person.id)
        result.append(members)
    return result


def _vector(quality: GroupingQuality) -> tuple[int, ...]:
    """Broken rules first (they come before every objective), then each objective's value."""
    broken = sum(1 for p in quality.problems if "kept apart" in p or "split across" in p or "pinned" in p)
    return (broken, *(o.value for o in quality.objectives))


def _lexicographic_best(request: GroupingRequest) -> tuple[int, ...]:
    """The best vector over every grouping: what each objective's bound may not exceed."""
    return min(_vector(evaluate(request, members)) for members in _groupings(request.people, request.groups))


def _check(request: GroupingRequest, quality: GroupingQuality) -> None:
    best = _lexicographic_best(request)
    assert [o.name for o in quality.objectives] == [n for n in OBJECTIVES if quality.objective(n)]
    for position, objective in enumerate(quality.objectives, start=1):
        assert objective.bound <= best[position], (objective, best)
        if objective.proven:
            assert objective.value == best[position], (objective, best)
    if quality.optimal:
        assert _vector(quality) == best


@_SETTINGS
@given(small_rosters(), st.integers(2, 3), st.sampled_from((SPREAD, COUNTRY)), st.data())
def test_solver_bounds_never_exceed_and_proofs_match_brute_force(
    people: list[Participant], groups: int, mode: str, data: st.DataObject
) -> None:
    """With an earlier round as history, each reported bound is at most the brute-force optimum and
    each objective claimed proven equals it."""
    earlier = data.draw(st.lists(st.integers(0, groups - 1), min_size=len(people), max_size=len(people)))
    history = [[[p.id for p, g in zip(people, earlier, strict=True) if g == h] for h in range(groups)]]
    request = GroupingRequest.build(
        people, groups, mode=mode, seed=data.draw(st.integers(0, 99)), history=history
    )
    _check(request, assign_groups(request).quality)


@_SETTINGS
@given(small_rosters(), st.integers(2, 3), st.data())
def test_bounds_of_any_grouping_with_pins_hold(
    people: list[Participant], groups: int, data: st.DataObject
) -> None:
    """For an arbitrary (say, dragged by hand) grouping with pinned people, the bounds still hold."""
    labels = data.draw(st.lists(st.integers(0, groups - 1), min_size=len(people), max_size=len(people)))
    members = [[p.id for p, g in zip(people, labels, strict=True) if g == h] for h in range(groups)]
    pins = {people[0].id: labels[0]}
    request = GroupingRequest.build(people, groups, pins=pins)
    _check(request, evaluate(request, members))


@given(
    st.integers(0, 6),
    st.integers(0, 8),
    st.lists(st.integers(0, 5), min_size=1, max_size=4),
    st.integers(0, 10),
)
def test_band_bound_is_the_fewest_people_outside_the_band(
    low: int, span: int, fixed: list[int], free: int
) -> None:
    """The band bound equals the best over every way to add the free people, found by brute force."""
    high = low + span
    best = min(
        sum(max(0, low - f - x) + max(0, f + x - high) for f, x in zip(fixed, adds, strict=True))
        for adds in itertools.product(range(free + 1), repeat=len(fixed))
        if sum(adds) == free
    )
    assert band_bound(low, high, fixed, free) == best


@given(st.lists(st.integers(0, 4), min_size=1, max_size=4), st.integers(0, 9))
def test_spread_pairs_is_the_fewest_pairs(fixed: list[int], free: int) -> None:
    """Spreading the free people where the fewest are gives the fewest pairs (brute force)."""
    best = min(
        sum((f + x) * (f + x - 1) // 2 for f, x in zip(fixed, adds, strict=True))
        for adds in itertools.product(range(free + 1), repeat=len(fixed))
        if sum(adds) == free
    )
    assert spread_pairs(fixed, free) == best


@given(st.integers(0, 3), st.lists(st.integers(0, 3), min_size=1, max_size=4), st.integers(0, 12))
def test_lone_in_bands_is_the_fewest_lone_groups(low: int, fixed: list[int], total: int) -> None:
    """Within the bands, the fewest groups holding exactly one matches brute force (0 when impossible)."""
    high = low + 1
    options = [
        counts
        for counts in itertools.product(range(total + 1), repeat=len(fixed))
        if sum(counts) == total and all(max(low, f) <= c <= high for c, f in zip(counts, fixed, strict=True))
    ]
    expected = min((sum(1 for c in counts if c == 1) for counts in options), default=0)
    assert lone_in_bands(low, high, fixed, total) == expected
