"""Late arrivals: placed where they do the least harm, never moving anyone already placed."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.errors import InputError
from facilitator.core.grouping import (
    COUNTRY,
    GroupingQuality,
    GroupingRequest,
    assign_groups,
    evaluate,
    place_late,
)
from facilitator.core.participants import Participant

_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def rooms(draw: st.DrawFn) -> tuple[list[Participant], int, list[int]]:
    """People of mixed sex, sector and delegation, a number of groups, and who arrives late."""
    size = draw(st.integers(4, 14))
    people = [
        Participant(
            id=pid,
            name=f"Person {pid:02d}",
            sex=draw(st.sampled_from(("F", "M", "F", "M", "X"))),
            sector=draw(st.sampled_from(("labour", "law-enforcement", "asean", "partner"))),
            delegation=draw(st.sampled_from(("KH", "LA", "TH", "VN", "ILO"))),
            role=draw(st.sampled_from(("participant",) * 5 + ("facilitator", "rapporteur"))),
        )
        for pid in range(1, size + 1)
    ]
    groups = draw(st.integers(2, 3))
    late = draw(st.lists(st.sampled_from([p.id for p in people]), min_size=1, max_size=4, unique=True))
    if size - len(late) < groups:
        late = late[: size - groups]
    return people, groups, late


def _vector(quality: GroupingQuality) -> tuple[int, ...]:
    return tuple(o.value for o in quality.objectives)


@_SETTINGS
@given(rooms(), st.integers(0, 50))
def test_late_arrivals_never_move_anyone_and_go_where_they_harm_least(
    room: tuple[list[Participant], int, list[int]], seed: int
) -> None:
    """Everyone placed keeps their group and place; the late arrivals' placement is the best of
    every placement that moves nobody else (brute force), so every fair share that can still
    hold does hold."""
    people, groups, late = room
    present = [p for p in people if p.id not in late]
    placed = assign_groups(GroupingRequest.build(present, groups, seed=seed)).groups
    request = GroupingRequest.build(people, groups, seed=seed)
    result = place_late(request, placed, late)
    for before, after in zip(placed, result.groups, strict=True):
        assert after[: len(before)] == before
    assert sorted(pid for g in result.groups for pid in g) == sorted(p.id for p in people)
    assert {pid for pid, _ in result.arrivals} == set(late)
    best = min(
        _vector(
            evaluate(
                request,
                [
                    [*members, *(pid for pid, g in zip(late, where, strict=True) if g == n)]
                    for n, members in enumerate(placed)
                ],
            )
        )
        for where in itertools.product(range(groups), repeat=len(late))
    )
    assert result.proven
    assert _vector(result.quality) == best


def test_five_late_arrivals_fill_the_groups_short_of_their_share(sample_people: list[Participant]) -> None:
    """Five people arriving late to a round of six groups join five different groups, and every
    fair share still holds."""
    late = [p.id for p in sample_people if p.role == "participant"][:5]
    present = [p for p in sample_people if p.id not in late]
    placed = assign_groups(GroupingRequest.build(present, 6, seed=3)).groups
    result = place_late(GroupingRequest.build(sample_people, 6, seed=3), placed, late)
    assert result.proven
    assert len({group for _, group in result.arrivals}) == 5
    assert sorted(len(g) for g in result.groups) == [9, 9, 9, 9, 9, 10]
    assert result.quality.excess == 0


def test_country_teams_take_their_late_members_and_a_late_delegation_stays_whole(
    sample_people: list[Participant],
) -> None:
    """A late Thai official joins the Thai team; a whole Lao delegation arriving late sits together."""
    thai = [p.id for p in sample_people if p.delegation == "TH"]
    lao = [p.id for p in sample_people if p.delegation == "LA"]
    late = [thai[0], *lao]
    present = [p for p in sample_people if p.id not in late]
    placed = assign_groups(GroupingRequest.build(present, 6, mode=COUNTRY, seed=1)).groups
    result = place_late(GroupingRequest.build(sample_people, 6, mode=COUNTRY, seed=1), placed, late)
    where = dict(result.arrivals)
    thai_group = next(g for g, members in enumerate(placed) if thai[1] in members)
    assert where[thai[0]] == thai_group
    assert len({where[pid] for pid in lao}) == 1
    assert not any("split across" in p for p in result.quality.problems)


def test_nobody_late_changes_nothing_and_strangers_are_refused(sample_people: list[Participant]) -> None:
    """Placing no one returns the groups as they were; an id outside the round is refused."""
    request = GroupingRequest.build(sample_people, 6, seed=1)
    placed = assign_groups(request).groups
    same = place_late(request, placed, [])
    assert same.groups == placed and same.arrivals == () and same.proven
    with pytest.raises(InputError, match="does not take part"):
        place_late(request, placed, [9999])
