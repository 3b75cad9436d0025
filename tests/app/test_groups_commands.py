"""Breakout group commands on a real workshop file: assign, replace, lock, move, pin, undo, export."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.app import group_documents, group_setup, groups, roster
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, InputError, NotFoundError


def _rows(session: WorkshopSession, sql: str) -> list[tuple[object, ...]]:
    return sqlite3.connect(session.path).execute(sql).fetchall()


def test_sample_workshop_has_three_balanced_rounds_linked_to_the_agenda(
    sample_session: WorkshopSession,
) -> None:
    """The sample's three rounds are stored, linked to their breakout sessions and at their bound."""
    rounds = groups.rounds(sample_session)
    assert [r.name for r in rounds] == ["Breakout 1", "Breakout 2", "Breakout 3"]
    for stored in rounds:
        view = groups.load_round(sample_session, stored.id)
        assert view.agenda_title.startswith(stored.name)
        assert view.quality.optimal
        assert sum(len(g) for g in view.groups) == 55
        assert not view.unplaced
    country = groups.load_round(sample_session, rounds[2].id)
    assert country.quality.excess == country.quality.lower_bound == 11
    where = {p.id: n for n, g in enumerate(country.groups) for p in g}
    assert len({where[p.id] for g in country.groups for p in g if p.delegation == "TH"}) == 1


def test_assign_creates_a_round_and_again_replaces_it(sample_session: WorkshopSession) -> None:
    """A new name adds a round; the same name forms it again in place with the new settings."""
    first = groups.assign_round(sample_session, "Extra", 5, seed=4)
    balance = first.quality.objective("balance")
    assert len(first.groups) == 5 and balance is not None and balance.proven
    again = groups.assign_round(sample_session, "extra", 4, mode="country")
    assert again.id == first.id and again.name == "Extra"
    assert len(again.groups) == 4 and again.round.mode == "country" and again.round.seed == 4
    assert _rows(sample_session, f"SELECT count(*) FROM groups_groups WHERE round_id = {first.id}") == [(4,)]
    assert _rows(sample_session, "SELECT count(*) FROM groups_rounds") == [(4,)]


def test_locked_round_refuses_every_change(sample_session: WorkshopSession) -> None:
    """Once locked, the round cannot be formed again, shuffled, edited or deleted."""
    stored = groups.rounds(sample_session)[0]
    groups.set_locked(sample_session, stored.id, True)
    member = groups.load_round(sample_session, stored.id).groups[0][3].id
    with pytest.raises(ActionRefused, match="locked"):
        groups.assign_round(sample_session, "Breakout 1", 6)
    with pytest.raises(ActionRefused, match="locked"):
        groups.reshuffle_round(sample_session, stored.id)
    with pytest.raises(ActionRefused, match="locked"):
        groups.move_member(sample_session, stored.id, member, 1)
    with pytest.raises(ActionRefused, match="locked"):
        groups.delete_round(sample_session, stored.id)
    groups.set_locked(sample_session, stored.id, False)
    groups.move_member(sample_session, stored.id, member, 1)


def test_move_pin_reshuffle_and_undo(sample_session: WorkshopSession) -> None:
    """A move is one undo step; a pinned person stays put through a reshuffle and cannot be moved."""
    stored = groups.rounds(sample_session)[0]
    view = groups.load_round(sample_session, stored.id)
    person = view.groups[0][4].id
    groups.move_member(sample_session, stored.id, person, 3, 0)
    moved = groups.load_round(sample_session, stored.id)
    assert moved.groups[3][0].id == person
    assert sample_session.undo_label and sample_session.undo_label.startswith("Move")
    sample_session.undo()
    assert groups.load_round(sample_session, stored.id).groups[0][4].id == person
    groups.set_pinned(sample_session, stored.id, person, True)
    with pytest.raises(ActionRefused, match="unpin"):
        groups.move_member(sample_session, stored.id, person, 2)
    shuffled = groups.reshuffle_round(sample_session, stored.id)
    assert shuffled.round.seed == 2
    assert person in {p.id for p in shuffled.groups[0]} and person in shuffled.pinned
    sample_session.undo()
    assert groups.load_round(sample_session, stored.id).round.seed == 1


def test_history_counts_only_earlier_rounds(sample_session: WorkshopSession) -> None:
    """A new round is formed against every earlier round and comes within two pairs of the bound."""
    view = groups.assign_round(sample_session, "Breakout 4", 6)
    assert view.quality.repeat_bound == 57
    assert view.quality.repeat_bound <= view.quality.repeats <= view.quality.repeat_bound + 2
    first = groups.load_round(sample_session, groups.rounds(sample_session)[0].id)
    assert first.quality.repeats == 0


