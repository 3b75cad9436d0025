"""Backups of a workshop file, taken with SQLite's online backup API and kept by age.

A copy taken this way is consistent even while the app keeps writing, unlike a file copy of a
database in WAL mode. Backups sit beside the workshop in ``backups/<name>/``. Each one is written
under a temporary name, checked with ``PRAGMA quick_check`` and only then renamed to its final
name, so a backup that exists under its final name is whole; a workshop that fails its own check is
never backed up, so a damaged file cannot push good backups out. Which ones are kept is decided by
:func:`facilitator.core.backup_policy.backups_to_keep`.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from facilitator.core.backup_policy import backups_to_keep
from facilitator.core.errors import DamagedWorkshopError
from facilitator.storage.database import check_integrity

__all__ = [
    "BackupContents",
    "BackupFile",
    "backup_folder",
    "copy_backup",
    "id_high_water",
    "keep_high_water",
    "list_backups",
    "read_backup_contents",
    "take_backup",
]

_STAMP = "%Y%m%d-%H%M%S-%f"
_PARTIAL_SUFFIX = ".partial"
#: A temporary file older than this belongs to a backup that was killed, not one in progress.
_ABANDONED_AFTER_SECONDS = 3600.0


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One finished backup: where it is and when it was taken."""

    path: Path
    taken_at: datetime


def backup_folder(workshop: Path) -> Path:
    """Where the backups of a workshop file go."""
    return workshop.parent / "backups" / workshop.stem


def list_backups(workshop: Path) -> list[BackupFile]:
    """The finished backups of a workshop, newest first."""
    prefix = f"{workshop.stem}-"
    found = []
    for path in backup_folder(workshop).glob(f"{prefix}*.sqlite"):
        try:
            taken_at = datetime.strptime(path.stem.removeprefix(prefix), _STAMP)
        except ValueError:
            continue
        found.append(BackupFile(path, taken_at))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def take_backup(conn: sqlite3.Connection, workshop: Path, now: datetime | None = None) -> Path:
    """Copy the open workshop into its backup folder, then drop the backups no longer kept.

    Raises:
        DamagedWorkshopError: The workshop or the copy failed its check; the existing backups are
            left as they were.
    """
    check_integrity(conn, workshop)
    now = now or datetime.now()
    folder = backup_folder(workshop)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{workshop.stem}-{now.strftime(_STAMP)}.sqlite"
    partial = folder / f".{target.name}{_PARTIAL_SUFFIX}"
    try:
        _copy_checked(conn, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _prune(workshop, now)
    return target


def _copy_checked(conn: sqlite3.Connection, partial: Path) -> None:
    destination = sqlite3.connect(partial)
    try:
        conn.backup(destination)
        if destination.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise DamagedWorkshopError(f"{partial}: the backup did not read back intact; it was discarded.")
    finally:
        destination.close()
    with partial.open("rb+") as handle:  # a backup that survives a power cut must be on the disk
        os.fsync(handle.fileno())


def _prune(workshop: Path, now: datetime) -> None:
    backups = list_backups(workshop)
    keep = backups_to_keep((backup.taken_at for backup in backups), now)
    for backup in backups:
        if backup.taken_at not in keep:
            backup.path.unlink(missing_ok=True)
    cutoff = time.time() - _ABANDONED_AFTER_SECONDS
    for leftover in backup_folder(workshop).glob(f".*{_PARTIAL_SUFFIX}"):
        if leftover.stat().st_mtime < cutoff:
            leftover.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class BackupContents:
    """What a backup holds, counted, so a person can tell backups apart before restoring one."""

    participants: int
    cards: int
    checkins: int


def read_backup_contents(backup: Path) -> BackupContents | None:
    """Count what a backup holds, without writing to it; None when it is not a whole workshop.

    Opened read-only through a URI, because opening a backup as a workshop would upgrade an older
    one in place.
    """
    try:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            return None
        counts = [
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("participants", "boards_cards", "checkin_scans")
        ]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return BackupContents(*counts)


def copy_backup(backup: Path, target: Path | sqlite3.Connection) -> None:
    """Copy a backup page by page into a new file or onto an open workshop's connection.

    Raises:
        sqlite3.Error: The backup cannot be read, or the target cannot be written.
    """
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if isinstance(target, sqlite3.Connection):
            source.backup(target)
            return
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def id_high_water(conn: sqlite3.Connection) -> dict[str, int]:
    """The highest id each table has ever handed out (``sqlite_sequence``)."""
    return dict(conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall())


def keep_high_water(conn: sqlite3.Connection, marks: dict[str, int]) -> None:
    """Never hand out an id again that was handed out before a restore rewound the file.

    A backup knows only the ids given out up to its time; people added after it may already wear
    badges with theirs.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, seq in marks.items():
            conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (seq, table))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
