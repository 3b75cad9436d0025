"""Reading and writing the timer: its countdown, display settings and the record of items run.

The countdown's anchor is stored as a wall-clock time (``time.time``), the only clock that still
means something when the app is opened again after being closed or killed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from facilitator.core.countdown import Countdown, ItemRun
from facilitator.core.timer_view import DisplaySettings

__all__ = [
    "delete_runs",
    "load_countdown",
    "load_runs",
    "load_settings",
    "save_countdown",
    "save_runs",
    "save_settings",
]

_SETTINGS = ("amber_seconds", "red_seconds", "flash_overrun", "chime", "message", "agenda_only")


def _ensure_row(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT OR IGNORE INTO timer_state (id) VALUES (1)")


def load_countdown(conn: sqlite3.Connection) -> Countdown:
    """The saved countdown, its anchor on the wall clock (a fresh one when none was saved)."""
    row = conn.execute(
        "SELECT item_id, running, elapsed, anchor, extra FROM timer_state WHERE id = 1"
    ).fetchone()
    if row is None:
        return Countdown()
    item_id, running, elapsed, anchor, extra = row
    return Countdown(
        item_id=None if item_id is None else int(item_id),
        running=bool(running) and anchor is not None,
        elapsed=float(elapsed),
        anchor=None if anchor is None else float(anchor),
        extra=float(extra),
    )


def save_countdown(conn: sqlite3.Connection, countdown: Countdown) -> None:
    """Store the countdown; its anchor must be a wall-clock time."""
    _ensure_row(conn)
    conn.execute(
        "UPDATE timer_state SET item_id = ?, running = ?, elapsed = ?, anchor = ?, extra = ? WHERE id = 1",
        (countdown.item_id, int(countdown.running), countdown.elapsed, countdown.anchor, countdown.extra),
    )


def load_settings(conn: sqlite3.Connection) -> DisplaySettings:
    """The projector settings (defaults when none were saved)."""
    row = conn.execute(f"SELECT {', '.join(_SETTINGS)} FROM timer_state WHERE id = 1").fetchone()
    if row is None:
        return DisplaySettings()
    amber, red, flash, chime, message, agenda_only = row
    return DisplaySettings(int(amber), int(red), bool(flash), bool(chime), str(message), bool(agenda_only))


def save_settings(conn: sqlite3.Connection, settings: DisplaySettings) -> None:
    """Store the projector settings."""
    _ensure_row(conn)
    conn.execute(
        f"UPDATE timer_state SET {', '.join(f'{c} = ?' for c in _SETTINGS)} WHERE id = 1",
        (
            settings.amber_seconds,
            settings.red_seconds,
            int(settings.flash_overrun),
            int(settings.chime),
            settings.message,
            int(settings.agenda_only),
        ),
    )


def load_runs(conn: sqlite3.Connection) -> dict[int, ItemRun]:
    """What actually happened to each item run so far, by item id."""
    rows = conn.execute("SELECT item_id, started, ended, elapsed, extra FROM timer_runs ORDER BY item_id")
    return {
        int(item_id): ItemRun(int(item_id), started, ended, float(elapsed), float(extra))
        for item_id, started, ended, elapsed, extra in rows
    }


def save_runs(conn: sqlite3.Connection, runs: Iterable[ItemRun]) -> None:
    """Insert or replace the records of some items."""
    for run in runs:
        conn.execute(
            "INSERT INTO timer_runs (item_id, started, ended, elapsed, extra) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (item_id) DO UPDATE SET started = excluded.started, ended = excluded.ended, "
            "elapsed = excluded.elapsed, extra = excluded.extra",
            (run.item_id, run.started, run.ended, run.elapsed, run.extra),
        )


def delete_runs(conn: sqlite3.Connection, item_ids: Iterable[int] | None = None) -> None:
    """Forget the records of some items, or of every item."""
    if item_ids is None:
        conn.execute("DELETE FROM timer_runs")
        return
    for item_id in item_ids:
        conn.execute("DELETE FROM timer_runs WHERE item_id = ?", (item_id,))
