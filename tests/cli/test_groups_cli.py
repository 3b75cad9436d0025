"""``facilitator groups assign|show|list`` on a workshop file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.app import groups
from facilitator.app.workshops import create_workshop, open_workshop
from facilitator.cli import main


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    """A sample workshop file, closed."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    return path


def test_assign_json_has_the_documented_shape(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``groups assign --json`` prints round, groups with names and member ids, and quality.optimal."""
    code = main(
        ["--workshop", str(workshop), "groups", "assign", "--round", "Mixed", "--groups", "6", "--json"]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["round"] == "Mixed"
    assert [g["name"] for g in data["groups"]] == [f"Group {n}" for n in range(1, 7)]
    members = [pid for g in data["groups"] for pid in g["members"]]
    assert len(members) == len(set(members)) == 55
    assert data["quality"]["optimal"] is True
    assert data["quality"]["balance"]["sex:F"]["counts"] == [5, 5, 5, 5, 5, 5]
    session = open_workshop(workshop)
    try:
        view = groups.find_round(session, "Mixed")
        assert view is not None and [p.id for g in view.groups for p in g] == members
    finally:
        session.close()


def test_country_mode_and_seed_are_used(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Country mode keeps delegations together, reports its proven bounds, and the seed is stored."""
    args = ["--workshop", str(workshop), "groups", "assign", "--round", "Teams", "--groups", "6"]
    assert main([*args, "--mode", "country", "--seed", "5", "--json"]) == 0
    quality = json.loads(capsys.readouterr().out)["quality"]
    assert quality["excess"] == quality["lower_bound"] > 0
    assert all(quality["objectives"][name]["proven"] for name in ("size", "roles", "balance", "lone"))
    assert quality["compatriots"] is None and "compatriots" not in quality["objectives"]
    assert main(["--workshop", str(workshop), "groups", "list"]) == 0
    assert "Teams: 6 groups, country mode" in capsys.readouterr().out


def test_locked_round_is_refused_on_stderr(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Assigning a locked round fails with exit 1 and a plain message, no traceback."""
    session = open_workshop(workshop)
    try:
        groups.set_locked(session, groups.rounds(session)[0].id, True)
    finally:
        session.close()
    code = main(["--workshop", str(workshop), "groups", "assign", "--round", "Breakout 1", "--groups", "6"])
    captured = capsys.readouterr()
    assert code == 1
    assert "locked" in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_text_output_and_show(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json the groups and the balance verdict are printed; show reads a stored round."""
    assert main(["--workshop", str(workshop), "groups", "show", "--round", "Breakout 3"]) == 0
    out = capsys.readouterr().out
    assert "Breakout 3: 6 groups, country mode, seed 1" in out
    assert "Balance: optimal; 11 outside the fair share (lower bound 11)" in out
    assert main(["--workshop", str(workshop), "groups", "show", "--round", "Nope"]) == 1
    assert "There is no round 'Nope'" in capsys.readouterr().err


def test_usage_errors_exit_2(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing --groups or an unknown mode is a usage error."""
    with pytest.raises(SystemExit) as missing:
        main(["--workshop", str(workshop), "groups", "assign", "--round", "X"])
    assert missing.value.code == 2
    with pytest.raises(SystemExit) as mode:
        main(
            [
                "--workshop",
                str(workshop),
                "groups",
                "assign",
                "--round",
                "X",
                "--groups",
                "3",
                "--mode",
                "all",
            ]
        )
    assert mode.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_too_many_groups_is_explained(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """More groups than people is refused with what to ask for instead."""
    code = main(["--workshop", str(workshop), "groups", "assign", "--round", "X", "--groups", "80"])
    assert code == 1
    assert "80 groups for 55 people: ask for at most 55 groups" in capsys.readouterr().err


def _check_in(workshop: Path, count: int, start: int = 0) -> list[int]:
    """Check in people who take part in groups (the first ``count`` after ``start``); their ids."""
    from facilitator.app import checkin, roster
    from facilitator.core.grouping import Eligibility

    session = open_workshop(workshop)
    try:
        ids = [p.id for p in Eligibility().select(roster.participants(session))][start : start + count]
        for pid in ids:
            checkin.check_in_participant(session, pid, 1)
    finally:
        session.close()
    return ids


def test_assign_present_takes_the_people_checked_in(
    workshop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--present --day 1`` forms groups of those checked in that day, and says so."""
    present = _check_in(workshop, 30)
    args = ["--workshop", str(workshop), "groups", "assign", "--round", "Morning", "--groups", "5"]
    assert main([*args, "--present", "--day", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(pid for g in data["groups"] for pid in g["members"]) == sorted(present)
    assert (data["source"], data["day"], data["waiting"]) == ("present", 1, [])
    assert main(["--workshop", str(workshop), "groups", "show", "--round", "Morning"]) == 0
    assert "formed from: checked in on day 1" in capsys.readouterr().out


def test_day_without_present_is_a_usage_error(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--day`` alone says it goes with ``--present`` and exits 2."""
    with pytest.raises(SystemExit) as usage:
        main(["--workshop", str(workshop), "groups", "assign", "--round", "X", "--groups", "3", "--day", "2"])
    assert usage.value.code == 2
    assert "--day goes with --present" in capsys.readouterr().err


def test_add_late_prints_where_each_went_and_json_lists_them(
    workshop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two people checked in after the round join groups; text names each group and place, JSON
    lists them with the round; a second run has nobody to add and says why (exit 1)."""
    _check_in(workshop, 30)
    base = ["--workshop", str(workshop), "groups"]
    assert main([*base, "assign", "--round", "Morning", "--groups", "5", "--present"]) == 0
    assert main([*base, "place", "--round", "Morning", "--group", "2", "Mekong room"]) == 0
    assert "Group 2 of Morning meets in Mekong room." in capsys.readouterr().out
    late = _check_in(workshop, 2, start=30)
    assert main([*base, "add-late", "--round", "Morning", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["added"]] == late and data["proven"] is True
    assert all(a["group"].startswith("Group ") for a in data["added"])
    assert sorted(pid for g in data["groups"] for pid in g["joined_late"]) == sorted(late)
    assert main([*base, "add-late", "--round", "Morning"]) == 1
    assert "Nobody is waiting for a group in 'Morning'" in capsys.readouterr().err
    _check_in(workshop, 1, start=32)
    assert main([*base, "add-late", "--round", "Morning"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Added 1 late arrival to Morning; nobody else moved:")
    assert len([line for line in out.splitlines() if " → Group " in line]) == 1


def test_show_names_places_facilitators_rapporteurs_and_objectives(
    workshop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each group line gives its place, facilitator and rapporteur; every objective is listed."""
    assert main(["--workshop", str(workshop), "groups", "show", "--round", "Breakout 1"]) == 0
    out = capsys.readouterr().out
    assert "  Group 1 — Mekong room (9; facilitator " in out and ", rapporteur " in out
    for label in ("Group sizes", "Compatriot pairs", "Pairs meeting again"):
        assert f"  {label}: " in out
    assert (
        main(
            ["--workshop", str(workshop), "groups", "place", "--round", "Breakout 1", "--group", "7", "Hall"]
        )
        == 1
    )
    assert "has no group '7'" in capsys.readouterr().err
