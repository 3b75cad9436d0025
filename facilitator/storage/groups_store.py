"""Reading and writing breakout rounds, their groups, members, pins and keep-apart pairs."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.errors import NotFoundError

__all__ = [
    "StoredRound",
    "add_apart",
    "delete_round",
    "find_round",
    "insert_round",
    "load_apart",
    "load_members",
    "load_round",
    "load_rounds",
    "move_member",
    "next_position",
    "remove_apart",
    "replace_groups",
    "set_agenda_item",
    "set_locked",
    "set_pinned",
    "update_round",
]


@dataclass(frozen=True, slots=True)
class StoredRound:
    """A round as stored.

    Attributes:
        id: Row id.
        name: Unique name ("Breakout 1").
        position: Order among rounds; earlier rounds count for repeated pairs.
        mode: ``spread`` or ``country``.
        seed: Seed of the last assignment.
        locked: Announced to the room: no more changes.
        proven: The solver proved ``lower_bound`` and ``lone_bound`` the best possible.
        lower_bound: Fewest people outside their fair share (proven when ``proven``).
        lone_bound: Fewest lone members (proven when ``proven``).
        agenda_item: Linked agenda item id, if any.
        group_names: Names of the groups in order.
    """

    id: int
    name: str
    position: int
    mode: str
    seed: int
    locked: bool
    proven: bool
    lower_bound: int
    lone_bound: int
    agenda_item: int | None
    group_names: tuple[str, ...]


_ROUND_COLUMNS = "id, name, position, mode, seed, locked, proven, lower_bound, lone_bound, agenda_item"


def _round(conn: sqlite3.Connection, row: tuple[object, ...]) -> StoredRound:
    rid, name, position, mode, seed, locked, proven, lower, lone, item = row
    names = tuple(
        str(n)
        for (n,) in conn.execute("SELECT name FROM groups_groups WHERE round_id = ? ORDER BY number", (rid,))
    )
    return StoredRound(
        id=int(rid),  # type: ignore[call-overload]
        name=str(name),
        position=int(position),  # type: ignore[call-overload]
        mode=str(mode),
        seed=int(seed),  # type: ignore[call-overload]
        locked=bool(locked),
        proven=bool(proven),
        lower_bound=int(lower),  # type: ignore[call-overload]
        lone_bound=int(lone),  # type: ignore[call-overload]
        agenda_item=int(item) if item is not None else None,  # type: ignore[call-overload]
        group_names=names,
    )


def load_rounds(conn: sqlite3.Connection) -> list[StoredRound]:
    """Every round in order."""
    rows = conn.execute(f"SELECT {_ROUND_COLUMNS} FROM groups_rounds ORDER BY position, id").fetchall()
    return [_round(conn, row) for row in rows]


def load_round(conn: sqlite3.Connection, round_id: int) -> StoredRound:
    """One round by id."""
    row = conn.execute(f"SELECT {_ROUND_COLUMNS} FROM groups_rounds WHERE id = ?", (round_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"No breakout round has id {round_id}.")
    return _round(conn, row)


def find_round(conn: sqlite3.Connection, name: str) -> StoredRound | None:
    """A round by name (exact, then ignoring case), or None."""
    for clause in ("name = ?", "lower(name) = lower(?)"):
        row = conn.execute(f"SELECT {_ROUND_COLUMNS} FROM groups_rounds WHERE {clause}", (name,)).fetchone()
        if row is not None:
            return _round(conn, row)
    return None


def next_position(conn: sqlite3.Connection) -> int:
    """Position for a new round, after every existing one."""
    return int(conn.execute("SELECT coalesce(max(position), -1) + 1 FROM groups_rounds").fetchone()[0])


def insert_round(
    conn: sqlite3.Connection, name: str, position: int, mode: str, seed: int, agenda_item: int | None
) -> int:
    """Add a round without groups; returns its id."""
    cursor = conn.execute(
        "INSERT INTO groups_rounds (name, position, mode, seed, agenda_item) VALUES (?, ?, ?, ?, ?)",
        (name, position, mode, seed, agenda_item),
    )
    return int(cursor.lastrowid or 0)


def update_round(
    conn: sqlite3.Connection,
    round_id: int,
    *,
    mode: str,
    seed: int,
    proven: bool,
    lower_bound: int,
    lone_bound: int,
) -> None:
    """Record the settings and the solver's verdict of a new assignment."""
    conn.execute(
        "UPDATE groups_rounds SET mode = ?, seed = ?, proven = ?, lower_bound = ?, lone_bound = ? "
        "WHERE id = ?",
        (mode, seed, int(proven), lower_bound, lone_bound, round_id),
    )


def set_locked(conn: sqlite3.Connection, round_id: int, locked: bool) -> None:
    """Lock or unlock a round."""
    conn.execute("UPDATE groups_rounds SET locked = ? WHERE id = ?", (int(locked), round_id))


def set_agenda_item(conn: sqlite3.Connection, round_id: int, item: int | None) -> None:
    """Link a round to an agenda item, or unlink it."""
    conn.execute("UPDATE groups_rounds SET agenda_item = ? WHERE id = ?", (item, round_id))


