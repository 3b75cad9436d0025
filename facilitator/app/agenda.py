"""Agenda commands: days and items, their order, recovery cuts, the JSON view and the PDF.

Every edit is one undoable action on the ``AGENDA`` topic. Values arrive as text from the table
editor or the command line and are checked here, with messages that name the field; a link must
name a breakout round or board that exists (see ``app.links``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from facilitator import paths
from facilitator.app.changes import AGENDA, Changes
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.core.agenda import (
    ITEM_KINDS,
    AgendaDay,
    AgendaItem,
    DaySchedule,
    ScheduledItem,
    clock_text,
    parse_clock,
    parse_duration,
    parse_link,
    schedule,
)
from facilitator.core.countdown import ItemRun
from facilitator.core.errors import InputError
from facilitator.core.user_text import clean_line, strip_controls
from facilitator.storage import agenda_store, timer_store

__all__ = [
    "ITEM_FIELDS",
    "add_day",
    "add_item",
    "agenda_json",
    "agenda_workshop_step",
    "clean_item_value",
    "edit_day",
    "edit_item",
    "export_agenda",
    "item_runs",
    "load_schedule",
    "move_items",
    "remove_day",
    "remove_items",
]

#: Editable item fields with the names shown to the user.
ITEM_FIELDS: dict[str, str] = {
    "title": "Title",
    "kind": "Kind",
    "duration": "Duration",
    "lead": "Lead",
    "objective": "Objective",
    "notes": "Notes",
    "link": "Link",
    "flexible": "Flexible",
}

_TRUE = {"1", "yes", "y", "true", "x", "flexible"}
_FALSE = {"0", "no", "n", "false", ""}


def load_schedule(session: WorkshopSession) -> list[DaySchedule]:
    """Every day with its items timed back to back."""
    conn = session.connection
    return schedule(agenda_store.load_days(conn), agenda_store.load_items(conn))


def _objective_letters(session: WorkshopSession) -> list[str]:
    return [o.letter for o in session.info.objectives]


def clean_item_value(field: str, value: object, objectives: Sequence[str] = ()) -> object:
    """Normalise one edited item value, or explain why it is refused.

    Args:
        field: One of ``ITEM_FIELDS``.
        value: The value as typed (text) or as stored.
        objectives: Objective letters of the workshop; any single letter when empty.

    Raises:
        InputError: The value is not acceptable; the message names the field.
    """
    if field not in ITEM_FIELDS:
        raise InputError(f"'{field}' is not an agenda item field that can be edited.")
    if field == "duration":
        return parse_duration(value if isinstance(value, int) else str(value))
    if field == "flexible":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text not in _TRUE | _FALSE:
            raise InputError(f"Flexible: '{value}' is not understood; use yes or no.")
        return text in _TRUE
    # Control characters never reach the store (they break the agenda's XLSX and DOCX neighbours).
    text = clean_line(value) if field != "notes" else strip_controls(str(value)).strip()
    if field == "title" and not text:
        raise InputError("Title: an agenda item needs a title.")
    if field == "kind":
        kind = text.lower().replace(" ", "-")
        if kind not in ITEM_KINDS:
            raise InputError(f"Kind: '{text}' is not a kind of item; use one of {', '.join(ITEM_KINDS)}.")
        return kind
    if field == "objective":
        letter = text.upper()
        valid = (len(letter) == 1 and letter.isalpha()) if not objectives else letter in objectives
        if letter and not valid:
            allowed = ", ".join(objectives) if objectives else "a single letter"
            raise InputError(f"Objective: '{text}' is not an objective of this workshop; use {allowed}.")
        return letter
    if field == "link":
        return parse_link(text)
    return text


def _day_from_values(day_id: int, values: dict[str, str], base: AgendaDay | None = None) -> AgendaDay:
    def pick(name: str, default: str) -> str:
        return str(values[name]).strip() if name in values else default

    when = pick("date", base.date.isoformat() if base else "")
    try:
        day_date = date.fromisoformat(when)
    except ValueError:
        raise InputError(f"Date: '{when}' is not a date; write it as YYYY-MM-DD, e.g. 2019-05-27.") from None
    start = parse_clock(pick("start", clock_text(base.start) if base else "08:30"), "Start")
    end_text = pick("planned_end", clock_text(base.planned_end) if base else "")
    planned_end = parse_clock(end_text, "Planned end") if end_text else None
    if planned_end is not None and planned_end <= start:
        raise InputError("Planned end: the day must end after it starts.")
    title = clean_line(pick("title", base.title if base else ""))
    return AgendaDay(day_id, day_date, start, planned_end, title)


def _check_date_free(session: WorkshopSession, day: AgendaDay) -> None:
    for other in agenda_store.load_days(session.connection):
        if other.date == day.date and other.id != day.id:
            raise InputError(f"Date: the agenda already has a day on {day.label}.")


def add_day(session: WorkshopSession, **values: str) -> int:
    """Add a day (``date`` required; ``start``, ``planned_end``, ``title`` optional); returns its id."""
    day = _day_from_values(0, values)
    _check_date_free(session, day)
    with session.action(f"Add {day.label}", [AGENDA]) as conn:
        return agenda_store.insert_day(conn, day)


def edit_day(session: WorkshopSession, day_id: int, **values: str) -> Changes:
    """Change the date, start, planned end or title of a day."""
    current = agenda_store.load_day(session.connection, day_id)
    day = _day_from_values(day_id, values, current)
    if day == current:
        return Changes()
    _check_date_free(session, day)
    label = f"Edit {current.label}"
    with session.action(label, [AGENDA]) as conn:
        agenda_store.update_day(conn, day)
    return session.last_changes


def remove_day(session: WorkshopSession, day_id: int) -> Changes:
    """Remove a day with all its items."""
    day = agenda_store.load_day(session.connection, day_id)
    label = f"Remove {day.label}"
    with session.action(label, [AGENDA]) as conn:
        agenda_store.delete_day(conn, day_id)
    return session.last_changes


def _check_link(session: WorkshopSession, text: str) -> str:
    # Imported here: reading rounds and boards loads both capabilities (~90 ms), which only an
    # edit of a link needs, not ``facilitator agenda`` nor the agenda PDF.
    from facilitator.app.links import check_link

    return check_link(session, text)


def _day_item_ids(conn: sqlite3.Connection, day_id: int) -> list[int]:
    return [i.id for i in agenda_store.load_items(conn) if i.day_id == day_id]


def add_item(session: WorkshopSession, day_id: int, position: int | None = None, **values: object) -> int:
    """Insert an item on a day at ``position`` (at the end when None); returns its id."""
    agenda_store.load_day(session.connection, day_id)
    letters = _objective_letters(session)
    cleaned = {f: clean_item_value(f, v, letters) for f, v in values.items()}
    if cleaned.get("link"):
        cleaned["link"] = _check_link(session, str(cleaned["link"]))
    if "title" not in cleaned:
        raise InputError("Title: an agenda item needs a title.")
    item = AgendaItem(0, day_id, 0, **cleaned)  # type: ignore[arg-type]
    with session.action(f"Add {item.title}", [AGENDA]) as conn:
        order = _day_item_ids(conn, day_id)
        new_id = agenda_store.insert_item(conn, item)
        at = len(order) if position is None else max(0, min(position, len(order)))
        order.insert(at, new_id)
        agenda_store.set_positions(conn, day_id, order)
    return new_id


def edit_item(session: WorkshopSession, item_id: int, **values: object) -> Changes:
    """Change some fields of one item."""
    letters = _objective_letters(session)
    cleaned = {f: clean_item_value(f, v, letters) for f, v in values.items()}
    current = agenda_store.load_item(session.connection, item_id)
    if "link" in cleaned and cleaned["link"] != current.link:
        # Checked only when it changes: a link to a round deleted since stays as it is.
        cleaned["link"] = _check_link(session, str(cleaned["link"]))
    updated = current.with_changes(**cleaned)
    if updated == current:
        return Changes()
    if len(cleaned) == 1:
        label = f"Edit {ITEM_FIELDS[next(iter(cleaned))].lower()} of {current.title}"
    else:
        label = f"Edit {current.title}"
    with session.action(label, [AGENDA]) as conn:
        agenda_store.update_item(conn, updated)
    return session.last_changes


def remove_items(session: WorkshopSession, ids: Iterable[int]) -> Changes:
    """Remove items; the rest of each day closes up behind them."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return Changes()
    items = [agenda_store.load_item(session.connection, i) for i in ids]
    label = f"Remove {items[0].title}" if len(items) == 1 else f"Remove {len(items)} agenda items"
    with session.action(label, [AGENDA]) as conn:
        agenda_store.delete_items(conn, ids)
        for day_id in {i.day_id for i in items}:
            agenda_store.set_positions(conn, day_id, _day_item_ids(conn, day_id))
    return session.last_changes


