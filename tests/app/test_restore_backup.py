"""Restoring a backup: in place through the open session, or into a copy beside a damaged file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from facilitator.app import roster
from facilitator.app.backups import available_backups, newest_good_backup, recover_into_copy, restore_backup
from facilitator.app.changes import Changes
from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import create_workshop
from facilitator.core.errors import ActionRefused


def test_restore_brings_the_backup_back_and_keeps_what_it_replaced(empty_session: WorkshopSession) -> None:
    """After a restore the later person is gone, every view hears of it, and what it replaced is a backup."""
    heard: list[Changes] = []
    empty_session.subscribe(heard.append)
    first = roster.add_participant(empty_session, name="ທ. ສົມໃຈ")
    backup = empty_session.backup()
    later = roster.add_participant(empty_session, name="พ.ต.ท. สมชาย (ใจดี)")
    changes = restore_backup(empty_session, backup)
    assert [p.id for p in roster.participants(empty_session)] == [first]
    assert changes.everything and heard[-1] is changes
    assert empty_session.undo_label is None
    replaced = available_backups(empty_session.path)[0]
    assert replaced.contents is not None and replaced.contents.participants == 2
    newcomer = roster.add_participant(empty_session, name="Newcomer")
    assert newcomer > later  # the badge printed for the removed person never checks in the newcomer


def test_a_backup_that_cannot_be_read_is_refused_and_nothing_changes(empty_session: WorkshopSession) -> None:
    """A truncated backup is refused by name and the workshop keeps its people."""
    roster.add_participant(empty_session, name="Kept")
    broken = empty_session.backup()
    broken.write_bytes(broken.read_bytes()[:1000])
    with pytest.raises(ActionRefused, match=broken.name):
        restore_backup(empty_session, broken)
    assert [p.name for p in roster.participants(empty_session)] == ["Kept"]


def test_a_damaged_workshop_is_recovered_into_a_copy_from_its_newest_good_backup(tmp_path: Path) -> None:
    """The newest readable backup is copied beside the damaged file, which stays as it was."""
    path = tmp_path / "w.sqlite"
    session = create_workshop(path, sample=True)
    roster.add_participant(session, name="Added Before Backup")
    session.backup()
    session.close()
    newest = available_backups(path)[0]
    newest.path.write_bytes(b"garbage")  # a later backup that cannot be read is passed over
    path.write_bytes(b"\x00" * 8192)
    good = newest_good_backup(path)
    assert good is not None and good.path != newest.path
    assert good.describe().endswith("68 participants · 0 cards · 0 check-ins")
    copy = recover_into_copy(path, good.path, now=datetime(2019, 5, 27, 10, 40))
    assert copy.name == "w-restored-20190527-104000.sqlite"
    assert path.read_bytes() == b"\x00" * 8192
    reopened = WorkshopSession.open_reader(copy)
    assert len(roster.participants(reopened)) == 68
    reopened.close()


def test_a_backup_from_the_first_release_is_upgraded_as_it_is_restored(
    empty_session: WorkshopSession,
) -> None:
    """Restoring a version-1 backup rebuilds its tables; undo keeps working on the result."""
    import sqlite3

    from facilitator.storage import migrations
    from facilitator.storage.backups import backup_folder
    from facilitator.storage.database import APPLICATION_ID

    roster.add_participant(empty_session, name="Before Restore")  # undo triggers are installed
    old = backup_folder(empty_session.path) / "empty-20190527-080000-000000.sqlite"
    raw = sqlite3.connect(old, isolation_level=None)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute("BEGIN")
    migrations.MIGRATIONS[1](raw)
    raw.execute("PRAGMA user_version = 1")
    raw.execute("INSERT INTO participants (id, name) VALUES (7, 'ທ. ສົມໃຈ')")
    raw.execute("COMMIT")
    raw.close()
    restore_backup(empty_session, old)
    assert [(p.id, p.name) for p in roster.participants(empty_session)] == [(7, "ທ. ສົມໃຈ")]
    added = roster.add_participant(empty_session, name="After Restore")
    assert added > 7
    empty_session.undo()
    assert [p.name for p in roster.participants(empty_session)] == ["ທ. ສົມໃຈ"]
