"""Rounds, groups, members, pins and keep-apart pairs in a real workshop file, with undo."""

from __future__ import annotations

from facilitator.app.changes import GROUPS
from facilitator.app.session import WorkshopSession
from facilitator.storage import groups_store


def _new_round(session: WorkshopSession) -> int:
    with session.action("Make round", [GROUPS]) as conn:
        round_id = groups_store.insert_round(
            conn, "Test", groups_store.next_position(conn), "spread", 5, None
        )
        groups_store.replace_groups(conn, round_id, [[1, 2, 3], [4, 5]], ["A", "B"], frozenset({2}))
    return round_id


def test_round_and_members_round_trip(sample_session: WorkshopSession) -> None:
    """A written round reads back with its groups in order, names and pins."""
    round_id = _new_round(sample_session)
    stored = groups_store.load_round(sample_session.connection, round_id)
    assert (stored.name, stored.position, stored.seed, stored.group_names) == ("Test", 3, 5, ("A", "B"))
    assert groups_store.load_members(sample_session.connection, round_id) == (
        [[1, 2, 3], [4, 5]],
        frozenset({2}),
    )
    assert groups_store.find_round(sample_session.connection, "test") == stored


def test_move_member_reorders_and_keeps_the_pin_flag(sample_session: WorkshopSession) -> None:
    """Moving someone inserts them at the given row of the target group and renumbers the rest."""
    round_id = _new_round(sample_session)
    with sample_session.action("Move", [GROUPS]) as conn:
        groups_store.move_member(conn, round_id, 2, 1, 1)
    members, pinned = groups_store.load_members(sample_session.connection, round_id)
    assert members == [[1, 3], [4, 2, 5]]
    assert pinned == frozenset({2})


def test_undo_restores_replaced_groups_and_deleted_rounds(sample_session: WorkshopSession) -> None:
    """Replacing a round's groups and deleting a round are both reversed by undo."""
    round_id = _new_round(sample_session)
    with sample_session.action("Replace", [GROUPS]) as conn:
        groups_store.replace_groups(conn, round_id, [[5, 4, 3, 2, 1]], ["Only"])
    sample_session.undo()
    assert groups_store.load_members(sample_session.connection, round_id)[0] == [[1, 2, 3], [4, 5]]
    with sample_session.action("Delete", [GROUPS]) as conn:
        groups_store.delete_round(conn, round_id)
    assert groups_store.find_round(sample_session.connection, "Test") is None
    sample_session.undo()
    assert groups_store.load_round(sample_session.connection, round_id).group_names == ("A", "B")


def test_removed_participants_are_skipped(sample_session: WorkshopSession) -> None:
    """A member no longer on the roster is left out when the round is read."""
    round_id = _new_round(sample_session)
    with sample_session.action("Remove", ["roster"]) as conn:
        conn.execute("DELETE FROM participants WHERE id = 4")
    assert groups_store.load_members(sample_session.connection, round_id)[0] == [[1, 2, 3], [5]]


def test_keep_apart_pairs_are_stored_once_in_order(sample_session: WorkshopSession) -> None:
    """A pair is stored lower id first, once, and can be removed either way round."""
    with sample_session.action("Apart", [GROUPS]) as conn:
        groups_store.add_apart(conn, 9, 3)
        groups_store.add_apart(conn, 3, 9)
    assert groups_store.load_apart(sample_session.connection) == [(3, 9)]
    with sample_session.action("Apart", [GROUPS]) as conn:
        groups_store.remove_apart(conn, 9, 3)
    assert groups_store.load_apart(sample_session.connection) == []
