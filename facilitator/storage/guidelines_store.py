"""Reading and writing the guidelines draft (tables ``guidelines_*``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date

from facilitator.core.errors import NotFoundError
from facilitator.core.guidelines import GuidelinesDraft, KeyAction, ReferralTrigger, Section, Version

__all__ = [
    "delete_actions",
    "delete_section",
    "delete_triggers",
    "insert_action",
    "insert_section",
    "insert_trigger",
    "insert_version",
    "load_action",
    "load_draft",
    "load_section",
    "set_positions",
    "set_title",
    "update_action",
    "update_section",
]

_SECTION_COLUMNS = "id, position, key, title, body, hint, board"
_ACTION_COLUMNS = (
    "id, section_id, position, action, lead_agency, partners, timeframe, "
    "recommendations, source_group, status"
)
_TRIGGER_COLUMNS = "id, section_id, position, red_flag, category, evidence, refer_to, votes, groups"
_ORDERED_TABLES = {
    "guidelines_sections": "",
    "guidelines_actions": "section_id",
    "guidelines_triggers": "section_id",
}


def _section(row: Sequence[object]) -> Section:
    return Section(*row)  # type: ignore[arg-type]


def _action(row: Sequence[object]) -> KeyAction:
    values = list(row)
    recommendations = str(values[7])
    values[7] = tuple(r for r in recommendations.split(",") if r)
    return KeyAction(*values)  # type: ignore[arg-type]


def _action_values(action: KeyAction) -> tuple[object, ...]:
    return (
        action.section_id,
        action.position,
        action.action,
        action.lead_agency,
        action.partners,
        action.timeframe,
        ",".join(action.recommendations),
        action.source_group,
        action.status,
    )


def load_draft(conn: sqlite3.Connection) -> GuidelinesDraft:
    """The whole draft: sections in outline order, actions and triggers, versions oldest first."""
    sections = conn.execute(f"SELECT {_SECTION_COLUMNS} FROM guidelines_sections ORDER BY position, id")
    actions = conn.execute(f"SELECT {_ACTION_COLUMNS} FROM guidelines_actions ORDER BY section_id, position")
    triggers = conn.execute(
        f"SELECT {_TRIGGER_COLUMNS} FROM guidelines_triggers ORDER BY section_id, position"
    )
    versions = conn.execute("SELECT id, label, created, note FROM guidelines_versions ORDER BY id")
    title = conn.execute("SELECT title FROM guidelines_draft ORDER BY id LIMIT 1").fetchone()
    return GuidelinesDraft(
        title=str(title[0]) if title else "Guidelines",
        sections=tuple(_section(row) for row in sections),
        actions=tuple(_action(row) for row in actions),
        triggers=tuple(ReferralTrigger(*row) for row in triggers),
        versions=tuple(
            Version(i, label, date.fromisoformat(created), note) for i, label, created, note in versions
        ),
    )


def set_title(conn: sqlite3.Connection, title: str) -> None:
    """Set the draft's title (the table holds one row)."""
    if conn.execute("UPDATE guidelines_draft SET title = ?", (title,)).rowcount == 0:
        conn.execute("INSERT INTO guidelines_draft (title) VALUES (?)", (title,))