def move_items(session: WorkshopSession, ids: Sequence[int], day_id: int, row: int) -> Changes:
    """Move items (kept in their given order) to ``row`` of a day, as a drag and drop does.

    ``row`` counts the day's items before the move, as the table shows them.
    """
    ids = list(dict.fromkeys(ids))
    agenda_store.load_day(session.connection, day_id)
    moving = [agenda_store.load_item(session.connection, i) for i in ids]
    if not moving:
        return Changes()
    target = _day_item_ids(session.connection, day_id)
    before = len([i for i in target[: max(0, row)] if i in ids])
    remaining = [i for i in target if i not in ids]
    at = max(0, min(row - before, len(remaining)))
    order = remaining[:at] + ids + remaining[at:]
    if order == target and all(m.day_id == day_id for m in moving):
        return Changes()
    label = f"Move {moving[0].title}" if len(moving) == 1 else f"Move {len(moving)} agenda items"
    with session.action(label, [AGENDA]) as conn:
        agenda_store.set_positions(conn, day_id, order)
        for source in {m.day_id for m in moving} - {day_id}:
            agenda_store.set_positions(conn, source, _day_item_ids(conn, source))
    return session.last_changes


def item_runs(session: WorkshopSession) -> dict[int, ItemRun]:
    """What the timer recorded for each item (actual start and end), by item id."""
    return timer_store.load_runs(session.connection)


