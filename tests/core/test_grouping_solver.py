"""Property tests of the grouping solver over random rosters."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.errors import InputError
from facilitator.core.grouping import (
    COUNTRY,
    SPREAD,
    Eligibility,
    GroupingQuality,
    GroupingRequest,
    assign_groups,
    evaluate,
)
from facilitator.core.grouping.problem import build_problem
from facilitator.core.grouping.search import total_cost
from facilitator.core.participants import Participant

_DELEGATIONS = ("BN", "KH", "LA", "TH", "VN", "ILO", "ASEAN Secretariat")


@st.composite
def rosters(draw: st.DrawFn, min_size: int = 2, max_size: int = 40) -> list[Participant]:
    """Random participants with mixed sex, sector, delegation and group roles."""
    size = draw(st.integers(min_size, max_size))
    people = []
    for pid in range(1, size + 1):
        people.append(
            Participant(
                id=pid,
                name=f"Person {pid:03d}",
                sex=draw(st.sampled_from(("F", "F", "M", "M", "X"))),
                sector=draw(st.sampled_from(("labour", "law-enforcement", "asean", "partner"))),
                delegation=draw(st.sampled_from(_DELEGATIONS)),
                role=draw(st.sampled_from(("participant",) * 6 + ("facilitator", "rapporteur"))),
            )
        )
    return people


def _placed(groups: tuple[tuple[int, ...], ...]) -> list[int]:
    return sorted(pid for group in groups for pid in group)


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(rosters(), st.integers(1, 8), st.integers(0, 10**6))
def test_spread_places_everyone_once_in_sizes_within_one(
    people: list[Participant], groups: int, seed: int
) -> None:
    """Every person is placed exactly once and group sizes differ by at most one."""
    groups = min(groups, len(people))
    result = assign_groups(GroupingRequest.build(people, groups, seed=seed))
    assert _placed(result.groups) == sorted(p.id for p in people)
    sizes = [len(g) for g in result.groups]
    assert len(sizes) == groups and max(sizes) - min(sizes) <= 1


@_SETTINGS
@given(rosters(), st.integers(1, 8), st.integers(0, 10**6))
def test_spread_reaches_the_proven_bound(people: list[Participant], groups: int, seed: int) -> None:
    """The balance is at its lower bound, and a group's counts stay inside the band when it is zero."""
    groups = min(groups, len(people))
    quality = assign_groups(GroupingRequest.build(people, groups, seed=seed)).quality
    assert quality.optimal
    assert quality.excess == quality.lower_bound
    if quality.lower_bound == 0:
        for balance in quality.balances:
            assert all(balance.low <= c <= balance.high for c in balance.counts), balance


@_SETTINGS
@given(rosters(max_size=30), st.integers(2, 6), st.integers(0, 10**6))
def test_country_mode_keeps_member_state_delegations_whole(
    people: list[Participant], groups: int, seed: int
) -> None:
    """In country mode every ASEAN Member State delegation sits in one group and the result is proven."""
    groups = min(groups, len(people))
    result = assign_groups(GroupingRequest.build(people, groups, mode=COUNTRY, seed=seed))
    where = {pid: g for g, members in enumerate(result.groups) for pid in members}
    for code in ("BN", "KH", "LA", "TH", "VN"):
        assert len({where[p.id] for p in people if p.delegation == code}) <= 1
    assert _placed(result.groups) == sorted(p.id for p in people)
    assert result.quality.optimal


def _priority(quality: GroupingQuality) -> tuple[int, int, int, int]:
    """The solver's order of concerns: size, roles, the other balances, lone members."""
    size = roles = rest = 0
    for balance in quality.balances:
        if balance.key == "size":
            size += balance.excess
        elif balance.key.startswith("role:"):
            roles += balance.excess
        else:
            rest += balance.excess
    return size, roles, rest, quality.lone


def _brute_force_best(people: list[Participant], groups: int, mode: str) -> tuple[int, int, int, int]:
    """The best priority over every possible grouping that keeps delegations whole in country mode."""
    request = GroupingRequest.build(people, groups, mode=mode)
    best = (1 << 30,) * 4
    for labels in itertools.product(range(groups), repeat=len(people)):
        members: list[list[int]] = [[] for _ in range(groups)]
        for person, label in zip(people, labels, strict=True):
            members[label].append(person.id)
        quality = evaluate(request, members)
        if not any("split" in problem for problem in quality.problems):
            best = min(best, _priority(quality))
    return best


@settings(max_examples=25, deadline=None)
@given(rosters(min_size=3, max_size=7), st.integers(2, 3), st.sampled_from((SPREAD, COUNTRY)))
def test_optimal_claims_match_exhaustive_search(people: list[Participant], groups: int, mode: str) -> None:
    """On tiny rosters the solver's balance equals the best over all groupings, checked exhaustively."""
    quality = assign_groups(GroupingRequest.build(people, groups, mode=mode)).quality
    assert quality.optimal
    assert _priority(quality) == _brute_force_best(people, groups, mode)


