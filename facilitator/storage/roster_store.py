"""Reading and writing participants."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from facilitator.core.errors import NotFoundError
from facilitator.core.participants import ROSTER_FIELDS, Participant

__all__ = [
    "delete_all_participants",
    "delete_participants",
    "highest_participant_id",
    "insert_participants",
    "load_participant",
    "load_participants",
    "load_participants_by_id",
    "update_participant",
    "update_participants",
]

_COLUMNS = ", ".join(ROSTER_FIELDS)
_EDITABLE = tuple(f for f in ROSTER_FIELDS if f != "id")


def _from_row(row: tuple[object, ...]) -> Participant:
    return Participant(*row)  # type: ignore[arg-type]


def load_participants(conn: sqlite3.Connection) -> list[Participant]:
    """Everyone on the roster, in id order."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM participants ORDER BY id").fetchall()
    return [_from_row(row) for row in rows]


def load_participants_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> list[Participant]:
    """The participants with the given ids that exist, in id order."""
    wanted = sorted(set(ids))
    found: list[Participant] = []
    for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT {_COLUMNS} FROM participants WHERE id IN ({marks}) ORDER BY id", chunk)
        found.extend(_from_row(row) for row in rows)
    return found


def load_participant(conn: sqlite3.Connection, participant_id: int) -> Participant:
    """One participant by id."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM participants WHERE id = ?", (participant_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"No participant has id {participant_id}.")
    return _from_row(row)


def insert_participants(conn: sqlite3.Connection, people: Iterable[Participant]) -> list[int]:
    """Insert participants; an id of 0 means "assign the next free id". Returns the ids."""
    ids: list[int] = []
    for person in people:
        values = [getattr(person, f) for f in _EDITABLE]
        if person.id:
            conn.execute(
                f"INSERT INTO participants ({_COLUMNS}) VALUES ({', '.join('?' * len(ROSTER_FIELDS))})",
                (person.id, *values),
            )
            ids.append(person.id)
        else:
            cursor = conn.execute(
                f"INSERT INTO participants ({', '.join(_EDITABLE)}) "
                f"VALUES ({', '.join('?' * len(_EDITABLE))})",
                values,
            )
            ids.append(int(cursor.lastrowid or 0))
    return ids


def update_participant(conn: sqlite3.Connection, person: Participant) -> None:
    """Write every editable field of an existing participant."""
    assignments = ", ".join(f"{f} = ?" for f in _EDITABLE)
    cursor = conn.execute(
        f"UPDATE participants SET {assignments} WHERE id = ?",
        (*[getattr(person, f) for f in _EDITABLE], person.id),
    )
    if cursor.rowcount == 0:
        raise NotFoundError(f"No participant has id {person.id}.")


def update_participants(conn: sqlite3.Connection, people: Iterable[Participant]) -> int:
    """Write every editable field of many participants in one statement batch; returns how many."""
    assignments = ", ".join(f"{f} = ?" for f in _EDITABLE)
    rows = [(*[getattr(p, f) for f in _EDITABLE], p.id) for p in people]
    conn.executemany(f"UPDATE participants SET {assignments} WHERE id = ?", rows)
    return len(rows)


def highest_participant_id(conn: sqlite3.Connection) -> int:
    """The highest participant id the workshop ever handed out, removed people included.

    An import keeps the ids of a Facilitator export only above it: a printed badge must never
    check in someone else.
    """
    (highest,) = conn.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'participants'), 0), "
        "coalesce((SELECT max(id) FROM participants), 0))"
    ).fetchone()
    return int(highest)


def delete_participants(conn: sqlite3.Connection, ids: Iterable[int]) -> int:
    """Remove participants by id; returns how many were removed."""
    return sum(conn.execute("DELETE FROM participants WHERE id = ?", (pid,)).rowcount for pid in ids)


def delete_all_participants(conn: sqlite3.Connection) -> int:
    """Empty the roster (for an import that replaces it)."""
    return conn.execute("DELETE FROM participants").rowcount
