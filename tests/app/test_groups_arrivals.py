"""Rounds formed from the people present, late arrivals added without moving anyone, and places."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from facilitator.app import checkin, groups, roster
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, InputError, NotFoundError
from facilitator.core.grouping import Eligibility
from facilitator.storage import migrations
from facilitator.storage.database import APPLICATION_ID, WorkshopDatabase

_AT = datetime(2019, 5, 27, 8, 45)


def _check_in(session: WorkshopSession, ids: list[int], day: int = 1) -> None:
    for pid in ids:
        checkin.check_in_participant(session, pid, day, now=lambda: _AT)


def _takers(session: WorkshopSession) -> list[int]:
    return [p.id for p in Eligibility().select(roster.participants(session))]


def test_a_round_of_the_people_present_takes_only_them_and_waits_for_the_others(
    sample_session: WorkshopSession,
) -> None:
    """Forty people checked in give forty placed; an organiser checked in does not take part; two
    people checking in later are waiting for a group until added."""
    takers = _takers(sample_session)
    organiser = next(p.id for p in roster.participants(sample_session) if p.role == "organiser")
    _check_in(sample_session, [*takers[:40], organiser])
    view = groups.assign_round(sample_session, "Morning", 5, who=groups.Who.present(1))
    assert sorted(p.id for g in view.groups for p in g) == sorted(takers[:40])
    assert view.round.source == "present" and view.round.day == 1 and not view.unplaced
    _check_in(sample_session, takers[40:42])
    view = groups.find_round(sample_session, "Morning")
    assert view is not None and [p.id for p in view.unplaced] == takers[40:42]
    assert view.as_json()["waiting"] == takers[40:42]


def test_late_arrivals_join_without_anyone_moving_and_undo_takes_them_out(
    sample_session: WorkshopSession,
) -> None:
    """Add late arrivals places each waiting person, leaves every placed person where they were
    (even in a locked round), marks them late, and is one undo step."""
    takers = _takers(sample_session)
    _check_in(sample_session, takers[:48])
    before = groups.assign_round(sample_session, "Morning", 6, who=groups.Who.present(1))
    groups.set_locked(sample_session, before.id, True)
    _check_in(sample_session, takers[48:53])
    added = groups.add_late(sample_session, before.id)
    assert added.proven and len(added.placed) == 5
    after = added.view
    for old, new in zip(before.groups, after.groups, strict=True):
        assert new[: len(old)] == old
    assert {p.id for p, _ in added.placed} == set(takers[48:53]) == set(after.arrivals)
    assert [(p.id, n) for p, n in after.latest_arrivals()] == [
        (p.id, n) for n, g in enumerate(after.groups) for p in g if p.id in after.arrivals
    ]
    assert not after.unplaced and after.quality.excess == 0
    assert sample_session.undo_label == "Add 5 late arrivals to Morning"
    sample_session.undo()
    assert groups.load_round(sample_session, before.id).groups == before.groups


def test_a_second_batch_is_numbered_and_the_latest_is_shown(sample_session: WorkshopSession) -> None:
    """Each Add late arrivals is its own batch; the page and projector show the newest one."""
    takers = _takers(sample_session)
    _check_in(sample_session, takers[:44])
    round_id = groups.assign_round(sample_session, "Morning", 6, who=groups.Who.present(1)).id
    _check_in(sample_session, takers[44:46])
    groups.add_late(sample_session, round_id)
    _check_in(sample_session, takers[46:47])
    view = groups.add_late(sample_session, round_id).view
    assert sorted(view.arrivals.values()) == [1, 1, 2]
    assert [p.id for p, _ in view.latest_arrivals()] == [takers[46]]


def test_nobody_waiting_is_said_plainly(sample_session: WorkshopSession) -> None:
    """Adding late arrivals when everyone present is placed is refused with the reason."""
    _check_in(sample_session, _takers(sample_session)[:30])
    round_id = groups.assign_round(sample_session, "Morning", 3, who=groups.Who.present(1)).id
    with pytest.raises(ActionRefused, match="everyone checked in for day 1 who takes part is in a group"):
        groups.add_late(sample_session, round_id)


def test_a_late_plan_made_before_a_move_is_refused(sample_session: WorkshopSession) -> None:
    """Groups changed between planning and applying the late arrivals make the plan refuse."""
    takers = _takers(sample_session)
    _check_in(sample_session, takers[:40])
    view = groups.assign_round(sample_session, "Morning", 5, who=groups.Who.present(1))
    _check_in(sample_session, takers[40:41])
    plan = groups.plan_late(sample_session, view.id)
    groups.move_member(sample_session, view.id, view.groups[0][3].id, 1)
    with pytest.raises(ActionRefused, match="The groups of 'Morning' changed meanwhile"):
        groups.apply_late(sample_session, plan)


def test_a_round_of_the_present_before_anyone_checked_in_is_refused(sample_session: WorkshopSession) -> None:
    """Nobody checked in yet gives a plain refusal, not an empty round."""
    with pytest.raises(ActionRefused, match="Nobody who takes part in groups is checked in for day 1"):
        groups.assign_round(sample_session, "Morning", 5, who=groups.Who.present(1))


def test_undone_check_in_while_solving_refuses_the_plan_but_a_new_one_waits(
    sample_session: WorkshopSession,
) -> None:
    """A check-in undone during the solve voids the plan; one made during it just waits for a group."""
    takers = _takers(sample_session)
    _check_in(sample_session, takers[:30])
    plan = groups.plan_round(sample_session, "Morning", 3, who=groups.Who.present(1))
    _check_in(sample_session, takers[30:31])
    view = groups.apply_plan(sample_session, plan)
    assert [p.id for p in view.unplaced] == takers[30:31]
    plan = groups.plan_round(sample_session, "Afternoon", 3, who=groups.Who.present(1))
    checkin.undo_last_checkin(sample_session, 1)
    with pytest.raises(ActionRefused, match="no longer checked in for day 1"):
        groups.apply_plan(sample_session, plan)


def test_a_selection_keeps_its_people_through_a_shuffle(sample_session: WorkshopSession) -> None:
    """A round of chosen people is formed and reshuffled from exactly them, with nobody waiting."""
    chosen = _takers(sample_session)[5:25]
    view = groups.assign_round(sample_session, "Panel prep", 4, who=groups.Who.selection(chosen))
    assert sorted(p.id for g in view.groups for p in g) == sorted(chosen) and not view.unplaced
    again = groups.reshuffle_round(sample_session, view.id)
    assert sorted(p.id for g in again.groups for p in g) == sorted(chosen)
    assert again.round.source == "selection" and again.who.describe() == "Selected people"


def test_the_default_is_the_people_present_once_the_day_has_begun(sample_session: WorkshopSession) -> None:
    """Before the first check-in of the day a round takes the roster; after it, the people present."""
    assert groups.default_who(sample_session, 1) == groups.Who()
    _check_in(sample_session, _takers(sample_session)[:1])
    assert groups.default_who(sample_session, 1) == groups.Who.present(1)
    assert groups.default_who(sample_session, 2) == groups.Who()


def test_places_are_kept_through_a_shuffle_shown_and_undone(sample_session: WorkshopSession) -> None:
    """A group's place is stored (locked round or not), survives a reshuffle, and undo restores it."""
    stored = groups.rounds(sample_session)[0]
    assert groups.load_round(sample_session, stored.id).place(0) == "Mekong room"
    groups.set_place(sample_session, stored.id, 1, "  Salon   Champa ")
    assert groups.load_round(sample_session, stored.id).place(1) == "Salon Champa"
    shuffled = groups.reshuffle_round(sample_session, stored.id)
    assert shuffled.place(1) == "Salon Champa" and shuffled.as_json()["groups"][1]["place"] == "Salon Champa"  # type: ignore[index]
    groups.set_locked(sample_session, stored.id, True)
    groups.set_place(sample_session, stored.id, 1, "")
    assert groups.load_round(sample_session, stored.id).place(1) == ""
    sample_session.undo()
    assert groups.load_round(sample_session, stored.id).place(1) == "Salon Champa"
    with pytest.raises(InputError, match="at most 60 characters"):
        groups.set_place(sample_session, stored.id, 1, "x" * 61)
    with pytest.raises(NotFoundError, match="has no group 9"):
        groups.set_place(sample_session, stored.id, 8, "Hall")


