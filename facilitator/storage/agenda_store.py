"""Reading and writing agenda days and items."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, time

from facilitator.core.agenda import AgendaDay, AgendaItem
from facilitator.core.errors import NotFoundError

__all__ = [
    "delete_day",
    "delete_items",
    "insert_day",
    "insert_item",
    "load_day",
    "load_days",
    "load_item",
    "load_items",
    "set_positions",
    "update_day",
    "update_item",
]

_ITEM_FIELDS = ("day_id", "position", "title", "kind", "duration", "lead", "objective", "notes", "link")
_ITEM_COLUMNS = "id, " + ", ".join(_ITEM_FIELDS) + ", flexible"


def _day_from_row(row: tuple[object, ...]) -> AgendaDay:
    day_id, day, start, planned_end, title = row
    return AgendaDay(
        id=int(day_id),  # type: ignore[call-overload]
        date=date.fromisoformat(str(day)),
        start=time.fromisoformat(str(start)),
        planned_end=time.fromisoformat(str(planned_end)) if planned_end else None,
        title=str(title),
    )


def _day_values(day: AgendaDay) -> tuple[str, str, str, str]:
    end = day.planned_end.strftime("%H:%M") if day.planned_end else ""
    return (day.date.isoformat(), day.start.strftime("%H:%M"), end, day.title)


def _item_from_row(row: tuple[object, ...]) -> AgendaItem:
    item_id, day_id, position, title, kind, duration, lead, objective, notes, link, flexible = row
    return AgendaItem(
        id=int(item_id),  # type: ignore[call-overload]
        day_id=int(day_id),  # type: ignore[call-overload]
        position=int(position),  # type: ignore[call-overload]
        title=str(title),
        kind=str(kind),
        duration=int(duration),  # type: ignore[call-overload]
        lead=str(lead),
        objective=str(objective),
        notes=str(notes),
        link=str(link),
        flexible=bool(flexible),
    )


def _item_values(item: AgendaItem) -> tuple[object, ...]:
    return (*(getattr(item, f) for f in _ITEM_FIELDS), int(item.flexible))


def load_days(conn: sqlite3.Connection) -> list[AgendaDay]:
    """Every day, in date order."""
    rows = conn.execute("SELECT id, date, start, planned_end, title FROM agenda_days ORDER BY date")
    return [_day_from_row(row) for row in rows]


def load_day(conn: sqlite3.Connection, day_id: int) -> AgendaDay:
    """One day by id."""
    row = conn.execute(
        "SELECT id, date, start, planned_end, title FROM agenda_days WHERE id = ?", (day_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No agenda day has id {day_id}.")
    return _day_from_row(row)


def insert_day(conn: sqlite3.Connection, day: AgendaDay) -> int:
    """Add a day; returns its id."""
    cursor = conn.execute(
        "INSERT INTO agenda_days (date, start, planned_end, title) VALUES (?, ?, ?, ?)", _day_values(day)
    )
    return int(cursor.lastrowid or 0)


def update_day(conn: sqlite3.Connection, day: AgendaDay) -> None:
    """Write every field of an existing day."""
    cursor = conn.execute(
        "UPDATE agenda_days SET date = ?, start = ?, planned_end = ?, title = ? WHERE id = ?",
        (*_day_values(day), day.id),
    )
    if cursor.rowcount == 0:
        raise NotFoundError(f"No agenda day has id {day.id}.")


def delete_day(conn: sqlite3.Connection, day_id: int) -> None:
    """Remove a day and its items (items first, so that undo restores the day before them)."""
    conn.execute("DELETE FROM agenda_items WHERE day_id = ?", (day_id,))
    conn.execute("DELETE FROM agenda_days WHERE id = ?", (day_id,))


def load_items(conn: sqlite3.Connection) -> list[AgendaItem]:
    """Every item, by day and position."""
    rows = conn.execute(f"SELECT {_ITEM_COLUMNS} FROM agenda_items ORDER BY day_id, position, id")
    return [_item_from_row(row) for row in rows]


def load_item(conn: sqlite3.Connection, item_id: int) -> AgendaItem:
    """One item by id."""
    row = conn.execute(f"SELECT {_ITEM_COLUMNS} FROM agenda_items WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"No agenda item has id {item_id}.")
    return _item_from_row(row)


def insert_item(conn: sqlite3.Connection, item: AgendaItem) -> int:
    """Add an item (its id is assigned); returns the id."""
    columns = ", ".join((*_ITEM_FIELDS, "flexible"))
    marks = ", ".join("?" * (len(_ITEM_FIELDS) + 1))
    cursor = conn.execute(f"INSERT INTO agenda_items ({columns}) VALUES ({marks})", _item_values(item))
    return int(cursor.lastrowid or 0)


def update_item(conn: sqlite3.Connection, item: AgendaItem) -> None:
    """Write every field of an existing item."""
    assignments = ", ".join(f"{f} = ?" for f in (*_ITEM_FIELDS, "flexible"))
    cursor = conn.execute(
        f"UPDATE agenda_items SET {assignments} WHERE id = ?", (*_item_values(item), item.id)
    )
    if cursor.rowcount == 0:
        raise NotFoundError(f"No agenda item has id {item.id}.")


def delete_items(conn: sqlite3.Connection, ids: Iterable[int]) -> int:
    """Remove items by id; returns how many were removed."""
    return sum(conn.execute("DELETE FROM agenda_items WHERE id = ?", (i,)).rowcount for i in ids)


def set_positions(conn: sqlite3.Connection, day_id: int, ids: Iterable[int]) -> None:
    """Put items on a day in the given order, writing only rows whose day or position changes."""
    current = {
        int(i): (int(d), int(p)) for i, d, p in conn.execute("SELECT id, day_id, position FROM agenda_items")
    }
    for position, item_id in enumerate(ids):
        if current.get(item_id) != (day_id, position):
            conn.execute(
                "UPDATE agenda_items SET day_id = ?, position = ? WHERE id = ?", (day_id, position, item_id)
            )