@_SETTINGS
@given(rosters(min_size=6), st.integers(2, 6), st.data())
def test_pins_and_keep_apart_pairs_hold(people: list[Participant], groups: int, data: st.DataObject) -> None:
    """Pinned people end in their group and keep-apart pairs never share one."""
    groups = min(groups, len(people))
    ids = [p.id for p in people]
    shuffled = data.draw(st.permutations(ids))
    apart = [(shuffled[i], shuffled[i + 1]) for i in range(0, min(6, len(ids) - 1), 2)]
    pins = {pid: data.draw(st.integers(0, groups - 1)) for pid in shuffled[6:9]}
    result = assign_groups(GroupingRequest.build(people, groups, pins=pins, apart=apart, seed=3))
    where = {pid: g for g, members in enumerate(result.groups) for pid in members}
    assert all(where[pid] == g for pid, g in pins.items())
    assert all(where[a] != where[b] for a, b in apart)


@_SETTINGS
@given(rosters(min_size=12, max_size=40), st.integers(2, 5))
def test_history_lowers_repeated_pairs(people: list[Participant], groups: int) -> None:
    """A second round formed with the first as history is never worse than one formed blind.

    "Worse" is the solver's own order (roles, balance, lone members, then repeated pairs), so a
    round may repeat a pair more only to place a rapporteur or balance a group better.
    """
    first = assign_groups(GroupingRequest.build(people, groups, seed=1)).groups
    request = GroupingRequest.build(people, groups, seed=2, history=[first])
    aware = assign_groups(request)
    blind = assign_groups(GroupingRequest.build(people, groups, seed=2))
    problem = build_problem(request)

    def cost(grouping: tuple[tuple[int, ...], ...]) -> int:
        where = {pid: g for g, members in enumerate(grouping) for pid in members}
        return total_cost(problem, [where[problem.person(m[0]).id] for m in problem.items])

    assert cost(aware.groups) <= cost(blind.groups)
    assert aware.quality.repeats >= aware.quality.repeat_bound


def test_three_rounds_of_the_full_sample_reach_the_pigeonhole_bound(
    sample_people_all: list[Participant],
) -> None:
    """Three rounds of all 68 sample people in 6 groups repeat only the 96 pairs they must, all balanced."""
    history: list[tuple[tuple[int, ...], ...]] = []
    repeats = bound = 0
    for number in range(3):
        result = assign_groups(GroupingRequest.build(sample_people_all, 6, seed=number, history=history))
        assert result.quality.optimal and result.quality.excess == 0
        repeats += result.quality.repeats
        bound += result.quality.repeat_bound
        history.append(result.groups)
    assert bound == 96
    assert repeats == 96


def _like_the_sample(size: int, groups: int, seed: int) -> list[Participant]:
    """A roster shaped like the sample's: labour and police by country, ASEAN staff, partners as
    facilitators, one rapporteur per group, a little more than half women."""
    rng = random.Random(seed)
    countries = ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN")
    people = []
    for pid in range(1, size + 1):
        role = "facilitator" if pid <= groups else "rapporteur" if pid <= 2 * groups else "participant"
        if role == "facilitator":
            sector, delegation = "partner", rng.choice(("ILO", "IOM", "The Asia Foundation"))
        else:
            sector = rng.choices(("labour", "law-enforcement", "asean"), (45, 45, 10))[0]
            delegation = "ASEAN Secretariat" if sector == "asean" else rng.choice(countries)
        sex = rng.choices(("F", "M"), (55, 45))[0]
        people.append(Participant(pid, f"P{pid}", sex=sex, sector=sector, delegation=delegation, role=role))
    return people


def test_compatriots_spread_as_evenly_as_possible_for_a_thousand_people() -> None:
    """1,000 people in 50 groups reach the compatriot bound (every delegation spread evenly) and
    every other bound, all proven, without OR-Tools."""
    quality = assign_groups(GroupingRequest.build(_like_the_sample(1000, 50, 7), 50, seed=1)).quality
    assert quality.compatriots == quality.compatriot_bound and quality.compatriot_bound is not None
    assert quality.compatriot_bound > 0
    assert quality.optimal and all(o.proven for o in quality.objectives)


@pytest.mark.parametrize(("size", "groups"), [(55, 6), (120, 8)])
def test_country_teams_are_proven_on_rosters_like_the_sample(size: int, groups: int) -> None:
    """Country teams of 55 people in 6 groups and of 120 in 8 are proven best on every objective."""
    people = _like_the_sample(size, groups, 7)
    result = assign_groups(GroupingRequest.build(people, groups, mode=COUNTRY, seed=1))
    assert result.quality.optimal
    assert result.quality.excess == result.quality.lower_bound > 0
    assert set(result.proofs) >= {"size", "roles", "balance", "lone"}


