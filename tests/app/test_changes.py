"""Every action, undo and redo says which rows it inserted, updated and deleted."""

from __future__ import annotations

from facilitator.app import roster
from facilitator.app.changes import ROSTER, Changes, RowChanges, Topic
from facilitator.app.session import WorkshopSession


def _heard(session: WorkshopSession) -> list[Changes]:
    heard: list[Changes] = []
    session.subscribe(heard.append)
    return heard


def test_an_edit_names_the_one_row_it_updated(sample_session: WorkshopSession) -> None:
    """Editing one participant reports that participant's row as updated, nothing else."""
    heard = _heard(sample_session)
    person = roster.participants(sample_session)[5]
    roster.edit_participant(sample_session, person.id, position="Chief inspector")
    (changes,) = heard
    assert changes.topics == {Topic.ROSTER}
    assert changes.rows_of("participants") == RowChanges(updated=frozenset({person.id}))
    assert changes.rows_of("boards_cards") == RowChanges()


def test_add_remove_undo_and_redo_name_their_rows(sample_session: WorkshopSession) -> None:
    """Insert, delete, and their undo and redo each report the rows the way they went."""
    heard = _heard(sample_session)
    lao = "ທ. ສົມໃຈ-2 (ວຽງຈັນ)"
    new_id = roster.add_participant(sample_session, name="Somchai", native_name=lao, delegation="LA")
    assert heard[-1].rows_of("participants") == RowChanges(inserted=frozenset({new_id}))
    gone = [p.id for p in roster.participants(sample_session)[:3]]
    roster.remove_participants(sample_session, gone)
    assert heard[-1].rows_of("participants") == RowChanges(deleted=frozenset(gone))
    undone = sample_session.undo()
    assert undone.rows_of("participants") == RowChanges(inserted=frozenset(gone))
    assert sample_session.redo().rows_of("participants") == RowChanges(deleted=frozenset(gone))
    assert heard[-1].touches(ROSTER)


def test_a_new_workshop_asks_for_a_whole_reload() -> None:
    """Opening a workshop changes every topic and names no rows: views reload whole."""
    changes = Changes.all("Open workshop")
    assert changes.touches(*Topic)
    assert changes.rows_of("participants") is None
