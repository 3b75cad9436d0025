"""One writer per workshop: a second is refused by name, readers go on, a dead holder's lock is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.app import roster
from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import create_workshop
from facilitator.core.errors import ActionRefused, WorkshopLockedError
from facilitator.storage.workshop_lock import lock_path, read_holder

_HOLDER = """
import sys, time
from pathlib import Path
from facilitator.app.session import WorkshopSession
session = WorkshopSession.open(Path(sys.argv[1]), backup=False, program="Facilitator (window)")
print("holding", flush=True)
time.sleep(60)
"""


def _hold_in_child(path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "holding"
    return child


def test_a_second_writer_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    """While one program holds the workshop another cannot open it to write, and is told who holds it."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    child = _hold_in_child(path)
    try:
        with pytest.raises(WorkshopLockedError) as refused:
            WorkshopSession.open(path)
        message = str(refused.value)
        assert "w.sqlite is open in Facilitator (window)" in message
        assert f"process {child.pid}" in message
        assert "Close it there first" in message
    finally:
        child.kill()
        child.wait()
        child.stdout.close()  # type: ignore[union-attr]


def test_a_reader_works_while_another_program_writes(tmp_path: Path) -> None:
    """A read-only session opens a held workshop, sees its data and refuses to write."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    child = _hold_in_child(path)
    try:
        reader = WorkshopSession.open_reader(path)
        assert len(roster.participants(reader)) == 68
        assert not reader.writable
        with pytest.raises(ActionRefused, match="read only"):
            roster.add_participant(reader, name="Not Written")
        reader.close()
        assert lock_path(path).exists()
    finally:
        child.kill()
        child.wait()
        child.stdout.close()  # type: ignore[union-attr]


def test_the_lock_of_a_killed_holder_is_taken_over(tmp_path: Path) -> None:
    """After kill -9 the lock file remains; the next writer takes it over, naming the dead one."""
    path = tmp_path / "w.sqlite"
    create_workshop(path).close()
    child = _hold_in_child(path)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()  # type: ignore[union-attr]
    left = read_holder(path)
    assert left is not None and left.pid == child.pid
    session = WorkshopSession.open(path, backup=False)
    assert session.database.taken_over == left
    holder = read_holder(path)
    assert holder is not None and holder.pid == os.getpid()
    session.close()
    assert not lock_path(path).exists()


def test_in_one_process_a_second_writer_is_refused_too(tmp_path: Path) -> None:
    """Two sessions of one process never both write: the second is refused until the first closes."""
    path = tmp_path / "w.sqlite"
    first = create_workshop(path)
    with pytest.raises(WorkshopLockedError):
        WorkshopSession.open(path)
    first.close()
    second = WorkshopSession.open(path, backup=False)
    assert second.writable
    second.close()