def _clock(wall: float | None) -> str | None:
    return None if wall is None else clock_text(datetime.fromtimestamp(wall))


def _item_json(timed_item: ScheduledItem, run: ItemRun | None) -> dict[str, object]:
    item = timed_item.item
    return {
        "id": item.id,
        "start": clock_text(timed_item.start),
        "end": clock_text(timed_item.end),
        "duration": item.duration,
        "title": item.title,
        "kind": item.kind,
        "lead": item.lead,
        "objective": item.objective,
        "link": item.link,
        "flexible": item.flexible,
        "notes": item.notes,
        "actual_start": _clock(run.started) if run else None,
        "actual_end": _clock(run.ended) if run else None,
    }


def agenda_json(session: WorkshopSession) -> list[dict[str, object]]:
    """The agenda as ``facilitator agenda --json`` prints it: days, each with timed items, and
    the actual start and end of every item the timer has run."""
    runs = item_runs(session)
    return [
        {
            "day": day.number,
            "date": day.day.date.isoformat(),
            "title": day.day.title,
            "start": clock_text(day.start),
            "end": clock_text(day.end),
            "planned_end": clock_text(day.planned_end) or None,
            "warning": day.warning or None,
            "items": [_item_json(t, runs.get(t.item.id)) for t in day.items],
        }
        for day in load_schedule(session)
    ]


def agenda_workshop_step(conn: sqlite3.Connection, sample: bool) -> None:
    """New-workshop step: the sample's two days from ``resources/sample/agenda.json``."""
    if not sample:
        return
    data = json.loads((paths.resources_dir() / "sample" / "agenda.json").read_text(encoding="utf-8"))
    for day_data in data["days"]:
        values = {k: str(day_data.get(k, "")) for k in ("date", "start", "planned_end", "title")}
        day_id = agenda_store.insert_day(conn, _day_from_values(0, values))
        for position, raw in enumerate(day_data["items"]):
            cleaned = {f: clean_item_value(f, v) for f, v in raw.items()}
            agenda_store.insert_item(conn, AgendaItem(0, day_id, position, **cleaned))  # type: ignore[arg-type]


def export_agenda(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """Write the agenda PDF: planned times, and once the timer has run, planned against actual.

    ``options.day`` limits it to one day (1-based).
    """
    from facilitator.documents.agenda_pdf import AgendaDocument, write_agenda_pdf

    days = load_schedule(session)
    if options.day is not None:
        if not 1 <= options.day <= len(days):
            raise InputError(
                f"--day {options.day}: the agenda has {len(days)} day(s); choose 1 to {len(days)}."
            )
        days = [d for d in days if d.number == options.day]
    runs = item_runs(session)
    document = AgendaDocument(session.info, days, runs)
    return write_agenda_pdf(output, document, options.progress)