def load_section(conn: sqlite3.Connection, section_id: int) -> Section:
    """One section by id."""
    row = conn.execute(
        f"SELECT {_SECTION_COLUMNS} FROM guidelines_sections WHERE id = ?", (section_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No guidelines section has id {section_id}.")
    return _section(row)


def load_action(conn: sqlite3.Connection, action_id: int) -> KeyAction:
    """One key action by id."""
    row = conn.execute(
        f"SELECT {_ACTION_COLUMNS} FROM guidelines_actions WHERE id = ?", (action_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No key action has id {action_id}.")
    return _action(row)


def _next_position(conn: sqlite3.Connection, table: str, section_id: int | None = None) -> int:
    if section_id is None:
        row = conn.execute(f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table}").fetchone()
    else:
        row = conn.execute(
            f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE section_id = ?", (section_id,)
        ).fetchone()
    return int(row[0])


def insert_section(
    conn: sqlite3.Connection, title: str, key: str = "", body: str = "", hint: str = "", board: str = ""
) -> int:
    """Append a section to the outline; returns its id."""
    cursor = conn.execute(
        "INSERT INTO guidelines_sections (position, key, title, body, hint, board) VALUES (?, ?, ?, ?, ?, ?)",
        (_next_position(conn, "guidelines_sections"), key, title, body, hint, board),
    )
    return int(cursor.lastrowid or 0)


def update_section(conn: sqlite3.Connection, section_id: int, **values: str) -> None:
    """Change the title or body of a section."""
    assignments = ", ".join(f"{field} = ?" for field in values)
    cursor = conn.execute(
        f"UPDATE guidelines_sections SET {assignments} WHERE id = ?", (*values.values(), section_id)
    )
    if cursor.rowcount == 0:
        raise NotFoundError(f"No guidelines section has id {section_id}.")


def delete_section(conn: sqlite3.Connection, section_id: int) -> None:
    """Remove a section with its key actions and triggers."""
    conn.execute("DELETE FROM guidelines_actions WHERE section_id = ?", (section_id,))
    conn.execute("DELETE FROM guidelines_triggers WHERE section_id = ?", (section_id,))
    if conn.execute("DELETE FROM guidelines_sections WHERE id = ?", (section_id,)).rowcount == 0:
        raise NotFoundError(f"No guidelines section has id {section_id}.")


def insert_action(conn: sqlite3.Connection, action: KeyAction, at_end: bool = True) -> int:
    """Store a key action; with ``at_end`` it goes last in its section whatever its position says."""
    values = list(_action_values(action))
    if at_end:
        values[1] = _next_position(conn, "guidelines_actions", action.section_id)
    columns = _ACTION_COLUMNS.removeprefix("id, ")
    cursor = conn.execute(
        f"INSERT INTO guidelines_actions ({columns}) VALUES ({', '.join('?' * len(values))})", values
    )
    return int(cursor.lastrowid or 0)


def update_action(conn: sqlite3.Connection, action: KeyAction) -> None:
    """Write every field of an existing key action."""
    columns = _ACTION_COLUMNS.removeprefix("id, ").split(", ")
    assignments = ", ".join(f"{c} = ?" for c in columns)
    cursor = conn.execute(
        f"UPDATE guidelines_actions SET {assignments} WHERE id = ?", (*_action_values(action), action.id)
    )
    if cursor.rowcount == 0:
        raise NotFoundError(f"No key action has id {action.id}.")


def delete_actions(conn: sqlite3.Connection, ids: Iterable[int]) -> int:
    """Remove key actions; returns how many were removed."""
    return sum(conn.execute("DELETE FROM guidelines_actions WHERE id = ?", (i,)).rowcount for i in ids)


def insert_trigger(conn: sqlite3.Connection, trigger: ReferralTrigger) -> int:
    """Append a referral trigger to its section; returns its id."""
    cursor = conn.execute(
        "INSERT INTO guidelines_triggers (section_id, position, red_flag, category, evidence, refer_to, "
        "votes, groups) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            trigger.section_id,
            _next_position(conn, "guidelines_triggers", trigger.section_id),
            trigger.red_flag,
            trigger.category,
            trigger.evidence,
            trigger.refer_to,
            trigger.votes,
            trigger.groups,
        ),
    )
    return int(cursor.lastrowid or 0)


def delete_triggers(conn: sqlite3.Connection, section_id: int | None = None, ids: Iterable[int] = ()) -> int:
    """Remove every trigger of a section, or the given triggers; returns how many went."""
    if section_id is not None:
        return conn.execute("DELETE FROM guidelines_triggers WHERE section_id = ?", (section_id,)).rowcount
    return sum(conn.execute("DELETE FROM guidelines_triggers WHERE id = ?", (i,)).rowcount for i in ids)


def set_positions(
    conn: sqlite3.Connection, table: str, ids: Sequence[int], section_id: int | None = None
) -> None:
    """Number rows 0, 1, 2 … in the given order (and move them into ``section_id`` when given).

    Only rows whose place changes are written, so an undo step stays as small as the change.
    """
    parent = _ORDERED_TABLES[table]
    for position, row_id in enumerate(ids):
        if parent and section_id is not None:
            conn.execute(
                f"UPDATE {table} SET position = ?, {parent} = ? "
                f"WHERE id = ? AND (position != ? OR {parent} != ?)",
                (position, section_id, row_id, position, section_id),
            )
        else:
            conn.execute(
                f"UPDATE {table} SET position = ? WHERE id = ? AND position != ?",
                (position, row_id, position),
            )


def insert_version(conn: sqlite3.Connection, label: str, created: date, note: str = "") -> int:
    """Record a new version of the draft; returns its id."""
    cursor = conn.execute(
        "INSERT INTO guidelines_versions (label, created, note) VALUES (?, ?, ?)",
        (label, created.isoformat(), note),
    )
    return int(cursor.lastrowid or 0)
