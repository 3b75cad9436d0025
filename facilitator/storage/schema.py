"""Table definitions, one constant per capability, applied by the migrations.

Every table has an integer primary key (its rowid), which the undo journal relies on. Statements are
separated by ``;`` and must not contain one inside (no triggers or string literals with ``;``).
"""

from __future__ import annotations

__all__ = ["CHECKIN", "META", "ROSTER", "VERSION_1"]

META = """
CREATE TABLE meta (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
)
"""

ROSTER = """
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    native_name TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '' CHECK (sex IN ('F', 'M', 'X', '')),
    delegation TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'participant',
    email TEXT NOT NULL DEFAULT ''
);
CREATE INDEX participants_delegation ON participants (delegation)
"""

CHECKIN = """
CREATE TABLE checkin_secret (
    id INTEGER PRIMARY KEY,
    secret TEXT NOT NULL CHECK (length(secret) >= 32)
);
CREATE TABLE checkin_scans (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    day INTEGER NOT NULL CHECK (day >= 1),
    scanned_at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('scan', 'search', 'walk-in')),
    UNIQUE (participant_id, day)
);
CREATE INDEX checkin_scans_day ON checkin_scans (day)
"""

VERSION_1: tuple[str, ...] = (META, ROSTER, CHECKIN)