def test_keep_apart_pairs_hold_in_new_rounds(sample_session: WorkshopSession) -> None:
    """A keep-apart pair is stored once and honoured by every round formed later."""
    view = groups.load_round(sample_session, groups.rounds(sample_session)[0].id)
    a, b = view.groups[0][2].id, view.groups[0][3].id
    group_setup.add_keep_apart(sample_session, b, a)
    group_setup.add_keep_apart(sample_session, a, b)
    assert [(x.id, y.id) for x, y in group_setup.keep_apart_pairs(sample_session)] == [tuple(sorted((a, b)))]
    formed = groups.reshuffle_round(sample_session, view.id, seed=9)
    where = {p.id: n for n, g in enumerate(formed.groups) for p in g}
    assert where[a] != where[b]
    group_setup.remove_keep_apart(sample_session, a, b)
    assert group_setup.keep_apart_pairs(sample_session) == []


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda s: groups.assign_round(s, "  ", 6), InputError, "Round name"),
        (lambda s: groups.assign_round(s, "X", 0), InputError, "at least 1"),
        (lambda s: groups.assign_round(s, "X", 6, mode="mixed"), InputError, "spread or country"),
        (lambda s: groups.assign_round(s, "X"), InputError, "number of groups or a group size"),
        (lambda s: groups.load_round(s, 999), NotFoundError, "No breakout round"),
        (lambda s: groups.link_agenda_item(s, 1, 999), NotFoundError, "not a breakout"),
    ],
)
def test_bad_requests_are_refused(sample_session: WorkshopSession, call, error, message) -> None:  # type: ignore[no-untyped-def]
    """Requests that cannot be met raise plain errors and change nothing."""
    with pytest.raises(error, match=message):
        call(sample_session)
    assert len(groups.rounds(sample_session)) == 3


def test_group_size_picks_enough_groups(sample_session: WorkshopSession) -> None:
    """Asking for groups of at most 8 gives 7 groups for the 55 people."""
    view = groups.assign_round(sample_session, "Small", size=8)
    assert len(view.groups) == 7 and max(len(g) for g in view.groups) <= 8


def test_new_participant_shows_as_unplaced_and_can_be_added(sample_session: WorkshopSession) -> None:
    """Someone registered after the assignment is listed as not placed until moved into a group."""
    from facilitator.app import roster

    new_id = roster.add_participant(sample_session, name="Walk In", sex="F", delegation="LA", sector="labour")
    stored = groups.rounds(sample_session)[0]
    assert [p.id for p in groups.load_round(sample_session, stored.id).unplaced] == [new_id]
    groups.move_member(sample_session, stored.id, new_id, 2)
    view = groups.load_round(sample_session, stored.id)
    assert not view.unplaced and new_id in {p.id for p in view.groups[2]}


