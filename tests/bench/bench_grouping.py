"""Benchmark of the grouping solver against round-robin dealing and the lower bound.

Run with ``make bench``. Every figure is printed; the issue's targets are asserted:

* the sample roster (55 people who take part) into 6 groups at the bound in under 50 ms;
* 1,000 people into 50 groups at the bound on sex and sector and within every country cap, < 1 s;
* 2,000 people into 100 groups likewise in under 2 s;
* three rounds of all 68 sample people into 6 groups with at most 100 repeated pairings (the
  pigeonhole minimum is 96), every round at the balance bound;
* country mode on the sample: every delegation whole, and the remaining balance proven optimal.

Round-robin is the usual spreadsheet method: sort by sector, sex and country and deal the people
round the groups. Times are warm (OR-Tools, loaded only for proofs, is timed separately).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from facilitator.app.workshops import load_sample_roster
from facilitator.core.grouping import (
    COUNTRY,
    Eligibility,
    GroupingQuality,
    GroupingRequest,
    assign_groups,
    evaluate,
)
from facilitator.core.participants import ASEAN_MEMBERS, Participant

_COUNTRIES = tuple(ASEAN_MEMBERS)


def _scaled(size: int, groups: int, seed: int) -> list[Participant]:
    """A roster like the sample's, ``size`` people, one facilitator and one rapporteur per group."""
    rng = random.Random(seed)
    people = []
    for pid in range(1, size + 1):
        role = "facilitator" if pid <= groups else "rapporteur" if pid <= 2 * groups else "participant"
        if role == "facilitator":
            sector, delegation = "partner", rng.choice(("ILO", "IOM", "The Asia Foundation", "ASEAN-ACT"))
        else:
            sector = rng.choices(("labour", "law-enforcement", "asean"), (45, 45, 10))[0]
            delegation = "ASEAN Secretariat" if sector == "asean" else rng.choice(_COUNTRIES)
        sex = rng.choices(("F", "M"), (55, 45))[0]
        people.append(Participant(pid, f"P{pid}", sex=sex, sector=sector, delegation=delegation, role=role))
    return people


def _round_robin(people: Sequence[Participant], groups: int, seed: int) -> list[list[int]]:
    """Sort by sector, sex and country (random within ties) and deal round the groups."""
    rng = random.Random(seed)
    order = sorted(
        people, key=lambda p: (p.role != "facilitator", p.sector, p.sex, p.delegation, rng.random())
    )
    dealt: list[list[int]] = [[] for _ in range(groups)]
    for index, person in enumerate(order):
        dealt[index % groups].append(person.id)
    return dealt


def _timed(call: Callable[[], object], runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _off(quality: GroupingQuality, prefix: str) -> int:
    return sum(b.excess for b in quality.balances if b.key.startswith(prefix))


def _row(label: str, seconds: float | None, quality: GroupingQuality) -> str:
    took = f"{seconds * 1000:8.1f} ms" if seconds is not None else "        –  "
    return (
        f"  {label:<24}{took}  size {_off(quality, 'size'):>3}  sex {_off(quality, 'sex:'):>3}  "
        f"sector {_off(quality, 'sector:'):>3}  roles {_off(quality, 'role:'):>3}  "
        f"over country cap {_off(quality, 'delegation:'):>3}  lone {quality.lone:>3}  "
        f"(bound: excess {quality.lower_bound}, lone {quality.lone_bound})  optimal {quality.optimal}"
    )


def _compare(name: str, people: list[Participant], groups: int, limit: float) -> None:
    request = GroupingRequest.build(people, groups, seed=1)
    assign_groups(request)
    seconds, result = _timed(lambda: assign_groups(request), runs=3 if len(people) > 500 else 7)
    quality = result.quality  # type: ignore[attr-defined]
    robin = evaluate(request, _round_robin(people, groups, 1))
    print(f"\n{name}: {len(people)} people into {groups} groups (target under {limit * 1000:.0f} ms)")
    print(_row("solver", seconds, quality))
    print(_row("round-robin", None, robin))
    assert quality.optimal and quality.excess == 0, quality.problems
    assert seconds < limit


def test_spread_mode_targets() -> None:
    """Sample, 1,000 and 2,000 people reach the fair-share bound within their time targets."""
    sample = list(Eligibility().select(load_sample_roster()))
    _compare("Sample roster", sample, 6, 0.050)
    _compare("Large roster", _scaled(1000, 50, 7), 50, 1.0)
    _compare("Very large roster", _scaled(2000, 100, 8), 100, 2.0)


def test_three_rounds_repeat_few_pairs() -> None:
    """Three rounds of all 68 sample people into 6 groups repeat at most 100 pairs (minimum 96)."""
    everyone = list(Eligibility.everyone().select(load_sample_roster()))
    print("\nThree rounds of 68 people into 6 groups: repeated pairs (pigeonhole minimum 96)")
    totals = []
    for seed in range(5):
        history: list[tuple[tuple[int, ...], ...]] = []
        repeats = bound = 0
        start = time.perf_counter()
        for number in range(3):
            result = assign_groups(
                GroupingRequest.build(everyone, 6, seed=seed * 3 + number, history=history)
            )
            assert result.quality.optimal and result.quality.excess == 0
            repeats += result.quality.repeats
            bound += result.quality.repeat_bound
            history.append(result.groups)
        took = time.perf_counter() - start
        robin_history: list[list[list[int]]] = []
        robin_repeats = 0
        for number in range(3):
            dealt = _round_robin(everyone, 6, seed * 3 + number)
            robin_repeats += evaluate(
                GroupingRequest.build(everyone, 6, history=robin_history), dealt
            ).repeats
            robin_history.append(dealt)
        print(
            f"  seeds {seed * 3}-{seed * 3 + 2}: solver {repeats} (bound {bound}) in {took:.2f} s; "
            f"round-robin {robin_repeats}"
        )
        totals.append(repeats)
        assert bound == 96
    assert max(totals) <= 100


def test_country_mode_keeps_delegations_and_proves_the_rest() -> None:
    """Country teams on the sample: delegations whole, remaining balance proven optimal."""
    sample = list(Eligibility().select(load_sample_roster()))
    load = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t = time.perf_counter(); "
            "from ortools.sat.python import cp_model; print(time.perf_counter() - t)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    request = GroupingRequest.build(sample, 6, mode=COUNTRY, seed=1)
    assign_groups(request)
    seconds, result = _timed(lambda: assign_groups(request), runs=3)
    quality = result.quality  # type: ignore[attr-defined]
    where = {pid: g for g, members in enumerate(result.groups) for pid in members}  # type: ignore[attr-defined]
    split = [c for c in _COUNTRIES if len({where[p.id] for p in sample if p.delegation == c}) > 1]
    print(f"\nCountry mode, sample into 6 groups (OR-Tools import alone: {float(load.stdout) * 1000:.0f} ms)")
    print(_row("solver", seconds, quality))
    print(
        f"  delegations split: {split or 'none'}; proven optimum of the remaining balance: {quality.optimal}"
    )
    assert not split and quality.optimal and quality.excess == quality.lower_bound
