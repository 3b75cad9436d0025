"""Backups: written whole or not at all, never from a damaged file, kept by age, never by readers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from facilitator.app import roster
from facilitator.app.session import BACKUP_INTERVAL_SECONDS, WorkshopSession
from facilitator.app.workshops import create_workshop
from facilitator.core.errors import DamagedWorkshopError
from facilitator.storage.backups import backup_folder, list_backups, take_backup


def test_a_backup_is_a_checked_copy_under_its_final_name_only(empty_session: WorkshopSession) -> None:
    """A finished backup opens as the same workshop and no temporary file is left beside it."""
    roster.add_participant(empty_session, name="ສົມໃຈ (Somchai)-2")
    target = empty_session.backup()
    assert [p.name for p in backup_folder(empty_session.path).iterdir() if p.name.startswith(".")] == []
    copy = WorkshopSession.open_reader(target)
    assert [p.name for p in roster.participants(copy)] == ["ສົມໃຈ (Somchai)-2"]
    copy.close()


def test_a_damaged_workshop_is_never_backed_up(tmp_path: Path) -> None:
    """When the workshop fails its check no backup is written and the good ones stay as they were."""
    path = tmp_path / "w.sqlite"
    session = create_workshop(path)
    with session.action("Fill", ["roster"]) as conn:
        conn.executemany("INSERT INTO participants (name) VALUES (?)", [(f"P {i}",) for i in range(3000)])
    session.backup()
    before = {b.path.name: b.path.read_bytes() for b in list_backups(path)}
    session.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 600] = b"\xff" * 600
    path.write_bytes(bytes(data))
    raw = sqlite3.connect(path)
    with pytest.raises(DamagedWorkshopError, match="damaged"):
        take_backup(raw, path)
    raw.close()
    assert {b.path.name: b.path.read_bytes() for b in list_backups(path)} == before


def test_leftovers_of_a_killed_backup_are_not_backups_and_are_cleared(empty_session: WorkshopSession) -> None:
    """A half-written temporary file is never listed, and an old one is removed by the next backup."""
    folder = backup_folder(empty_session.path)
    leftover = folder / ".empty-20190527-080000-000000.sqlite.partial"
    leftover.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    old = time.time() - 2 * 3600
    os.utime(leftover, (old, old))
    assert all(b.path != leftover for b in list_backups(empty_session.path))
    empty_session.backup()
    assert not leftover.exists()


def test_a_failed_backup_after_an_action_does_not_fail_the_action(tmp_path: Path) -> None:
    """The ten-minute backup failing after COMMIT leaves the action saved and reported as done."""
    now = [0.0]
    create_workshop(tmp_path / "w.sqlite").close()
    session = WorkshopSession.open(tmp_path / "w.sqlite", clock=lambda: now[0])
    folder = backup_folder(session.path)
    shutil.rmtree(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the backup folder should be")
    now[0] += BACKUP_INTERVAL_SECONDS
    person = roster.add_participant(session, name="Saved Anyway")
    assert [p.id for p in roster.participants(session)] == [person]
    assert session.backup_problem is not None and "Your work is saved" in session.backup_problem
    folder.unlink()
    now[0] += BACKUP_INTERVAL_SECONDS
    roster.add_participant(session, name="Backed Up")
    assert session.backup_problem is None
    session.close()


def test_read_only_commands_take_no_backup_and_writing_ones_do(tmp_path: Path, run_cli) -> None:
    """`stats`, `board list` and `agenda` leave the backups alone; `board add` takes one."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    before = list_backups(path)
    for args in (("stats",), ("board", "list", "labour-to-police"), ("agenda", "--json")):
        assert run_cli(path, *args).returncode == 0
    assert list_backups(path) == before
    assert run_cli(path, "board", "add", "labour-to-police", "Passport kept by the employer").returncode == 0
    assert len(list_backups(path)) == len(before) + 1
