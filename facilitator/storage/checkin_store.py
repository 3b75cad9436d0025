"""Reading and writing check-ins and the workshop's check-in secret."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "Scan",
    "delete_scan",
    "find_scan",
    "insert_scan",
    "last_scan",
    "load_scans",
    "load_scans_by_id",
    "read_secret",
    "write_secret",
]


@dataclass(frozen=True, slots=True)
class Scan:
    """One check-in: who, on which workshop day, when, and how they were found.

    Attributes:
        id: Row id.
        participant_id: The participant checked in.
        day: Workshop day, from 1.
        scanned_at: Local time of the check-in.
        method: ``scan`` (QR code), ``search`` (found by name or id) or ``walk-in``.
    """

    id: int
    participant_id: int
    day: int
    scanned_at: datetime
    method: str


_COLUMNS = "id, participant_id, day, scanned_at, method"


def _from_row(row: tuple[int, int, int, str, str]) -> Scan:
    return Scan(row[0], row[1], row[2], datetime.fromisoformat(row[3]), row[4])


def read_secret(conn: sqlite3.Connection) -> bytes | None:
    """The workshop's check-in secret, or None in a file made before check-in existed."""
    row = conn.execute("SELECT secret FROM checkin_secret ORDER BY id LIMIT 1").fetchone()
    return bytes.fromhex(row[0]) if row else None


def write_secret(conn: sqlite3.Connection, secret: bytes) -> None:
    """Store the check-in secret unless the file has one (replacing it would void every printed
    code; two connections racing to create it keep the first)."""
    conn.execute(
        "INSERT INTO checkin_secret (secret) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM checkin_secret)",
        (secret.hex(),),
    )


def insert_scan(
    conn: sqlite3.Connection, participant_id: int, day: int, scanned_at: datetime, method: str
) -> Scan:
    """Record a check-in; the caller has checked that it is not a duplicate."""
    cursor = conn.execute(
        "INSERT INTO checkin_scans (participant_id, day, scanned_at, method) VALUES (?, ?, ?, ?)",
        (participant_id, day, scanned_at.isoformat(timespec="seconds"), method),
    )
    return Scan(int(cursor.lastrowid or 0), participant_id, day, scanned_at.replace(microsecond=0), method)


def find_scan(conn: sqlite3.Connection, participant_id: int, day: int) -> Scan | None:
    """The participant's check-in on a day, if any."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM checkin_scans WHERE participant_id = ? AND day = ?",
        (participant_id, day),
    ).fetchone()
    return _from_row(row) if row else None


def load_scans(conn: sqlite3.Connection, day: int | None = None) -> list[Scan]:
    """Check-ins of one day, or of every day, in the order they happened."""
    if day is None:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM checkin_scans ORDER BY day, id").fetchall()
    else:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM checkin_scans WHERE day = ? ORDER BY id", (day,)
        ).fetchall()
    return [_from_row(row) for row in rows]


def load_scans_by_id(conn: sqlite3.Connection, day: int, ids: Collection[int]) -> list[Scan]:
    """The check-ins of a day with the given row ids, in the order they happened."""
    wanted = sorted(set(ids))
    found: list[Scan] = []
    for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM checkin_scans WHERE day = ? AND id IN ({marks}) ORDER BY id",
            (day, *chunk),
        )
        found.extend(_from_row(row) for row in rows)
    return found


def last_scan(conn: sqlite3.Connection, day: int | None = None) -> Scan | None:
    """The most recent check-in (of one day, or of any day)."""
    scans = conn.execute(
        f"SELECT {_COLUMNS} FROM checkin_scans WHERE ? IS NULL OR day = ? ORDER BY id DESC LIMIT 1",
        (day, day),
    ).fetchone()
    return _from_row(scans) if scans else None


def delete_scan(conn: sqlite3.Connection, scan_id: int) -> int:
    """Remove one check-in; returns how many rows were removed (0 or 1)."""
    return conn.execute("DELETE FROM checkin_scans WHERE id = ?", (scan_id,)).rowcount
