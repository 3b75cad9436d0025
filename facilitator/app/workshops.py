"""Creating, finding and opening workshop files.

A new workshop is built by a list of steps, one per capability, each given the open connection and
whether to include the Luang Prabang sample content. A capability that must exist in every workshop
(the two referral boards, a check-in secret) adds its step to ``NEW_WORKSHOP_STEPS``.
"""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from facilitator import paths
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import DamagedWorkshopError, NotAWorkshopError, WorkshopFileError
from facilitator.core.participants import Participant
from facilitator.storage import meta_store, roster_store
from facilitator.storage.backups import list_backups
from facilitator.storage.database import WorkshopDatabase

__all__ = [
    "NEW_WORKSHOP_STEPS",
    "create_workshop",
    "default_workshop_path",
    "load_sample_roster",
    "open_workshop",
    "remember_last_used",
    "sample_folder",
]

NewWorkshopStep = Callable[[sqlite3.Connection, bool], None]


def sample_folder() -> Path:
    """Folder of the built-in Luang Prabang sample."""
    return paths.resources_dir() / "sample"


def load_sample_roster() -> list[Participant]:
    """The sample's 68 fictional participants."""
    import csv

    with (sample_folder() / "roster.csv").open(encoding="utf-8", newline="") as handle:
        return [
            Participant(**{**row, "id": int(row["id"])})  # type: ignore[arg-type]
            for row in csv.DictReader(handle)
        ]


def _identity_step(conn: sqlite3.Connection, sample: bool) -> None:
    data: dict[str, object] = (
        json.loads((sample_folder() / "workshop.json").read_text(encoding="utf-8"))
        if sample
        else {"code": "WS", "title": "New workshop"}
    )
    meta_store.save_info(conn, meta_store.info_from_json(data))


def _roster_step(conn: sqlite3.Connection, sample: bool) -> None:
    if sample:
        roster_store.insert_participants(conn, load_sample_roster())


#: Steps run in order; a capability's step is named "module:function" and imported only when a
#: workshop is created, so that opening one (every start of the app) does not load every capability.
NEW_WORKSHOP_STEPS: list[NewWorkshopStep | str] = [
    _identity_step,
    _roster_step,
    "facilitator.app.agenda:agenda_workshop_step",
    "facilitator.app.board_setup:referral_boards_step",
    "facilitator.app.checkin:create_secret_step",
    "facilitator.app.group_setup:groups_workshop_step",
    "facilitator.app.guidelines_setup:create_default_guidelines",
]


def _resolve(step: NewWorkshopStep | str) -> NewWorkshopStep:
    if callable(step):
        return step
    module, _, function = step.partition(":")
    resolved: NewWorkshopStep = getattr(importlib.import_module(module), function)
    return resolved


def create_workshop(path: Path, sample: bool = False, program: str = "Facilitator") -> WorkshopSession:
    """Create a workshop file, empty or with the sample content, and open it.

    The file is built under a temporary name and renamed at the end, so a failure never leaves a
    half-made workshop behind.
    """
    path = Path(path)
    if path.exists():
        raise WorkshopFileError(f"{path}: a file with this name already exists. Choose another name.")
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    database = WorkshopDatabase.create(partial)
    try:
        with database.transaction() as conn:
            for step in NEW_WORKSHOP_STEPS:
                _resolve(step)(conn, sample)
    finally:
        database.close()
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.rename(path)
    session = WorkshopSession.open(path, program=program)
    remember_last_used(path)
    return session


def open_workshop(path: Path, backup: bool = True, program: str = "Facilitator") -> WorkshopSession:
    """Open an existing workshop file to change it, and remember it as the last one used.

    Args:
        path: The workshop file.
        backup: False when the caller takes the opening backup itself (the GUI does it off the
            GUI thread).
        program: What holds the file, as another program's refusal names it.
    """
    path = Path(path)
    try:
        session = WorkshopSession.open(path, backup=backup, program=program)
    except NotAWorkshopError as error:
        if not list_backups(path):
            raise
        raise DamagedWorkshopError(
            f"{path}: the workshop file is damaged (it has backups, but SQLite no longer reads it as "
            "a workshop). Nothing was changed in it. Open it in the Facilitator window to be offered "
            "a copy of its newest good backup."
        ) from error
    remember_last_used(session.path)
    return session


def remember_last_used(path: Path) -> None:
    """Record the workshop so that the next start opens it again."""
    marker = paths.sessions_dir() / paths.LAST_USED_NAME
    marker.write_text(str(Path(path).resolve()), encoding="utf-8")


def default_workshop_path() -> Path:
    """The workshop to open when none is named: the last one used, else the newest file in
    ``sessions/``, else a new copy of the sample, created now."""
    folder = paths.sessions_dir()
    marker = folder / paths.LAST_USED_NAME
    if marker.is_file():
        last = Path(marker.read_text(encoding="utf-8").strip())
        if last.is_file():
            return last
    candidates = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    if candidates:
        return candidates[0]
    sample = folder / paths.SAMPLE_WORKSHOP_NAME
    create_workshop(sample, sample=True).close()
    return sample
