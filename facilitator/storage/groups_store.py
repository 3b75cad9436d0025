"""Reading and writing breakout rounds, their groups, members, pins and keep-apart pairs."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.errors import NotFoundError

__all__ = [
    "StoredRound",
    "add_apart",
    "add_members",
    "delete_round",
    "find_round",
    "insert_round",
    "load_apart",
    "load_arrivals",
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
    "set_place",
    "set_proofs",
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
        agenda_item: Linked agenda item id, if any.
        group_names: Names of the groups in order.
        source: Whom it was formed from: ``roster``, ``present`` (checked in on ``day``) or
            ``selection``.
        day: The workshop day of a round formed from the people present, else None.
        proofs: What a solver proved when it was formed, as stored (JSON text, "" for none).
        places: Where each group meets ("Mekong room", "Table 4"), "" when not given.
    """

    id: int
    name: str
    position: int
    mode: str
    seed: int
    locked: bool
    agenda_item: int | None
    group_names: tuple[str, ...]
    source: str = "roster"
    day: int | None = None
    proofs: str = ""
    places: tuple[str, ...] = ()


_ROUND_COLUMNS = "id, name, position, mode, seed, locked, agenda_item, source, day, proofs"


def _round(conn: sqlite3.Connection, row: tuple[object, ...]) -> StoredRound:
    rid, name, position, mode, seed, locked, item, source, day, proofs = row
    groups = conn.execute(
        "SELECT name, place FROM groups_groups WHERE round_id = ? ORDER BY number", (rid,)
    ).fetchall()
    return StoredRound(
        id=int(rid),  # type: ignore[call-overload]
        name=str(name),
        position=int(position),  # type: ignore[call-overload]
        mode=str(mode),
        seed=int(seed),  # type: ignore[call-overload]
        locked=bool(locked),
        agenda_item=int(item) if item is not None else None,  # type: ignore[call-overload]
        group_names=tuple(str(n) for n, _ in groups),
        source=str(source),
        day=int(day) if day is not None else None,  # type: ignore[call-overload]
        proofs=str(proofs),
        places=tuple(str(p) for _, p in groups),
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
    conn: sqlite3.Connection,
    name: str,
    position: int,
    mode: str,
    seed: int,
    agenda_item: int | None,
    source: str = "roster",
    day: int | None = None,
) -> int:
    """Add a round without groups; returns its id."""
    cursor = conn.execute(
        "INSERT INTO groups_rounds (name, position, mode, seed, agenda_item, source, day) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (name, position, mode, seed, agenda_item, source, day),
    )
    return int(cursor.lastrowid or 0)


def update_round(
    conn: sqlite3.Connection,
    round_id: int,
    *,
    mode: str,
    seed: int,
    proofs: str,
    source: str = "roster",
    day: int | None = None,
) -> None:
    """Record the settings, the people it was formed from and the solver's proofs of a new assignment."""
    conn.execute(
        "UPDATE groups_rounds SET mode = ?, seed = ?, proofs = ?, source = ?, day = ? WHERE id = ?",
        (mode, seed, proofs, source, day, round_id),
    )


def set_proofs(conn: sqlite3.Connection, round_id: int, proofs: str) -> None:
    """Replace what the round's proofs say (late arrivals make the old ones about other people)."""
    conn.execute("UPDATE groups_rounds SET proofs = ? WHERE id = ?", (proofs, round_id))


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
    places: Sequence[str] | None = None,
) -> None:
    """Write a round's groups (participant ids in order), replacing whatever it had.

    Each group keeps the place its number had (the Mekong room stays the Mekong room through a
    shuffle) unless ``places`` are given.
    """
    if places is None:
        kept = dict(conn.execute("SELECT number, place FROM groups_groups WHERE round_id = ?", (round_id,)))
        places = [str(kept.get(number, "")) for number in range(len(groups))]
    _delete_groups(conn, round_id)
    for number, (name, members) in enumerate(zip(names, groups, strict=True)):
        cursor = conn.execute(
            "INSERT INTO groups_groups (round_id, number, name, place) VALUES (?, ?, ?, ?)",
            (round_id, number, name, places[number]),
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


def load_arrivals(conn: sqlite3.Connection, round_id: int) -> dict[int, int]:
    """Members who joined late, with the number of the "Add late arrivals" that placed them."""
    rows = conn.execute(
        "SELECT m.participant_id, m.arrived FROM groups_members m JOIN groups_groups g ON g.id = m.group_id "
        "WHERE g.round_id = ? AND m.arrived > 0",
        (round_id,),
    ).fetchall()
    return {int(pid): int(batch) for pid, batch in rows}


def add_members(conn: sqlite3.Connection, round_id: int, placements: Sequence[tuple[int, int]]) -> int:
    """Add late arrivals at the end of their groups, as one more batch; returns its number."""
    batch = 1 + int(
        conn.execute(
            "SELECT coalesce(max(m.arrived), 0) FROM groups_members m "
            "JOIN groups_groups g ON g.id = m.group_id WHERE g.round_id = ?",
            (round_id,),
        ).fetchone()[0]
    )
    for participant_id, number in placements:
        group_id = _group_id(conn, round_id, number)
        position = conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM groups_members WHERE group_id = ?", (group_id,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO groups_members (group_id, participant_id, position, pinned, arrived) "
            "VALUES (?, ?, ?, 0, ?)",
            (group_id, participant_id, position, batch),
        )
    return batch


def set_place(conn: sqlite3.Connection, round_id: int, number: int, place: str) -> None:
    """Say where a group meets ("" for nowhere in particular)."""
    conn.execute(
        "UPDATE groups_groups SET place = ? WHERE id = ?", (place, _group_id(conn, round_id, number))
    )


def _group_id(conn: sqlite3.Connection, round_id: int, number: int) -> int:
    row = conn.execute(
        "SELECT id FROM groups_groups WHERE round_id = ? AND number = ?", (round_id, number)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"This round has no group {number + 1}.")
    return int(row[0])


def _membership(conn: sqlite3.Connection, round_id: int, participant_id: int) -> tuple[int, int, int] | None:
    """Row id, pinned and arrived of a participant's membership in a round."""
    row = conn.execute(
        "SELECT m.id, m.pinned, m.arrived FROM groups_members m JOIN groups_groups g ON g.id = m.group_id "
        "WHERE g.round_id = ? AND m.participant_id = ?",
        (round_id, participant_id),
    ).fetchone()
    return (int(row[0]), int(row[1]), int(row[2])) if row else None


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
    pinned, arrived = (found[1], found[2]) if found else (0, 0)
    conn.execute(
        "INSERT INTO groups_members (group_id, participant_id, position, pinned, arrived) "
        "VALUES (?, ?, ?, ?, ?)",
        (target, participant_id, index, pinned, arrived),
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