def _delete_groups(conn: sqlite3.Connection, round_id: int) -> None:
    conn.execute(
        "DELETE FROM groups_members WHERE group_id IN (SELECT id FROM groups_groups WHERE round_id = ?)",
        (round_id,),
    )
    conn.execute("DELETE FROM groups_groups WHERE round_id = ?", (round_id,))


def delete_round(conn: sqlite3.Connection, round_id: int) -> None:
    """Remove a round with its groups and members."""
    _delete_groups(conn, round_id)
    conn.execute("DELETE FROM groups_rounds WHERE id = ?", (round_id,))


def replace_groups(
    conn: sqlite3.Connection,
    round_id: int,
    groups: Sequence[Sequence[int]],
    names: Sequence[str],
    pinned: frozenset[int] = frozenset(),
) -> None:
    """Write a round's groups (participant ids in order), replacing whatever it had."""
    _delete_groups(conn, round_id)
    for number, (name, members) in enumerate(zip(names, groups, strict=True)):
        cursor = conn.execute(
            "INSERT INTO groups_groups (round_id, number, name) VALUES (?, ?, ?)", (round_id, number, name)
        )
        group_id = int(cursor.lastrowid or 0)
        conn.executemany(
            "INSERT INTO groups_members (group_id, participant_id, position, pinned) VALUES (?, ?, ?, ?)",
            [(group_id, pid, position, int(pid in pinned)) for position, pid in enumerate(members)],
        )


def load_members(conn: sqlite3.Connection, round_id: int) -> tuple[list[list[int]], frozenset[int]]:
    """A round's groups as participant ids (skipping people no longer on the roster), and who is pinned."""
    rows = conn.execute(
        "SELECT g.number, m.participant_id, m.pinned FROM groups_groups g "
        "JOIN groups_members m ON m.group_id = g.id "
        "JOIN participants p ON p.id = m.participant_id "
        "WHERE g.round_id = ? ORDER BY g.number, m.position, m.id",
        (round_id,),
    ).fetchall()
    count = conn.execute("SELECT count(*) FROM groups_groups WHERE round_id = ?", (round_id,)).fetchone()[0]
    groups: list[list[int]] = [[] for _ in range(int(count))]
    pinned = set()
    for number, pid, pin in rows:
        groups[int(number)].append(int(pid))
        if pin:
            pinned.add(int(pid))
    return groups, frozenset(pinned)


def _group_id(conn: sqlite3.Connection, round_id: int, number: int) -> int:
    row = conn.execute(
        "SELECT id FROM groups_groups WHERE round_id = ? AND number = ?", (round_id, number)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"This round has no group {number + 1}.")
    return int(row[0])


def _membership(conn: sqlite3.Connection, round_id: int, participant_id: int) -> tuple[int, int] | None:
    row = conn.execute(
        "SELECT m.id, m.pinned FROM groups_members m JOIN groups_groups g ON g.id = m.group_id "
        "WHERE g.round_id = ? AND m.participant_id = ?",
        (round_id, participant_id),
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def move_member(
    conn: sqlite3.Connection, round_id: int, participant_id: int, number: int, index: int
) -> None:
    """Put a participant into group ``number`` at ``index`` (adding them to the round if needed)."""
    target = _group_id(conn, round_id, number)
    found = _membership(conn, round_id, participant_id)
    if found is not None:
        conn.execute("DELETE FROM groups_members WHERE id = ?", (found[0],))
    order = [
        pid
        for (pid,) in conn.execute(
            "SELECT participant_id FROM groups_members WHERE group_id = ? ORDER BY position, id", (target,)
        )
    ]
    index = max(0, min(index, len(order)))
    order.insert(index, participant_id)
    pinned = found[1] if found else 0
    conn.execute(
        "INSERT INTO groups_members (group_id, participant_id, position, pinned) VALUES (?, ?, ?, ?)",
        (target, participant_id, index, pinned),
    )
    for position, pid in enumerate(order):
        conn.execute(
            "UPDATE groups_members SET position = ? "
            "WHERE group_id = ? AND participant_id = ? AND position != ?",
            (position, target, pid, position),
        )


def set_pinned(conn: sqlite3.Connection, round_id: int, participant_id: int, pinned: bool) -> None:
    """Pin a member to their group, or unpin them."""
    found = _membership(conn, round_id, participant_id)
    if found is None:
        raise NotFoundError(f"Participant {participant_id} is not in this round.")
    conn.execute("UPDATE groups_members SET pinned = ? WHERE id = ?", (int(pinned), found[0]))


def load_apart(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Keep-apart pairs (lower id first)."""
    rows = conn.execute(
        "SELECT first_id, second_id FROM groups_constraints WHERE kind = 'apart' ORDER BY first_id, second_id"
    ).fetchall()
    return [(int(a), int(b)) for a, b in rows]


def add_apart(conn: sqlite3.Connection, first: int, second: int) -> None:
    """Record a keep-apart pair (no-op if it exists)."""
    a, b = sorted((first, second))
    conn.execute(
        "INSERT OR IGNORE INTO groups_constraints (kind, first_id, second_id) VALUES ('apart', ?, ?)", (a, b)
    )


def remove_apart(conn: sqlite3.Connection, first: int, second: int) -> None:
    """Drop a keep-apart pair."""
    a, b = sorted((first, second))
    conn.execute(
        "DELETE FROM groups_constraints WHERE kind = 'apart' AND first_id = ? AND second_id = ?", (a, b)
    )