def test_export_groups_writes_an_overview_and_a_page_per_group(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """The group lists PDF has, per round, an overview page then one page per group with the names."""
    progress: list[int] = []
    path = export_document(
        sample_session,
        "groups",
        tmp_path / "groups.pdf",
        ExportOptions(progress=lambda d, _t: progress.append(d)),
    )
    pages = PdfReader(str(path)).pages
    assert len(pages) == 3 * (1 + 6)
    overview = pages[0].extract_text()
    assert "Breakout 1: groups" in overview and "Group 6" in overview
    first = groups.load_round(sample_session, groups.rounds(sample_session)[0].id)
    page_two = pages[1].extract_text()
    assert "Breakout 1 · Group 1" in page_two
    assert all(p.name.split()[0] in page_two for p in first.groups[0] if p.name.isascii())
    assert progress and progress[-1] == 21


def test_export_one_round(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """The page's Print writes just the round shown: an overview and its groups."""
    stored = groups.rounds(sample_session)[2]
    path = group_documents.export_round(sample_session, tmp_path / "one.pdf", stored.id)
    reader = PdfReader(str(path))
    assert len(reader.pages) == 7
    assert "Country teams" in reader.pages[0].extract_text()


def test_export_without_rounds_is_refused(empty_session: WorkshopSession, tmp_path: Path) -> None:
    """An empty workshop has no group lists to print."""
    with pytest.raises(ActionRefused, match="no breakout rounds"):
        export_document(empty_session, "groups", tmp_path / "g.pdf")


def test_groups_solved_before_a_removal_are_refused_whole(sample_session: WorkshopSession) -> None:
    """A person removed while the round was solved (off the GUI thread) makes applying it refuse."""
    plan = groups.plan_round(sample_session, "Breakout 4 (ສະຫຼຸບ)", 6)
    roster.remove_participants(sample_session, [plan.groups[0][0]])
    with pytest.raises(ActionRefused) as refused:
        groups.apply_plan(sample_session, plan)
    assert str(refused.value).startswith(
        "The roster changed since the groups of 'Breakout 4 (ສະຫຼຸບ)' were formed: 1 person was removed. "
        "Form the groups again"
    )
    assert [r.name for r in groups.rounds(sample_session)] == ["Breakout 1", "Breakout 2", "Breakout 3"]


def test_groups_solved_before_an_edit_or_a_walk_in_are_refused(sample_session: WorkshopSession) -> None:
    """A changed sector and a walk-in both make the balance outdated; the refusal counts each."""
    plan = groups.plan_round(sample_session, "Breakout 4", 6)
    inspector = next(p for p in plan.request.people if p.sector == "labour")
    roster.edit_participant(sample_session, inspector.id, sector="law-enforcement")
    roster.add_participant(sample_session, name="Nguyễn Thị Hoa-2", sex="F", delegation="VN", sector="labour")
    with pytest.raises(ActionRefused, match="1 person was added and 1 person was edited"):
        groups.apply_plan(sample_session, plan)
    assert groups.find_round(sample_session, "Breakout 4") is None


def test_reshuffle_of_a_round_deleted_meanwhile_is_refused(sample_session: WorkshopSession) -> None:
    """A shuffle solved for a round deleted since does not bring the round back."""
    extra = groups.assign_round(sample_session, "Extra", 5)
    plan = groups.plan_reshuffle(sample_session, extra.id)
    groups.delete_round(sample_session, extra.id)
    with pytest.raises(ActionRefused, match="'Extra' was deleted while its groups were being formed"):
        groups.apply_plan(sample_session, plan)
    assert groups.find_round(sample_session, "Extra") is None


def test_reshuffle_of_a_round_locked_meanwhile_is_refused(sample_session: WorkshopSession) -> None:
    """A round locked (announced) while its shuffle was solved keeps its groups."""
    stored = groups.rounds(sample_session)[0]
    before = groups.load_round(sample_session, stored.id).groups
    plan = groups.plan_reshuffle(sample_session, stored.id)
    groups.set_locked(sample_session, stored.id, True)
    with pytest.raises(ActionRefused, match="locked"):
        groups.apply_plan(sample_session, plan)
    assert groups.load_round(sample_session, stored.id).groups == before


def test_reshuffle_after_a_pin_or_keep_apart_changed_is_refused(sample_session: WorkshopSession) -> None:
    """A pin or keep-apart pair added while solving would be ignored, so the plan is refused."""
    stored = groups.rounds(sample_session)[0]
    view = groups.load_round(sample_session, stored.id)
    plan = groups.plan_reshuffle(sample_session, stored.id)
    groups.set_pinned(sample_session, stored.id, view.groups[0][0].id, True)
    group_setup.add_keep_apart(sample_session, view.groups[1][0].id, view.groups[2][0].id)
    with pytest.raises(ActionRefused, match="The pinned people and keep-apart pairs changed"):
        groups.apply_plan(sample_session, plan)
    groups.apply_plan(sample_session, groups.plan_reshuffle(sample_session, stored.id))
    assert sample_session.undo_label == "Shuffle Breakout 1"


def test_printed_lists_show_each_groups_place_facilitator_and_rapporteur(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """The overview gives each group's place under its name; each group's page starts with its
    place, its facilitator and its rapporteur."""
    stored = groups.rounds(sample_session)[0]
    view = groups.load_round(sample_session, stored.id)
    path = group_documents.export_round(sample_session, tmp_path / "one.pdf", stored.id)
    pages = [page.extract_text() for page in PdfReader(str(path)).pages]
    assert "Mekong room" in pages[0] and "Nam Khan room" in pages[0]
    facilitators, rapporteurs = view.roles(0)
    first = " ".join(pages[1].split())
    assert "Place: Mekong room" in first
    assert f"Facilitator: {facilitators[0].name}" in first and f"Rapporteur: {rapporteurs[0].name}" in first
