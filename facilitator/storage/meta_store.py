"""Key-value settings stored in the workshop file (workshop identity, secrets, preferences)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from facilitator.core.workshop import CompositionCategory, Objective, WorkshopInfo

__all__ = ["info_from_json", "load_info", "read_value", "save_info", "write_value"]


def read_value(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    """A stored value, or ``default`` when absent."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else default


def write_value(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Store a value, replacing any earlier one."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def info_from_json(data: dict[str, object]) -> WorkshopInfo:
    """Build workshop information from its JSON form (as in ``resources/sample/workshop.json``)."""

    def _date(value: object) -> date | None:
        return date.fromisoformat(str(value)) if value else None

    objectives = data.get("objectives") or []
    composition = data.get("composition") or []
    return WorkshopInfo(
        code=str(data.get("code", "WS")),
        title=str(data.get("title", "Untitled workshop")),
        short_title=str(data.get("short_title", "")),
        host=str(data.get("host", "")),
        venue=str(data.get("venue", "")),
        start=_date(data.get("start")),
        end=_date(data.get("end")),
        objectives=tuple(
            Objective(str(o["letter"]), str(o["text"]))
            for o in objectives  # type: ignore[attr-defined]
        ),
        composition=tuple(
            CompositionCategory(
                key=str(c["key"]),
                label=str(c["label"]),
                expected=int(c["expected"]),
                delegations=tuple(c.get("delegations", ())),
                sectors=tuple(c.get("sectors", ())),
                roles=tuple(c.get("roles", ())),
            )
            for c in composition  # type: ignore[attr-defined]
        ),
        women_target=float(data.get("women_target", 0.5)),  # type: ignore[arg-type]
    )


def _info_to_json(info: WorkshopInfo) -> dict[str, object]:
    return {
        "code": info.code,
        "title": info.title,
        "short_title": info.short_title,
        "host": info.host,
        "venue": info.venue,
        "start": info.start.isoformat() if info.start else "",
        "end": info.end.isoformat() if info.end else "",
        "women_target": info.women_target,
        "objectives": [{"letter": o.letter, "text": o.text} for o in info.objectives],
        "composition": [
            {
                "key": c.key,
                "label": c.label,
                "expected": c.expected,
                "delegations": list(c.delegations),
                "sectors": list(c.sectors),
                "roles": list(c.roles),
            }
            for c in info.composition
        ],
    }


def load_info(conn: sqlite3.Connection) -> WorkshopInfo:
    """The workshop's identity; a new empty workshop has a placeholder title."""
    raw = read_value(conn, "workshop")
    return info_from_json(json.loads(raw) if raw else {})


def save_info(conn: sqlite3.Connection, info: WorkshopInfo) -> None:
    """Store the workshop's identity."""
    write_value(conn, "workshop", json.dumps(_info_to_json(info), ensure_ascii=False))