def test_each_group_names_its_facilitator_and_rapporteur(sample_session: WorkshopSession) -> None:
    """The sample's groups each have one facilitator and one rapporteur, listed by the view."""
    view = groups.load_round(sample_session, groups.rounds(sample_session)[0].id)
    for number in range(len(view.groups)):
        facilitators, rapporteurs = view.roles(number)
        assert [p.role for p in facilitators] == ["facilitator"]
        assert [p.role for p in rapporteurs] == ["rapporteur"]


def test_a_proof_survives_a_pin_but_not_a_changed_roster(sample_session: WorkshopSession) -> None:
    """The sample's country round stays proven after a pin, and is no longer claimed once a
    member's sector changes (the proof was about other people)."""
    stored = groups.rounds(sample_session)[2]
    view = groups.load_round(sample_session, stored.id)
    assert view.quality.optimal and view.quality.lower_bound == 11
    member = view.groups[0][2]
    groups.set_pinned(sample_session, stored.id, member.id, True)
    assert groups.load_round(sample_session, stored.id).quality.lower_bound == 11
    other = "labour" if member.sector != "labour" else "law-enforcement"
    roster.edit_participant(sample_session, member.id, sector=other)
    assert groups.load_round(sample_session, stored.id).quality.lower_bound < 11


def test_version_3_files_upgrade_to_rounds_with_sources_places_and_late_flags(tmp_path: Path) -> None:
    """A file from before version 4 keeps its rounds and members, which read as roster rounds with
    no place, nobody late and nothing proven."""
    path = tmp_path / "v3.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("BEGIN")
    for version in (1, 2, 3):
        migrations.MIGRATIONS[version](conn)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO participants (id, name, sector) VALUES (1, 'A', 'labour'), (2, 'B', 'labour')")
    conn.execute(
        "INSERT INTO groups_rounds (id, name, position, mode, seed, proven, lower_bound, lone_bound) "
        "VALUES (1, 'Old', 0, 'spread', 1, 1, 0, 0)"
    )
    conn.execute("INSERT INTO groups_groups (id, round_id, number, name) VALUES (1, 1, 0, 'Group 1')")
    conn.execute(
        "INSERT INTO groups_members (group_id, participant_id, position) VALUES (1, 1, 0), (1, 2, 1)"
    )
    conn.execute("COMMIT")
    conn.close()
    database = WorkshopDatabase.open(path)
    columns = {row[1] for row in database.connection.execute("PRAGMA table_info(groups_rounds)")}
    database.close()
    assert {"source", "day", "proofs"} <= columns and "proven" not in columns
    session = WorkshopSession.open_reader(path)
    try:
        view = groups.load_round(session, 1)
        assert view.round.source == "roster" and view.round.proofs == "" and view.place(0) == ""
        assert [p.name for p in view.groups[0]] == ["A", "B"] and view.arrivals == {}
    finally:
        session.close()
