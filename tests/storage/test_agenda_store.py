"""Tests of the agenda and timer tables on a real workshop file."""

from __future__ import annotations

import sqlite3
from datetime import date, time
from pathlib import Path

from facilitator.core.agenda import AgendaDay, AgendaItem
from facilitator.core.countdown import Countdown, ItemRun
from facilitator.core.timer_view import DisplaySettings
from facilitator.storage import agenda_store, timer_store
from facilitator.storage.database import WorkshopDatabase


def _open(tmp_path: Path) -> WorkshopDatabase:
    return WorkshopDatabase.create(tmp_path / "w.sqlite")


def test_days_and_items_round_trip(tmp_path: Path) -> None:
    """Every field of a day and an item is read back as written."""
    database = _open(tmp_path)
    with database.transaction() as conn:
        day_id = agenda_store.insert_day(
            conn, AgendaDay(0, date(2019, 5, 28), time(8, 30), time(13, 0), "Day 2")
        )
        item = AgendaItem(
            0, day_id, 0, "Breakout", "breakout", 70, "Facilitators", "D", "Notes", "round:R1", True
        )
        item_id = agenda_store.insert_item(conn, item)
    assert agenda_store.load_days(database.connection) == [
        AgendaDay(day_id, date(2019, 5, 28), time(8, 30), time(13, 0), "Day 2")
    ]
    assert agenda_store.load_item(database.connection, item_id) == item.with_changes(id=item_id)
    database.close()


def test_item_ids_are_never_reused(tmp_path: Path) -> None:
    """A deleted item's id is not given to a new item, so old timer records never attach to it."""
    database = _open(tmp_path)
    with database.transaction() as conn:
        day_id = agenda_store.insert_day(conn, AgendaDay(0, date(2019, 5, 27), time(8, 0)))
        first = agenda_store.insert_item(conn, AgendaItem(0, day_id, 0, "A"))
        agenda_store.delete_items(conn, [first])
        second = agenda_store.insert_item(conn, AgendaItem(0, day_id, 0, "B"))
    assert second > first
    database.close()


def test_timer_state_survives_closing_the_file(tmp_path: Path) -> None:
    """Countdown, settings and item records are read back after the file is closed and reopened."""
    database = _open(tmp_path)
    countdown = Countdown(4, True, 12.5, 1_558_920_600.0, 60.0)
    settings = DisplaySettings(240, 30, False, False, "Please return to plenary", True)
    with database.transaction() as conn:
        timer_store.save_countdown(conn, countdown)
        timer_store.save_settings(conn, settings)
        timer_store.save_runs(conn, [ItemRun(4, 1.0, None, 0.0, 0.0), ItemRun(3, 0.5, 1.0, 30.0, -60.0)])
        timer_store.save_runs(conn, [ItemRun(4, 1.0, 2.0, 1.0, 0.0)])
    database.close()
    conn = sqlite3.connect(tmp_path / "w.sqlite")
    assert timer_store.load_countdown(conn) == countdown
    assert timer_store.load_settings(conn) == settings
    assert timer_store.load_runs(conn) == {
        3: ItemRun(3, 0.5, 1.0, 30.0, -60.0),
        4: ItemRun(4, 1.0, 2.0, 1.0, 0.0),
    }
    conn.close()


def test_a_new_file_has_default_timer_state(tmp_path: Path) -> None:
    """With nothing saved the timer is stopped with default settings and no records."""
    database = _open(tmp_path)
    assert timer_store.load_countdown(database.connection) == Countdown()
    assert timer_store.load_settings(database.connection) == DisplaySettings()
    assert timer_store.load_runs(database.connection) == {}
    database.close()
