"""How the agenda, the breakout rounds and the boards refer to each other, on real workshop files."""

from __future__ import annotations

from datetime import datetime

from facilitator.app import agenda, board_setup, boards, groups, links
from facilitator.app.board_exports import group_outputs_of
from facilitator.app.session import WorkshopSession
from facilitator.app.timer import AgendaTimer
from facilitator.core.agenda import AgendaItem
from facilitator.core.boards import LABOUR_TO_POLICE, POLICE_TO_LABOUR

L2P, P2L = LABOUR_TO_POLICE, POLICE_TO_LABOUR
SIX = [f"Group {n}" for n in range(1, 7)]
THREE = ["Group 1", "Group 2", "Group 3"]


def _timer(session: WorkshopSession) -> AgendaTimer:
    wall = datetime(2019, 5, 27, 8, 0).timestamp()
    return AgendaTimer(session, lambda: wall, lambda: 100.0)


def _items(session: WorkshopSession) -> list[AgendaItem]:
    return [t.item for day in agenda.load_schedule(session) for t in day.items]


def _item(session: WorkshopSession, title_start: str) -> AgendaItem:
    return next(i for i in _items(session) if i.title.startswith(title_start))


def _three_groups_in_breakout_2(session: WorkshopSession) -> None:
    """Form the sample's Breakout 2 again with three groups, so the rounds tell apart."""
    groups.assign_round(session, "Breakout 2", 3)


def test_current_agenda_item_follows_the_saved_timer(sample_session: WorkshopSession) -> None:
    """Before the timer runs the first item is current; after going to an item, that one is."""
    assert links.current_agenda_item(sample_session) == _items(sample_session)[0]
    breakout = _item(sample_session, "Breakout 2")
    _timer(sample_session).go_to(breakout.id)
    assert links.current_agenda_item(sample_session) == breakout


def test_board_offers_the_groups_of_the_current_breakout_round(sample_session: WorkshopSession) -> None:
    """While Breakout 2 runs, both boards offer its three groups; at Breakout 1 they offer six."""
    _three_groups_in_breakout_2(sample_session)
    timer = _timer(sample_session)
    timer.go_to(_item(sample_session, "Breakout 2").id)
    assert board_setup.group_names(sample_session, L2P) == THREE
    assert board_setup.group_names(sample_session, P2L) == THREE
    assert links.round_for_board(sample_session, L2P).name == "Breakout 2"  # type: ignore[union-attr]
    timer.go_to(_item(sample_session, "Breakout 1").id)
    assert board_setup.group_names(sample_session, P2L) == SIX


def test_outside_a_breakout_a_board_offers_the_round_of_its_breakout(
    sample_session: WorkshopSession,
) -> None:
    """At registration each referral board offers the groups of the breakout session linked to it."""
    _three_groups_in_breakout_2(sample_session)
    assert links.current_agenda_item(sample_session).kind == "registration"  # type: ignore[union-attr]
    assert board_setup.group_names(sample_session, L2P) == SIX
    assert board_setup.group_names(sample_session, P2L) == THREE


def test_a_round_linked_only_from_the_agenda_item_counts(sample_session: WorkshopSession) -> None:
    """An agenda breakout item whose link names a round brings that round's groups."""
    breakout = _item(sample_session, "Breakout 3")
    groups.assign_round(sample_session, "Tables", 2)
    agenda.edit_item(sample_session, breakout.id, link="round:Tables")
    for stored in groups.rounds(sample_session):
        if stored.agenda_item == breakout.id:
            groups.link_agenda_item(sample_session, stored.id, None)
    _timer(sample_session).go_to(breakout.id)
    assert board_setup.group_names(sample_session, L2P) == ["Group 1", "Group 2"]


def test_without_a_linked_round_every_round_and_every_used_name_is_offered(
    sample_session: WorkshopSession,
) -> None:
    """A free board with no breakout session offers all rounds' groups, then names used on it."""
    key = board_setup.create_board(sample_session, "Good practice", ["Laws", "Practice"])
    boards.add_card(sample_session, key, "Joint inspections", category="practice", group="Lao PDR team")
    boards.add_card(sample_session, key, "MoU on referral", category="laws", group="Group 2")
    assert board_setup.group_names(sample_session, key) == [*SIX, "Lao PDR team"]
    assert board_setup.used_group_names(sample_session, key) == ["Lao PDR team", "Group 2"]


def test_group_outputs_follow_the_round_and_skip_groups_that_wrote_nothing(
    sample_session: WorkshopSession,
) -> None:
    """Outputs come in the round's group order; the round's silent groups get no empty output."""
    boards.add_card(sample_session, L2P, "Debt grows", category="debt-bondage", group="Group 3")
    boards.add_card(sample_session, L2P, "Passports held", category="retention-of-documents", group="Plenary")
    boards.add_card(sample_session, L2P, "Locked gate", category="restriction-of-movement", group="Group 1")
    assert [o.group for o in group_outputs_of(sample_session, L2P)] == ["Group 1", "Group 3", "Plenary"]
