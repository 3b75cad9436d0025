"""Backups as the user sees them: listed with what they hold, restored in place or into a copy.

Restoring goes through SQLite's backup API onto the session's own connection, so the workshop file
is never replaced behind an open connection (which would drop SQLite's locks). The state being
replaced is backed up first, so a restore can itself be undone by restoring that backup.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from facilitator.app.changes import Changes
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, DamagedWorkshopError, WorkshopFileError
from facilitator.storage.backups import (
    BackupContents,
    copy_backup,
    id_high_water,
    keep_high_water,
    list_backups,
    read_backup_contents,
)

__all__ = ["BackupEntry", "available_backups", "newest_good_backup", "recover_into_copy", "restore_backup"]


@dataclass(frozen=True, slots=True)
class BackupEntry:
    """One backup: when it was taken and what it holds (None when it cannot be read)."""

    path: Path
    taken_at: datetime
    contents: BackupContents | None

    def describe(self) -> str:
        """The backup in one line, e.g. "27 May 10:40 · 68 participants · 23 cards · 50 check-ins"."""
        from facilitator.core.wording import counted

        when = self.taken_at.strftime("%d %b %H:%M")
        if self.contents is None:
            return f"{when} · cannot be read"
        held = self.contents
        return (
            f"{when} · {counted(held.participants, 'participant')} · {counted(held.cards, 'card')} · "
            f"{counted(held.checkins, 'check-in')}"
        )


def available_backups(workshop: Path) -> list[BackupEntry]:
    """Every backup of a workshop, newest first, with what each holds."""
    return [
        BackupEntry(found.path, found.taken_at, read_backup_contents(found.path))
        for found in list_backups(Path(workshop))
    ]


def newest_good_backup(workshop: Path) -> BackupEntry | None:
    """The newest backup that reads back whole, for a workshop that can no longer be opened."""
    for found in list_backups(Path(workshop)):
        contents = read_backup_contents(found.path)
        if contents is not None:
            return BackupEntry(found.path, found.taken_at, contents)
    return None


def restore_backup(session: WorkshopSession, backup: Path) -> Changes:
    """Replace the open workshop's contents with a backup's, as one step that every view hears of.

    The restore cannot be undone with Undo (its history refers to rows that no longer exist), but
    the state it replaced is itself backed up first.

    Raises:
        ActionRefused: The backup cannot be read; the workshop is unchanged.
    """
    backup = Path(backup)
    if read_backup_contents(backup) is None:
        raise ActionRefused(
            f"{backup.name} cannot be read as a workshop, so nothing was restored. Choose another."
        )
    try:
        session.backup()
    except DamagedWorkshopError:
        pass  # a damaged workshop is what one restores over; its state cannot be kept anyway
    except (OSError, sqlite3.Error) as error:
        raise ActionRefused(
            f"The workshop as it is now could not be backed up first ({error}), so nothing was "
            "restored. Check the disk space and try again."
        ) from error
    marks = id_high_water(session.connection)

    def copy_in() -> None:
        copy_backup(backup, session.connection)
        session.database.upgrade()
        keep_high_water(session.connection, marks)

    try:
        return session.replace_contents("Restore from backup", copy_in)
    except sqlite3.Error as error:
        raise ActionRefused(
            f"{backup.name} could not be restored ({error}). The workshop was not changed."
        ) from error


def recover_into_copy(workshop: Path, backup: Path, now: datetime | None = None) -> Path:
    """Copy a backup beside a workshop that cannot be opened, leaving the damaged file as it is.

    Returns:
        The new workshop file, ``<name>-restored-<time>.sqlite``.
    """
    workshop = Path(workshop)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = workshop.with_name(f"{workshop.stem}-restored-{stamp}.sqlite")
    partial = target.with_name(f".{target.name}.partial")
    try:
        copy_backup(Path(backup), partial)
        partial.rename(target)
    except (OSError, sqlite3.Error) as error:
        raise WorkshopFileError(f"{target}: cannot write the restored copy ({error}).") from error
    finally:
        partial.unlink(missing_ok=True)
    return target