def test_country_teams_of_the_sample_are_proven(sample_people: list[Participant]) -> None:
    """The sample's country teams keep each delegation whole and are proven best on every objective."""
    quality = assign_groups(GroupingRequest.build(sample_people, 6, mode=COUNTRY, seed=1)).quality
    assert quality.optimal and [o.proven for o in quality.objectives] == [True] * 5
    assert (quality.excess, quality.lower_bound) == (11, 11)


def test_same_seed_gives_same_groups_and_new_seed_reshuffles(sample_people: list[Participant]) -> None:
    """A request and its seed reproduce the groups; another seed gives different groups."""
    first = assign_groups(GroupingRequest.build(sample_people, 6, seed=7)).groups
    again = assign_groups(GroupingRequest.build(sample_people, 6, seed=7)).groups
    other = assign_groups(GroupingRequest.build(sample_people, 6, seed=8)).groups
    assert first == again
    assert first != other


def test_sample_eligibility_follows_the_default_rules(sample_roster: list[Participant]) -> None:
    """Labour, law enforcement and ASEAN bodies take part; partners only as facilitators; no organisers."""
    chosen = Eligibility().select(sample_roster)
    assert len(chosen) == 55
    assert {p.sector for p in chosen} == {"labour", "law-enforcement", "asean", "partner"}
    assert all(p.role == "facilitator" for p in chosen if p.sector == "partner")
    assert not any(p.role in ("organiser", "staff") for p in chosen)


def test_sample_gets_one_facilitator_and_one_rapporteur_per_group(sample_people: list[Participant]) -> None:
    """With six of each in the sample, each of six groups has one facilitator and one rapporteur."""
    result = assign_groups(GroupingRequest.build(sample_people, 6, seed=1))
    roles = {p.id: p.role for p in sample_people}
    for group in result.groups:
        assert [roles[pid] for pid in group].count("facilitator") == 1
        assert [roles[pid] for pid in group].count("rapporteur") == 1
        assert roles[group[0]] == "facilitator" and roles[group[1]] == "rapporteur"


def test_too_few_facilitators_are_explained(sample_people: list[Participant]) -> None:
    """Asking for more groups than there are facilitators says which groups have none."""
    quality = assign_groups(GroupingRequest.build(sample_people, 8, seed=1)).quality
    assert any(p.startswith("Only 6 facilitators for 8 groups: groups") for p in quality.problems)


def test_an_oversized_delegation_in_country_mode_is_explained() -> None:
    """A delegation larger than a fair group is kept whole and the report says by how much sizes differ."""
    people = [Participant(i, f"P{i}", sex="F", sector="labour", delegation="TH") for i in range(1, 9)]
    people += [
        Participant(i, f"P{i}", sex="M", sector="law-enforcement", delegation="ILO") for i in range(9, 13)
    ]
    quality = assign_groups(GroupingRequest.build(people, 3, mode=COUNTRY)).quality
    assert quality.optimal
    size_line = next(p for p in quality.problems if p.startswith("People:"))
    assert "fair share 4 per group" in size_line and "8" in size_line


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"groups": 0}, "Number of groups"),
        ({"groups": 99}, "ask for at most"),
        ({"pins": {9999: 0}}, "does not take part"),
        ({"pins": {1: 7}}, "only 6 groups"),
        ({"pins": {1: 0, 2: 0}, "apart": [(1, 2)]}, "unpin one of them"),
        ({"apart": [(1, 1)]}, "paired with themself"),
        ({"mode": "random"}, "choose spread or country"),
    ],
)
def test_impossible_requests_are_refused_with_a_reason(
    sample_people: list[Participant], kwargs: dict[str, object], message: str
) -> None:
    """Requests no grouping can meet raise InputError saying what to change."""
    arguments: dict[str, object] = {"groups": 6, **kwargs}
    groups = int(arguments.pop("groups"))  # type: ignore[call-overload]
    with pytest.raises(InputError, match=message):
        assign_groups(GroupingRequest.build(sample_people, groups, **arguments))  # type: ignore[arg-type]


def test_country_mode_refuses_conflicting_pins_inside_a_delegation(sample_people: list[Participant]) -> None:
    """Two members of one delegation pinned to different groups cannot be kept together."""
    thai = [p.id for p in sample_people if p.delegation == "TH"]
    with pytest.raises(InputError, match="stays together in country mode"):
        assign_groups(GroupingRequest.build(sample_people, 6, mode=COUNTRY, pins={thai[0]: 0, thai[1]: 1}))
