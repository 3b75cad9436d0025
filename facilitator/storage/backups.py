"""Rotating backups of a workshop file, taken with SQLite's online backup API.

A copy taken this way is consistent even while the app keeps writing, unlike a file copy of a
database in WAL mode. Backups sit beside the workshop in ``backups/<name>/`` and the newest ten are
kept.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

__all__ = ["KEEP_BACKUPS", "backup_folder", "take_backup"]

KEEP_BACKUPS = 10


def backup_folder(workshop: Path) -> Path:
    """Where the backups of a workshop file go."""
    return workshop.parent / "backups" / workshop.stem


def take_backup(conn: sqlite3.Connection, workshop: Path, now: datetime | None = None) -> Path:
    """Copy the open workshop into its backup folder and drop all but the newest backups."""
    folder = backup_folder(workshop)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{workshop.stem}-{stamp}.sqlite"
    destination = sqlite3.connect(target)
    try:
        conn.backup(destination)
    finally:
        destination.close()
    for old in sorted(folder.glob(f"{workshop.stem}-*.sqlite"))[:-KEEP_BACKUPS]:
        old.unlink()
    return target
