"""The undo journal reverses and repeats any action on any table."""

from __future__ import annotations

from facilitator.app import roster
from facilitator.app.changes import ROSTER
from facilitator.app.session import WorkshopSession


def _names(session: WorkshopSession) -> list[str]:
    return [p.name for p in roster.participants(session)]


def test_insert_update_delete_undo_and_redo(empty_session: WorkshopSession) -> None:
    """Each step comes back exactly, in both directions, with quotes and any script intact."""
    session = empty_session
    pid = roster.add_participant(session, name='O\'Brien "Ann"', sex="F")
    roster.add_participant(session, name="ສຸກສະຫວັນ")
    roster.edit_participant(session, pid, name="Ann O'Brien", delegation="Laos")
    roster.remove_participants(session, [pid])
    assert _names(session) == ["ສຸກສະຫວັນ"]
    session.undo()
    assert roster.participants(session)[0].delegation == "LA"
    session.undo()
    assert _names(session) == ['O\'Brien "Ann"', "ສຸກສະຫວັນ"]
    assert session.redo_label == 'Edit O\'Brien "Ann"'
    session.redo()
    session.redo()
    assert _names(session) == ["ສຸກສະຫວັນ"]


def test_new_action_clears_redo(empty_session: WorkshopSession) -> None:
    """After an undo, a new action makes redo impossible (the usual editor rule)."""
    session = empty_session
    roster.add_participant(session, name="A")
    session.undo()
    assert session.redo_label is not None
    roster.add_participant(session, name="B")
    assert session.redo_label is None


def test_undo_announces_the_topics_it_touched(empty_session: WorkshopSession) -> None:
    """Listeners learn that an undo changed the roster."""
    heard = []
    roster.add_participant(empty_session, name="A")
    empty_session.subscribe(heard.append)
    changes = empty_session.undo()
    assert changes.touches(ROSTER)
    assert heard == [changes]
    assert changes.label == "Undo Add A"


def test_triggers_are_installed_on_the_first_write_only(sample_session: WorkshopSession) -> None:
    """Opening and reading a workshop creates no undo triggers; the first action does, and undoes."""
    from facilitator.app.session import WorkshopSession as Session

    sample_session.close()
    session = Session.open(sample_session.path, backup=False)
    count = "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'"
    assert session.connection.execute(count).fetchone()[0] == 0
    roster.add_participant(session, name="First Write")
    assert session.connection.execute(count).fetchone()[0] > 0
    session.undo()
    assert "First Write" not in _names(session)
    session.close()
