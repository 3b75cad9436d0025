"""The report on a set of groups: counts against fair share, lone members, repeats, explanations."""

from __future__ import annotations

from facilitator.core.grouping import OK, OVER, UNDER, GroupingRequest, evaluate
from facilitator.core.participants import Participant


def _people() -> list[Participant]:
    spec = [
        ("F", "labour", "TH"),
        ("F", "labour", "VN"),
        ("F", "law-enforcement", "TH"),
        ("M", "law-enforcement", "VN"),
        ("M", "labour", "LA"),
        ("M", "law-enforcement", "LA"),
    ]
    return [
        Participant(i + 1, f"P{i + 1}", sex=s, sector=c, delegation=d) for i, (s, c, d) in enumerate(spec)
    ]


def test_counts_bands_and_statuses() -> None:
    """Each rule has its fair-share band and a status per group."""
    request = GroupingRequest.build(_people(), 2)
    quality = evaluate(request, [[1, 2, 3], [4, 5, 6]])
    women = quality.balance("sex:F")
    assert women is not None
    assert (women.total, women.low, women.high, women.counts) == (3, 1, 2, (3, 0))
    assert (women.status(0), women.status(1)) == (OVER, UNDER)
    assert women.excess == 2 and women.fair_share == 1.5
    thai = quality.balance("delegation:TH")
    assert thai is not None and (thai.low, thai.high, thai.counts) == (0, 1, (2, 0))
    assert thai.status(0) == OVER and thai.status(1) == OK
    assert not quality.optimal
    assert (
        "Women: 2 outside the fair share 1–2 per group (3 for 2 groups; group 1: 3, 2: 0)."
        in quality.problems
    )
    assert "Thailand: 1 above the cap of 1 per group (2 for 2 groups; group 1: 2)." in quality.problems


def test_a_balanced_split_is_optimal_and_counts_lone_members() -> None:
    """A split inside every band is optimal; its lone woman and sector members are counted."""
    request = GroupingRequest.build(_people(), 2)
    quality = evaluate(request, [[1, 4, 6], [2, 3, 5]])
    assert quality.excess == 0 and quality.lower_bound == 0
    labour = quality.balance("sector:labour")
    assert labour is not None and labour.counts == (1, 2)
    assert quality.lone == 3 and quality.lone_bound == 3
    assert quality.optimal
    assert "1 group has a lone labour official (unavoidable under these rules)." in quality.problems
    lone = quality.objective("lone")
    assert lone is not None and (lone.value, lone.bound, lone.proven) == (3, 3, True)


def test_repeats_are_counted_per_earlier_round_with_their_pigeonhole_bound() -> None:
    """Pairs that met before are counted once per earlier round they met in."""
    history = [[[1, 2, 3], [4, 5, 6]], [[1, 2, 4], [3, 5, 6]]]
    request = GroupingRequest.build(_people(), 2, history=history)
    quality = evaluate(request, [[1, 2, 5], [3, 4, 6]])
    assert quality.repeats == (1 + 1) + (1 + 1)
    assert quality.repeat_bound == 2 + 2
    assert "4 pairs meet again from earlier rounds (at least 4 must)." in quality.problems


def test_proven_bound_is_claimed_only_when_reached() -> None:
    """A stored proof marks an objective proven only while the groups stay at it."""
    request = GroupingRequest.build(_people(), 2)
    proofs = {"size": 0, "roles": 0, "balance": 6, "lone": 0}
    at_bound = evaluate(request, [[1, 2, 3], [5, 4, 6]], proofs)
    balance = at_bound.objective("balance")
    assert balance is not None and (balance.value, balance.bound, balance.proven) == (6, 6, True)
    assert at_bound.problems[0].endswith("(proven).")
    worse = evaluate(request, [[1, 2, 3, 4], [5, 6]], proofs)
    assert not worse.optimal and not any("(proven)" in p for p in worse.problems)
    assert [o.proven for o in worse.objectives] == [False] * len(worse.objectives)


def test_an_objective_is_proven_only_when_every_earlier_one_is() -> None:
    """Lone members at their bound are not claimed proven while the balance before them is off."""
    request = GroupingRequest.build(_people(), 2)
    quality = evaluate(request, [[1, 2, 4], [3, 5, 6]])
    by_name = {o.name: o for o in quality.objectives}
    assert by_name["balance"].value > by_name["balance"].bound
    assert not by_name["lone"].proven and not by_name["repeats"].proven
    assert "Not proven the best possible: sex, sector and country balance" in quality.problems[-1]


def test_compatriot_pairs_are_counted_against_an_even_spread() -> None:
    """Each delegation's two officials sharing a group make three pairs where none are needed."""
    request = GroupingRequest.build(_people(), 2)
    quality = evaluate(request, [[1, 3, 5, 6], [2, 4]])
    assert (quality.compatriots, quality.compatriot_bound) == (3, 0)
    assert "3 pairs from the same delegation share a group (at least 0 must)." in quality.problems
    data = quality.as_json()
    assert data["compatriots"] == 3 and data["objectives"]["compatriots"] == {  # type: ignore[index]
        "value": 3,
        "bound": 0,
        "proven": False,
    }


def test_country_teams_report_no_compatriot_objective() -> None:
    """Country teams keep compatriots together by design, so that objective does not apply."""
    request = GroupingRequest.build(_people(), 2, mode="country")
    quality = evaluate(request, [[1, 3, 5, 6], [2, 4]])
    assert quality.compatriots is None and quality.objective("compatriots") is None
    assert [o.name for o in quality.objectives] == ["size", "roles", "balance", "lone", "repeats"]


def test_broken_pins_apart_pairs_and_split_delegations_are_named() -> None:
    """Manual changes that break a pin, a keep-apart pair or a country team are reported."""
    people = _people()
    request = GroupingRequest.build(people, 2, mode="country", pins={1: 1}, apart=[(4, 5)])
    quality = evaluate(request, [[1, 4, 5], [2, 3, 6]])
    assert "P1 is pinned to group 2 but sits in group 1." in quality.problems
    assert "P4 and P5 should be kept apart but share group 1." in quality.problems
    assert "Thailand is split across groups 1 and 2." in quality.problems
    assert not quality.optimal
